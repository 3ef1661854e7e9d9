"""The draw list of a document of flowing pages (the checklist form): what the first page
draws, a flow of blocks that continues on as many pages as it needs, and what every page
draws (a footer). The elements and blocks are drawlist.py's; layouts/README.md documents
them for designers.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from generator.core.errors import Location, fail
from generator.core.i18n import _
from generator.render.drawlist import (
    FLOW_BLOCKS,
    Element,
    FlowBlock,
    build_element,
    parse_block,
    parse_element,
    parse_root,
)

PARTS = ("first-page", "flow", "every-page")
BALANCE = {"true": True, "false": False}


@dataclass(frozen=True)
class Keep:
    """Blocks kept on one page: they start a new page together when they do not fit."""

    blocks: tuple[FlowBlock, ...]


@dataclass(frozen=True)
class Flow:
    """Blocks set from the top of a box (x, y, w, h) on the first page, and on each next
    page from the top of the box (x, next_y, w, next_h)."""

    x: float
    y: float
    w: float
    h: float
    next_y: float
    next_h: float
    blocks: tuple[FlowBlock | Keep, ...]


@dataclass(frozen=True)
class Pages:
    """What the first page draws before its flow, the flow, and what every page draws after
    its part of the flow. balance: False sets every text unbalanced, whatever its style says."""

    first: tuple[Element, ...]
    flow: Flow
    every: tuple[Element, ...]
    balance: bool = True


def parse_pages(xml: str, template: Path) -> Pages:
    """A document of flowing pages, or an error naming the template."""
    root = parse_root(xml, template, "pages")
    parts: dict[str, ElementTree.Element] = {}
    for node in root:
        if node.tag not in PARTS or node.tag in parts:
            raise fail(
                Location(template),
                _("<pages> holds one <flow>, one <first-page> and one <every-page>, not "
                  "<{tag}> here").format(tag=node.tag),
                _("see layouts/README.md"),
            )  # fmt: skip
        parts[node.tag] = node
    if "flow" not in parts:
        raise fail(Location(template), _("<pages> has no <flow>"), _("see layouts/README.md"))
    balance = root.attrib.get("balance", "true")
    if balance not in BALANCE or set(root.attrib) - {"balance"}:
        raise fail(
            Location(template),
            _('<pages> takes one attribute, balance, "true" or "false"'),
            _("see layouts/README.md"),
        )
    flow = parts["flow"]
    blocks = tuple(
        Keep(tuple(parse_block(child, template, FLOW_BLOCKS, "keep") for child in node))
        if node.tag == "keep"
        else parse_block(node, template, FLOW_BLOCKS | {"keep": Keep}, "flow")
        for node in flow
    )
    return Pages(
        first=tuple(parse_element(node, template) for node in parts.get("first-page", ())),
        flow=build_element(Flow, flow, template, blocks=blocks),
        every=tuple(parse_element(node, template) for node in parts.get("every-page", ())),
        balance=BALANCE[balance],
    )
