"""The digital PDFs and the fillable checklists are tagged PDF/UA-1: judged by outloud (PDF/UA-1
and WCAG 2.2), their structure read back with pdfium (pypdfium2) and compared with the
content: every question is the body of a list item of its card, in order, a sub-question in
the list inside its question; the deck's title the first heading; the tagged text is the text
on the page. The print files stay untagged."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest

from generator.core.markup import plain
from generator.core.project import Project
from generator.validate.content import collect
from tests.pdf_structure import Marked, structure
from tests.projects import CARDS, LAYOUTS

pytestmark = pytest.mark.slow
TAGGED = ("_digital.pdf", "_checklist.pdf")
OUTLOUD = Path(sys.executable).parent / "outloud"  # its command, installed with the dev lock


def outloud(paths: list[Path], tmp_path: Path) -> dict[str, list[dict]]:
    """outloud's findings per file (its JSON report)."""
    report = tmp_path / "outloud.json"
    command = [str(OUTLOUD), *map(str, paths), "--json", str(report), "--fail-on", "never"]
    subprocess.run(command, check=True, capture_output=True, timeout=600)
    return {Path(r["path"]).name: r["findings"] for r in json.loads(report.read_text())["results"]}


def tagged_files(built: dict[str, Path]) -> list[Path]:
    return [path for name, path in sorted(built.items()) if name.endswith(TAGGED)]


def test_outloud_finds_no_pdf_ua_or_wcag_failure(built: dict[str, Path], tmp_path: Path) -> None:
    files = tagged_files(built)
    assert len(files) >= 6
    for name, findings in outloud(files, tmp_path).items():
        errors = [f for f in findings if f["severity"] == "error"]
        assert errors == [], (name, errors)
        for finding in [f for f in findings if f["severity"] == "warning"]:
            # The one warning left: a card's own source at its foot, alike on several cards
            # but for its section number, which PAG-001 strips before it compares lines. It is
            # the card's citation, read with the card (see the README).
            assert finding["rule"] == "PAG-001" and name.endswith("_digital.pdf"), (name, finding)


def test_a_breaker_untagged_text_is_an_outloud_error(
    built: dict[str, Path], tmp_path: Path
) -> None:
    """The judge can fail: the checklist with its marked content taken out of one page."""
    source = next(path for path in tagged_files(built) if path.name.endswith("_checklist.pdf"))
    broken = tmp_path / "untagged.pdf"
    with pikepdf.open(source) as pdf:
        page = pdf.pages[0]
        content = page.obj.Contents.read_bytes()
        stripped = re.sub(rb"/\w+ <</MCID \d+>> BDC|/Artifact BMC|EMC", b"", content)
        page.obj.Contents = pdf.make_stream(stripped)
        pdf.save(broken)
    [findings] = outloud([broken], tmp_path).values()
    assert any(f["severity"] == "error" for f in findings)


def decks() -> dict:
    return collect(Project(cards=CARDS, layouts=LAYOUTS, output=Path("output"))).decks


def same(a: str, b: str) -> bool:
    """Alike as read: markup, white space and hyphenation at line ends aside."""
    return re.sub(r"[\s\u00ad-]", "", plain(a)) == re.sub(r"[\s\u00ad-]", "", b)


def test_every_question_is_a_list_item_of_its_card_in_order(built: dict[str, Path]) -> None:
    """(The checklist groups the cards by level: each card's questions keep their order.)"""
    for deck in decks().values():
        name = f"{deck.id}_checklist.pdf"
        if name not in built:
            continue
        items = [m for m in structure(built[name]) if m.type == "LBody"]
        for card in deck.cards:
            wanted = []
            for question in card.questions:
                wanted += [(question, False), *((sub, True) for sub in question.sub)]
            places = []
            for question, is_sub in wanted:
                found = [i for i, m in enumerate(items) if same(question.text, m.text)]
                assert found, (deck.id, question.text)
                assert items[found[0]].ancestors.count("L") == (2 if is_sub else 1), question.id
                places.append(found[0])
            assert places == sorted(places), (deck.id, card.id)


def test_the_digital_pdf_opens_with_the_decks_title_as_its_first_heading(
    built: dict[str, Path],
) -> None:
    deck = decks()["voor-wie-doen-we-wat"]
    marked = structure(built["continuum_digital.pdf"])
    headings = [m for m in marked if re.fullmatch(r"H\d", m.type)]
    assert headings[0].type == "H1" and same(deck.title, headings[0].text)
    questions = [m.text for m in marked if m.type == "LBody"]
    for card in deck.cards:
        for question in card.questions:
            assert any(same(question.text, text) for text in questions), question.text


def test_what_is_tagged_is_what_the_page_shows(built: dict[str, Path]) -> None:
    """Each tagged text is text pdfium extracts from its page (nothing tagged is empty)."""
    for path in tagged_files(built):
        marked: list[Marked] = [m for m in structure(path)
                                if m.type not in ("Document", "L", "LI")]  # fmt: skip
        assert marked, path.name
        for index, element in enumerate(marked):
            if element.type in ("H1", "H2", "H3", "P", "LBody") and not element.text:
                # its text in a passage of another language: the Span right under it
                after = marked[index + 1] if index + 1 < len(marked) else None
                assert after and after.type == "Span" and after.text, (path.name, element)


def test_names_kept_in_dutch_are_marked_dutch_in_the_english_pdf(built: dict[str, Path]) -> None:
    marked = structure(built["continuum-en_digital.pdf"])
    dutch = [m for m in marked if m.lang == "nl"]
    assert dutch  # the examples' organisations, kept in Dutch (poster names)
    assert all(m.lang in ("", "nl") for m in marked)


def test_print_files_stay_untagged(built: dict[str, Path]) -> None:
    for name, path in built.items():
        if name.endswith(("_print.pdf", "_a4-duplex.pdf")):
            with pikepdf.open(path) as pdf:
                assert "/StructTreeRoot" not in pdf.Root, name
                assert b"BDC" not in pdf.pages[0].obj.Contents.read_bytes(), name
