"""A report as an A4 PDF that a print shop's intake accepts: the order note in the print-shop
folder, and the review report. CMYK black text in our embedded font, page, bleed, margins
and styles from layouts/report/report.yaml, TrimBox and BleedBox; impose marks it PDF/X."""

from __future__ import annotations

import io
from functools import partial
from xml.sax.saxutils import escape

from reportlab.lib.colors import CMYKColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate

from generator import __version__
from generator.core.geometry import PAPER_MM
from generator.model.layout import FontSpec, ReportSettings, ReportStyle
from generator.render.fonts import font_name, register_family

# A print shop's intake wants report text in black ink only: a prepress rule, not a design.
BLACK = CMYKColor(0, 0, 0, 1)


def _styles(font: FontSpec, settings: ReportSettings) -> dict[str, ParagraphStyle]:
    def style(role: str, look: ReportStyle) -> ParagraphStyle:
        return ParagraphStyle(
            role,
            fontName=font_name(font, look.weight),
            fontSize=look.size,
            leading=look.leading_pt,
            textColor=BLACK,
            leftIndent=look.indent_mm * mm,
            spaceBefore=look.space_before_mm * mm,
            spaceAfter=look.space_after_mm * mm,
        )

    return {role: style(role, look) for role, look in settings.styles}


def report_pdf(
    blocks: list[tuple[str, str]], title: str, font: FontSpec, settings: ReportSettings
) -> bytes:
    """The blocks (role, text) on pages with bleed and boxes, in the settings' styles."""
    register_family(font)
    styles = _styles(font, settings)
    story = [Paragraph(escape(text), styles[role]) for role, text in blocks]
    bleed = settings.bleed_mm * mm
    width, height = (side * mm for side in PAPER_MM[settings.page])
    page = (width + 2 * bleed, height + 2 * bleed)

    def boxes(canvas: Canvas, _document: object) -> None:
        canvas.setTrimBox((bleed, bleed, bleed + width, bleed + height))
        canvas.setBleedBox((0, 0, *page))

    buffer = io.BytesIO()
    margin = (settings.margin_mm + settings.bleed_mm) * mm
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
