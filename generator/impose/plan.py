"""Where each card goes on an office sheet, and where its back goes: pure geometry, in points.

Matrices are PDF affine transforms (a, b, c, d, e, f): x' = a·x + c·y + e, y' = b·x + d·y + f.
They map a card page (its bleed box, origin bottom-left) onto a sheet.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from generator.core.errors import Location, fail
from generator.core.geometry import PAPER_MM, Matrix, Size, mm, multiply
from generator.core.i18n import _, number
from generator.model.layout import Imposition


def mirror_x(width: float) -> Matrix:
    """Turn over a vertical edge: x → width − x."""
    return (-1, 0, 0, 1, width, 0)


def mirror_y(height: float) -> Matrix:
    """Turn over a horizontal edge: y → height − y."""
    return (1, 0, 0, -1, 0, height)


@dataclass(frozen=True)
class SheetPlan:
    sheet: tuple[float, float]  # width, height in points (portrait)
    fronts: tuple[Matrix, ...]  # one per slot
    backs: tuple[Matrix, ...]  # the back of the card in the same slot
    cut_x: tuple[float, ...]  # vertical trim lines
    cut_y: tuple[float, ...]  # horizontal trim lines
    grid: tuple[float, float, float, float]  # bleed edges of the grid: left, bottom, right, top

    @property
    def per_sheet(self) -> int:
        return len(self.fronts)

    def card_axes(self) -> dict[str, tuple[float, float]]:
        """The sheet's right and up as vectors on a card, in template terms (y down); and
        (back_y) the up of the sheet's back page on the card's back, to set its text upright."""
        a, b, c, d, _e, _f = self.fronts[0]
        _a, back_b, _c, back_d, _e, _f = self.backs[0]
        return {"x": (a, -c), "y": (b, -d), "back_y": (back_b, -back_d)}


def plan_sheets(
    trim: Size,
    bleed_mm: float,
    imposition: Imposition,
    where: Location,
    back_offset_mm: tuple[float, float] = (0.0, 0.0),
) -> SheetPlan:
    """As many cards per sheet as fit, cards turned 90° when that fits more; centred.

    back_offset_mm is where the printer puts the back, measured on the front (right and up
    positive, as read on the calibration sheet); backs are moved the other way to cancel it.
    """
    sheet = Size(*PAPER_MM[imposition.sheet])
    margin = imposition.sheet_margin_mm + imposition.mark_offset_mm + imposition.mark_length_mm
    cell = Size(trim.w + 2 * bleed_mm, trim.h + 2 * bleed_mm)
    options = []
    for turned in (False, True):
        w, h = (cell.h, cell.w) if turned else (cell.w, cell.h)
        cols = math.floor((sheet.w - 2 * margin) / w + 1e-9)
        rows = math.floor((sheet.h - 2 * margin) / h + 1e-9)
        options.append((cols * rows, not turned, turned, cols, rows, w, h))
    count, _upright, turned, cols, rows, w, h = max(options)
    if count == 0:
        raise fail(
            where,
            _(
                "a {width} x {height} mm card with bleed and crop marks does not fit on {sheet}"
            ).format(width=number(trim.w), height=number(trim.h), sheet=imposition.sheet),
            _("choose a smaller trim, or a larger sheet in the layout"),
        )

    left = (sheet.w - cols * w) / 2
    top = (sheet.h + rows * h) / 2
    page_w, page_h = mm(cell.w), mm(cell.h)
    # Card page → sheet, per slot, row by row from the top-left.
    fronts = []
    for row in range(rows):
        for col in range(cols):
            x, y = mm(left + col * w), mm(top - (row + 1) * h)
            # Turned: rotate 90° anticlockwise, then move the card's bottom-right onto the cell.
            fronts.append((0, 1, -1, 0, x + page_h, y) if turned else (1, 0, 0, 1, x, y))

    sheet_w, sheet_h = mm(sheet.w), mm(sheet.h)
    sheet_turn = mirror_x(sheet_w) if imposition.duplex == "long-edge" else mirror_y(sheet_h)
    card_turn = mirror_x(page_w) if imposition.card_turn == "book" else mirror_y(page_h)
    # A point q on a card's back is the point card_turn(q) of its front; on the sheet's back
    # that point is sheet_turn of where the front put it.
    # The printer's drift, seen from the front, cancelled on the back: (-dx, -dy) on the
    # front is that vector turned over with the sheet.
    dx, dy = (mm(-v) for v in back_offset_mm)
    a, b, c, d, _e, _f = sheet_turn
    correction = (1, 0, 0, 1, a * dx + c * dy, b * dx + d * dy)
    backs = [
        multiply(correction, multiply(sheet_turn, multiply(front, card_turn))) for front in fronts
    ]

    b = bleed_mm
    cut_x = [left + col * w + edge for col in range(cols) for edge in (b, w - b)]
    cut_y = [top - row * h - edge for row in range(rows) for edge in (b, h - b)]
    return SheetPlan(
        sheet=(sheet_w, sheet_h),
        fronts=tuple(fronts),
        backs=tuple(backs),
        cut_x=tuple(mm(x) for x in cut_x),
        cut_y=tuple(mm(y) for y in cut_y),
        grid=(mm(left), mm(top - rows * h), mm(left + cols * w), mm(top)),
    )
