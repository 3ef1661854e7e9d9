"""The faces of a deck of cards: a front and a back for every card."""

from __future__ import annotations

import math

from generator.core.cache import RenderCache
from generator.core.geometry import parse_size
from generator.model.deck import Deck, printed
from generator.model.layout import Layout
from generator.render.document import DocumentInfo, RenderedDocument, render_document
from generator.render.faces import Face, FacePainter
from generator.render.views import deck_view

SIDES = ("front", "back")


def deck_faces(deck: Deck, layout: Layout, only: frozenset[str] | None = None) -> list[Face]:
    """Front, back, front, back… in the deck's order; only: the ids of the cards to draw (a
    reprint), each numbered as in the whole deck."""
    view = deck_view(deck, layout)
    faces = []
    shown = printed(deck)
    for number, card in enumerate(deck.cards, start=1):
        if only is not None and card.id not in only:
            continue
        values = {
            "deck": shown,
            "labels": deck.labels,
            "levels": view.levels,
            "card": card,
            "look": view.look_of(card),
            "number": number,
            "count": len(deck.cards),
        }
        for side in SIDES:
            faces.append(
                Face(layout.kinds[card.kind][side], values, f"{card.ref} ({side})", card.ref)
            )
    return faces


def render_deck(
    deck: Deck,
    layout: Layout,
    color_model: str = "cmyk",
    cache: RenderCache | None = None,
    only: frozenset[str] | None = None,
    subject: str | None = None,
) -> RenderedDocument:
    """A deck's faces, one per page, front then back; CMYK for print, RGB for screens.
    only: draw just these cards (by id), exactly as in the whole deck; subject: what the
    document says it is, if not the deck's edition."""
    trim = parse_size(layout.trim_of(deck.trim))
    painter = FacePainter(layout, deck.language, trim, deck.location, color_model=color_model,
                          cache=cache, hyphenation=deck.hyphenation)  # fmt: skip
    info = DocumentInfo(
        title=deck.title,
        author=deck.source,
        subject=subject or f"{deck.title}, edition {deck.edition.version} ({deck.edition.date})",
        language=deck.language,
        passages=deck.passages,
    )
    return render_document(deck_faces(deck, layout, only), painter, info)


CALIBRATION_KIND = "calibration"


def sheet_turn(axes: dict[str, tuple[float, float]], side: str = "front") -> float:
    """Degrees (counter-clockwise, a multiple of 90) to turn a card's text so that it reads
    upright on the sheet: the card's up turned onto the sheet's up (axes: the sheet's right
    and up as vectors on the card, y down; back_y: the back page's up on the card's back)."""
    up_x, up_y = axes.get("back_y", axes["y"]) if side == "back" else axes["y"]
    return round(math.degrees(math.atan2(-up_x, -up_y)) / 90) % 4 * 90.0


def render_calibration(
    deck: Deck,
    layout: Layout,
    axes: dict[str, tuple[float, float]],
    per_sheet: int,
    cache: RenderCache | None = None,
) -> RenderedDocument:
    """Calibration cards (front, back) for one office sheet: a cross with rulers along the
    sheet's axes (its right and up on the card, y down), so that what is read on it is the
    printer's shift on the sheet."""
    trim = parse_size(layout.trim_of(deck.trim))
    painter = FacePainter(layout, deck.language, trim, deck.location, cache=cache)
    values = {"labels": deck.labels, "axes": axes}
    faces = [
        Face(layout.kinds[CALIBRATION_KIND][side],
             {**values, "side": side, "turn": sheet_turn(axes, side)},
             f"calibration sheet ({side})", "labels")
        for _ in range(per_sheet)
        for side in SIDES
    ]  # fmt: skip
    info = DocumentInfo(
        title=deck.labels["calibration_title"],
        author=deck.source,
        subject=f"{deck.title}: duplex calibration",
        language=deck.language,
    )
    return render_document(faces, painter, info)
