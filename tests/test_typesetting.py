"""Typesetting a Dutch reader trusts (issue 23, item 7): dates as the reader writes them, the
calibration sheet upright and legible, bookmarks and the author as text."""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
import pypdfium2
import pytest
from pypdf import PdfReader

from generator.i18n import written_date
from generator.markup import plain
from generator.model import Deck
from tests.conftest import CARDS, deck_versions

ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def shipped_decks() -> list[Deck]:
    from generator.load.yaml_file import read_yaml

    files = [path for path in sorted(CARDS.glob("*.yaml")) if "deck" in read_yaml(path)]
    return [deck for path in files for deck in deck_versions(path)]


# -- dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "expected"),
    [("nl", "1 december 2026"), ("en", "1 December 2026"), ("nl", "23 november 2026")],
)
def test_a_date_is_written_as_the_products_reader_writes_it(language: str, expected: str) -> None:
    iso = {"1 december 2026": "2026-12-01", "1 December 2026": "2026-12-01"}.get(
        expected, "2026-11-23"
    )
    assert written_date(iso, language) == expected


def test_no_printed_product_shows_an_iso_date(built: dict[str, Path]) -> None:
    """Cards, posters, checklists and the digital PDFs print the edition date in words, one
    style per sheet; the HTML page keeps the ISO date only for machines (<time datetime>)."""
    for name, path in built.items():
        if name.endswith(".pdf") and "changes" not in name and "opdracht" not in name:
            for number, page in enumerate(PdfReader(path).pages, start=1):
                assert not ISO_DATE.findall(page.extract_text()), (name, number)
        elif name.endswith(".html"):
            html = path.read_text(encoding="utf-8")
            shown = re.sub(r'datetime="[^"]*"', "", html)
            assert not ISO_DATE.findall(re.sub(r"<[^>]*>", " ", shown)), name


@pytest.mark.parametrize("deck", shipped_decks(), ids=lambda deck: deck.id)
def test_every_face_prints_its_decks_date_in_its_language(
    built: dict[str, Path], deck: Deck
) -> None:
    date = written_date(deck.edition.date, deck.language)
    for page in PdfReader(built[f"{deck.id}_print.pdf"]).pages:
        assert date in " ".join(page.extract_text().split())


# -- the calibration sheet --------------------------------------------------------------------


def test_the_calibration_sheet_reads_upright_and_its_numbers_stand_apart(
    built: dict[str, Path],
) -> None:
    """The sheet says to hold it upright: every letter on it is upright on the sheet, and the
    rulers' numbers do not overlap one another."""
    with pdfplumber.open(built["voor-wie-doen-we-wat_duplex-calibration.pdf"]) as pdf:
        front = pdf.pages[0]
        assert front.chars and all(char["upright"] for char in front.chars)
        words = front.extract_words()
        numbers = [w for w in words if re.fullmatch(r"[+\u2212-]\d+", w["text"])]
        assert len(numbers) >= 8  # two rulers with two numbers each, on two cards
        for i, one in enumerate(numbers):
            for other in numbers[i + 1 :]:
                apart = (
                    one["x1"] <= other["x0"] or other["x1"] <= one["x0"]
                    or one["bottom"] <= other["top"] or other["bottom"] <= one["top"]
                )  # fmt: skip
                assert apart, (one["text"], other["text"])


# -- the digital PDF's bookmarks and author ---------------------------------------------------


def expected_outline(deck: Deck) -> list[str]:
    """The deck's bookmark titles as the content gives them: its title, then each card's."""
    titles = []
    for card in deck.cards:
        title = (
            card.heading
            or (card.level.name if card.level else None)
            or (card.sections[0].heading if card.sections else deck.title)
        )
        titles.append(plain(title))
    return [plain(deck.title), *titles]


def pdfium_outline(path: Path) -> list[tuple[int, str]]:
    document = pypdfium2.PdfDocument(str(path))
    try:
        return [(item.level, item.get_title()) for item in document.get_toc()]
    finally:
        document.close()


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_digital_pdfs_bookmarks_and_author_are_the_contents_titles_as_text(
    built: dict[str, Path], language: str
) -> None:
    """Read back by pypdf and by pdfium, every bookmark is a string equal to the content's
    title (they were once arrays of single letters, which viewers show empty)."""
    [deck] = [
        d for d in deck_versions(CARDS / "voor-wie-doen-we-wat.yaml") if d.language == language
    ]
    suffix = "" if language == "nl" else "-en"
    path = built[f"continuum{suffix}_digital.pdf"]
    reader = PdfReader(path)
    top = [item for item in reader.outline if not isinstance(item, list)]
    cards = next(item for item in reader.outline if isinstance(item, list))
    titles = [top[0].title, *(item.title for item in cards)]
    assert all(isinstance(title, str) for title in titles)
    assert titles == expected_outline(deck)
    author = reader.metadata.author
    assert isinstance(author, str) and author == plain(deck.source)
    pdfium = pdfium_outline(path)
    assert next(title for level, title in pdfium if level == 0) == plain(deck.title)
    assert [title for _, title in pdfium][: len(titles)] == titles
    assert all(title.strip() for _, title in pdfium)
