"""Typesetting a Dutch reader trusts (issue 23, item 7): dates as the reader writes them, the
calibration sheet upright and legible, bookmarks and the author as text."""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
import pypdfium2
import pytest
from pypdf import PdfReader
from reportlab.platypus import Flowable

from generator.build.pipeline import build
from generator.core.errors import Location, UserError
from generator.core.geometry import parse_size
from generator.core.i18n import written_date
from generator.core.markup import plain
from generator.core.project import Project
from generator.model.deck import Deck
from generator.render.deck_faces import deck_faces
from generator.render.drawlist import Para
from generator.render.faces import FacePainter
from generator.render.flow import TextSetter
from generator.render.fonts import register_family
from generator.render.typeset import Balanced, line_count, line_texts
from generator.validate.layout import load_layout
from tests.editing import load, save
from tests.projects import CARDS, LAYOUTS, deck_versions

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
        for page in pdf.pages:  # the front, and the back as its page is printed
            assert page.chars and all(char["upright"] for char in page.chars)
            assert all(char["matrix"][0] > 0 for char in page.chars)  # not upside down
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


# -- balanced headings ------------------------------------------------------------------------


def last_line_words(paragraph: Flowable) -> int:
    inner = paragraph
    while not hasattr(inner, "blPara"):
        inner = getattr(inner, "chosen", None) or inner.text
    return len(line_texts(inner)[-1][1].split())


HEADING = "Het werken aan verbinding en vertrouwen met elkaar binnen het gezin"


def unbalanced(setter: TextSetter, style: str) -> Flowable:
    """HEADING in the style as it would be set without balancing (plain, or hyphenating)."""
    balanced = setter._flowable(Para(style, HEADING), setter.layout.styles[style], 0)
    assert isinstance(balanced, Balanced)
    return balanced.text


def widowed_width(setter: TextSetter, style: str) -> float:
    """A width at which HEADING, set without balancing, leaves one word alone on its last
    line."""
    for width in range(120, 300):
        text = unbalanced(setter, style)
        text.wrap(width, 1000)
        if line_count(text) > 1 and last_line_words(text) == 1:
            return float(width)
    raise AssertionError("no width widows a word: choose another heading")


@pytest.mark.parametrize("style", ["heading", "band", "card-title", "question", "subquestion"])
def test_a_heading_that_would_widow_a_word_is_balanced(style: str) -> None:
    layout = load_layout("pocket-card", LAYOUTS, Location(LAYOUTS))
    setter = TextSetter(layout, "nl", lambda colour: None)
    assert layout.styles[style].balance in ("even", "widow")
    width = widowed_width(setter, style)
    alone = unbalanced(setter, style)
    _, alone_height = alone.wrap(width, 1000)
    balanced = setter._flowable(Para(style, HEADING), layout.styles[style], 0)
    _, height = balanced.wrap(width, 1000)
    balanced.balance()  # as when drawn
    assert line_count(balanced) <= line_count(alone) and height <= alone_height
    assert last_line_words(balanced) >= 2
    if layout.styles[style].balance == "even":
        assert balanced.used < width  # set narrower than the frame, in as many lines


def test_body_text_is_not_balanced() -> None:
    layout = load_layout("pocket-card", LAYOUTS, Location(LAYOUTS))
    assert not any(layout.styles[name].balance for name in ("body", "point", "subpoint"))


@pytest.mark.parametrize("deck", shipped_decks(), ids=lambda deck: deck.id)
def test_no_shipped_heading_or_question_leaves_one_word_on_its_last_line(deck: Deck) -> None:
    """Every band, heading and question of every card, as laid out: when it takes more than
    one line, its last line holds more than one word, unless carrying the word before it down
    too would take another line (a long last word in a narrow frame)."""
    layout = load_layout(deck.layout, LAYOUTS, Location(LAYOUTS))
    register_family(layout.font)
    trim = parse_size(deck.trim or layout.default_trim)
    painter = FacePainter(layout, deck.language, trim, deck.location,
                          hyphenation=deck.hyphenation)  # fmt: skip
    checked = 0
    for face in deck_faces(deck, layout):
        for _, placed in painter.lay_out(face).elements:
            for item in placed:
                text = getattr(item.flowable, "paragraph", item.flowable)  # beside a tick box
                if isinstance(text, Balanced) and line_count(text) > 1:
                    text.balance()  # as when drawn
                    checked += 1
                    if last_line_words(text) >= 2:
                        continue
                    # alone only where the frame has no room for the word before it as well
                    assert text.tied is not None, (face.label, item.ref)
                    text.tied.wrap(text.width, 10_000)
                    assert line_count(text.tied) > line_count(text), (face.label, item.ref)
    assert checked  # the deck has texts of more than one line to balance


# -- footers ----------------------------------------------------------------------------------


def test_every_face_ends_with_the_decks_title_card_number_and_edition(
    built: dict[str, Path],
) -> None:
    """One footer pattern in every deck: each face ends with the deck's title, then 'card n
    of N · edition' (a back, behind its front, the edition only), each on a line of its own
    (a footer never wraps)."""
    for deck in shipped_decks():
        labels, count = deck.labels, len(deck.cards)
        date = written_date(deck.edition.date, deck.language)
        edition = f"{labels['edition']} {deck.edition.version} ({date})"
        pages = PdfReader(built[f"{deck.id}_print.pdf"]).pages
        for index, page in enumerate(pages):
            number = index // 2 + 1
            lines = [line.strip() for line in page.extract_text().splitlines()]
            front = f"{labels['card']} {number} {labels['of']} {count} · {edition}"
            last = front if index % 2 == 0 else edition
            assert lines[-2:] == [plain(deck.title), last], (deck.id, index)


def test_a_footer_too_long_for_its_line_stops_the_build(workspace: Path) -> None:
    path = workspace / "cards" / "voor-wie-doen-we-wat.yaml"
    document = load(path)
    card = document["labels"]["card"]
    longer = "Kaart uit de set voor de trainingsdag van het leernetwerk, nummer"
    document["labels"]["card"] = {**card, "nl": longer} if isinstance(card, dict) else longer
    save(path, document)
    with pytest.raises(UserError) as raised:
        build(Project(workspace / "cards", workspace / "layouts", workspace / "output"))
    messages = [problem.message for problem in raised.value.problems]
    assert any("must stay on one line (style 'footer' never wraps)" in m for m in messages)


# -- one body size per deck -------------------------------------------------------------------


def shrunk_frames(deck: Deck) -> list[tuple[str, float, float]]:
    """Each frame of the deck set smaller than the layout's sizes: its face, by how many
    points, and how full the frame is at that size."""
    layout = load_layout(deck.layout, LAYOUTS, Location(LAYOUTS))
    register_family(layout.font)
    trim = parse_size(deck.trim or layout.default_trim)
    painter = FacePainter(layout, deck.language, trim, deck.location,
                          hyphenation=deck.hyphenation)  # fmt: skip
    found = []
    for face in deck_faces(deck, layout):
        laid_out = painter.lay_out(face)
        for note in laid_out.notes:
            for element, placed in laid_out.elements:
                if placed and any(item.ref == note.ref for item in placed):
                    used = max(item.top + item.height for item in placed) - placed[0].top
                    found.append((face.label, note.points, used / (element.h * 72 / 25.4)))
    return found


@pytest.mark.parametrize("deck", shipped_decks(), ids=lambda deck: deck.id)
def test_text_is_set_smaller_only_on_a_face_it_fills(deck: Deck) -> None:
    """A deck keeps the layout's sizes: a frame's text is set smaller only where it would
    not fit, so a frame set smaller is nearly full at its smaller size, never half empty."""
    for face, points, fill in shrunk_frames(deck):
        assert fill > 0.85, (face, points, fill)
