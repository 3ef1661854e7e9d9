"""What the cards and the checklist form share when they set text and draw: a layout's text
style as a ReportLab paragraph style, and a level's symbol."""

from __future__ import annotations

import math

from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas

from generator.model.layout import FontSpec, TextStyle
from generator.render.fonts import font_name
from generator.render.hyphenation import MIN_WORD_LENGTH, Hyphenator

ALIGNMENTS = {"left": TA_LEFT, "right": TA_RIGHT, "center": TA_CENTER}


def paragraph_style(
    name: str, font: FontSpec, style: TextStyle, size: float, color: Color,
    hyphenation: Hyphenator | str,
) -> ParagraphStyle:  # fmt: skip
    """The style at a size (a fitted text may be set smaller than the layout's), in a colour;
    hyphenation: the language's hyphenator (render/hyphenation.py), or '' for none."""
    return ParagraphStyle(
        name=name,
        fontName=font_name(font, style.weight),
        fontSize=size,
        leading=size * style.leading,
        textColor=color,
        hyphenationLang=hyphenation,
        hyphenationMinWordLength=MIN_WORD_LENGTH,
        embeddedHyphenation=1,
        splitLongWords=1,
        alignment=ALIGNMENTS[style.align],
    )


def _corners(shape: str, r: float) -> list[tuple[float, float]]:
    return {
        "square": [(-r, -r), (r, -r), (r, r), (-r, r)],
        "triangle": [(-r, -r * 0.85), (r, -r * 0.85), (0, r * 0.95)],
        "diamond": [(0, -r), (r, 0), (0, r), (-r, 0)],
        "hexagon": [
            (r * math.cos(a), r * math.sin(a)) for a in (k * math.pi / 3 for k in range(6))
        ],
    }[shape]


def draw_symbol(
    canvas: Canvas, shape: str, cx: float, cy: float, size: float, stroke: int = 0, fill: int = 1
) -> None:
    """A level's symbol (circle, square, triangle, diamond, hexagon), size points across,
    centred on (cx, cy), in the canvas's current colours."""
    r = size / 2
    if shape == "circle":
        canvas.circle(cx, cy, r, stroke=stroke, fill=fill)
        return
    corners = _corners(shape, r)
    path = canvas.beginPath()
    path.moveTo(cx + corners[0][0], cy + corners[0][1])
    for dx, dy in corners[1:]:
        path.lineTo(cx + dx, cy + dy)
    path.close()
    canvas.drawPath(path, stroke=stroke, fill=fill)
