"""The XML draw list a face template produces, parsed into typed elements.

The vocabulary (rect, symbol, line, arrow, qr, image, anchor, link, frame with p, check, bar and
gap),
with every attribute and an example, is documented for designers in layouts/README.md; the
dataclasses below are its definition, and a template that strays from it is an error naming
the template.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path
from typing import Any, get_type_hints
from xml.etree import ElementTree

from generator.core.errors import Location, UserError, fail
from generator.core.i18n import _, number
from generator.render.images import check_image, image_file
from generator.render.qr import LEVELS as QR_LEVELS


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float
    fill: str
    stroke: str = ""
    width_pt: float = 0.5
    radius: float = 0


@dataclass(frozen=True)
class Image:
    """A PNG or JPEG file of the layout's folder (src relative to it), drawn in its box:
    'contain' keeps its proportions, centred; 'fill' stretches it to the box."""

    src: str
    x: float
    y: float
    w: float
    h: float
    fit: str = "contain"


@dataclass(frozen=True)
class Arrow:
    x1: float
    y1: float
    x2: float
    y2: float
    stroke: str
    width_pt: float
    head: float  # length of the arrowhead, mm


@dataclass(frozen=True)
class Anchor:
    name: str
    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True)
class Link:
    to: str
    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True)
class QrCode:
    data: str
    x: float
    y: float
    size: float
    fill: str = "ink"
    level: str = "M"


@dataclass(frozen=True)
class Symbol:
    shape: str
    cx: float
    cy: float
    size: float
    fill: str
    stroke: str = ""
    width_pt: float = 0.75


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    stroke: str
    width_pt: float


@dataclass(frozen=True)
class Para:
    style: str
    text: str
    ref: str = ""
    bullet: str = ""


@dataclass(frozen=True)
class Check:
    style: str
    text: str
    x: float
    box: float
    text_x: float
    ref: str = ""


@dataclass(frozen=True)
class Bar:
    """A heading on a coloured bar as wide as its frame, a symbol before its words (a level
    on the one-card product): it flows with the text, where a rect stands where it is put."""

    style: str
    text: str
    fill: str
    shape: str
    size: float  # the symbol, mm across
    pad: float  # around the words and the symbol, mm
    ref: str = ""


@dataclass(frozen=True)
class Gap:
    h: float


Block = Para | Check | Bar | Gap


@dataclass(frozen=True)
class Frame:
    x: float
    y: float
    w: float
    h: float
    blocks: tuple[Block, ...]
    valign: str = "top"
    name: str = ""
    # Degrees counter-clockwise the text is turned about the box's centre (0, 90, 180, 270):
    # a turned frame's text is set across the box's height.
    turn: float = 0

    @property
    def text_size(self) -> tuple[float, float]:
        """The width and height its text is set in, in mm: the box's, turned with it."""
        return (self.h, self.w) if self.turn % 180 else (self.w, self.h)


Element = Rect | Symbol | Line | Arrow | Anchor | Link | QrCode | Image | Frame

_SHAPES = {"circle", "triangle", "square", "diamond", "hexagon"}
_VALIGN = {"top", "middle", "bottom"}
_TURNS = {0.0, 90.0, 180.0, 270.0}
_FITS = ("contain", "fill")
_LEAVES: dict[str, type] = {
    "rect": Rect,
    "symbol": Symbol,
    "line": Line,
    "arrow": Arrow,
    "anchor": Anchor,
    "link": Link,
    "qr": QrCode,
    "image": Image,
}
_BLOCKS: dict[str, type] = {"p": Para, "check": Check, "bar": Bar, "gap": Gap}


def parse_face(xml: str, template: Path, folder: Path | None = None) -> list[Element]:
    """The elements of one face, or an error naming the template; an image's src is relative
    to the layout's folder (default: the template's)."""
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError as error:
        raise fail(
            Location(template),
            _("the template does not give well-formed XML: {error}").format(error=error),
            _("check the tags the template writes: each one opened is closed"),
        ) from None
    if root.tag != "face":
        raise fail(
            Location(template),
            _("the template must produce <face>, not <{tag}>").format(tag=root.tag),
            _("put the template's elements inside one <face> … </face>"),
        )
    return [_element(node, template, folder or template.parent) for node in root]


def _element(node: ElementTree.Element, template: Path, folder: Path) -> Element:
    if node.tag == "frame":
        blocks = []
        for child in node:
            if child.tag not in _BLOCKS:
                raise fail(
                    Location(template),
                    _("<{tag}> cannot stand in a <frame>").format(tag=child.tag),
                    _("use one of: {tags}").format(tags=", ".join(_BLOCKS)),
                )
            block = _build(_BLOCKS[child.tag], child, template)
            if isinstance(block, Bar) and block.shape not in _SHAPES:
                raise _unknown_shape(block.shape, template)
            blocks.append(block)
        frame = _build(Frame, node, template, blocks=tuple(blocks))
        if frame.valign not in _VALIGN:
            raise fail(
                Location(template),
                _("valign '{value}' is not one of {options}").format(
                    value=frame.valign, options=", ".join(_VALIGN)
                ),
                _("see layouts/README.md"),
            )
        if frame.turn not in _TURNS:
            raise fail(
                Location(template),
                _("turn '{value}' is not one of {options}").format(
                    value=number(frame.turn), options="0, 90, 180, 270"
                ),
                _("see layouts/README.md"),
            )
        return frame
    if node.tag not in _LEAVES:
        raise fail(
            Location(template),
            _("unknown element <{tag}>").format(tag=node.tag),
            _("see layouts/README.md"),
        )
    element = _build(_LEAVES[node.tag], node, template)
    if isinstance(element, Symbol) and element.shape not in _SHAPES:
        raise _unknown_shape(element.shape, template)
    if isinstance(element, QrCode) and (element.level not in QR_LEVELS or not element.data):
        raise fail(
            Location(template),
            _("<qr> needs data and a level of {levels} (got '{level}')").format(
                levels=", ".join(QR_LEVELS), level=element.level
            ),
            _("see layouts/README.md"),
        )
    if isinstance(element, Image):
        if element.fit not in _FITS:
            raise fail(
                Location(template),
                _("<image> fit '{value}' is not one of {options}").format(
                    value=element.fit, options=", ".join(_FITS)
                ),
                _("see layouts/README.md"),
            )
        check_image(image_file(folder, element.src, template), element.src, template)
    return element


def _unknown_shape(shape: str, template: Path) -> UserError:
    return fail(
        Location(template),
        _("unknown symbol shape '{shape}'").format(shape=shape),
        _("use one of {shapes}").format(shapes=", ".join(_SHAPES)),
    )


@cache
def _attributes(cls: type) -> tuple[dict[str, bool], bool]:
    """The element's attributes, each with whether it is a number, and whether it has text."""
    hints = get_type_hints(cls)
    numbers = {field.name: hints[field.name] is float for field in fields(cls)}
    has_text = numbers.pop("text", None) is not None
    return numbers, has_text


def _build(cls: type, node: ElementTree.Element, template: Path, **given: Any) -> Any:
    """An element from the node's attributes (and its text, for text blocks)."""
    numbers, has_text = _attributes(cls)
    values: dict[str, Any] = dict(given)
    if has_text:
        values["text"] = "".join(node.itertext())
    unknown = [name for name in node.attrib if name in values or name not in numbers]
    if unknown:
        raise fail(
            Location(template),
            _("<{tag}> has unknown attribute(s): {names}").format(
                tag=node.tag, names=", ".join(sorted(unknown))
            ),
            _("see layouts/README.md"),
        )
    for name, raw in node.attrib.items():
        try:
            values[name] = float(raw) if numbers[name] else raw
        except ValueError:
            raise fail(
                Location(template),
                _("<{tag}> {name}='{value}' is not a number").format(
                    tag=node.tag, name=name, value=raw
                ),
                _("write a number in mm, such as 12.5"),
            ) from None
    try:
        return cls(**values)
    except TypeError as error:
        raise fail(
            Location(template),
            _("<{tag}> is incomplete: {error}").format(tag=node.tag, error=error),
            _("see layouts/README.md"),
        ) from None
