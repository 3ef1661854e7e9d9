"""Content text (**bold**) as ReportLab paragraphs: runs of text set in the regular and bold
weights (the markup itself: generator/core/markup.py)."""

from __future__ import annotations

from reportlab.lib.fonts import ps2tt, tt2ps
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph
from reportlab.platypus.paraparser import ParaFrag

from generator.core.markup import runs


def paragraph_frags(text: str, style: ParagraphStyle) -> list[ParaFrag]:
    """The fragments ReportLab's paragraph parser makes of the text in `style`, made directly:
    the parser (an HTML parser run for every paragraph and every size tried) cost a third of
    the time of laying out a card. '<', '>' and '&' are text, as everywhere in content."""
    family, _, italic = ps2tt(style.fontName)
    fonts = {False: style.fontName, True: tt2ps(family, 1, italic)}
    frags = []
    for part, bold in runs(text) or [("", False)]:
        frag = ParaFrag()
        frag.rise, frag.greek, frag.link, frag.us_lines = 0, 0, [], []
        frag.fontName, frag.bold, frag.italic = fonts[bold], int(bold), italic
        frag.fontSize, frag.textColor = style.fontSize, style.textColor
        frag.__tag__, frag.text = "b" if bold else "para", part
        frags.append(frag)
    return frags


def content_paragraph(text: str, style: ParagraphStyle, bullet: str = "") -> Paragraph:
    """A paragraph of content text (with **bold**) in `style`, with an optional bullet."""
    return Paragraph(text, style, bulletText=bullet or None, frags=paragraph_frags(text, style))
