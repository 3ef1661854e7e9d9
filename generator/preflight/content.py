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
from dataclasses import dataclass, replace
from typing import Any

from pikepdf import Array, Dictionary, Name, Object, Stream, parse_content_stream

from generator.geometry import IDENTITY, Matrix, apply, multiply
from generator.preflight.facts import (
    Box,
    Cmyk,
    DocumentFacts,
    Font,
    Image,
    PageFacts,
    Paint,
    Text,
    Use,
)
from generator.preflight.font_metrics import FontMetrics, font_metrics

MAX_DEPTH = 12  # nested forms, patterns and glyphs: deeper is a loop or an attack

# Colour space families by their PDF name (inline images use the short names).
FAMILIES = {
    "/DeviceRGB": "DeviceRGB", "/RGB": "DeviceRGB", "/CalRGB": "CalRGB", "/Lab": "Lab",
    "/DeviceCMYK": "DeviceCMYK", "/CMYK": "DeviceCMYK", "/DeviceGray": "DeviceGray",
    "/G": "DeviceGray", "/CalGray": "CalGray", "/Separation": "Separation",
    "/DeviceN": "DeviceN", "/Pattern": "Pattern", "/Indexed": "Indexed", "/I": "Indexed",
}  # fmt: skip
ICC_FAMILIES = {1: "ICCBased gray", 3: "ICCBased RGB", 4: "ICCBased CMYK"}
BLACK: Cmyk = (0.0, 0.0, 0.0, 1.0)
# Text render modes that fill, and that stroke, the glyphs.
FILLS_TEXT = {0, 2, 4, 6}
STROKES_TEXT = {1, 2, 5, 6}


@dataclass(frozen=True)
class Colour:
    family: str
    ink: Cmyk | None  # process colour, when the space is DeviceCMYK or DeviceGray


INITIAL = Colour("DeviceGray", BLACK)


@dataclass
class State:
    """The parts of the graphics state the rules need (q/Q saves and restores it)."""

    ctm: Matrix = IDENTITY
    fill: Colour = INITIAL
    stroke: Colour = INITIAL
    fill_overprint: bool = False
    stroke_overprint: bool = False
    line_width: float = 1.0
    font: FontMetrics | None = None
    size: float = 0.0
    char_space: float = 0.0
    word_space: float = 0.0
    scale: float = 1.0
    leading: float = 0.0
    rise: float = 0.0
    render: int = 0


@dataclass
class Frame:
    """One content stream being read: where it is, its resources, where its marks go."""

    where: str
    resources: Object
    page: PageFacts | None  # where its marks go (None: nowhere)
    depth: int
    state: State
    placed: bool = True  # drawn in page space; False in patterns, glyphs and appearances,
    # whose paints count but whose positions are not the page's
    text_matrix: Matrix = IDENTITY
    line_matrix: Matrix = IDENTITY


class ContentReader:
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
        operators, saved = self.operators, len(self.stack)
        for instruction in instructions:
            handler = operators.get(str(instruction.operator))
            if handler is not None:
                handler(frame, instruction.operands, str(instruction.operator))
        del self.stack[saved:]  # a stream must not leave its caller's state on the stack

    def _parse(self, owner: Object) -> list:
        key = owner.objgen
        if key != (0, 0) and key in self.parsed:
            return self.parsed[key]
        parsed = parse_content_stream(owner)
        if key != (0, 0) and isinstance(owner, Stream):
            self.parsed[key] = parsed
        return parsed

    # -- resources ------------------------------------------------------------------------

    def scan_resources(
        self, resources: Object | None, where: str, depth: int, page: PageFacts | None = None
    ) -> None:
        """Colour spaces, transparency, filters and forbidden things of a resource dictionary,
        and of the patterns, forms and Type3 fonts it names (each object once); the paints
        of patterns and glyphs count for the page they were first met on."""
        if not isinstance(resources, Dictionary) or depth > MAX_DEPTH:
            return
        if not self._first_time(resources):
            return
        for name, state in _items(resources.get("/ExtGState")):
            self._extgstate(state, f"{where} › ExtGState {name}")
        for name, space in _items(resources.get("/ColorSpace")):
            self._colour_use(f"{where} › colour space {name}", family(space))
        for name, shading in _items(resources.get("/Shading")):
            self._shading_dict(shading, f"{where} › shading {name}")
        for name, pattern in _items(resources.get("/Pattern")):
            self._pattern(pattern, f"{where} › pattern {name}", depth, page)
        for name, xobject in _items(resources.get("/XObject")):
            self._xobject(xobject, f"{where} › {_xobject_kind(xobject)} {name}", depth, page)
        for name, font in _items(resources.get("/Font")):
            self._font(font, f"{where} › font {name}", depth, page)

    def _first_time(self, obj: Object) -> bool:
        key = obj.objgen
        if key == (0, 0):
            return True
        if key in self.scanned:
            return False
        self.scanned.add(key)
        return True

    def _extgstate(self, state: Object, where: str) -> None:
        if not isinstance(state, Dictionary):
            return
        for key in ("/CA", "/ca"):
            value = _number(state.get(key), 1.0)
            if value < 1.0:
                self._use(self.facts.transparency, where, f"constant alpha {key[1:]} {value:g}")
        blend = state.get("/BM")
        modes = [str(m) for m in blend] if isinstance(blend, Array) else [str(blend)]
        if blend is not None and not set(modes) & {"/Normal", "/Compatible"}:
            self._use(self.facts.transparency, where, f"blend mode {modes[0].lstrip('/')}")
        if state.get("/SMask") not in (None, Name("/None")):
            self._use(self.facts.transparency, where, "soft mask")
        for key, neutral in (("/TR", "/Identity"), ("/TR2", "/Default")):
            if key in state and str(state[key]) not in (neutral, "/Identity", "/Default"):
                self.facts.forbidden.add(Use(where, f"transfer function ({key[1:]})", "transfer"))

    def _shading_dict(self, shading: Object, where: str) -> None:
        if isinstance(shading, (Dictionary, Stream)):
            self._colour_use(where, family(shading.get("/ColorSpace")))
            if isinstance(shading, Stream):
                self._filters(shading, where)

    def _pattern(self, pattern: Object, where: str, depth: int, page: PageFacts | None) -> None:
        if not isinstance(pattern, (Dictionary, Stream)) or not self._first_time(pattern):
            return
        if _number(pattern.get("/PatternType"), 0) == 2:
            self._shading_dict(pattern.get("/Shading"), f"{where} › shading")
            return
        if isinstance(pattern, Stream):
            self._filters(pattern, where)
            resources = pattern.get("/Resources") or Dictionary()
            self.scan_resources(resources, where, depth + 1, page)
            frame = Frame(where, resources, page, depth + 1, State(), placed=False)
            self._run_guarded(pattern, frame)

    def _xobject(self, xobject: Object, where: str, depth: int, page: PageFacts | None) -> None:
        if not isinstance(xobject, Stream) or not self._first_time(xobject):
            return
        self._filters(xobject, where)
        subtype = str(xobject.get("/Subtype", ""))
        if "/OPI" in xobject:
            self.facts.forbidden.add(Use(where, "OPI comments", "opi"))
        if subtype == "/PS" or str(xobject.get("/Subtype2", "")) == "/PS":
            self.facts.forbidden.add(Use(where, "PostScript XObject", "postscript"))
        if subtype == "/Image":
            self._image_dict(xobject, where)
        elif subtype == "/Form":
            group = xobject.get("/Group")
            if isinstance(group, Dictionary) and group.get("/S") == Name.Transparency:
                self._use(self.facts.transparency, where, "transparency group")
            self.scan_resources(xobject.get("/Resources"), where, depth + 1, page)

    def _image_dict(self, image: Object, where: str) -> None:
        if not image.get("/ImageMask", False):
            self._colour_use(where, family(image.get("/ColorSpace")))
        if "/SMask" in image:
            self._use(self.facts.transparency, where, "soft mask (an image with an SMask)")
        if _number(image.get("/SMaskInData"), 0) > 0:
            self._use(self.facts.transparency, where, "soft mask in the image data")

    def _font(self, font: Object, where: str, depth: int, page: PageFacts | None) -> None:
        metrics = self._metrics(font)
        if metrics is None or not self._first_time(font):
            return
        self.facts.fonts.add(Font(metrics.name, metrics.embedded, where))
        descriptors = [font.get("/FontDescriptor")]
        if font.get("/Subtype") == Name.Type0:
            descriptors = [d.get("/FontDescriptor") for d in font.get("/DescendantFonts", [])]
        for descriptor in descriptors:
            for key in ("/FontFile", "/FontFile2", "/FontFile3"):
                if isinstance(descriptor, Dictionary) and isinstance(descriptor.get(key), Stream):
                    self._filters(descriptor[key], where)
        if font.get("/Subtype") == Name.Type3:
            resources = font.get("/Resources") or Dictionary()
            self.scan_resources(resources, where, depth + 1, page)
            for glyph, procedure in _items(font.get("/CharProcs")):
                glyph_where = f"{where} › glyph {glyph}"
                if isinstance(procedure, Stream):
                    self._filters(procedure, glyph_where)
                    frame = Frame(glyph_where, resources, page, depth + 1, State(), placed=False)
                    self._run_guarded(procedure, frame)

    def _metrics(self, font: Object) -> FontMetrics | None:
        if not isinstance(font, Dictionary):
            return None
        key = font.objgen
        metrics = self.fonts.get(key) if key != (0, 0) else None
        if metrics is None:
            metrics = font_metrics(font)
            if key != (0, 0):
                self.fonts[key] = metrics
        return metrics

    def _filters(self, stream: Object, where: str) -> None:
        names = stream.get("/Filter")
        for name in names if isinstance(names, Array) else [names] if names else []:
            self.facts.filters.add(Use(where, str(name).lstrip("/")))

    def _colour_use(self, where: str, space_family: str) -> None:
        self.facts.colour_spaces.add(Use(where, space_family))

    def _use(self, uses: set[Use], where: str, what: str) -> None:
        uses.add(Use(where, what))

    def _run_guarded(self, owner: Object, frame: Frame) -> None:
        """Interpret a stream met while scanning resources; a broken one is a finding."""
        try:
            self.run(owner, frame)
        except Exception as error:  # any parser error is the file's fault, not ours
            self.facts.unreadable.append(Use(frame.where, str(error) or type(error).__name__))

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
        frame.state.line_width = _number(operands[0] if operands else None, 1.0)

    def _graphics_state(self, frame: Frame, operands, op: str) -> None:
        state = _lookup(frame.resources, "/ExtGState", operands)
        if not isinstance(state, Dictionary):
            return
        if "/OP" in state:
            frame.state.stroke_overprint = bool(state.OP)
            frame.state.fill_overprint = bool(state.OP)
        if "/op" in state:
            frame.state.fill_overprint = bool(state.op)
        if "/LW" in state:
            frame.state.line_width = _number(state.LW, frame.state.line_width)

    # -- colour ---------------------------------------------------------------------------

    def _set_colour(self, frame: Frame, stroke: bool, colour: Colour) -> None:
        if stroke:
            frame.state.stroke = colour
        else:
            frame.state.fill = colour

    def _gray(self, frame: Frame, operands, op: str) -> None:
        gray = _number(operands[0] if operands else None, 0.0)
        self._colour_use(frame.where, "DeviceGray")
        self._set_colour(frame, op == "G", Colour("DeviceGray", (0.0, 0.0, 0.0, 1.0 - gray)))

    def _cmyk(self, frame: Frame, operands, op: str) -> None:
        ink = tuple(_number(v, 0.0) for v in operands[:4])
        self._colour_use(frame.where, "DeviceCMYK")
        self._set_colour(frame, op == "K", Colour("DeviceCMYK", ink if len(ink) == 4 else None))

    def _rgb(self, frame: Frame, operands, op: str) -> None:
        self._colour_use(frame.where, "DeviceRGB")
        self._set_colour(frame, op == "RG", Colour("DeviceRGB", None))

    def _space(self, frame: Frame, operands, op: str) -> None:
        if not operands:
            return
        name = operands[0]
        space = name if str(name) in FAMILIES else _lookup(frame.resources, "/ColorSpace", [name])
        space_family = family(space)
        self._colour_use(frame.where, space_family)
        initial = BLACK if space_family in ("DeviceCMYK", "DeviceGray") else None
        self._set_colour(frame, op == "CS", Colour(space_family, initial))

    def _components(self, frame: Frame, operands, op: str) -> None:
        stroke = op in ("SC", "SCN")
        current = frame.state.stroke if stroke else frame.state.fill
        values = [_number(v, 0.0) for v in operands if not isinstance(v, Name)]
        ink = None
        if current.family == "DeviceCMYK" and len(values) == 4:
            ink = tuple(values)
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
        shading = _lookup(frame.resources, "/Shading", operands)
        self._shading_dict(shading, f"{frame.where} › shading {operands[0] if operands else ''}")

    def _draw_object(self, frame: Frame, operands, op: str) -> None:
        xobject = _lookup(frame.resources, "/XObject", operands)
        if not isinstance(xobject, Stream):
            return
        where = f"{frame.where} › {_xobject_kind(xobject)} {operands[0]}"
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
            ppi = min(_number(width, 0) / wide, _number(height, 0) / high)
            frame.page.images.append(Image(where, ppi))

    def _inline_image(self, frame: Frame, operands, op: str) -> None:
        image = operands[0].obj
        where = f"{frame.where} › inline image"
        space = image.get("/ColorSpace")
        if isinstance(space, Name) and str(space) not in FAMILIES:
            space = _lookup(frame.resources, "/ColorSpace", [space])
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
        font = _lookup(frame.resources, "/Font", operands)
        frame.state.font = self._metrics(font) if font is not None else None
        frame.state.size = _number(operands[1], 0.0)

    def _text_state(self, frame: Frame, operands, op: str) -> None:
        value = _number(operands[0] if operands else None, 0.0)
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
        x, y = (_number(v, 0.0) for v in [*operands, 0, 0][:2])
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
                    _number(operands[0], 0),
                    _number(operands[1], 0),
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
                advance -= _number(piece, 0.0) / 1000 * size * state.scale
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


def family(space: Object | None) -> str:
    """The family of a colour space: a name, or an array such as [/ICCBased stream]."""
    if space is None:
        return "unknown"
    if isinstance(space, Array) and len(space):
        kind = str(space[0])
        if kind == "/ICCBased" and len(space) > 1 and isinstance(space[1], Stream):
            return ICC_FAMILIES.get(int(_number(space[1].get("/N"), 0)), "ICCBased")
        if kind in ("/Indexed", "/I") and len(space) > 1:
            return family(space[1])
        return FAMILIES.get(kind, kind.lstrip("/"))
    return FAMILIES.get(str(space), str(space).lstrip("/"))


def _bounds(matrix: Matrix, box: Box) -> Box:
    corners = [apply(matrix, x, y) for x in (box[0], box[2]) for y in (box[1], box[3])]
    xs, ys = [x for x, _ in corners], [y for _, y in corners]
    return min(xs), min(ys), max(xs), max(ys)


def _determinant(m: Matrix) -> float:
    return m[0] * m[3] - m[1] * m[2]


def _matrix(operands) -> Matrix | None:
    values = [_number(v, math.nan) for v in list(operands)[:6]]
    if len(values) != 6 or any(math.isnan(v) for v in values):
        return None
    return tuple(values)  # type: ignore[return-value]


def _number(value, default: float) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return default


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) or type(value).__name__ == "Decimal"


def _items(dictionary: Object | None) -> list[tuple[str, Object]]:
    """A resource category's (name, object) pairs; anything else reads as empty."""
    if not isinstance(dictionary, Dictionary):
        return []
    return [(str(key), value) for key, value in dictionary.items()]


def _lookup(resources: Object, category: str, operands) -> Object | None:
    if not operands or not isinstance(resources, Dictionary):
        return None
    named = resources.get(category)
    if not isinstance(named, Dictionary):
        return None
    return named.get(str(operands[0]))


def _xobject_kind(xobject: Object) -> str:
    return {"/Image": "image", "/Form": "form", "/PS": "PostScript"}.get(
        str(xobject.get("/Subtype", "")) if isinstance(xobject, Stream) else "", "XObject"
    )
