"""Lay out a document of flowing pages once, then draw what was laid out.

The flow's blocks are set one after the other; a block (or a keep, with all its blocks) that
does not fit in the room left on a page starts the next page. Nothing is set smaller: a
flow goes on to another page instead. Each block becomes the page elements that draw it
(a text, a box, a bar's rectangle and symbol, a form field), placed where the flow put it,
so drawing repeats no measuring.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from generator.core.errors import Location, fail
from generator.core.geometry import PT_PER_MM, mm
from generator.core.i18n import _, number
from generator.model.item_names import shown
from generator.render.drawlist import Bar, Check, Element, Frame, Gap, Para, Rect, Symbol, TextField
from generator.render.faces import Face, FacePainter, LaidOut
from generator.render.flow import Placed, bar_geometry, box_centre
from generator.render.fonts import font_name
from generator.render.pagelist import Keep, Pages
from generator.render.tags import Tagger


@dataclass(frozen=True)
class CheckboxBox:
    """A checkbox field where its flow put it: its lower-left corner and size in points."""

    name: str
    tooltip: str
    x: float
    y: float
    size: float
    stroke: str
    fill: str
    color: str  # the tick's
    width_pt: float


@dataclass(frozen=True)
class TextFieldBox:
    """A text field where its flow put it, in mm from the page's top-left corner."""

    field: TextField
    x: float
    y: float
    w: float


Item = tuple[Element | CheckboxBox | TextFieldBox, list[Placed]]


class PagesPainter:
    """Lays out and draws flowing pages with a face painter's setter, colours and elements."""

    def __init__(self, painter: FacePainter, face: Face) -> None:
        self.painter, self.face = painter, face
        self.template = painter.folder / face.template
        self.height = painter.design.h  # mm

    def lay_out(self, pages: Pages) -> list[list[Item]]:
        """Every page's elements, in drawing order: the first page's, the flow's, every page's."""
        self.painter.setter.balance = pages.balance
        first, every = LaidOut(self.face, []), LaidOut(self.face, [])
        self.painter.place(pages.first, first)
        self.painter.place(pages.every, every)
        for laid_out in (first, every):
            self.painter.say_notes(laid_out)
        flowed = self._flow(pages)
        flowed[0][:0] = first.elements
        return [page + list(every.elements) for page in flowed]

    def _flow(self, pages: Pages) -> list[list[Item]]:
        flow, names = pages.flow, set[str]()
        for y, h in ((flow.y, flow.h), (flow.next_y, flow.next_h)):  # text stays in the safe area
            self.painter.check_safe_area(Frame(flow.x, y, flow.w, h, ()), self.face)
        result: list[list[Item]] = [[]]
        top, end = flow.y, flow.y + flow.h

        def fits(height: float) -> bool:
            """Whether it fits in the room left, or stands first on its page."""
            return height <= end - top or not result[-1]

        for entry in flow.blocks:
            blocks = entry.blocks if isinstance(entry, Keep) else (entry,)
            self.painter.check_styles(blocks, self.face)
            laid = [(block, *self._height(block, flow.w)) for block in blocks]
            keep = sum(h for _block, h, _text in laid) if isinstance(entry, Keep) else 0.0
            for block, height, text in laid:
                if isinstance(block, Gap):
                    top += block.h
                    continue
                if not (fits(keep) and fits(height)):  # a keep moves whole, then breaks
                    result.append([])
                    top, end = flow.next_y, flow.next_y + flow.next_h
                keep = 0.0
                if height > end - top + 0.01:
                    raise self._too_tall(block, height, end - top)
                name = block.name if isinstance(block, TextField) else getattr(block, "field", "")
                if name in names:
                    raise fail(
                        Location(self.template),
                        _("two form fields are named '{name}'").format(name=name),
                        _("give every field of the form a name of its own"),
                    )
                names |= {name} - {""}
                result[-1] += self._place(block, text, flow.x, top, flow.w)
                top += height
        return result

    def _height(self, block: object, width: float) -> tuple[float, Flowable | None]:
        """A block's height in mm, and its text set in the width it has in the flow."""
        if isinstance(block, Gap):
            return block.h, None
        if isinstance(block, TextField):
            return block.h, None
        assert isinstance(block, Para | Check | Bar)
        text = self.painter.setter.text(block)
        if isinstance(block, Bar):
            pad = mm(block.pad)
            gap = mm(block.gap) if block.gap >= 0 else -1.0
            text_x = bar_geometry(mm(block.size), pad, gap, 0, 0, 0).text_x
            _width, text_h = text.wrap(mm(width) - text_x - pad, mm(self.height))
            geometry = bar_geometry(mm(block.size), pad, gap, mm(block.h), text_h,
                                    text.style.fontSize)  # fmt: skip
            return geometry.height / PT_PER_MM, text
        inset = block.text_x if isinstance(block, Check) else 0
        _width, text_h = text.wrap(mm(width) - mm(inset), mm(self.height))
        return text_h / PT_PER_MM, text

    def _place(
        self, block: object, text: Flowable | None, x: float, top: float, width: float
    ) -> list[Item]:
        """The elements that draw a block whose top the flow put at `top` mm."""
        if isinstance(block, TextField):
            return [(TextFieldBox(block, x, top, width), [])]
        assert text is not None and isinstance(block, Para | Check | Bar)
        text_h = text.height
        if isinstance(block, Para):
            return [_text(text, x, top, width, block)]
        if isinstance(block, Check):
            items = [_text(text, x + block.text_x, top, width - block.text_x, block)]
            if block.box:
                items.append(self._box(block, text, x + block.x, top))
            return items
        size, pad = mm(block.size), mm(block.pad)
        gap = mm(block.gap) if block.gap >= 0 else -1.0
        geometry = bar_geometry(size, pad, gap, mm(block.h), text_h, text.style.fontSize)
        height = geometry.height / PT_PER_MM
        bottom = top + height
        color = self.painter.layout.styles[block.style].color
        return [
            (Rect(x, top, width, height, block.fill, radius=block.radius), []),
            (Symbol(block.shape, x + geometry.symbol_x / PT_PER_MM,
                    bottom - geometry.symbol_y / PT_PER_MM, block.size, color), []),
            _text(text, x + geometry.text_x / PT_PER_MM,
                  bottom - (geometry.text_bottom + text_h) / PT_PER_MM, width, block),
        ]  # fmt: skip

    def _box(self, block: Check, text: Flowable, x: float, top: float) -> Item:
        """A check's box: a form field when it has a name, else drawn."""
        box = block.box
        centre = box_centre(mm(self.height - top), text.style.fontSize)
        color = self.painter.layout.styles[block.style].color
        if block.field:
            field = CheckboxBox(block.field, block.tooltip, mm(x), centre - mm(box) / 2, mm(box),
                                color, block.fill, color, block.width_pt)  # fmt: skip
            return field, []
        y = self.height - (centre + mm(box) / 2) / PT_PER_MM
        return Rect(x, y, box, box, block.fill or "none", color, block.width_pt), []

    def _too_tall(self, block: object, height: float, room: float) -> Exception:
        ref = getattr(block, "ref", "")
        return fail(
            self.painter.locate(ref) if ref else Location(self.template),
            _("{face}: {item} is taller ({height} mm) than a page's flow has room for "
              "({room} mm)").format(
                face=shown(self.face.label), item=shown(ref) if ref else _("a field"),
                height=number(round(height, 1)), room=number(round(room, 1))),
            _("shorten the text, or give the template's <flow> more room"),
        )  # fmt: skip

    def paint(self, canvas: Canvas, pages: list[list[Item]], tagger: Tagger | None = None) -> None:
        """Draw the laid-out pages, one canvas page each, every element straight on the page;
        with a tagger, each text its own marked content."""
        self.painter.tagger = tagger
        for number_, page in enumerate(pages):
            if number_:
                canvas.showPage()
            if tagger is not None:
                tagger.start_page()
            for element, placed in page:
                self._paint(canvas, element, placed)
            if tagger is not None:
                tagger.end_page()
        self.painter.tagger = None

    def _paint(self, canvas: Canvas, element: object, placed: list[Placed]) -> None:
        color = self.painter.color
        match element:
            case CheckboxBox():
                canvas.acroForm.checkbox(
                    name=element.name, tooltip=element.tooltip, x=element.x, y=element.y,
                    size=element.size, buttonStyle="check", borderColor=color(element.stroke),
                    fillColor=color(element.fill), textColor=color(element.color),
                    borderWidth=_whole(element.width_pt), forceBorder=True, fieldFlags="",
                )  # fmt: skip
            case TextFieldBox():
                field, (x, y) = element.field, self.painter.point(element.x, element.y)
                canvas.acroForm.textfield(
                    name=field.name, tooltip=field.tooltip, x=x, y=y - mm(field.h),
                    width=mm(element.w), height=mm(field.h), fieldFlags="multiline",
                    maxlen=None, fontName=font_name(self.painter.layout.font, "regular"),
                    fontSize=field.size, borderColor=color(field.stroke),
                    fillColor=color(field.fill), textColor=color(field.color),
                    borderWidth=_whole(field.width_pt), forceBorder=True,
                )  # fmt: skip
            case Frame(turn=turn) if turn:
                canvas.saveState()
                self.painter.paint_element(canvas, element, placed)
                canvas.restoreState()
            case _:
                self.painter.paint_element(canvas, cast(Element, element), placed)


def _text(text: Flowable, x: float, top: float, width: float, block: Para | Check | Bar) -> Item:
    """A text set in a flow, as a frame holding just it (its style: its role when tagged)."""
    height = text.height
    placed = Placed(
        text, 0.0, height, block.ref, block.style, block.text, getattr(block, "tag", "")
    )
    return Frame(x, top, width, height / PT_PER_MM, ()), [placed]


def _whole(value: float) -> float:
    """A whole number as an int: ReportLab writes a field's border width as Python prints it."""
    return int(value) if value.is_integer() else value
