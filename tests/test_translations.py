"""Editions in other languages: translations beside the Dutch, and every gap a named error."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pypdf import PdfReader

from generator.load.yaml_file import read_yaml
from generator.validate.localize import language_versions
from generator.validate.poster import validate_poster
from tests.pdf_tools import page_texts, squeeze
from tests.projects import MAIN_DECK, deck_versions
from tests.test_html import web_only_labels

DECK = "cards/voor-wie-doen-we-wat.yaml"
ENGLISH = "voor-wie-doen-we-wat-en_print.pdf"


def edit(workspace: Path, old: str, new: str) -> str:
    path = workspace / DECK
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return text


def line_of(text: str, fragment: str) -> int:
    return next(n for n, row in enumerate(text.splitlines(), 1) if fragment in row)


def test_the_english_edition_prints_english_only(built: dict[str, Path]) -> None:
    english, dutch = deck_versions(MAIN_DECK)[1], deck_versions(MAIN_DECK)[0]
    assert english.language == "en" and english.id == "voor-wie-doen-we-wat-en"
    printed = squeeze(" ".join(page_texts(built[ENGLISH])))
    assert squeeze(english.cards[2].questions[0].text) in printed
    assert squeeze(dutch.cards[2].questions[0].text) not in printed
    assert PdfReader(built[ENGLISH]).trailer["/Root"]["/Lang"] == "en"


def test_a_missing_translation_is_named_with_its_line(workspace: Path, run_cli: Callable) -> None:
    text = edit(
        workspace, "          en: What can the family carry, and what burden does it carry?\n", ""
    )
    run = run_cli(workspace, "build")
    line = line_of(text, "nl: Wat is de draagkracht en -last van het gezin?") - 1
    assert run.exit_code == 1 and "Traceback" not in run.output
    where = "card 'vragen-gezin' › question 'gezin-draagkracht' › text"
    assert f"error: {DECK}:{line}: {where}: no 'en' text here (nl given)\n" in run.output
    assert "fix: add 'en: …' beside the other languages" in run.output


def test_an_untranslated_text_is_named(workspace: Path, run_cli: Callable) -> None:
    edit(
        workspace,
        "          nl: Wat is de draagkracht en -last van het gezin?\n"
        "          en: What can the family carry, and what burden does it carry?\n",
        "",
    )
    edit(workspace, "      - id: gezin-draagkracht\n        text:\n",
         "      - id: gezin-draagkracht\n        text: Wat is de draagkracht?\n")  # fmt: skip
    run = run_cli(workspace, "build")
    assert run.exit_code == 1
    assert "question 'gezin-draagkracht': not translated into 'en'" in run.output
    assert "fix: write 'nl:' and 'en:' under its key, each on a line of its own with its text" in (
        run.output
    )


def test_a_wrong_value_inside_a_translation_names_the_language(
    workspace: Path, run_cli: Callable
) -> None:
    text = edit(
        workspace,
        "          en: What can the family carry, and what burden does it carry?\n",
        "          en: yes\n",
    )
    run = run_cli(workspace, "build")
    line = line_of(text, "          en: yes")
    item = "card 'vragen-gezin' › question 'gezin-draagkracht' › text › en"
    assert f"error: {DECK}:{line}: {item}: expected a text, found true" in run.output


def test_the_english_poster_prints_every_english_text(built: dict[str, Path]) -> None:
    path = MAIN_DECK.parent / "continuum.yaml"

    def retarget(item, language: str) -> dict:
        return {"deck": f"{item.deck}-{language}"}

    english = language_versions(read_yaml(path), path, "poster", validate_poster, retarget)[1]
    assert english.id == "continuum-en" and english.deck == "voor-wie-doen-we-wat-en"
    pages = page_texts(built["continuum-en_A3_print.pdf"])
    pages += page_texts(built["continuum-en-workshop_A3_print.pdf"])
    printed = squeeze(" ".join(pages))
    skipped = {"labels › contacts", *web_only_labels()}  # the HTML page's labels: test_html
    content = {ref: text for ref, text in english.texts.items() if ref not in skipped}
    assert [ref for ref, text in content.items() if squeeze(text) not in printed] == []
    start = deck_versions(MAIN_DECK)[1].cards[1].questions[0]
    assert squeeze(start.text) in printed
