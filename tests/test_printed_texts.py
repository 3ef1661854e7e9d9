"""The inventory of printed texts (model/printed_texts.py) against the deck file: every text a
card prints is one the deck file says, and every text the deck file says is printed on a card
or deck-wide, so no edited text can leave its card's record (and its reprint) unchanged."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest

from generator.core.i18n import _
from generator.core.project import Project
from generator.model.deck import Deck, Point
from generator.model.printed_texts import KINDS_OF_TEXT, TextKind, kind_of, printed_on
from generator.revise.changes import DECK_WIDE, card_text_noun
from generator.revise.manifest import card_entry
from generator.validate.content import collect

ROOT = Path(__file__).parent.parent


@cache
def decks() -> tuple[Deck, ...]:
    content = collect(Project(ROOT / "cards", ROOT / "layouts", ROOT / "output"))
    return tuple(content.decks.values())


def unlisted(deck: Deck) -> list[str]:
    """The deck file's texts that no card's inventory lists and that are not deck-wide."""
    listed = {text.ref for card in deck.cards for text in printed_on(card, deck)}
    return [ref for ref in deck.texts if ref not in listed and not ref.startswith(DECK_WIDE)]


@pytest.mark.parametrize("deck", decks(), ids=lambda deck: deck.id)
def test_every_text_of_the_deck_file_is_printed_on_a_card_or_deck_wide(deck: Deck) -> None:
    assert unlisted(deck) == []


@pytest.mark.parametrize("deck", decks(), ids=lambda deck: deck.id)
def test_every_text_a_card_prints_is_the_deck_files(deck: Deck) -> None:
    for card in deck.cards:
        for text in printed_on(card, deck):
            assert deck.texts.get(text.ref) == text.text, (card.id, text.ref)


def test_a_text_the_inventory_missed_would_be_named() -> None:
    """The check above can fail: a printed text the inventory does not list."""
    deck = decks()[0]
    extra = "card 'nieuw' › motto"
    assert unlisted(replace(deck, texts={**deck.texts, extra: "Een motto"})) == [extra]


def test_each_key_says_its_kind_and_each_kind_has_a_noun() -> None:
    seen = set()
    for deck in decks():
        for card in deck.cards:
            keys = [text.key for text in printed_on(card, deck)]
            assert len(keys) == len(set(keys)), card.id  # one key, one text
            for text in printed_on(card, deck):
                assert kind_of(text.key) is text.kind, text.key
                seen.add(text.kind)
    assert kind_of("motto") is None and card_text_noun("motto") == "motto"
    assert set(KINDS_OF_TEXT) == set(TextKind)
    assert TextKind.QUESTION in seen


def test_a_card_whose_part_heading_or_point_source_changes_is_printed_again() -> None:
    """Both texts print on their card; before the inventory the card's record missed them."""
    deck = decks()[0]
    card = deck.cards[-1]

    def hash_with(part: str, source: str) -> str:
        point = Point("p", "Een punt", "point 'p'", source=source)
        return card_entry(replace(card, part=part, points=(point,)), deck)["hash"]

    assert hash_with("Deel", "Bron") != hash_with("Deel (herzien)", "Bron")
    assert hash_with("Deel", "Bron") != hash_with("Deel", "Bron (herzien)")


def test_a_changed_fixed_text_is_named_by_its_words_not_its_key() -> None:
    """The print shop reads the order note: 'the fixed text “Drie niveaus”', not 'levels'."""
    from generator.revise.changes import TextChange, poster_text_noun

    deck = decks()[0]
    key, words = next((k, v) for k, v in deck.texts.items() if k.startswith("labels › "))
    changed = TextChange(key, card_text_noun, words, f"{words}!")
    added = TextChange(f"deck › {key}", poster_text_noun, None, words)
    for change in (changed, added):
        assert change.noun == _("the fixed text “{text}”").format(text=words)
