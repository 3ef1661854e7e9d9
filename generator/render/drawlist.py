"""The XML draw list a face template produces, parsed into typed elements.

The vocabulary (rect, symbol, line, arrow, qr, image, anchor, link, frame with p, check, bar
and gap; and for a document of flowing pages, pages with first-page, every-page and a flow of
those blocks, keep and field), with every attribute and an example, is documented for
designers in layouts/README.md; the dataclasses below are its definition, and a template
that strays from it is an error naming the template.
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
from generator.render.tags import ROLES


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
    color: str = ""  # a colour instead of the style's
    tag: str = ""  # its role in a tagged PDF instead of its style's (layout.yaml `tags:`)


@dataclass(frozen=True)
class Check:
    style: str
    text: str
    x: float
    box: float
    text_x: float
    ref: str = ""
    color: str = ""  # the text's colour instead of the style's (the box keeps the style's)
    fill: str = ""  # the box's background (none)
    width_pt: float = 0.75  # the box's outline
    field: str = ""  # in a flow: the box is a form field (a checkbox) of this name
    tooltip: str = ""  # the field's accessible name


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
    h: float = 0  # a fixed height, the words and the symbol centred on it (0: as the text needs)
    radius: float = 0  # rounded corners, mm
    gap: float = -1  # between the symbol and the words, mm (-1: 1.5 pads)

    @property
    def text_x(self) -> float:
        """Where the words start, mm from the bar's left edge."""
        return self.pad + self.size + (1.5 * self.pad if self.gap < 0 else self.gap)


@dataclass(frozen=True)
class Gap:
    h: float


@dataclass(frozen=True)
class TextField:
    """A form field to type several lines in, as wide as its flow; `size`: the text's pt."""

    name: str
    tooltip: str
    h: float
    size: float
    stroke: str
    fill: str
    color: str
    width_pt: float = 1


Block = Para | Check | Bar | Gap
FlowBlock = Block | TextField


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
FRAME_BLOCKS: dict[str, type] = {"p": Para, "check": Check, "bar": Bar, "gap": Gap}
FLOW_BLOCKS: dict[str, type] = {**FRAME_BLOCKS, "field": TextField}


def parse_face(xml: str, template: Path, folder: Path | None = None) -> list[Element]:
    """The elements of one face, or an error naming the template; an image's src is relative
    to the layout's folder (default: the template's)."""
    nodes = parse_root(xml, template, "face")
    return [parse_element(node, template, folder) for node in nodes]


def parse_root(xml: str, template: Path, tag: str) -> ElementTree.Element:
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError as error:
        raise fail(
            Location(template),
            _("the template does not give well-formed XML: {error}").format(error=error),
            _("check the tags the template writes: each one opened is closed"),
        ) from None
    if root.tag != tag:
        raise fail(
            Location(template),
            _("the template must produce <{wanted}>, not <{tag}>").format(wanted=tag, tag=root.tag),
            _("put the template's elements inside one <{wanted}> … </{wanted}>").format(wanted=tag),
        )
    return root


def parse_block(
    node: ElementTree.Element, template: Path, allowed: dict[str, type], parent: str
) -> Any:
    """A block of a frame or a flow (allowed: the tags that may stand in the parent)."""
    if node.tag not in allowed:
        raise fail(
            Location(template),
            _("<{tag}> cannot stand in a <{parent}>").format(tag=node.tag, parent=parent),
            _("use one of: {tags}").format(tags=", ".join(allowed)),
        )
    block = build_element(allowed[node.tag], node, template)
    if getattr(block, "tag", "") not in ("", *ROLES):
        raise fail(
            Location(template),
            _("<{tag} tag='{role}'>: there is no such role").format(tag=node.tag, role=block.tag),
            _("use one of: {roles}").format(roles=", ".join(ROLES)),
        )
    if isinstance(block, Bar) and block.shape not in _SHAPES:
        raise _unknown_shape(block.shape, template)
    if isinstance(block, Check) and block.field and (parent == "frame" or not block.tooltip):
        raise fail(
            Location(template),
            _("<check field='{name}'> is a form field: it needs a tooltip (its accessible "
              "name) and stands in a <flow> only").format(name=block.field),
            _("give it tooltip=\"…\", or leave field out of a frame's check"),
        )  # fmt: skip
    return block


def parse_element(node: ElementTree.Element, template: Path, folder: Path | None = None) -> Element:
    if node.tag == "frame":
        blocks = tuple(parse_block(child, template, FRAME_BLOCKS, "frame") for child in node)
        frame = build_element(Frame, node, template, blocks=blocks)
        if frame.valign not in _VALIGN:
            message = _("valign '{value}' is not one of {options}")
            raise _not_one_of(message, frame.valign, ", ".join(_VALIGN), template)
        if frame.turn not in _TURNS:
            message = _("turn '{value}' is not one of {options}")
            raise _not_one_of(message, number(frame.turn), "0, 90, 180, 270", template)
        return frame
    if node.tag not in _LEAVES:
        raise fail(
            Location(template),
            _("unknown element <{tag}>").format(tag=node.tag),
            _("see layouts/README.md"),
        )
    element = build_element(_LEAVES[node.tag], node, template)
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
            message = _("<image> fit '{value}' is not one of {options}")
            raise _not_one_of(message, element.fit, ", ".join(_FITS), template)
        check_image(image_file(folder or template.parent, element.src, template), element.src,
                    template)  # fmt: skip
    return element


def _not_one_of(message: str, value: str, options: str, template: Path) -> UserError:
    """An attribute outside its choices (message: with {value} and {options})."""
    return fail(
        Location(template),
        message.format(value=value, options=options),
        _("see layouts/README.md"),
    )


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


def build_element(cls: type, node: ElementTree.Element, template: Path, **given: Any) -> Any:
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
