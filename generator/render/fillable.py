"""render_fillable_checklist(): a deck's questions as a fillable PDF form, for a tablet.

The form's template (layouts/checklist-form/, named in form.yaml) draws it as flowing pages
(render/pages.py): every question (and sub-question) with a tick box gets an AcroForm
checkbox named by its id, whose tooltip (its accessible name) is the question; every level
gets a multi-line notes field. This module gives the template its values and makes the
document: its title, author, subject and language, and its fonts. Visible text is the
layout's TrueType font, embedded; the page is RGB (a screen product). Checkbox appearances
are vector ticks and need no font. The notes fields' typed text uses a fully embedded copy
of the layout's regular font (see form_font.py).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from reportlab.pdfgen.canvas import Canvas

from generator import __version__
from generator.core.geometry import PAPER_MM, Size, mm
from generator.core.markup import plain
from generator.model.deck import Deck, Question, printed
from generator.model.layout import MEASURES, FormSettings, Layout, Look
from generator.render.faces import Face, FacePainter
from generator.render.fonts import font_name, register_family
from generator.render.form_font import use_embedded_form_font
from generator.render.pagelist import parse_pages
from generator.render.pages import PagesPainter
from generator.render.tags import TaggedPdf, Tagger
from generator.render.templates import render_template


@dataclass(frozen=True)
class Group:
    """A part of the checklist: a level (or an unlevelled card such as the start question)."""

    id: str
    name: str
    look: Look
    questions: tuple[Question, ...]
    ref: str  # where its name comes from, for messages


def checklist_groups(deck: Deck, layout: Layout) -> list[Group]:
    """Unlevelled question cards first, in deck order, then the questions of each level."""
    groups = [
        Group(
            card.id, card.heading or "", layout.look(None), card.questions, f"{card.ref} › heading"
        )
        for card in deck.cards
        if card.kind == "questions" and card.level is None
    ]
    for level in deck.levels:
        questions = tuple(q for card in deck.cards if card.level == level for q in card.questions)
        if questions:
            look = layout.look(level.index)
            groups.append(Group(level.id, level.name, look, questions, level.ref))
    return groups


def render_fillable_checklist(deck: Deck, layout: Layout, settings: FormSettings) -> TaggedPdf:
    """The form as PDF, with its marked content; the same input gives the same bytes (Canvas
    invariant). settings: the form's, checked against the layout (validate.settings)."""
    register_family(layout.font)
    buffer = io.BytesIO()
    width, height = PAPER_MM[settings.page]
    canvas = Canvas(
        buffer,
        pagesize=(mm(width), mm(height)),
        invariant=1,
        pageCompression=1,
        initialFontName=font_name(layout.font, "regular"),
        enforceColorSpace="rgb",
        lang=deck.language,
    )
    canvas.setTitle(plain(deck.title))
    canvas.setAuthor(plain(deck.source))
    canvas.setSubject(f"{plain(deck.title)}, {deck.labels['edition']} {deck.edition.version}")
    canvas.setCreator(f"voorwie-generator {__version__}")
    canvas.setViewerPreference("DisplayDocTitle", "true")
    use_embedded_form_font(canvas, layout.font)
    painter = FacePainter(layout, deck.language, Size(width, height), deck.location,
                          color_model="rgb", hyphenation=deck.hyphenation,
                          folder=settings.folder)  # fmt: skip
    face = Face(settings.template, form_values(deck, layout, settings), f"checklist {deck.id}",
                "deck › title")  # fmt: skip
    xml = render_template(settings.folder, face.template, {**painter.common_values(),
                                                          **face.values})  # fmt: skip
    pages = PagesPainter(painter, face)
    tagger = Tagger(canvas, layout.tags)
    pages.paint(canvas, pages.lay_out(parse_pages(xml, settings.folder / face.template)), tagger)
    canvas.save()
    return TaggedPdf(buffer.getvalue(), tuple(tagger.pages), plain(deck.title), deck.language)


def form_values(deck: Deck, layout: Layout, settings: FormSettings) -> dict[str, Any]:
    """What the form's template draws from: the deck (its edition's date as its language
    writes it), its labels, the groups with their looks and questions, the neutral look (the
    title band's), the form's measures and the layout style of each part."""
    return {
        "deck": printed(deck),
        "labels": deck.labels,
        "groups": checklist_groups(deck, layout),
        "neutral": layout.look(None),
        "form": {name: getattr(settings, name) for name in MEASURES},
        "styles": settings.styles,
    }
