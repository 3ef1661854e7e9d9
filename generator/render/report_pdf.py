"""A report as an A4 PDF that a print shop's intake accepts: the order note in the print-shop
folder, and the review report. CMYK black text in our embedded font, trim plus 3 mm bleed,
TrimBox and BleedBox, text well inside the trim; impose marks it PDF/X."""

from __future__ import annotations

import io
from functools import partial
from xml.sax.saxutils import escape

from reportlab.lib.colors import CMYKColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate

from generator import __version__
from generator.model.layout import FontSpec
from generator.render.fonts import font_name, register_family

BLEED_MM = 3
MARGIN_MM = 20
BODY_PT = 10.5
BLACK = CMYKColor(0, 0, 0, 1)


def _styles(font: FontSpec) -> dict[str, ParagraphStyle]:
    regular, bold = font_name(font, "regular"), font_name(font, "bold")
    body = ParagraphStyle(
        "line", fontName=regular, fontSize=BODY_PT, leading=BODY_PT * 1.3, textColor=BLACK
    )
    return {
        "title": ParagraphStyle("title", body, fontName=bold, fontSize=18, leading=22,
                                spaceAfter=4 * mm),
        "product": ParagraphStyle("product", body, fontName=bold, fontSize=13, leading=16,
                                  spaceBefore=5 * mm, spaceAfter=1 * mm),
        "line": body,
        "item": ParagraphStyle("item", body, leftIndent=4 * mm, spaceBefore=1.5 * mm),
        "text": ParagraphStyle("text", body, leftIndent=8 * mm),
        "quote": ParagraphStyle("quote", body, leftIndent=12 * mm),
    }  # fmt: skip


def report_pdf(blocks: list[tuple[str, str]], title: str, font: FontSpec) -> bytes:
    """The blocks (role, text) on A4 pages with bleed and boxes."""
    register_family(font)
    styles = _styles(font)
    story = [Paragraph(escape(text), styles[role]) for role, text in blocks]
    bleed = BLEED_MM * mm
    page = (A4[0] + 2 * bleed, A4[1] + 2 * bleed)

    def boxes(canvas: Canvas, _document: object) -> None:
        canvas.setTrimBox((bleed, bleed, bleed + A4[0], bleed + A4[1]))
        canvas.setBleedBox((0, 0, *page))

    buffer = io.BytesIO()
    margin = (MARGIN_MM + BLEED_MM) * mm
    document = SimpleDocTemplate(
        buffer,
        pagesize=page,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        title=title,
        creator=f"voorwie-generator {__version__}",
        invariant=1,  # the same report gives the same bytes
        initialFontName=font_name(font, "regular"),  # never reference Helvetica
    )
    canvas = partial(Canvas, enforceColorSpace="cmyk")
    document.build(story, onFirstPage=boxes, onLaterPages=boxes, canvasmaker=canvas)
    return buffer.getvalue()
