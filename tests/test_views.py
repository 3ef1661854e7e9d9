"""The views every engine's templates read: a deck's levels with their looks and cards, a
poster's steps and start question, decided once for the print faces and the HTML page."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from pathlib import Path

from generator.core.project import Project
from generator.model.layout import Layout
from generator.render.deck_faces import deck_faces
from generator.render.html.page import page_values
from generator.render.poster_faces import poster_face
from generator.render.views import deck_view, poster_view
from generator.validate.against_layouts import layout_of
from generator.validate.content import Content, collect
from generator.validate.settings import Settings

ROOT = Path(__file__).parent.parent


@cache
def shipped() -> tuple[Content, Settings]:
    project = Project(ROOT / "cards", ROOT / "layouts", ROOT / "output")
    content = collect(project)
    return content, Settings(project.layouts)


def poster_and_deck():
    content, settings = shipped()
    poster = next(iter(content.posters.values()))
    return poster, content.decks[poster.deck], layout_of(poster, settings), settings


def test_each_level_has_its_look_number_and_question_cards_in_order() -> None:
    content, settings = shipped()
    for deck in content.decks.values():
        layout = layout_of(deck, settings)
        view = deck_view(deck, layout)
        assert [level.level for level in view.levels] == list(deck.levels)
        assert [level.number for level in view.levels] == list(range(1, len(deck.levels) + 1))
        for level in view.levels:
            assert level.look == layout.levels[level.level.index]
            assert [c for c in deck.cards if c.level == level.level and c.kind == "questions"] \
                == list(level.cards)  # fmt: skip
        for card in deck.cards:
            assert view.look_of(card) == (layout.levels[card.level.index] if card.level
                                          else layout.neutral)  # fmt: skip


def test_a_poster_shows_its_start_question_from_the_card_that_asks_it() -> None:
    poster, deck, layout, _ = poster_and_deck()
    view = poster_view(poster, deck, layout)
    assert view.start is not None and view.start.id == poster.start_question
    assert view.start_card is not None and view.start in view.start_card.questions


def test_steps_are_numbered_and_the_last_look_repeats_when_looks_run_out() -> None:
    poster, deck, layout, _ = poster_and_deck()
    short: Layout = replace(layout, steps=layout.steps[:2])
    view = poster_view(poster, deck, short)
    count = len(poster.intensities)
    assert [s.number for s in view.steps] == list(range(1, count + 1))
    assert all(s.count == count for s in view.steps)
    assert [s.look for s in view.steps] == [short.steps[min(i, 1)] for i in range(count)]
    assert view.looks == {s.intensity.id: s.look for s in view.steps}


def test_the_poster_the_page_and_the_cards_read_the_same_view() -> None:
    poster, deck, layout, settings = poster_and_deck()
    view = poster_view(poster, deck, layout)
    face = poster_face(poster, deck, layout, "poster", "A3").values
    page = page_values(poster, deck, layout, settings.html)
    assert face["levels"] == view.deck.levels and face["steps"] == view.steps
    assert face["start"] == view.start and page["start_card"] == view.start_card
    assert page["steps"] == view.steps
    assert page["levels"] == [level for level in view.deck.levels if level.cards]
    card_layout = layout_of(deck, settings)
    faces = deck_faces(deck, card_layout)
    assert all(f.values["levels"] == deck_view(deck, card_layout).levels for f in faces)
