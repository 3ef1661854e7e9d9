"""The workbook's rows are the printed texts: every text a card prints (the inventory of
model/printed_texts.py) is a place the exchange finds by walking the file along its schema,
and each place has its own id."""

from __future__ import annotations

from pathlib import Path

from generator.core.project import Project
from generator.exchange.places import file_places
from generator.load.yaml_file import read_yaml
from generator.model.printed_texts import printed_on
from generator.validate.content import collect
from tests.projects import CARDS, LAYOUTS


def test_every_text_a_card_prints_is_a_place(tmp_path: Path) -> None:
    content = collect(Project(cards=CARDS, layouts=LAYOUTS, output=tmp_path))
    checked = 0
    for deck in content.decks.values():
        path = next(p for p in CARDS.glob("*.yaml") if read_yaml(p).get("deck", {}).get("id")
                    == deck.id.removesuffix("-en"))  # fmt: skip
        places = file_places(read_yaml(path), path)
        assert places is not None
        texts = {place.texts.get(deck.language, place.texts.get(places.language))
                 for place in places.places}  # fmt: skip
        for card in deck.cards:
            for printed in printed_on(card, deck):
                if printed.kind != "digital_version_url":
                    assert printed.text in texts, (deck.id, printed.ref)
                    checked += 1
    assert checked > 100  # every deck's cards, in both languages of the main deck


def test_each_place_of_a_file_has_its_own_id() -> None:
    for path in CARDS.glob("*.yaml"):
        places = file_places(read_yaml(path), path)
        if places is not None:
            ids = [place.id for place in places.places]
            assert len(ids) == len(set(ids)), path.name


def test_a_file_that_is_no_deck_or_poster_has_no_places(tmp_path: Path) -> None:
    assert file_places({"words": ["a"]}, tmp_path / "glossary.yaml") is None
