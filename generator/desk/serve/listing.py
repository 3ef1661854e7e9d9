"""What the page shows, read from the manifest of the last build that succeeded: every product
with its files; a deck with its cards in order, pictured from its print-shop file; a poster
(and a regional edition) pictured from each of its print-shop files."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from generator.model.product_kinds import PRINT, Kind
from generator.revise.manifest import MANIFEST_NAME

PRINT_SUFFIX = PRINT.suffix
DECK = Kind.DECK
CARD_KINDS = frozenset({Kind.DECK, Kind.ONE_CARD})  # products pictured as cards, front beside back


@dataclass(frozen=True)
class Shown:
    label: str  # the product, as the manifest names it: "deck proef", "poster continuum"
    title: str  # a deck's title; '' for a poster (its PDF gives it)
    language: str  # a deck's language; '' for a poster
    files: list[Path]  # every file of the product, by name
    pictured: list[Path]  # the print-shop files shown as pictures
    cards: list[str] = field(default_factory=list)  # a deck's card ids, in order

    @property
    def is_deck(self) -> bool:
        return self.label.split(" ")[0] in CARD_KINDS


def listing(output: Path) -> list[Shown]:
    """Every product of the last build: decks first, then posters; [] before a first build."""
    try:
        manifest = json.loads((output / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):  # no build yet, or one being written: nothing to list yet
        return []
    files: dict[str, list[Path]] = {}
    for name, label in manifest.get("outputs", {}).items():
        files.setdefault(label, []).append(output / name)
    shown = []
    for label, paths in files.items():
        kind, _, product = label.partition(" ")
        deck = manifest["decks"].get(product, {}) if kind in CARD_KINDS else {}
        pictured = [path for path in paths if path.name.endswith(PRINT_SUFFIX)]
        pictured.sort(key=lambda path: (len(path.name), path.name))  # variants add to the name
        cards = [card["id"] for card in deck.get("cards", [])] if kind == DECK else []
        shown.append(Shown(label, deck.get("title", ""), deck.get("language", ""),
                           sorted(paths), pictured, cards))  # fmt: skip
    return sorted(shown, key=lambda item: (not item.is_deck, item.label))
