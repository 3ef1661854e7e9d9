"""build(): the pipeline, load → validate → render → impose → write, for every deck."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from generator.errors import Location, UserError, fail
from generator.impose.plan import plan_sheets
from generator.impose.sheets import impose
from generator.load.yaml_file import read_yaml
from generator.model import Deck
from generator.render.deck_faces import render_deck
from generator.validate.deck import validate_deck
from generator.validate.glyphs import check_glyphs
from generator.validate.layout import check_deck_against_layout, load_layout
from generator.write.atomic import write_atomically

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Project:
    """Where content, layouts and outputs live."""

    cards: Path
    layouts: Path
    output: Path

    def deck_files(self) -> list[Path]:
        files = sorted(self.cards.glob("*.yaml"))
        if not files:
            raise fail(
                Location(self.cards),
                "no deck files (*.yaml) in this folder",
                "run the generator from the project folder, or pass --cards",
            )
        return files


def output_names(deck: Deck) -> dict[str, str]:
    """The file name of each product of a deck."""
    return {
        "print": f"{deck.id}_print.pdf",
        "office": f"{deck.id}_a4-duplex.pdf",
    }


def build_deck(path: Path, project: Project) -> dict[Path, bytes]:
    """All products of one deck file, in memory."""
    deck = validate_deck(read_yaml(path), path)
    layout = load_layout(deck.layout, project.layouts, deck.location("deck › layout"))
    problems = check_deck_against_layout(deck, layout) + check_glyphs(deck, layout.font)
    if problems:
        raise UserError(problems)
    document = render_deck(deck, layout)
    plan = plan_sheets(
        document.trim, document.bleed_mm, layout.imposition, deck.location("deck › trim")
    )
    names = output_names(deck)
    return {
        project.output / names["print"]: document.pdf,
        project.output / names["office"]: impose(document, plan, layout.imposition),
    }


def build(project: Project, decks: list[Path] | None = None) -> list[Path]:
    """Build every deck; write nothing unless every deck succeeds. Returns the files written."""
    outputs: dict[Path, bytes] = {}
    problems = []
    for path in decks or project.deck_files():
        log.info("building %s", path)
        try:
            products = build_deck(path, project)
        except UserError as error:
            problems.extend(error.problems)
            continue
        clash = set(products) & set(outputs)
        if clash:
            raise fail(
                Location(path),
                f"another deck already writes {sorted(clash)[0].name}",
                "give each deck its own id",
            )
        outputs.update(products)
    if problems:
        raise UserError(problems)
    write_atomically(outputs)
    return sorted(outputs)
