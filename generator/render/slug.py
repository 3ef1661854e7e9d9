"""The slug: one line naming the job below a print file's crop marks (title, edition, which
card and side), for a digital press or a shop that gang-prints jobs. Drawn with ReportLab in
the cards' own font, one page per line; impose places each page under its print page."""

from __future__ import annotations

import io

from reportlab.pdfgen.canvas import Canvas

from generator.model.layout import FontSpec
from generator.render.fonts import font_name, register_family


def render_slugs(
    lines: list[str], size: tuple[float, float], font: FontSpec, font_pt: float
) -> bytes:
    """A PDF with one page of size (width, height in points) per line: the line in 100 % K
    set to overprint (no gap in what may print beneath it), on the page's left, centred in
    its height."""
    register_family(font)
    buffer = io.BytesIO()
    regular = font_name(font, "regular")
    canvas = Canvas(buffer, pagesize=size, invariant=1, pageCompression=1,
                    initialFontName=regular, enforceColorSpace="cmyk")  # fmt: skip
    for line in lines:
        canvas.setFillColorCMYK(0, 0, 0, 1)
        canvas.setFillOverprint(True)
        canvas.setOverprintMask(True)
        canvas.setFont(regular, font_pt)
        canvas.drawString(0, (size[1] - font_pt) / 2 + font_pt * 0.25, line)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()
