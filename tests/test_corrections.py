"""The source's slips corrected in print (`corrections:`), and typographic quotes.

Each test writes a correction or a quote into the workspace's frozen copy of the main deck
(tests/fixtures/cards) and checks what the editor is told: file, line, item, fix.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from generator.core.errors import Location
from generator.load.yaml_file import read_yaml
from generator.model.deck import Correction
from generator.validate.corrections import stale_corrections, undo, unsourced
from tests.messages import item, problem, said
from tests.projects import deck_versions

DECK = "cards/voor-wie-doen-we-wat.yaml"
QUESTION = "nl: Wat is de draagkracht en -last van het gezin?"


def _append(workspace: Path, block: str) -> str:
    path = workspace / DECK
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n" + block
    path.write_text(text, encoding="utf-8")
    return text


def _line(text: str, words: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if words in line)


def test_a_correction_whose_printed_words_are_not_printed_stops_the_build(
    workspace: Path, run_cli: Callable, lang: str
) -> None:
    text = _append(workspace, "corrections:\n  - source: draagkracht en -last\n"
                              "    printed: draagkracht en -lastt\n")  # fmt: skip
    run = run_cli(workspace, "build")
    assert run.exit_code == 1, run.output
    message = said(
        "corrections: no printed text of this file contains '{printed}'",
        printed="draagkracht en -lastt",
    )
    fix = said(
        "write under 'printed:' the words exactly as a text of this file prints them, "
        "or remove the correction if the text no longer has them"
    )
    line = _line(text, "- source: draagkracht")
    assert problem(f"{DECK}:{line}", message, fix) in run.output


def test_a_correction_whose_printed_words_are_printed_builds(
    workspace: Path, run_cli: Callable
) -> None:
    """Its words may break over the file's lines: white space counts as one space."""
    _append(workspace, "corrections:\n  - source: draagkracht en last\n"
                       "    printed: draagkracht en\n      -last\n    note: a test\n")  # fmt: skip
    run = run_cli(workspace, "build")
    assert run.exit_code == 0, run.output
    [dutch, _english] = deck_versions(workspace / DECK)
    assert [c.printed for c in dutch.corrections] == ["draagkracht en -last"]


def test_a_correction_whose_source_words_are_not_in_the_source_is_named(lang: str) -> None:
    """The audit's check (make audit), on a source text made up here."""
    where = Location(Path("cards/deck.yaml"), 7)
    kept = Correction("Verskil in salaris", "Verschil in salaris", None, where)
    wrong = Correction("Verskill in salaris", "Verschil in salaris", None, where)
    source = "**Verskil in\nsalaris.** Professionals zijn vaak"
    assert unsourced([kept], source) == []
    [found] = unsourced([wrong], source)
    assert found.location == where
    assert found.message == said(
        "corrections: the source does not have the words '{source}'", source="Verskill in salaris"
    )
    assert found.hint == said("copy under 'source:' the source's words exactly, with its slip")


def test_undoing_the_corrections_gives_the_source_words() -> None:
    where = Location(Path("deck.yaml"), 1)
    corrections = [
        Correction("Verskil in salaris", "Verschil in salaris", None, where),
        Correction("vier thema's: (1)", "vier thema’s: (1)", None, where),
    ]
    printed = "**Verschil in\n salaris.** Bij vier thema’s: (1) het"
    assert undo(printed, corrections) == "**Verskil in salaris.** Bij vier thema's: (1) het"
    assert stale_corrections(corrections, [printed]) == []
    assert len(stale_corrections(corrections, ["iets anders"])) == 2


def test_a_straight_quote_in_a_printed_text_stops_the_build(
    workspace: Path, run_cli: Callable, lang: str
) -> None:
    path = workspace / DECK
    old = path.read_text(encoding="utf-8")
    assert old.count(QUESTION) == 1
    question = "Wat is de 'draagkracht' en -last van het gezin?"
    text = old.replace(QUESTION, f"nl: {question}")
    path.write_text(text, encoding="utf-8")
    run = run_cli(workspace, "build")
    assert run.exit_code == 1, run.output
    message = said(
        "{item}: a straight quote {quote} in “{context}”",
        item=item("question 'gezin-draagkracht'"),
        quote="'",
        context=question[: question.index("'") + 20],  # the words around the first quote
    )
    fix = said(
        "type ’ for an apostrophe (collega’s) and ‘…’ around a quotation: "
        "printed text takes typographic quotes"
    )
    line = _line(text, "- id: gezin-draagkracht") + 1  # its text: line
    assert problem(f"{DECK}:{line}", message, fix) in run.output


def test_a_text_that_points_into_the_report_stops_the_build(
    workspace: Path, run_cli: Callable, lang: str
) -> None:
    path = workspace / DECK
    old = path.read_text(encoding="utf-8")
    question = "Wat is de draagkracht en -last van het gezin (zie figuur 6.2)?"
    text = old.replace(QUESTION, f"nl: {question}")
    path.write_text(text, encoding="utf-8")
    run = run_cli(workspace, "build")
    assert run.exit_code == 1, run.output
    message = said(
        "{item}: ‘{words}’ points into a report the reader of the card does not have",
        item=item("question 'gezin-draagkracht'"),
        words="zie figuur",
    )
    fix = said(
        "drop the words and list that under 'corrections:' beside the source's wording, or say "
        "it in the source's own words for what it points to"
    )
    line = _line(text, "- id: gezin-draagkracht") + 1  # its text: line
    assert problem(f"{DECK}:{line}", message, fix) in run.output


def test_a_straight_quote_in_a_poster_text_stops_the_build(
    workspace: Path, run_cli: Callable, lang: str
) -> None:
    path = workspace / "cards" / "continuum.yaml"
    old = path.read_text(encoding="utf-8")
    title = read_yaml(path)["poster"]["title"]["nl"]
    assert old.count(f"nl: {title}\n") == 1  # the title is one line of the file
    quoted = f"{title} 'nieuw'"
    text = old.replace(f"nl: {title}\n", f'nl: "{quoted}"\n')
    path.write_text(text, encoding="utf-8")
    run = run_cli(workspace, "build")
    assert run.exit_code == 1, run.output
    message = said(
        "{item}: a straight quote {quote} in “{context}”",
        item=item("poster › title"),
        quote="'",
        context=quoted[max(0, quoted.index("'") - 20) : quoted.index("'") + 20],
    )
    line = _line(text, "  title:")  # a poster's text is placed at its key
    assert f"cards/continuum.yaml:{line}: {message}" in run.output
