"""The part of a PDF's graphics state a preflight follows, and what reading it shares: the
stream being read, colour space families, and tolerant lookups in resource dictionaries."""

from __future__ import annotations

from dataclasses import dataclass

from pikepdf import Array, Dictionary, Object, Stream

from generator.core.geometry import IDENTITY, Matrix
from generator.preflight.facts import Cmyk, PageFacts
from generator.preflight.font_metrics import FontMetrics

MAX_DEPTH = 12  # nested forms, patterns and glyphs: deeper is a loop or an attack

# Colour space families by their PDF name (inline images use the short names).
FAMILIES = {
    "/DeviceRGB": "DeviceRGB", "/RGB": "DeviceRGB", "/CalRGB": "CalRGB", "/Lab": "Lab",
    "/DeviceCMYK": "DeviceCMYK", "/CMYK": "DeviceCMYK", "/DeviceGray": "DeviceGray",
    "/G": "DeviceGray", "/CalGray": "CalGray", "/Separation": "Separation",
    "/DeviceN": "DeviceN", "/Pattern": "Pattern", "/Indexed": "Indexed", "/I": "Indexed",
}  # fmt: skip
SPOTS = {"/Separation", "/DeviceN"}  # spaces a spot colour is named in
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


def family(space: Object | None) -> str:
    """The family of a colour space: a name, or an array such as [/ICCBased stream]."""
    if space is None:
        return "unknown"
    if isinstance(space, Array) and len(space):
        kind = str(space[0])
        if kind == "/ICCBased" and len(space) > 1 and isinstance(space[1], Stream):
            return ICC_FAMILIES.get(int(number(space[1].get("/N"), 0)), "ICCBased")
        if kind in ("/Indexed", "/I") and len(space) > 1:
            return family(space[1])
        return FAMILIES.get(kind, kind.lstrip("/"))
    return FAMILIES.get(str(space), str(space).lstrip("/"))


def number(value, default: float) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return default


def items(dictionary: Object | None) -> list[tuple[str, Object]]:
    """A resource category's (name, object) pairs; anything else reads as empty."""
    if not isinstance(dictionary, Dictionary):
        return []
    return [(str(key), value) for key, value in dictionary.items()]


def lookup(resources: Object, category: str, operands) -> Object | None:
    if not operands or not isinstance(resources, Dictionary):
        return None
    named = resources.get(category)
    if not isinstance(named, Dictionary):
        return None
    return named.get(str(operands[0]))


def xobject_kind(xobject: Object) -> str:
    return {"/Image": "image", "/Form": "form", "/PS": "PostScript"}.get(
        str(xobject.get("/Subtype", "")) if isinstance(xobject, Stream) else "", "XObject"
    )


def spot_alternate(space: Object | None) -> tuple[str, str] | None:
    """A Separation or DeviceN space's colourant name(s) and its alternate space's family
    ("" when it has none); None for any other space."""
    if not isinstance(space, Array) or len(space) == 0 or str(space[0]) not in SPOTS:
        return None
    names = space[1] if len(space) > 1 else None
    shown = " ".join(str(n).lstrip("/") for n in names) if isinstance(names, Array) else (
        str(names).lstrip("/") if names is not None else "?")  # fmt: skip
    return shown, family(space[2]) if len(space) > 2 else ""
