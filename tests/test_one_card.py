"""The one-card product: every question of a deck on one double-sided card for the bag, as
a print file like the decks'. Expectations come from the loaded content, not its wording."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader

from generator.core.errors import Location
from generator.load.yaml_file import read_yaml
from generator.model.deck import Deck
from generator.model.layout import Layout
from generator.model.product_kinds import KINDS, Kind
from generator.preflight.rules import profile_for
from generator.render.one_card import FIT_HINTS, TITLE_WEIGHT, WIDTH, groups, question_cards, shares
from generator.render.views import deck_view
from generator.validate.layout import load_layout
from tests.editing import _reword, load, reword_question, save
from tests.messages import item, problem, said
from tests.pdf_tools import MM, squeeze
from tests.projects import CARDS, LAYOUTS, MAIN_DECK, deck_versions
from tests.test_check import problems

MAIN = "voor-wie-doen-we-wat"
DECK = f"cards/{MAIN}.yaml"  # as the CLI shows it, relative to the workspace
FOLDER = "naar-de-drukker"
A6 = (105, 148)


def one_card_names(deck_id: str) -> tuple[str, ...]:
    """The one-card's print-shop file and its office sheet, as its kind names them."""
    return tuple(KINDS[Kind.ONE_CARD].names(deck_id).values())


def decks() -> list[Deck]:
    """Every shipped deck that asks for a one-card, in every language: the main deck first."""
    files = [path for path in sorted(CARDS.glob("*.yaml")) if "deck" in read_yaml(path)]
    found = [deck for path in files for deck in deck_versions(path) if deck.one_card]
    return sorted(found, key=lambda deck: not deck.path.samefile(MAIN_DECK))


def test_the_main_deck_has_a_one_card_in_both_languages() -> None:
    assert [deck.language for deck in deck_versions(MAIN_DECK) if deck.one_card] == ["nl", "en"]


def one_card(built: dict[str, Path], deck: Deck) -> Path:
    return built[one_card_names(deck.id)[0]]


def layout() -> Layout:
    return load_layout("pocket-card", LAYOUTS, Location(LAYOUTS))


@pytest.mark.parametrize("deck", decks(), ids=lambda deck: deck.id)
def test_every_question_of_the_deck_is_on_its_one_card(built: dict[str, Path], deck: Deck) -> None:
    """Start question, follow-ups, every level with its name, every question and sub-question,
    and title, source and edition: all in the card's text."""
    text = squeeze(" ".join(page.extract_text() for page in PdfReader(one_card(built, deck)).pages))
    cards = [card for card in deck.cards if card.kind == "questions"]
    questions = [question for card in cards for question in card.all_questions()]
    assert len(questions) > 10
    expected = [question.text for question in questions]
    expected += [level.name for level in deck.levels]
    expected += [card.heading for card in cards if card.heading]
    expected += [deck.title, deck.source, deck.edition.version]
    missing = [words for words in expected if squeeze(words) not in text]
    assert missing == []


@pytest.mark.parametrize("deck", decks(), ids=lambda deck: deck.id)
def test_the_one_card_is_one_card_with_bleed(built: dict[str, Path], deck: Deck) -> None:
    """Two pages (front and back; a folded sheet's outside and inside) of the deck's A6 trim
    (a folded sheet: twice as wide), the bleed 3 mm beyond it on every side."""
    assert deck.trim in (None, "A6")
    pages = PdfReader(one_card(built, deck)).pages
    assert len(pages) == 2
    size = (A6[0] * WIDTH[deck.one_card], A6[1])
    for page in pages:
        trim = [float(v) / MM for v in page.trimbox]
        bleed = [float(v) / MM for v in page.bleedbox]
        assert (trim[2] - trim[0], trim[3] - trim[1]) == pytest.approx(size, abs=0.05)
        assert [t - b for t, b in zip(trim[:2], bleed[:2], strict=True)] == pytest.approx(
            [3, 3], abs=0.01
        )
        assert [b - t for t, b in zip(trim[2:], bleed[2:], strict=True)] == pytest.approx(
            [3, 3], abs=0.01
        )
        assert [float(v) for v in page.mediabox] == pytest.approx([float(v) for v in page.bleedbox])


@pytest.mark.parametrize("deck", decks(), ids=lambda deck: deck.id)
def test_no_text_on_the_one_card_is_under_8_pt(built: dict[str, Path], deck: Deck) -> None:
    with pdfplumber.open(one_card(built, deck)) as pdf:
        sizes = [char["size"] for page in pdf.pages for char in page.chars if char["text"].strip()]
    assert sizes and min(sizes) >= 8 - 0.01


@pytest.mark.parametrize("deck", decks(), ids=lambda deck: deck.id)
def test_the_one_card_passes_the_print_preflight_and_its_sheet_the_office_one(
    built: dict[str, Path], deck: Deck
) -> None:
    print_name, sheet_name = one_card_names(deck.id)
    assert profile_for(print_name) == "print" and profile_for(sheet_name) == "office"
    assert problems(built[print_name], "print") == []
    assert problems(built[sheet_name], "office") == []
    assert len(PdfReader(built[sheet_name]).pages) == 2  # the copies' fronts, then their backs


def test_each_level_has_its_own_bar_in_its_colour(built: dict[str, Path]) -> None:
    """The start question and every level under a bar of their own look's colour, in order."""
    deck, look = decks()[0], layout()
    found = groups(question_cards(deck), deck_view(deck, look))
    assert [group.name for group in found][1:] == [level.name for level in deck.levels]
    with pdfplumber.open(one_card(built, deck)) as pdf:
        fills = {tuple(round(v, 3) for v in rect["non_stroking_color"])
                 for page in pdf.pages for rect in page.rects if rect["fill"]}  # fmt: skip
    for group in found:
        colour = tuple(round(v, 3) for v in look.colors[group.look.color])
        assert colour in fills, group.name
    assert len({group.look.color for group in found}) == len(found)  # distinct looks


def test_the_panels_share_the_text() -> None:
    """Cards in order, the fullest panel as empty as can be, the first carrying the title."""
    big = 10 * TITLE_WEIGHT
    assert shares([big, big, big, big], 2) == [(0, 2), (2, 4)]
    assert shares([4 * big, big, big, big], 2) == [(0, 1), (1, 4)]
    assert shares([big, big, big, 4 * big], 2) == [(0, 3), (3, 4)]
    assert shares([big] * 8, 4) == [(0, 2), (2, 4), (4, 6), (6, 8)]
    assert shares([big], 2) == [(0, 1), (1, 1)]


@pytest.mark.parametrize(
    "deck", [d for d in decks() if d.one_card == "folded"], ids=lambda deck: deck.id
)
def test_a_folded_sheet_has_a_fold_mark_on_both_sides(built: dict[str, Path], deck: Deck) -> None:
    """A vertical line at the middle of the sheet, at its top and at its bottom."""
    with pdfplumber.open(one_card(built, deck)) as pdf:
        for page in pdf.pages:
            middle = (page.trimbox[0] + page.trimbox[2]) / 2
            marks = [line for line in page.lines if abs(line["x0"] - middle) < 0.1
                     and abs(line["x1"] - middle) < 0.1]  # fmt: skip
            assert len(marks) == 2
            assert min(line["top"] for line in marks) < page.trimbox[1]  # from the bleed
            assert max(line["bottom"] for line in marks) > page.trimbox[3]


def with_one_card(workspace: Path) -> Path:
    """The workspace's main deck (the frozen fixture) with the one-card asked for."""
    path = workspace / DECK
    document = load(path)
    document["deck"]["one_card"] = True
    save(path, document)
    return path


def test_a_question_too_long_for_the_one_card_is_an_error_naming_it(
    workspace: Path, run_cli: Callable, lang: str
) -> None:
    """A question that does not fit on the one-card names the deck file, its line, the
    one-card's side and what to do."""
    path = with_one_card(workspace)
    document = load(path)
    card = next(card for card in document["cards"] if card.get("level"))
    question = card["questions"][0]
    long_text = " ".join(["woord"] * 400)
    question["text"] = {"nl": long_text, "en": long_text}
    save(path, document)
    run = run_cli(workspace, "build")
    assert run.exit_code == 1
    line = deck_versions(path)[0].location(f"question '{question['id']}'").line
    expected = [
        problem(f"{DECK}:{line}", said(
            "{face}: {item} does not fit, even at the minimum size of {size} pt",
            face=item(f"one-card '{MAIN}' ({side})"), item=item(f"question '{question['id']}'"),
            size=8), said(FIT_HINTS["card"]))
        for side in ("front", "back")
    ]  # fmt: skip
    assert any(message in run.output for message in expected), run.output


def test_a_deck_that_asks_for_a_one_card_its_layout_cannot_draw(
    workspace: Path, run_cli: Callable, lang: str
) -> None:
    with_one_card(workspace)
    layout_file = workspace / "layouts" / "pocket-card" / "layout.yaml"
    text = layout_file.read_text(encoding="utf-8")
    layout_file.write_text(re.sub(r"\n  one-card: \{[^\n]*", "", text), encoding="utf-8")
    run = run_cli(workspace, "validate")
    assert run.exit_code == 1
    message = said(
        "deck › one_card: layout '{layout}' has no kind '{kind}' to draw the one-card",
        layout="pocket-card", kind="one-card",
    )  # fmt: skip
    assert message in run.output


def test_a_deck_without_questions_cannot_have_a_one_card(
    workspace: Path, run_cli: Callable, lang: str
) -> None:
    path = workspace / "cards" / "wat-werkt.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  layout: pocket-card\n",
                    "  layout: pocket-card\n  one_card: true\n", 1), encoding="utf-8")  # fmt: skip
    run = run_cli(workspace, "validate")
    assert run.exit_code == 1
    assert said("deck › one_card: the deck has no question cards to put on one card") in run.output


def ok(run) -> str:
    assert run.exit_code == 0, run.output
    return run.output


def test_a_changed_question_sends_the_one_card_to_the_print_shop(
    workspace: Path, run_cli: Callable
) -> None:
    """After a question changes, the folder holds the one-card of both languages, exactly the
    built file, named in the order note; every PDF there passes the print preflight."""
    path = with_one_card(workspace)
    ok(run_cli(workspace, "release"))
    reword_question(path, 1)
    ok(run_cli(workspace, "build", "-q"))
    output, folder = workspace / "output", workspace / "output" / FOLDER
    names = {p.name for p in folder.iterdir()}
    note = (folder / "opdracht.txt").read_text(encoding="utf-8")
    for deck in (MAIN, f"{MAIN}-en"):
        name = one_card_names(deck)[0]
        assert name in names
        assert (folder / name).read_bytes() == (output / name).read_bytes()
        assert name in note
    assert "A6 (105 × 148 mm)" in note  # the paper, as for the cards
    pdfs = [str(p) for p in folder.glob("*.pdf")]
    assert "0 of" not in ok(run_cli(workspace, "check", "--profile", "print", *pdfs))


def test_a_change_the_one_card_does_not_print_leaves_it_out(
    workspace: Path, run_cli: Callable
) -> None:
    """A changed text of the cover goes to the print shop as a reprint; the one-card, which
    does not print it, stays out."""
    path = with_one_card(workspace)
    ok(run_cli(workspace, "release"))
    document = load(path)
    cover = next(card for card in document["cards"] if card["kind"] == "cover")
    cover["sections"][0]["text"] = _reword(cover["sections"][0]["text"])
    save(path, document)
    ok(run_cli(workspace, "build", "-q"))
    names = {p.name for p in (workspace / "output" / FOLDER).iterdir()}
    assert f"{MAIN}_reprint_print.pdf" in names
    assert not [name for name in names if "one-card" in name]


def test_a_deck_that_no_longer_asks_for_a_one_card_loses_its_files(
    workspace: Path, run_cli: Callable
) -> None:
    path = with_one_card(workspace)
    ok(run_cli(workspace, "build", "-q"))
    made = [workspace / "output" / name for name in one_card_names(MAIN)]
    assert all(file.is_file() for file in made)
    document = load(path)
    del document["deck"]["one_card"]
    save(path, document)
    ok(run_cli(workspace, "build", "-q"))
    assert not any(file.exists() for file in made)
    assert (workspace / "output" / f"{MAIN}_print.pdf").is_file()
