"""Every `ref` a template writes names a place in the content: a message about that text then
points at its line, not at the top of the file. A ref a designer mistyped is named here."""

from __future__ import annotations

from pathlib import Path

from generator.core.geometry import Size, parse_size
from generator.core.project import Project
from generator.render.deck_faces import deck_faces
from generator.render.faces import Face, FacePainter
from generator.render.poster_faces import POSTER_KINDS, places, poster_face
from generator.validate.against_layouts import layout_of
from generator.validate.content import Content, collect, regional_poster
from generator.validate.settings import Settings
from tests.projects import CARDS, LAYOUTS


def content() -> Content:
    return collect(Project(CARDS, LAYOUTS, Path("output")))


def unplaced(faces: list[Face], painter: FacePainter, places: set[str]) -> list[str]:
    """The refs of the faces' draw lists that name no place in the content."""
    return sorted({f"{face.template}: {ref}" for face in faces
                   for ref in painter.draw_list(face).refs if ref not in places})  # fmt: skip


def test_every_ref_on_a_card_names_a_place_in_its_deck() -> None:
    settings = Settings(LAYOUTS)
    missing = []
    for deck in content().decks.values():
        layout = layout_of(deck, settings)
        painter = FacePainter(layout, deck.language, parse_size(deck.trim or layout.default_trim),
                              deck.location)  # fmt: skip
        missing += unplaced(deck_faces(deck, layout), painter, set(deck.locations))
    assert missing == []


def test_every_ref_on_a_poster_names_a_place_in_the_poster_or_its_deck() -> None:
    settings, found = Settings(LAYOUTS), content()
    posters = [
        *found.posters.values(),
        *(regional_poster(found, e) for e in found.editions.values()),
    ]
    missing = []
    for poster in posters:
        deck, layout = found.decks[poster.deck], layout_of(poster, settings)
        painter = FacePainter(layout, poster.language, Size(*layout.design_mm), poster.location)
        faces = [poster_face(poster, deck, layout, kind, "A3") for kind in POSTER_KINDS]
        missing += unplaced(faces, painter, set(poster.locations) | set(deck.locations))
    assert missing == []


def test_a_mistyped_ref_is_found(tmp_path: Path) -> None:
    [deck, *_] = content().decks.values()
    layout = layout_of(deck, Settings(LAYOUTS))
    face = deck_faces(deck, layout)[0]
    painter = FacePainter(layout, deck.language, parse_size(deck.trim or layout.default_trim),
                          deck.location)  # fmt: skip
    assert unplaced([face], painter, set(deck.locations) - {"deck › title"}) != []


def test_a_poster_names_its_start_question_where_the_deck_has_it() -> None:
    """A start question too long for the flowchart box is said at its line in the deck file."""
    found = content()
    poster = next(iter(found.posters.values()))
    deck = found.decks[poster.deck]
    start = next(q for card in deck.cards for q in card.questions if q.id == poster.start_question)
    where = places(poster, deck)(start.ref)
    assert where == deck.location(start.ref) and where.file == deck.path and where.line > 0
    assert places(poster, deck)("poster › title").file == poster.path
