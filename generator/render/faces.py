"""Draw one face: run its template, check its frames, fit its text, paint it."""

from __future__ import annotations

import html
import logging
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, NamedTuple

from reportlab.lib.colors import CMYKColor, Color
from reportlab.pdfgen.canvas import Canvas

from generator.core.cache import RenderCache, fingerprint
from generator.core.errors import Location, fail
from generator.core.geometry import Size, mm
from generator.core.i18n import _, number
from generator.model.item_names import shown
from generator.model.layout import Layout
from generator.render.drawlist import (
    Anchor,
    Arrow,
    Element,
    Frame,
    Image,
    Line,
    Link,
    QrCode,
    Rect,
    Symbol,
    parse_face,
)
from generator.render.flow import STEP_PT, Overflow, Placed, TextSetter
from generator.render.images import image_keys, image_reader
from generator.render.qr import paint_qr
from generator.render.styles import draw_symbol
from generator.render.tags import Tagger
from generator.render.templates import render_template

SAFE_TOLERANCE_MM = 0.01
log = logging.getLogger(__name__)

Box = tuple[float, float, float, float]  # left, bottom, right, top in page points


@dataclass(frozen=True)
class Face:
    """One page to draw: which template, with what values, and how to name it in messages."""

    template: str
    values: dict[str, Any]
    label: str  # "card 'vragen-gezin' (front)"
    ref: str  # the content item it shows, for locating messages


@dataclass
class LaidOut:
    """A face ready to paint, with where its anchors and links will stand on the page."""

    face: Face
    elements: list[tuple[Element, list[Placed]]]
    anchors: dict[str, Box] = field(default_factory=dict)
    links: list[tuple[Box, str]] = field(default_factory=list)
    notes: list[Shrunk] = field(default_factory=list)
    key: str = ""  # content hash of what it depends on (see RenderCache)
    refs: tuple[str, ...] = ()  # the content items its texts come from, in the draw list's order

    def for_face(self, face: Face, refs: tuple[str, ...]) -> LaidOut:
        """The same drawing as another face's, whose texts come from `refs`: its notes name
        that face's items."""
        notes = [
            Shrunk(refs[self.refs.index(note.ref)] if note.ref in self.refs else face.ref,
                   note.points)
            for note in self.notes
        ]  # fmt: skip
        return LaidOut(face, self.elements, self.anchors, self.links, notes, self.key, refs)


class DrawList(NamedTuple):
    """A face's template output (XML), the key of its drawing (see RenderCache) and the
    content items its texts come from."""

    xml: str
    key: str
    refs: tuple[str, ...]


# Where a text comes from (ref="…") names it in messages and is not drawn: two faces that
# differ only there (the backs of cards with the same heading) are one drawing.
_REF = re.compile(r"""\sref=("[^"]*"|'[^']*')""")


@dataclass(frozen=True)
class Shrunk:
    """Text set smaller than the layout's size to fit: a note to the editor, naming the item
    whose text did not fit at the layout's size."""

    ref: str
    points: float


class FacePainter:
    """Lays out and paints faces designed at `design` size, drawn `scale` times larger."""

    def __init__(
        self,
        layout: Layout,
        language: str,
        design: Size,
        locate: Callable[[str], Location],
        scale: float = 1.0,
        slack_mm: float = 0.0,
        color_model: str = "cmyk",
        cache: RenderCache | None = None,
        hyphenation: tuple[str, ...] = (),
        fit_hint: str = "",
        folder: Path | None = None,
    ) -> None:
        """slack_mm: how far the printed trim may reach beyond the scaled design on a side.

        color_model: 'cmyk' for print, 'rgb' for screens (the layout's CMYK, converted).
        cache: keeps laid-out faces between documents and builds (default: none).
        hyphenation: the content's hyphenation exceptions for the language.
        fit_hint: what to do when text does not fit (marked with N_()), if not the default.
        folder: where the templates are, if not in the layout's folder.
        """
        self.layout, self.design, self.locate, self.scale = layout, design, locate, scale
        self.folder = folder or layout.folder
        self.slack_mm, self.color_model, self.fit_hint = slack_mm, color_model, fit_hint
        self.setter = TextSetter(layout, language, self.color, hyphenation)
        self.cache = cache or RenderCache(max_entries=0)
        self.key = fingerprint(layout, language, design, scale, slack_mm, color_model, hyphenation)
        self.tagger: Tagger | None = None  # while a tagged (screen) document is drawn

    def common_values(self) -> dict[str, Any]:
        """What every template may use besides its own values: the geometry, in design mm."""
        return {
            "trim": self.design,
            # Backgrounds drawn to -bleed reach the full bleed beyond the printed trim.
            "bleed": (self.layout.bleed_mm + self.slack_mm) / self.scale,
            "safe": self.layout.safe_mm,
            "dim": self.layout.dimensions,
            # measure([[style, text, bullet], …], width_mm): the paragraphs' height in mm.
            "measure": self.setter.height_mm,
        }

    def color(self, name: str) -> Color:
        if name not in self.layout.colors:
            raise fail(
                Location(self.layout.path),
                _("unknown colour '{color}' in a template").format(color=name),
                _("define it under colors: or correct the template"),
            )
        c, m, y, k = self.layout.colors[name]
        if self.color_model == "rgb":
            return Color((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
        return CMYKColor(c, m, y, k)

    def draw_list(self, face: Face) -> DrawList:
        """The face's template output, and the key of everything its drawing depends on (the
        bytes of its images too: a changed logo is a new drawing)."""
        values = {**self.common_values(), **face.values}
        xml = render_template(self.folder, face.template, values)
        refs = tuple(html.unescape(found[1:-1]) for found in _REF.findall(xml))
        images = image_keys(xml, self.folder)
        key = fingerprint(self.key, face.template, _REF.sub("", xml), *images)
        return DrawList(xml, key, refs)

    def lay_out(self, face: Face, draw_list: DrawList | None = None) -> LaidOut:
        """The face's elements with their text set, or an error naming file, item and text."""
        draw_list = draw_list or self.draw_list(face)
        kept = self.cache.get(draw_list.key)
        if kept is None:
            kept = self._lay_out(face, draw_list)
            self.cache.put(draw_list.key, kept)
        laid_out = kept.for_face(face, draw_list.refs)
        self.say_notes(laid_out)
        return laid_out

    def say_notes(self, laid_out: LaidOut) -> None:
        """Tell the editor where text was set smaller to fit."""
        for note in laid_out.notes:
            message = _(
                "{where}: {face}: {item} does not fit at the layout's size, so the text of its "
                "frame is set {points} pt smaller"
            ).format(
                where=self.locate(note.ref),
                face=shown(laid_out.face.label),
                item=shown(note.ref),
                points=number(note.points),
            )
            log.warning("%s", message)

    def _lay_out(self, face: Face, draw_list: DrawList) -> LaidOut:
        xml, key, refs = draw_list
        laid_out = LaidOut(face, [], key=key, refs=refs)
        self.place(parse_face(xml, self.folder / face.template, self.folder), laid_out)
        return laid_out

    def place(self, elements: list[Element] | tuple[Element, ...], laid_out: LaidOut) -> None:
        """Lay out elements of laid_out's face: their text set, anchors and links noted."""
        face = laid_out.face
        for element in elements:
            placed: list[Placed] = []
            if isinstance(element, Frame):
                self.check_safe_area(element, face)
                placed = self._fit(element, face, laid_out.notes)
            elif isinstance(element, Anchor):
                laid_out.anchors[element.name] = self._page_box(element)
            elif isinstance(element, Link):
                laid_out.links.append((self._page_box(element), element.to))
            laid_out.elements.append((element, placed))

    def check_styles(self, blocks: Iterable[object], face: Face) -> None:
        """Every block's style is the layout's, or an error naming the template."""
        for block in blocks:
            style = getattr(block, "style", None)
            if style is not None and style not in self.layout.styles:
                raise fail(
                    Location(self.folder / face.template),
                    _("the template uses an unknown style '{style}'").format(style=style),
                    _("define it under styles: in {file}").format(file=self.layout.path.name),
                )

    def _fit(self, frame: Frame, face: Face, notes: list[Shrunk]) -> list[Placed]:
        self.check_styles(frame.blocks, face)
        text_w, text_h = frame.text_size
        try:
            placed, total, step, overflowed = self.setter.fit(replace(frame, w=text_w, h=text_h))
        except Overflow as overflow:
            if overflow.one_line:
                raise fail(
                    self.locate(overflow.ref),
                    _(
                        "{face}: {item} must stay on one line (style '{style}' never wraps), "
                        "but is too long for it"
                    ).format(
                        face=shown(face.label),
                        item=shown(overflow.ref) if overflow.ref else _("the text"),
                        style=overflow.style.name,
                    ),
                    _("shorten the text, or give the layout's line more room"),
                ) from None
            raise fail(
                self.locate(overflow.ref),
                _("{face}: {item} does not fit, even at the minimum size of {size} pt").format(
                    face=shown(face.label),
                    item=shown(overflow.ref) if overflow.ref else _("the text"),
                    size=number(overflow.style.min_size),
                ),
                _(self.fit_hint)
                if self.fit_hint
                else _("shorten the text, move questions to another card, or choose a larger trim"),
            ) from None
        if step:
            notes.append(Shrunk(overflowed or face.ref, step * STEP_PT))
        offset = {"top": 0.0, "middle": (mm(text_h) - total) / 2, "bottom": mm(text_h) - total}
        return [replace(p, top=p.top + offset[frame.valign]) for p in placed]

    def check_safe_area(self, frame: Frame, face: Face) -> None:
        trim, safe = self.design, self.layout.safe_mm
        inside = (
            frame.x >= safe - SAFE_TOLERANCE_MM
            and frame.y >= safe - SAFE_TOLERANCE_MM
            and frame.x + frame.w <= trim.w - safe + SAFE_TOLERANCE_MM
            and frame.y + frame.h <= trim.h - safe + SAFE_TOLERANCE_MM
        )
        if not inside:
            raise fail(
                self.locate(face.ref),
                _(
                    "{face}: the layout's {template} puts a text frame ({x}, {y}, {w} x "
                    "{h} mm) outside the safe area ({safe} mm inside the {width} x "
                    "{height} mm trim)"
                ).format(
                    face=shown(face.label),
                    template=face.template,
                    x=number(frame.x),
                    y=number(frame.y),
                    w=number(frame.w),
                    h=number(frame.h),
                    safe=number(safe),
                    width=number(trim.w),
                    height=number(trim.h),
                ),
                _(
                    "choose a larger trim (trim: in the content file), or adapt the template's "
                    "frames to this trim"
                ),
            )

    def paint(self, canvas: Canvas, laid_out: LaidOut) -> None:
        """Draw a face; the canvas origin must be the trim's bottom-left corner, unscaled."""
        canvas.saveState()
        canvas.scale(self.scale, self.scale)
        for element, placed in laid_out.elements:
            canvas.saveState()
            self.paint_element(canvas, element, placed)
            canvas.restoreState()
        canvas.restoreState()

    def paint_element(self, canvas: Canvas, element: Element, placed: list[Placed]) -> None:
        """Draw one element in the canvas's state (a turned frame turns it)."""
        match element:
            case Image():
                image = image_reader(self.folder / element.src, element.src, self.folder,
                                     self.color_model)  # fmt: skip
                box = self._box(element.x, element.y, element.w, element.h)
                contain = element.fit == "contain"
                canvas.drawImage(image, *box, preserveAspectRatio=contain, anchor="c")
            case Rect():
                fill = element.fill != "none"
                if fill:
                    canvas.setFillColor(self.color(element.fill))
                if element.stroke:
                    canvas.setStrokeColor(self.color(element.stroke))
                    canvas.setLineWidth(element.width_pt)
                box = self._box(element.x, element.y, element.w, element.h)
                if element.radius:
                    canvas.roundRect(
                        *box, mm(element.radius), stroke=bool(element.stroke), fill=fill
                    )
                else:
                    canvas.rect(*box, stroke=bool(element.stroke), fill=fill)
            case Line():
                canvas.setStrokeColor(self.color(element.stroke))
                canvas.setLineWidth(element.width_pt)
                canvas.line(
                    *self.point(element.x1, element.y1), *self.point(element.x2, element.y2)
                )
            case Arrow():
                self._arrow(canvas, element)
            case Symbol():
                if element.fill != "none":
                    canvas.setFillColor(self.color(element.fill))
                if element.stroke:
                    canvas.setStrokeColor(self.color(element.stroke))
                    canvas.setLineWidth(element.width_pt)
                self._symbol(canvas, element)
            case QrCode():
                left, top = self.point(element.x, element.y)
                size, color = mm(element.size), self.color(element.fill)
                paint_qr(canvas, element.data, element.level, left, top, size, color)
            case Frame():
                left, top = self.point(element.x, element.y)
                if element.turn:  # about the box's centre, the text set in its turned size
                    text_w, text_h = element.text_size
                    canvas.translate(left + mm(element.w) / 2, top - mm(element.h) / 2)
                    canvas.rotate(element.turn)
                    left, top = -mm(text_w) / 2, mm(text_h) / 2
                for p in placed:
                    if self.tagger is not None:
                        self.tagger.begin(p.tag or p.style, p.text, p.ref)
                    p.flowable.drawOn(canvas, left, top - p.top - p.height)
                    if self.tagger is not None:
                        self.tagger.end()

    def point(self, x: float, y: float) -> tuple[float, float]:
        """Design mm (from the trim's top-left, y down) to design points (bottom-left, y up)."""
        return mm(x), mm(self.design.h - y)

    def _box(self, x: float, y: float, w: float, h: float) -> tuple[float, float, float, float]:
        left, top = self.point(x, y)
        return left, top - mm(h), mm(w), mm(h)

    def _page_box(self, element: Anchor | Link) -> Box:
        """Where an element stands on the page, in points from the trim's bottom-left."""
        left, bottom, width, height = self._box(element.x, element.y, element.w, element.h)
        k = self.scale
        return left * k, bottom * k, (left + width) * k, (bottom + height) * k

    def _arrow(self, canvas: Canvas, arrow: Arrow) -> None:
        (x1, y1), (x2, y2) = self.point(arrow.x1, arrow.y1), self.point(arrow.x2, arrow.y2)
        angle = math.atan2(y2 - y1, x2 - x1)
        head = mm(arrow.head)
        base_x, base_y = x2 - head * math.cos(angle), y2 - head * math.sin(angle)
        canvas.setStrokeColor(self.color(arrow.stroke))
        canvas.setFillColor(self.color(arrow.stroke))
        canvas.setLineWidth(arrow.width_pt)
        canvas.line(x1, y1, base_x, base_y)
        half = head * 0.45
        path = canvas.beginPath()
        path.moveTo(x2, y2)
        path.lineTo(base_x - half * math.sin(angle), base_y + half * math.cos(angle))
        path.lineTo(base_x + half * math.sin(angle), base_y - half * math.cos(angle))
        path.close()
        canvas.drawPath(path, stroke=0, fill=1)

    def _symbol(self, canvas: Canvas, symbol: Symbol) -> None:
        cx, cy = self.point(symbol.cx, symbol.cy)
        stroke, fill = int(bool(symbol.stroke)), int(symbol.fill != "none")
        draw_symbol(canvas, symbol.shape, cx, cy, mm(symbol.size), stroke, fill)
