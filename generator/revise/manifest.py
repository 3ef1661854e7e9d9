"""The manifest a build writes beside its outputs: every card's id, content hash, edition and
text, so a later build can tell what changed (a card is known by its id, not its place)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable

from generator import __version__
from generator.model.deck import Card, Deck
from generator.model.printed_texts import printed_on

MANIFEST_NAME = "manifest.json"


def card_texts(card: Card, deck: Deck) -> dict[str, str]:
    """Every text printed on a card, keyed by what it belongs to (see model/printed_texts.py)."""
    return {text.key: text.text for text in printed_on(card, deck)}


def card_entry(card: Card, deck: Deck) -> dict:
    texts = card_texts(card, deck)
    return {"id": card.id, "kind": card.kind, "hash": card_hash(card.kind, texts), "texts": texts}


def card_hash(kind: str, texts: dict[str, str]) -> str:
    """What a card says, in 16 hex digits: a card whose hash changed is printed again."""
    content = json.dumps({"kind": kind, "texts": texts}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(content.encode()).hexdigest()[:16]


def deck_entry(deck: Deck) -> dict:
    return {
        "title": deck.title,
        "language": deck.language,
        "edition": {"version": deck.edition.version, "date": deck.edition.date},
        "file": deck.path.name,
        "cards": [card_entry(card, deck) for card in deck.cards],
    }


def manifest(
    decks: Iterable[Deck],
    outputs: dict[str, str] | None = None,
    kept: dict | None = None,
    press: str = "",
) -> bytes:
    """The manifest as stable JSON: the same content gives the same bytes.

    outputs: every file the generator made in the output folder, with the product it belongs
    to (so a later build can remove those of content that is gone); kept: entries of decks
    from an earlier manifest that this build did not read; press: the printer profile the
    print files are made for."""
    entries = {**(kept or {}), **{deck.id: deck_entry(deck) for deck in decks}}
    document = {
        "generator": __version__,
        "decks": dict(sorted(entries.items())),
        "outputs": dict(sorted((outputs or {}).items())),
        **({"printer": press} if press else {}),
    }
    return (json.dumps(document, indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode()
