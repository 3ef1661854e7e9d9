"""QR codes as vector rectangles in the face's own colour (CMYK in print, RGB on screens)."""

from __future__ import annotations

import itertools

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas

QUIET_ZONE = 4  # modules of light margin a reader needs around the code (ISO/IEC 18004)
LEVELS = ("L", "M", "Q", "H")  # error correction: 7, 15, 25, 30 % of the code may be lost


def qr_matrix(data: str, level: str = "M") -> list[list[bool]]:
    """The code's modules, rows top to bottom, True for dark: ReportLab's own encoder (its
    graphics package is imported here, by the few faces that carry a code)."""
    from reportlab.graphics.barcode.qr import QrCodeWidget

    widget = QrCodeWidget(data, barLevel=level, barBorder=0)
    widget.qr.make()
    return [[bool(module) for module in row] for row in widget.qr.modules]


def paint_qr(
    canvas: Canvas, data: str, level: str, left: float, top: float, size: float, color: Color
) -> None:
    """Draw the code with its quiet zone in a square of `size` points whose top-left corner is
    (left, top) in page points (y up). Dark runs of a row are one rectangle each, all one path
    filled once, so no hairline seams show between modules."""
    matrix = qr_matrix(data, level)
    module = size / (len(matrix) + 2 * QUIET_ZONE)
    canvas.setFillColor(color)
    path = canvas.beginPath()
    for row, modules in enumerate(matrix):
        column = 0
        for dark, run in itertools.groupby(modules):
            count = len(list(run))
            if dark:
                x = left + (QUIET_ZONE + column) * module
                y = top - (QUIET_ZONE + row + 1) * module
                path.rect(x, y, count * module, module)
            column += count
    canvas.drawPath(path, stroke=0, fill=1)


def module_mm(data: str, level: str, size_mm: float) -> float:
    """How large one module is printed: phones read 0.4 mm and up at arm's length."""
    return size_mm / (len(qr_matrix(data, level)) + 2 * QUIET_ZONE)
