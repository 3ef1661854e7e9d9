"""Read what a page draws: a small interpreter of PDF content streams over pikepdf's parser.

It follows the graphics state (transformation, colours, overprint, line width, text state)
through q/Q, into form XObjects, tiling patterns, Type3 glyphs and annotation appearances,
and records what the rules judge: each shown string with its size, box and fill; each fill
and stroke with its colour and width; each image with its resolution; and, from every
resource dictionary met, colour spaces, transparency, filters and what PDF/X forbids.
qpdf (C++) tokenizes; this module only keeps state, so a whole build is read in well under
the time it took to make.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from pikepdf import Array, Dictionary, Name, Object, Stream, parse_content_stream

from generator.core.geometry import IDENTITY, Matrix, apply, multiply
from generator.preflight.facts import (
    Box,
    DocumentFacts,
    Image,
    PageFacts,
    Paint,
    Text,
    Use,
)
from generator.preflight.font_metrics import FontMetrics
from generator.preflight.graphics_state import (
    BLACK,
    FAMILIES,
    FILLS_TEXT,
    MAX_DEPTH,
    STROKES_TEXT,
    Cmyk,
    Colour,
    Frame,
    State,
    family,
    lookup,
    number,
    spot_alternate,
    xobject_kind,
)
from generator.preflight.operators import COMPATIBILITY, OPERATORS
from generator.preflight.resources import ResourceScanner


class ContentReader(ResourceScanner):
    """Reads a document's pages into its facts; remembers fonts and resources it has seen."""

    def __init__(self, facts: DocumentFacts) -> None:
        self.facts = facts
        self.fonts: dict[tuple[int, int], FontMetrics] = {}
        self.scanned: set[tuple[int, int]] = set()
        self.parsed: dict[tuple[int, int], list] = {}
        self.operators: dict[str, Callable[[Frame, Any, str], None]] = {
            "q": self._save, "Q": self._restore, "cm": self._concat, "w": self._line_width,
            "gs": self._graphics_state, "g": self._gray, "G": self._gray, "k": self._cmyk,
            "K": self._cmyk, "rg": self._rgb, "RG": self._rgb, "cs": self._space,
            "CS": self._space, "sc": self._components, "scn": self._components,
            "SC": self._components, "SCN": self._components, "S": self._stroke,
            "s": self._stroke, "f": self._fill, "F": self._fill, "f*": self._fill,
            "B": self._both, "B*": self._both, "b": self._both, "b*": self._both,
            "sh": self._shading, "Do": self._draw_object, "INLINE IMAGE": self._inline_image,
            "BT": self._begin_text, "Tf": self._text_font, "Tc": self._text_state,
            "Tw": self._text_state, "Tz": self._text_state, "TL": self._text_state,
            "Ts": self._text_state, "Tr": self._text_state, "Td": self._move_text,
            "TD": self._move_text, "Tm": self._text_matrix, "T*": self._next_line,
            "Tj": self._show, "TJ": self._show, "'": self._show, '"': self._show,
            "PS": self._postscript,
        }  # fmt: skip
        self.stack: list[State] = []
        self.drawing: list[tuple[int, int]] = []  # forms being drawn, against loops

    # -- entry points ---------------------------------------------------------------------

    def read_page(self, page: Object, facts: PageFacts, resources: Object) -> None:
        where = f"page {facts.number}"
        contents = page.get("/Contents")
        for stream in contents if isinstance(contents, Array) else [contents]:
            if isinstance(stream, Stream):
                self._filters(stream, f"{where} › content")
        self.scan_resources(resources, where, 0, facts)
        self.run(page, Frame(where, resources, facts, 0, State()))

    def read_appearance(self, stream: Object, where: str, page: PageFacts) -> None:
        """An annotation's appearance: its colours and paints count; it is drawn where the
        annotation stands, so its positions are not the page's."""
        if isinstance(stream, Stream):
            resources = stream.get("/Resources") or Dictionary()
            self.scan_resources(resources, where, 1, page)
            self.run(stream, Frame(where, resources, page, 1, State(), placed=False))

    def run(self, owner: Object, frame: Frame) -> None:
        """Interpret a content stream (a page, a form, a pattern or a glyph)."""
        instructions = self._parse(owner)
        operators, saved, compatible = self.operators, len(self.stack), 0
        for instruction in instructions:
            operator = str(instruction.operator)
            handler = operators.get(operator)
            if handler is not None:
                handler(frame, instruction.operands, operator)
            elif operator in COMPATIBILITY:
                compatible = max(0, compatible + (1 if operator == "BX" else -1))
            elif operator not in OPERATORS and not compatible:
                self.facts.syntax.append(Use(frame.where, operator, "operator"))
        del self.stack[saved:]  # a stream must not leave its caller's state on the stack

    def _parse(self, owner: Object) -> list:
        key = owner.objgen
        if key != (0, 0) and key in self.parsed:
            return self.parsed[key]
        parsed = parse_content_stream(owner)
        if key != (0, 0) and isinstance(owner, Stream):
            self.parsed[key] = parsed
        return parsed

    # -- graphics state -------------------------------------------------------------------

    def _save(self, frame: Frame, operands, op: str) -> None:
        self.stack.append(frame.state)
        frame.state = replace(frame.state)

    def _restore(self, frame: Frame, operands, op: str) -> None:
        if self.stack:
            frame.state = self.stack.pop()

    def _concat(self, frame: Frame, operands, op: str) -> None:
        matrix = _matrix(operands)
        if matrix is not None:
            frame.state.ctm = multiply(frame.state.ctm, matrix)

    def _line_width(self, frame: Frame, operands, op: str) -> None:
        frame.state.line_width = number(operands[0] if operands else None, 1.0)

    def _graphics_state(self, frame: Frame, operands, op: str) -> None:
        state = lookup(frame.resources, "/ExtGState", operands)
        if not isinstance(state, Dictionary):
            return
        if "/OP" in state:
            frame.state.stroke_overprint = bool(state.OP)
            frame.state.fill_overprint = bool(state.OP)
        if "/op" in state:
            frame.state.fill_overprint = bool(state.op)
        if "/LW" in state:
            frame.state.line_width = number(state.LW, frame.state.line_width)

    # -- colour ---------------------------------------------------------------------------

    def _set_colour(self, frame: Frame, stroke: bool, colour: Colour) -> None:
        if stroke:
            frame.state.stroke = colour
        else:
            frame.state.fill = colour

    def _gray(self, frame: Frame, operands, op: str) -> None:
        gray = number(operands[0] if operands else None, 0.0)
        self._colour_use(frame.where, "DeviceGray")
        self._set_colour(frame, op == "G", Colour("DeviceGray", (0.0, 0.0, 0.0, 1.0 - gray)))

    def _cmyk(self, frame: Frame, operands, op: str) -> None:
        ink = tuple(number(v, 0.0) for v in operands[:4])
        self._colour_use(frame.where, "DeviceCMYK")
        self._set_colour(frame, op == "K", Colour("DeviceCMYK", ink if len(ink) == 4 else None))

    def _rgb(self, frame: Frame, operands, op: str) -> None:
        self._colour_use(frame.where, "DeviceRGB")
        self._set_colour(frame, op == "RG", Colour("DeviceRGB", None))

    def _space(self, frame: Frame, operands, op: str) -> None:
        if not operands:
            return
        name = operands[0]
        space = name if str(name) in FAMILIES else lookup(frame.resources, "/ColorSpace", [name])
        space_family = family(space)
        self._colour_use(frame.where, space_family)
        spot = spot_alternate(space)
        if spot is not None:
            self.facts.spots.add(Use(frame.where, *spot))
        initial = BLACK if space_family in ("DeviceCMYK", "DeviceGray") else None
        self._set_colour(frame, op == "CS", Colour(space_family, initial))

    def _components(self, frame: Frame, operands, op: str) -> None:
        stroke = op in ("SC", "SCN")
        current = frame.state.stroke if stroke else frame.state.fill
        values = [number(v, 0.0) for v in operands if not isinstance(v, Name)]
        ink: Cmyk | None = None
        if current.family == "DeviceCMYK" and len(values) == 4:
            ink = (values[0], values[1], values[2], values[3])
        elif current.family == "DeviceGray" and len(values) == 1:
            ink = (0.0, 0.0, 0.0, 1.0 - values[0])
        self._set_colour(frame, stroke, Colour(current.family, ink))

    # -- painting -------------------------------------------------------------------------

    def _paint(self, frame: Frame, kind: str) -> None:
        if frame.page is None:
            return
        state = frame.state
        if kind == "stroke":
            # In a pattern or glyph the scale to the page is not known here: no width.
            width = state.line_width * math.sqrt(abs(_determinant(state.ctm)))
            paint = Paint(frame.where, kind, state.stroke.ink, state.stroke_overprint,
                          round(width, 3) if frame.placed else None)  # fmt: skip
        else:
            paint = Paint(frame.where, kind, state.fill.ink, state.fill_overprint)
        frame.page.paints.add(paint)

    def _stroke(self, frame: Frame, operands, op: str) -> None:
        self._paint(frame, "stroke")

    def _fill(self, frame: Frame, operands, op: str) -> None:
        self._paint(frame, "fill")

    def _both(self, frame: Frame, operands, op: str) -> None:
        self._paint(frame, "fill")
        self._paint(frame, "stroke")

    def _shading(self, frame: Frame, operands, op: str) -> None:
        shading = lookup(frame.resources, "/Shading", operands)
        self._shading_dict(shading, f"{frame.where} › shading {operands[0] if operands else ''}")

    def _draw_object(self, frame: Frame, operands, op: str) -> None:
        xobject = lookup(frame.resources, "/XObject", operands)
        if not isinstance(xobject, Stream):
            return
        where = f"{frame.where} › {xobject_kind(xobject)} {operands[0]}"
        subtype = xobject.get("/Subtype")
        if subtype == Name.Image:
            self._image(frame, where, xobject.get("/Width"), xobject.get("/Height"))
        elif subtype == Name.Form and frame.depth < MAX_DEPTH:
            key = xobject.objgen
            if key in self.drawing:
                return
            matrix = _matrix(xobject.get("/Matrix", [])) or IDENTITY
            resources = xobject.get("/Resources") or frame.resources
            self.scan_resources(resources, where, frame.depth + 1, frame.page)
            state = replace(frame.state, ctm=multiply(frame.state.ctm, matrix))
            self.drawing.append(key)
            try:
                self.run(xobject, Frame(where, resources, frame.page, frame.depth + 1, state))
            finally:
                self.drawing.pop()

    def _image(self, frame: Frame, where: str, width, height) -> None:
        if frame.page is None or not frame.placed:
            return
        a, b, c, d, _, _ = frame.state.ctm
        wide, high = math.hypot(a, b) / 72, math.hypot(c, d) / 72  # inches
        if wide > 0 and high > 0:
            ppi = min(number(width, 0) / wide, number(height, 0) / high)
            frame.page.images.append(Image(where, ppi))

    def _inline_image(self, frame: Frame, operands, op: str) -> None:
        image = operands[0].obj
        where = f"{frame.where} › inline image"
        space = image.get("/ColorSpace")
        if isinstance(space, Name) and str(space) not in FAMILIES:
            space = lookup(frame.resources, "/ColorSpace", [space])
        if not image.get("/ImageMask", False):
            self._colour_use(where, family(space))
        self._filters(image, where)
        self._image(frame, where, image.get("/Width"), image.get("/Height"))

    def _postscript(self, frame: Frame, operands, op: str) -> None:
        self.facts.forbidden.add(Use(frame.where, "PostScript operator (PS)", "postscript"))

    # -- text -----------------------------------------------------------------------------

    def _begin_text(self, frame: Frame, operands, op: str) -> None:
        frame.text_matrix = frame.line_matrix = IDENTITY

    def _text_font(self, frame: Frame, operands, op: str) -> None:
        if len(operands) < 2:
            return
        font = lookup(frame.resources, "/Font", operands)
        frame.state.font = self._metrics(font) if font is not None else None
        frame.state.size = number(operands[1], 0.0)

    def _text_state(self, frame: Frame, operands, op: str) -> None:
        value = number(operands[0] if operands else None, 0.0)
        state = frame.state
        if op == "Tc":
            state.char_space = value
        elif op == "Tw":
            state.word_space = value
        elif op == "Tz":
            state.scale = value / 100
        elif op == "TL":
            state.leading = value
        elif op == "Ts":
            state.rise = value
        else:
            state.render = int(value)

    def _move_text(self, frame: Frame, operands, op: str) -> None:
        x, y = (number(v, 0.0) for v in [*operands, 0, 0][:2])
        if op == "TD":
            frame.state.leading = -y
        frame.line_matrix = frame.text_matrix = multiply(frame.line_matrix, (1, 0, 0, 1, x, y))

    def _text_matrix(self, frame: Frame, operands, op: str) -> None:
        matrix = _matrix(operands)
        if matrix is not None:
            frame.line_matrix = frame.text_matrix = matrix

    def _next_line(self, frame: Frame, operands, op: str) -> None:
        self._move_text(frame, [0, -frame.state.leading], "Td")

    def _show(self, frame: Frame, operands, op: str) -> None:
        state = frame.state
        if op in ("'", '"'):
            if op == '"' and len(operands) == 3:
                state.word_space, state.char_space = (
                    number(operands[0], 0),
                    number(operands[1], 0),
                )
            self._next_line(frame, [], "T*")
        if not operands or state.font is None:
            return
        font, size = state.font, state.size
        pieces = operands[0] if op == "TJ" else [operands[-1]]
        advance, data = 0.0, b""
        for piece in pieces:
            if isinstance(piece, (bytes, Object)) and not _is_number(piece):
                raw = bytes(piece)
                codes = font.codes(raw)
                advance += (
                    font.width(codes) * size
                    + len(codes) * state.char_space
                    + font.spaces(codes) * state.word_space
                ) * state.scale
                data += raw
            else:
                advance -= number(piece, 0.0) / 1000 * size * state.scale
        matrix = multiply(state.ctm, frame.text_matrix)
        if frame.page is not None and frame.placed and data:
            low = state.rise + font.descent * size
            high = low + size  # the em box from the descent up, as pdfminer measures it
            box = _bounds(matrix, (0.0, low, advance, high))
            printed = abs(size) * math.hypot(matrix[2], matrix[3])
            if state.render in FILLS_TEXT:
                ink, overprint = state.fill.ink, state.fill_overprint
            else:
                ink, overprint = state.stroke.ink, state.stroke_overprint
            if state.render != 3 and state.render != 7:  # 3 and 7: invisible
                frame.page.texts.append(Text(frame.where, printed, box, ink, overprint, data, font))
            if state.render in STROKES_TEXT:
                self._paint(frame, "stroke")
        frame.text_matrix = multiply(frame.text_matrix, (1, 0, 0, 1, advance, 0))


def _bounds(matrix: Matrix, box: Box) -> Box:
    corners = [apply(matrix, x, y) for x in (box[0], box[2]) for y in (box[1], box[3])]
    xs, ys = [x for x, _ in corners], [y for _, y in corners]
    return min(xs), min(ys), max(xs), max(ys)


def _determinant(m: Matrix) -> float:
    return m[0] * m[3] - m[1] * m[2]


def _matrix(operands) -> Matrix | None:
    values = [number(v, math.nan) for v in list(operands)[:6]]
    if len(values) != 6 or any(math.isnan(v) for v in values):
        return None
    return tuple(values)  # type: ignore[return-value]


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) or type(value).__name__ == "Decimal"
