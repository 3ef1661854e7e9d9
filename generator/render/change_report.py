"""The change report as a PDF (A4): for the editors' meeting, or to send with a reprint order."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from generator import __version__
from generator.changes import DeckChanges, report_blocks, report_title
from generator.layout_model import FontSpec
from generator.render.fonts import font_name, register_family

MARGIN_MM = 20
BODY_PT = 10.5
# The paragraph style of each role a report's block plays.
STYLES = {"title": "title", "deck": "deck", "about": "body", "item": "item", "text": "text",
          "reprint": "body", "body": "body"}  # fmt: skip


def _styles(font: FontSpec) -> dict[str, ParagraphStyle]:
    regular, bold = font_name(font, "regular"), font_name(font, "bold")
    body = ParagraphStyle("body", fontName=regular, fontSize=BODY_PT, leading=BODY_PT * 1.3)
    return {
        "title": ParagraphStyle(
            "title", body, fontName=bold, fontSize=18, leading=22, spaceAfter=4 * mm
        ),
        "deck": ParagraphStyle(
            "deck",
            body,
            fontName=bold,
            fontSize=13,
            leading=16,
            spaceBefore=5 * mm,
            spaceAfter=2 * mm,
        ),
        "item": ParagraphStyle("item", body, fontName=bold, spaceBefore=2 * mm),
        "text": ParagraphStyle("text", body, leftIndent=6 * mm),
        "body": body,
    }


def change_report_pdf(report: list[DeckChanges], since: str, font: FontSpec) -> bytes:
    """Every added, removed, changed and moved item with its text, and the cards to reprint."""
    register_family(font)
    styles = _styles(font)

    def para(style: str, text: str) -> Paragraph:
        return Paragraph(escape(text), styles[style])

    story = []
    for role, text in report_blocks(report, since):
        if role == "reprint":
            story.append(Spacer(0, 2 * mm))
        story.append(para(STYLES[role], text))
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_MM * mm,
        rightMargin=MARGIN_MM * mm,
        topMargin=MARGIN_MM * mm,
        bottomMargin=MARGIN_MM * mm,
        title=report_title(since),
        creator=f"voorwie-generator {__version__}",
        invariant=1,  # the same report gives the same bytes
        initialFontName=font_name(font, "regular"),  # never reference Helvetica
    )
    document.build(story)
    return buffer.getvalue()
