"""What a revision round needs beyond `changes`: the edition on every card, and previews."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from generator.core.i18n import written_date
from generator.desk.preview import ALL_CARDS, READABLE_PX, THUMBNAIL_DPI, write_product_previews
from generator.load.yaml_file import read_yaml
from generator.model.deck import Deck
from tests.pdf_tools import page_texts
from tests.projects import CARDS, Run, deck_versions


def all_decks() -> list[Deck]:
    """Every shipped deck in every language."""
    files = [path for path in sorted(CARDS.glob("*.yaml")) if "deck" in read_yaml(path)]
    return [deck for path in files for deck in deck_versions(path)]


@pytest.mark.parametrize("deck", all_decks(), ids=lambda deck: deck.id)
def test_every_card_shows_its_decks_edition(built: dict[str, Path], deck: Deck) -> None:
    date = written_date(deck.edition.date, deck.language)
    edition = f"{deck.labels['edition']} {deck.edition.version} ({date})"
    pages = page_texts(built[f"{deck.id}_print.pdf"])
    assert len(pages) == 2 * len(deck.cards)
    for number, card in enumerate(deck.cards):
        front, back = pages[2 * number], pages[2 * number + 1]
        assert edition in " ".join((front + back).split()), card.id


@pytest.fixture(scope="module")
def previews(built: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("built")
    for path in built.values():
        shutil.copy(path, output / path.name)
    write_product_previews(output, output / "preview")
    return output / "preview"


def test_preview_gives_a_thumbnail_of_both_sides_of_every_card(previews: Path) -> None:
    for deck in all_decks():
        names = sorted(path.name for path in (previews / deck.id).iterdir())
        expected = sorted(
            f"{number:02d}-{card.id}-{side}.png"
            for number, card in enumerate(deck.cards, start=1)
            for side in ("front", "back")
        )
        if deck.one_card:  # and both sides of the one-card
            expected = sorted([*expected, "one-card-back.png", "one-card-front.png"])
        assert names == expected
        # Large enough to read, and cut to the trim: an A6 card is 105 x 148 mm.
        width, height = Image.open(previews / deck.id / expected[0]).size
        assert height >= READABLE_PX and abs(width / height - 105 / 148) < 0.01


def test_preview_gives_every_poster_and_one_sheet_with_all_cards(
    previews: Path, built: dict[str, Path]
) -> None:
    posters = {name for name in built if name.endswith("_print.pdf") and "_A" in name}
    assert {path.name for path in (previews / "posters").iterdir()} == {
        name.replace(".pdf", ".png") for name in posters
    }
    sheet = Image.open(previews / ALL_CARDS)
    card_height = round(148 / 25.4 * THUMBNAIL_DPI)  # small on the sheet
    decks = all_decks()
    # Per deck a row of fronts and a row of backs; as wide as the longest deck.
    assert 2 * len(decks) * card_height < sheet.height < 2 * len(decks) * 2 * card_height
    card_width = round(105 / 25.4 * THUMBNAIL_DPI)
    assert sheet.width > max(len(deck.cards) for deck in decks) * card_width
    # The sheet holds the cards themselves: white paper and coloured bands, not only grey.
    assert len(sheet.convert("RGB").getcolors(maxcolors=1 << 20) or []) > 100


def test_preview_before_a_build_says_to_build_first(
    tmp_path: Path, run_cli: Callable[..., Run]
) -> None:
    run = run_cli(tmp_path, "preview")
    assert run.exit_code == 1
    assert "output/manifest.json: there is no build to preview" in run.output
    assert "run `make` (or build) first" in run.output
