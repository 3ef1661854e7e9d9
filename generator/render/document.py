"""The print-shop document: one card face per page, trim plus bleed, boxes set."""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from generator import __version__
from generator.errors import UserError
from generator.geometry import Size, mm, parse_size
from generator.layout_model import Layout
from generator.model import Deck
from generator.render.faces import FaceContext, FacePainter
from generator.render.fonts import font_name, register_family

SIDES = ("front", "back")


@dataclass(frozen=True)
class CardDocument:
    """Rendered faces: page 2i is card i's front, page 2i+1 its back."""

    pdf: bytes
    trim: Size
    bleed_mm: float
    card_ids: tuple[str, ...]


def render_deck(deck: Deck, layout: Layout) -> CardDocument:
    """Lay out every face (reporting every problem at once), then draw them."""
    register_family(layout.font)
    trim = parse_size(deck.trim)
    painter = FacePainter(FaceContext(deck, layout, trim))
    faces, problems = [], []
    for number, card in enumerate(deck.cards, start=1):
        for side in SIDES:
            try:
                faces.append(painter.lay_out(card, number, side))
            except UserError as error:
                problems.extend(error.problems)
    if problems:
        raise UserError(problems)

    bleed = layout.bleed_mm
    page = (mm(trim.w + 2 * bleed), mm(trim.h + 2 * bleed))
    buffer = io.BytesIO()
    canvas = Canvas(
        buffer,
        pagesize=page,
        invariant=1,  # no clock in the file: the same input gives the same bytes
        pageCompression=1,
        initialFontName=font_name(layout.font, "regular"),  # never reference Helvetica
        enforceColorSpace="cmyk",
        lang=deck.language,
    )
    canvas.setTitle(deck.title)
    canvas.setAuthor(deck.source)
    canvas.setSubject(f"{deck.title}, edition {deck.edition.version} ({deck.edition.date})")
    canvas.setCreator(f"voorwie-generator {__version__}")
    trim_box = (mm(bleed), mm(bleed), mm(bleed + trim.w), mm(bleed + trim.h))
    for laid_out in faces:
        canvas.setTrimBox(trim_box)
        canvas.setBleedBox((0, 0, *page))
        painter.paint(canvas, laid_out)
        canvas.showPage()
    canvas.save()
    return CardDocument(buffer.getvalue(), trim, bleed, tuple(card.id for card in deck.cards))
