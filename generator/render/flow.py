"""Fit a frame's text: set it at the layout's sizes, step down to each style's minimum, or fail."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from generator.core.geometry import mm
from generator.model.layout import Layout, TextStyle
from generator.render.drawlist import Bar, Check, Frame, Gap, Para
from generator.render.hyphenation import hyphenator
from generator.render.markup import content_paragraph
from generator.render.styles import draw_symbol
from generator.render.styles import paragraph_style as make_style
from generator.render.typeset import Balanced, Typeset, line_count, tie_last_words

STEP_PT = 0.5
BULLET_INDENT = 1.1  # text starts this many font sizes after a bullet
BOX_STROKE_PT = 0.75


class CheckItem(Flowable):
    """A paragraph with a tick box beside its first line."""

    def __init__(
        self, paragraph: Paragraph, x: float, box: float, text_x: float, color: Color,
        width_pt: float = BOX_STROKE_PT, fill: Color | None = None,
    ) -> None:  # fmt: skip
        super().__init__()
        self.paragraph, self.x, self.box, self.text_x, self.color = paragraph, x, box, text_x, color
        self.width_pt, self.fill = width_pt, fill

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        _, self.height = self.paragraph.wrap(available_width - self.text_x, available_height)
        self.width = available_width
        return self.width, self.height

    def draw(self) -> None:
        self.paragraph.drawOn(self.canv, self.text_x, 0)
        if not self.box:
            return
        centre = box_centre(self.height, self.paragraph.style.fontSize)
        self.canv.setStrokeColor(self.color)
        if self.fill is not None:
            self.canv.setFillColor(self.fill)
        self.canv.setLineWidth(self.width_pt)
        self.canv.rect(self.x, centre - self.box / 2, self.box, self.box, stroke=1,
                       fill=int(self.fill is not None))  # fmt: skip


def box_centre(top: float, font_size: float) -> float:
    """Where a tick box's centre stands beside a text whose top is at `top` (points, y up):
    on the first line's lower-case letters."""
    baseline = top - font_size
    return baseline + 0.33 * font_size


class BarGeometry(NamedTuple):
    """Where a bar's parts stand, in points from its bottom-left corner."""

    height: float
    text_x: float
    text_bottom: float
    symbol_x: float  # the symbol's centre
    symbol_y: float


def bar_geometry(
    size: float, pad: float, gap: float, fixed: float, text_h: float, font_size: float
) -> BarGeometry:
    """A bar's parts (points; gap < 0: 1.5 pads; fixed: its height, or 0 for the text's):
    the words after the symbol, centred on its height; the symbol centred on the first
    line's capitals (as the box of a CheckItem), or on a fixed-height bar's middle."""
    text_x = size + 2.5 * pad if gap < 0 else pad + size + gap
    height = fixed or max(text_h, size) + 2 * pad
    bottom = (height - text_h) / 2
    symbol_y = height / 2 if fixed else bottom + text_h - font_size + 0.36 * font_size
    return BarGeometry(height, text_x, bottom, pad + size / 2, symbol_y)


class BarItem(Flowable):
    """A paragraph on a coloured bar as wide as the frame, after a symbol in the text's colour
    (bar: the block, in mm)."""

    def __init__(self, paragraph: Paragraph, fill: Color, bar: Bar):
        super().__init__()
        self.paragraph, self.fill, self.bar = paragraph, fill, bar
        self.size, self.pad = mm(bar.size), mm(bar.pad)
        self.gap = mm(bar.gap) if bar.gap >= 0 else -1.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        text_x = bar_geometry(self.size, self.pad, self.gap, 0, 0, 0).text_x
        _, text_h = self.paragraph.wrap(available_width - text_x - self.pad, available_height)
        self.geometry = bar_geometry(self.size, self.pad, self.gap, mm(self.bar.h), text_h,
                                     self.paragraph.style.fontSize)  # fmt: skip
        self.width, self.height = available_width, self.geometry.height
        return self.width, self.height

    def draw(self) -> None:
        self.canv.setFillColor(self.fill)
        if self.bar.radius:
            self.canv.roundRect(0, 0, self.width, self.height, mm(self.bar.radius), stroke=0,
                                fill=1)  # fmt: skip
        else:
            self.canv.rect(0, 0, self.width, self.height, stroke=0, fill=1)
        geometry = self.geometry
        self.paragraph.drawOn(self.canv, geometry.text_x, geometry.text_bottom)
        self.canv.setFillColor(self.paragraph.style.textColor)
        draw_symbol(self.canv, self.bar.shape, geometry.symbol_x, geometry.symbol_y, self.size)


@dataclass(frozen=True)
class Placed:
    """A flowable ready to draw, its offset from the frame's top, and where its text came from."""

    flowable: Flowable
    top: float
    height: float
    ref: str
    style: str = ""  # the layout style it is set in (its role in a tagged PDF)
    text: str = ""  # its text as written, markup and all
    tag: str = ""  # its role in a tagged PDF, if the template gives it instead of its style's


class Fitted(NamedTuple):
    """A frame's text, set: its flowables, their height, the steps down from the layout's
    sizes, and (when stepped down) the item whose text did not fit at those sizes."""

    placed: list[Placed]
    total: float
    step: int
    overflowed: str = ""


class Overflow(Exception):
    """The frame's text does not fit even at every style's minimum size (one_line: a text of
    a style that never wraps is too long for its line)."""

    def __init__(self, ref: str, style: TextStyle, one_line: bool = False) -> None:
        super().__init__(ref)
        self.ref, self.style, self.one_line = ref, style, one_line


@dataclass
class TextSetter:
    """Turns a frame's blocks into paragraphs in the layout's styles, for a deck's language."""

    layout: Layout
    language: str
    color: Callable[[str], Color]
    hyphenation: tuple[str, ...] = ()  # the content's exception list for the language
    balance: bool = True  # False: no text is balanced, whatever its style says
    _styles: dict[tuple, ParagraphStyle] = field(default_factory=dict)

    def fit(self, frame: Frame) -> Fitted:
        """The frame's text set at the largest sizes at which it fits; Overflow if none."""
        width, height = mm(frame.w), mm(frame.h)
        styles = {b.style for b in frame.blocks if not isinstance(b, Gap)}
        steps = max((self._steps(self.layout.styles[s]) for s in styles), default=0)
        overflowed = ""
        for step in range(steps + 1):
            # A typesetter hyphenates more before setting the text smaller.
            for eager in (False, True):
                placed, total = self._set(frame.blocks, width, height, step, eager)
                wrapped = self._wrapped(frame.blocks, placed)
                if total <= height + 0.01 and not wrapped:
                    return Fitted(placed, total, step, overflowed)
            overflowed = overflowed or (wrapped or _first_out(placed, height).ref)
        if wrapped:
            block = next(b for b in frame.blocks if not isinstance(b, Gap) and b.ref == wrapped)
            raise Overflow(wrapped, self.layout.styles[block.style], one_line=True)
        worst = _first_out(placed, height)
        block = next(b for b in frame.blocks if not isinstance(b, Gap) and b.ref == worst.ref)
        raise Overflow(worst.ref, self.layout.styles[block.style])

    def _wrapped(self, blocks: tuple, placed: list[Placed]) -> str:
        """The ref of the first text of a one-line style (a footer) set on more than one line."""
        texts = [b for b in blocks if not isinstance(b, Gap)]
        for block, set_text in zip(texts, placed, strict=True):
            if self.layout.styles[block.style].one_line and line_count(set_text.flowable) > 1:
                return block.ref
        return ""

    def height_mm(self, blocks: list[tuple[str, str, str]], width_mm: float) -> float:
        """How tall (mm) these (style, text, bullet) paragraphs stand at their layout's size,
        one after the other in a frame this wide: for a template that shares out room."""
        paras = tuple(Para(style, text, "", bullet) for style, text, bullet in blocks)
        _, total = self._set(paras, mm(width_mm), mm(10_000), 0)
        return total / mm(1)

    @staticmethod
    def _steps(style: TextStyle) -> int:
        return round((style.size - style.min_size) / STEP_PT)

    def _set(
        self, blocks: tuple, width: float, height: float, step: int, eager: bool = False
    ) -> tuple[list[Placed], float]:
        placed: list[Placed] = []
        top = 0.0
        for index, block in enumerate(blocks):
            if isinstance(block, Gap):
                top += mm(block.h)
                continue
            style = self.layout.styles[block.style]
            flowable = self._flowable(block, style, step, eager)
            _, h = flowable.wrap(width, height)
            placed.append(Placed(flowable, top, h, block.ref, block.style, block.text,
                                 getattr(block, "tag", "")))  # fmt: skip
            top += h
            if index < len(blocks) - 1:
                top += mm(style.space_after_mm)
        return placed, top

    def _paragraph_style(
        self, style: TextStyle, size: float, bullet: bool, hyphenate: bool = False,
        color: str = "",
    ) -> ParagraphStyle:  # fmt: skip
        """One ReportLab style per layout style, size, bullet, hyphenation and colour (''
        for the style's), made once per setter."""
        key = (style.name, size, bullet, hyphenate, color)
        if key not in self._styles:
            language = (hyphenate and hyphenator(self.language, self.hyphenation)) or ""
            paragraph_style = make_style(f"{style.name}@{size}", self.layout.font, style, size,
                                         self.color(color or style.color), language)  # fmt: skip
            paragraph_style.leftIndent = mm(style.indent_mm)
            if bullet:
                paragraph_style.bulletIndent = mm(style.indent_mm)
                paragraph_style.leftIndent += size * BULLET_INDENT
                paragraph_style.bulletFontName = paragraph_style.fontName
                paragraph_style.bulletFontSize = size
            self._styles[key] = paragraph_style
        return self._styles[key]

    def _flowable(
        self, block: Para | Check | Bar, style: TextStyle, step: int, eager: bool = False
    ) -> Flowable:
        """The block's paragraph, beside its tick box if it is a question (eager: hyphenated
        wherever a break helps, as when the frame is full, instead of only where a line would
        be clearly short)."""
        paragraph = self._text(block.text, block, style, step, eager)
        if isinstance(block, Para):
            return paragraph
        if isinstance(block, Bar):
            return BarItem(paragraph, self.color(block.fill), block)
        box_color = self._paragraph_style(style, _size(style, step), False).textColor
        fill = self.color(block.fill) if block.fill else None
        return CheckItem(paragraph, mm(block.x), mm(block.box), mm(block.text_x), box_color,
                         block.width_pt, fill)  # fmt: skip

    def text(self, block: Para | Check | Bar) -> Flowable:
        """The block's text alone, at its style's size (a flow sets its boxes and bars itself)."""
        return self._text(block.text, block, self.layout.styles[block.style], 0, False)

    def _text(
        self, text: str, block: Para | Check | Bar, style: TextStyle, step: int, eager: bool,
        balance: bool = True,
    ) -> Flowable:  # fmt: skip
        """The text in the block's style: plain, hyphenating sparingly, and balanced."""
        size = _size(style, step)
        bullet = block.bullet if isinstance(block, Para) else ""
        color = "" if isinstance(block, Bar) else block.color
        plain = self._paragraph_style(style, size, bool(bullet), color=color)

        def make(paragraph_style: ParagraphStyle) -> Paragraph:
            return content_paragraph(text, paragraph_style, bullet)

        paragraph: Flowable = make(plain)
        if style.hyphenate and hyphenator(
            self.language, self.hyphenation
        ):  # sparingly: see render/typeset.py
            hyphenating = self._paragraph_style(style, size, bool(bullet), True, color)
            paragraph = Typeset(make, plain, hyphenating, eager)
        if style.balance and balance and self.balance:
            tied = tie_last_words(text)

            def tie(tied: str | None = tied) -> Flowable:
                assert tied is not None
                return self._text(tied, block, style, step, eager, balance=False)

            paragraph = Balanced(paragraph, plain, tie if tied else None, style.balance == "even")
        return paragraph


def _size(style: TextStyle, step: int) -> float:
    return max(style.min_size, style.size - step * STEP_PT)


def _first_out(placed: list[Placed], height: float) -> Placed:
    """The first flowable that reaches below the frame's bottom."""
    return next((p for p in placed if p.top + p.height > height + 0.01), placed[-1])
