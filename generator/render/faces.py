"""Draw one card face: run its template, check its frames, fit its text, paint it."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from reportlab.lib.colors import CMYKColor
from reportlab.pdfgen.canvas import Canvas

from generator.errors import Location, fail
from generator.geometry import Size, mm
from generator.layout_model import Layout
from generator.model import Card, Deck
from generator.render.drawlist import Element, Frame, Line, Rect, Symbol, parse_face
from generator.render.flow import STEP_PT, Overflow, Placed, TextSetter
from generator.render.templates import render_template

SAFE_TOLERANCE_MM = 0.01
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FaceContext:
    """Everything a face template may use."""

    deck: Deck
    layout: Layout
    trim: Size

    def template_values(self, card: Card, number: int) -> dict[str, Any]:
        level = card.level
        return {
            "deck": self.deck,
            "labels": self.deck.labels,
            "levels": [
                {"level": lv, "look": self.layout.look(lv.index)} for lv in self.deck.levels
            ],
            "card": card,
            "look": self.layout.look(level.index if level else None),
            "number": number,
            "count": len(self.deck.cards),
            "trim": self.trim,
            "bleed": self.layout.bleed_mm,
            "safe": self.layout.safe_mm,
            "dim": self.layout.dimensions,
        }


class FacePainter:
    """Paints faces of one deck onto a canvas whose origin is the bleed's bottom-left corner."""

    def __init__(self, context: FaceContext) -> None:
        self.context = context
        self.layout = context.layout
        self.setter = TextSetter(self.layout, context.deck.language, self.color)

    def color(self, name: str) -> CMYKColor:
        if name not in self.layout.colors:
            raise fail(
                Location(self.layout.path),
                f"unknown colour '{name}' in a template",
                "define it under colors: or correct the template",
            )
        return CMYKColor(*self.layout.colors[name])

    def lay_out(self, card: Card, number: int, side: str) -> list[tuple[Element, list[Placed]]]:
        """The face's elements with their text set, or an error naming file, card and text."""
        template = self.layout.kinds[card.kind][side]
        xml = render_template(
            self.layout.folder, template, self.context.template_values(card, number)
        )
        elements = parse_face(xml, self.layout.folder / template)
        laid_out = []
        for element in elements:
            placed: list[Placed] = []
            if isinstance(element, Frame):
                self._check_safe_area(element, template)
                placed = self._fit(element, card, side)
            laid_out.append((element, placed))
        return laid_out

    def _fit(self, frame: Frame, card: Card, side: str) -> list[Placed]:
        for block in frame.blocks:
            style = getattr(block, "style", None)
            if style is not None and style not in self.layout.styles:
                raise fail(
                    Location(self.layout.path),
                    f"the template uses an unknown style '{style}'",
                    "define it under styles:",
                )
        try:
            placed, total, step = self.setter.fit(frame)
        except Overflow as overflow:
            deck = self.context.deck
            raise fail(
                deck.location(overflow.ref),
                f"{card.ref} ({side}): {overflow.ref or 'the text'} does not fit, even at the "
                f"minimum size of {overflow.style.min_size:g} pt",
                "shorten the text, move questions to another card, or choose a larger trim",
            ) from None
        if step:
            log.warning(
                "%s: %s (%s): text set %g pt smaller than the layout's size, to fit",
                self.context.deck.location(card.ref),
                card.ref,
                side,
                step * STEP_PT,
            )
        offset = {"top": 0.0, "middle": (mm(frame.h) - total) / 2, "bottom": mm(frame.h) - total}[
            frame.valign
        ]
        return [Placed(p.flowable, p.top + offset, p.height, p.ref) for p in placed]

    def _check_safe_area(self, frame: Frame, template: str) -> None:
        trim, safe = self.context.trim, self.layout.safe_mm
        inside = (
            frame.x >= safe - SAFE_TOLERANCE_MM
            and frame.y >= safe - SAFE_TOLERANCE_MM
            and frame.x + frame.w <= trim.w - safe + SAFE_TOLERANCE_MM
            and frame.y + frame.h <= trim.h - safe + SAFE_TOLERANCE_MM
        )
        if not inside:
            raise fail(
                Location(self.layout.folder / template),
                f"a text frame ({frame.x:g}, {frame.y:g}, {frame.w:g} x {frame.h:g} mm) reaches "
                f"outside the safe area ({safe:g} mm inside the {trim.w:g} x {trim.h:g} mm trim)",
                "move or shrink the frame in the template",
            )

    def paint(self, canvas: Canvas, laid_out: list[tuple[Element, list[Placed]]]) -> None:
        """Draw laid-out elements; the canvas origin must be the bleed's bottom-left corner."""
        for element, placed in laid_out:
            canvas.saveState()
            match element:
                case Rect():
                    canvas.setFillColor(self.color(element.fill))
                    canvas.rect(
                        *self._box(element.x, element.y, element.w, element.h), stroke=0, fill=1
                    )
                case Line():
                    canvas.setStrokeColor(self.color(element.stroke))
                    canvas.setLineWidth(element.width_pt)
                    canvas.line(
                        *self._point(element.x1, element.y1), *self._point(element.x2, element.y2)
                    )
                case Symbol():
                    canvas.setFillColor(self.color(element.fill))
                    self._symbol(canvas, element)
                case Frame():
                    left, top = self._point(element.x, element.y)
                    for p in placed:
                        p.flowable.drawOn(canvas, left, top - p.top - p.height)
            canvas.restoreState()

    def _point(self, x: float, y: float) -> tuple[float, float]:
        """Template mm (trim's top-left, y down) to canvas points (bleed's bottom-left, y up)."""
        bleed = self.layout.bleed_mm
        return mm(bleed + x), mm(bleed + self.context.trim.h - y)

    def _box(self, x: float, y: float, w: float, h: float) -> tuple[float, float, float, float]:
        left, top = self._point(x, y)
        return left, top - mm(h), mm(w), mm(h)

    def _symbol(self, canvas: Canvas, symbol: Symbol) -> None:
        cx, cy = self._point(symbol.cx, symbol.cy)
        r = mm(symbol.size) / 2
        if symbol.shape == "circle":
            canvas.circle(cx, cy, r, stroke=0, fill=1)
            return
        corners = {
            "square": [(-r, -r), (r, -r), (r, r), (-r, r)],
            "triangle": [(-r, -r * 0.85), (r, -r * 0.85), (0, r * 0.95)],
            "diamond": [(0, -r), (r, 0), (0, r), (-r, 0)],
        }[symbol.shape]
        path = canvas.beginPath()
        path.moveTo(cx + corners[0][0], cy + corners[0][1])
        for dx, dy in corners[1:]:
            path.lineTo(cx + dx, cy + dy)
        path.close()
        canvas.drawPath(path, stroke=0, fill=1)
