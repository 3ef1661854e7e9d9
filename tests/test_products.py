"""The shipped deck's products: every text present, boxes, fonts, safe area, bleed, bytes."""

from __future__ import annotations

import io
import logging
import subprocess
import sys
from pathlib import Path

import pdfplumber
import pypdfium2
import pytest
from pypdf import PdfReader

from generator.build.pipeline import Request, build
from generator.core.project import Project
from generator.load.yaml_file import read_yaml
from generator.model.deck import Deck
from generator.validate.against_layouts import deck_problems, layout_of
from generator.validate.settings import Settings
from tests.pdf_tools import BASE14, MM, fonts, page_texts, squeeze
from tests.projects import CARDS, LAYOUTS, MAIN_DECK, deck_versions

PRINT = "voor-wie-doen-we-wat_print.pdf"
OFFICE = "voor-wie-doen-we-wat_a4-duplex.pdf"
BLEED = 3
TRIM = (105, 148)  # the deck's A6
SAFE = 4  # what print shops ask at least


@pytest.fixture(scope="module")
def deck() -> Deck:
    return deck_versions(MAIN_DECK)[0]


DECK_FILES = sorted(path for path in CARDS.glob("*.yaml") if "deck" in read_yaml(path))


@pytest.mark.parametrize("deck_file", DECK_FILES, ids=lambda path: path.stem)
def test_every_question_is_on_its_cards_front(built: dict[str, Path], deck_file: Path) -> None:
    """In every language the deck is written in."""
    for deck in deck_versions(deck_file):
        fronts = [squeeze(text) for text in page_texts(built[f"{deck.id}_print.pdf"])[0::2]]
        for card, front in zip(deck.cards, fronts, strict=True):
            for question in card.all_questions():
                assert squeeze(question.text) in front, f"{deck.id}: {question.id} not on {card.id}"


@pytest.mark.parametrize("deck_file", DECK_FILES, ids=lambda path: path.stem)
@pytest.mark.parametrize("product", ["print", "a4-duplex"])
def test_every_text_of_the_yaml_is_printed(
    built: dict[str, Path], deck_file: Path, product: str
) -> None:
    """On the cards, or on the duplex calibration sheet, in every language. Labels are the
    layout's fixed phrases: a deck defines them all, but one without question cards, say,
    prints no 'notes'."""
    for deck in deck_versions(deck_file):
        pages = page_texts(built[f"{deck.id}_{product}.pdf"])
        pages += page_texts(built[f"{deck.id}_duplex-calibration.pdf"])
        printed = squeeze(" ".join(pages))
        content = {ref: text for ref, text in deck.texts.items() if not ref.startswith("labels ›")}
        missing = [ref for ref, text in content.items() if squeeze(text) not in printed]
        assert not missing, deck.id


def test_print_pages_are_trim_plus_bleed_with_boxes(built: dict[str, Path], deck: Deck) -> None:
    reader = PdfReader(built[PRINT])
    assert len(reader.pages) == 2 * len(deck.cards)
    width, height = (TRIM[0] + 2 * BLEED) * MM, (TRIM[1] + 2 * BLEED) * MM
    trim = [BLEED * MM, BLEED * MM, (BLEED + TRIM[0]) * MM, (BLEED + TRIM[1]) * MM]
    for page in reader.pages:
        assert [float(v) for v in page.mediabox] == pytest.approx([0, 0, width, height], abs=0.01)
        assert [float(v) for v in page.bleedbox] == pytest.approx([0, 0, width, height], abs=0.01)
        assert [float(v) for v in page.trimbox] == pytest.approx(trim, abs=0.01)
        assert "/Annots" not in page


@pytest.mark.parametrize("product", [PRINT, OFFICE])
def test_all_fonts_are_embedded_subsets_and_none_is_base14(
    built: dict[str, Path], product: str
) -> None:
    used = fonts(built[product])
    assert used
    for font in used:
        name = str(font["/BaseFont"]).lstrip("/")
        tag, _, family = name.partition("+")
        assert len(tag) == 6 and tag.isupper(), f"{name} is not a subset"
        assert family not in BASE14
        assert "/FontFile2" in font["/FontDescriptor"], f"{name} is not embedded"


def test_text_stays_inside_the_safe_area(built: dict[str, Path]) -> None:
    left, top = (BLEED + SAFE) * MM, (BLEED + SAFE) * MM
    right, bottom = (BLEED + TRIM[0] - SAFE) * MM, (BLEED + TRIM[1] - SAFE) * MM
    with pdfplumber.open(built[PRINT]) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            assert page.chars
            for char in page.chars:
                inside = (
                    char["x0"] >= left and char["x1"] <= right
                    and char["top"] >= top and char["bottom"] <= bottom
                )  # fmt: skip
                assert inside, (
                    f"page {number}: {char['text']!r} at {char['x0']:.1f}, {char['top']:.1f}"
                )


def test_question_card_backgrounds_run_into_the_bleed(built: dict[str, Path], deck: Deck) -> None:
    pdf = pypdfium2.PdfDocument(built[PRINT])
    corner = round(BLEED * MM / 2)  # halfway into the bleed
    for index, card in enumerate(deck.cards):
        image = pdf[2 * index].render(scale=1).to_pil().convert("RGB")
        for x in (corner, image.width - corner):
            assert image.getpixel((x, corner)) != (255, 255, 255), (
                f"{card.id}: white bleed at x={x}"
            )


def test_text_colour_is_pure_black_or_paper(built: dict[str, Path]) -> None:
    with pdfplumber.open(built[PRINT]) as pdf:
        colours = {tuple(char["non_stroking_color"]) for page in pdf.pages for char in page.chars}
    allowed = {(0, 0, 0, 1), (0, 0, 0, 0), (0, 0, 0, 0.75)}
    assert colours <= allowed, f"unexpected text colours: {colours - allowed}"


@pytest.mark.slow  # builds more than once, or kills a build
def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    first = build(Project(cards=CARDS, layouts=LAYOUTS, output=tmp_path / "a"))
    second = build(Project(cards=CARDS, layouts=LAYOUTS, output=tmp_path / "b"))
    assert [p.name for p in first] == [p.name for p in second]
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes(), f"{a.name} differs between builds"


@pytest.mark.parametrize(
    ("trim", "size_mm"),
    [
        ("A5", (148, 210)),
        ('"120x170"', (120, 170)),
        ("{width_mm: 110, height_mm: 160}", (110, 160)),
    ],
)
def test_the_deck_chooses_its_trim_size(workspace: Path, trim: str, size_mm: tuple) -> None:
    deck_file = workspace / "cards" / MAIN_DECK.name
    deck_file.write_text(deck_file.read_text().replace("trim: A6", f"trim: {trim}"))
    written = build(Project(workspace / "cards", workspace / "layouts", workspace / "output"))
    page = PdfReader(next(p for p in written if p.name == PRINT)).pages[0]
    expected = [BLEED * MM, BLEED * MM, (BLEED + size_mm[0]) * MM, (BLEED + size_mm[1]) * MM]
    assert [float(v) for v in page.trimbox] == pytest.approx(expected, abs=0.01)


SMALL_DECK = """\
deck:
  id: klein
  title: Klein
  language: nl
  edition: {version: "1", date: "2026-11-23"}
  source: Bron van de test
  layout: pocket-card
  trim: TRIM
labels: {levels: Niveaus, notes: Notities, source: Bron, edition: Editie, card: Kaart, of: van,
         calibration_title: Afstellen, calibration_howto: Lees het kruis af., front_side: voor,
         back_side: achter}
levels:
  - {id: gezin, name: Gezin}
cards:
  - id: vragen
    kind: questions
    level: gezin
    questions:
      - {id: een, text: "Wie is er nodig?"}
      - {id: twee, text: "Wat moet eerst?"}
"""


@pytest.mark.parametrize(("trim", "size_mm"), [("A7", (74, 105)), ('"85x55"', (85, 55))])
def test_a_short_deck_fits_a_small_card(tmp_path: Path, trim: str, size_mm: tuple) -> None:
    """A7 and a business-card size need no code change: only less text per card."""
    (tmp_path / "cards").mkdir()
    (tmp_path / "cards" / "klein.yaml").write_text(SMALL_DECK.replace("TRIM", trim))
    written = build(Project(tmp_path / "cards", LAYOUTS, tmp_path / "output"))
    reader = PdfReader(next(p for p in written if p.name == "klein_print.pdf"))
    width, height = size_mm
    expected = [BLEED * MM, BLEED * MM, (BLEED + width) * MM, (BLEED + height) * MM]
    assert [float(v) for v in reader.pages[0].trimbox] == pytest.approx(expected, abs=0.01)
    assert "Wie is er nodig?" in reader.pages[0].extract_text()


def test_text_set_smaller_is_noted_once(workspace: Path) -> None:
    """The editor hears that a card shrank, once, though it is drawn for print and screen, by
    two processes writing to one terminal."""
    deck_file = workspace / "cards" / MAIN_DECK.name
    question = "Bij welke hulpvragen ligt de prioriteit volgens het gezin en hulpverlening?"
    old = f"          nl: {question}\n"
    longer = "          nl: " + " ".join([question] * 6) + "\n"
    deck_file.write_text(deck_file.read_text().replace(old, longer))
    run = subprocess.run([sys.executable, "-m", "generator", "build"], cwd=workspace,
                         capture_output=True, text=True)  # fmt: skip
    assert run.returncode == 0, run.stderr
    notes = [line for line in run.stderr.splitlines()
             if line.startswith("note:") and "vragen-gezin" in line]  # fmt: skip
    assert len(notes) == 1 and "card 'vragen-gezin' (front)" in notes[0], notes


def test_building_one_deck_file_writes_only_that_decks_products(workspace: Path) -> None:
    """A regional edition adapts a poster: building only a deck file leaves it out."""
    deck = workspace / "cards" / "praatplaat.yaml"
    written = build(Project(workspace / "cards", workspace / "layouts", workspace / "output"),
                    Request(files=[deck]))  # fmt: skip
    names = {path.name for path in written}
    assert {"manifest.json", "praatplaat_print.pdf", "praatplaat_a4-duplex.pdf"} <= names
    assert all(name.startswith("praatplaat_") for name in names - {"manifest.json"}), names


def test_a_face_that_comes_again_is_drawn_once_and_shown_alike(built: dict[str, Path]) -> None:
    """The focus group deck has two cards with the same back: the second shows a form XObject
    drawn once, and looks exactly like the first."""
    path = built["focusgroep_print.pdf"]
    reader = PdfReader(path)
    with_forms = [
        number for number, page in enumerate(reader.pages) if page["/Resources"].get("/XObject")
    ]
    assert len(with_forms) == 1
    again = with_forms[0]
    texts = page_texts(path)
    first = next(n for n in range(1, again, 2) if texts[n] == texts[again])
    pdf = pypdfium2.PdfDocument(path)
    shown = [pdf[n].render(scale=1).to_pil().convert("RGB").tobytes() for n in (first, again)]
    assert shown[0] == shown[1]


def test_cards_with_the_same_back_share_its_drawing_and_each_is_named_in_notes(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Three cards with one long heading: their backs differ only in where their texts come
    from, so the back is laid out and drawn once (a form XObject the later backs show), and
    the note that it was set smaller still names each card's own heading and line."""
    import yaml

    from generator.render.deck_faces import render_deck
    from tests.strategies import small_deck

    heading = "Samenwerking tussen gezin en professionals over de grenzen van hun eigen " + (
        "organisaties en gemeenten"
    )
    deck = small_deck()
    deck["cards"] = [
        {"id": f"c{n}", "kind": "questions", "heading": heading,
         "questions": [{"id": f"q{n}", "text": f"Wie doet wat, {n}?"}]}
        for n in range(3)
    ]  # fmt: skip
    path = tmp_path / "cards" / "deck.yaml"
    path.parent.mkdir()
    path.write_text(yaml.safe_dump(deck, allow_unicode=True, sort_keys=False), "utf-8")
    parsed = deck_versions(path)[0]
    settings = Settings(LAYOUTS)
    assert deck_problems(parsed, settings) == []
    # The CLI's set-up, in earlier tests, keeps the generator's messages from the root.
    monkeypatch.setattr(logging.getLogger("generator"), "propagate", True)
    with caplog.at_level("WARNING", logger="generator"):
        document = render_deck(parsed, layout_of(parsed, settings))
    # The heading is not hyphenated (a heading style): it is set smaller on fronts and backs.
    notes = [record.getMessage() for record in caplog.records if "(back)" in record.getMessage()]
    lines = {n: parsed.location(f"card 'c{n}' › heading").line for n in range(3)}
    assert len(notes) == 3 and len(set(lines.values())) == 3
    for n, note in enumerate(notes):
        assert note.startswith(
            f"{path}:{lines[n]}: card 'c{n}' (back): card 'c{n}' › heading does not fit at the "
            "layout's size"
        )
    reader = PdfReader(io.BytesIO(document.pdf))
    backs = [reader.pages[index] for index in (1, 3, 5)]
    assert not backs[0]["/Resources"].get("/XObject")
    forms = [dict(page["/Resources"]["/XObject"]) for page in backs[1:]]
    assert forms[0] == forms[1] and len(forms[0]) == 1
