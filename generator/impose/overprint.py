"""Black overprints: 100 % K text and rules print over what lies beneath, never beside it.

A knocked-out black letter leaves a hole in the tint under it; the K plate must then land in
it exactly, and 0.1 mm of misregistration shows a white sliver. So every colour operator
that sets pure 100 % K is followed by an ExtGState with overprint on (`/OP true /op true
/OPM 1`), and every other colour (white, tints of K, all colours) by one with overprint off:
white that overprinted would vanish. Fill and stroke are followed separately, through q/Q, in
page and form XObject content alike, so the overprint state always matches the colour.
ReportLab cannot set overprint inside its text objects; this is done on the drawn file,
with pikepdf, before it is marked PDF/X.
"""

from __future__ import annotations

import zlib
from collections.abc import Collection
from typing import Any

from pikepdf import (
    ContentStreamInstruction,
    Dictionary,
    Name,
    Object,
    Operator,
    Pdf,
    Stream,
    parse_content_stream,
    unparse_content_stream,
)

BLACK = (0.0, 0.0, 0.0, 1.0)
# The ExtGState resource for each (fill overprints, stroke overprints).
STATE_NAMES = {
    (False, False): Name("/OvKnockOut"),
    (True, False): Name("/OvFillK"),
    (False, True): Name("/OvStrokeK"),
    (True, True): Name("/OvBothK"),
}
SET_STATE = {
    key: ContentStreamInstruction([name], Operator("gs")) for key, name in STATE_NAMES.items()
}
# Colour operators, and the side each sets: 0 fill, 1 stroke.
SIDES = {op: 0 for op in ("k", "g", "rg", "sc", "scn", "cs")} | {
    op: 1 for op in ("K", "G", "RG", "SC", "SCN", "CS")
}


def overprint_black(pdf: Pdf) -> None:
    """Rewrite every page's and form's content so that exactly pure K overprints."""
    states = {
        (fill, stroke): pdf.make_indirect(
            Dictionary(Type=Name.ExtGState, op=fill, OP=stroke, OPM=1)
        )
        for fill, stroke in STATE_NAMES
    }
    done: set[tuple[int, int]] = set()
    for page in pdf.pages:
        resources = _page_resources(page.obj)
        _rewrite(pdf, page.obj, resources, states, known=True)
        _forms(pdf, resources, states, done)


def _page_resources(page: Object) -> Object:
    """The page's resources, made its own when it inherits them from the page tree."""
    if "/Resources" not in page:
        node = page
        while "/Resources" not in node and "/Parent" in node:
            node = node.Parent
        # pikepdf copies a Dictionary into a new one; its stubs allow only a Mapping
        page.Resources = Dictionary(node.get("/Resources") or {})  # type: ignore[arg-type]
    return page.Resources


def _forms(pdf: Pdf, resources: Object | None, states: dict, done: set) -> None:
    """Rewrite the form XObjects a resource dictionary names, and theirs, once each."""
    if resources is None:
        return
    for xobject in (resources.get("/XObject") or {}).values():
        if xobject.get("/Subtype") != "/Form" or xobject.objgen in done:
            continue
        done.add(xobject.objgen)
        if "/Resources" not in xobject:
            xobject.Resources = Dictionary()
        _rewrite(pdf, xobject, xobject.Resources, states, known=False)
        _forms(pdf, xobject.Resources, states, done)


def _rewrite(pdf: Pdf, owner: Object, resources: Object, states: dict, known: bool) -> None:
    """Insert `gs` after each colour operator that changes what should overprint.

    known: the state at the start is the page's default (no overprint); a form inherits the
    caller's, so its first colour always sets the state.
    """
    instructions = parse_content_stream(owner)
    inserts: list[tuple[int, tuple[bool, bool]]] = []  # after which instruction, which state
    current: tuple[bool, bool] | None = (False, False) if known else None
    fill = stroke = False  # whether the current fill and stroke colours are pure K
    spaces = ("DeviceGray", "DeviceGray")
    stack: list[tuple] = []
    for index, instruction in enumerate(instructions):
        op = str(instruction.operator)
        side = SIDES.get(op)
        if side is None:
            if op == "q":
                stack.append((current, fill, stroke, spaces))
            elif op == "Q" and stack:
                current, fill, stroke, spaces = stack.pop()
            continue
        operands = instruction.operands
        if op in ("cs", "CS"):
            space = str(operands[0]).lstrip("/") if operands else ""
            spaces = (space, spaces[1]) if side == 0 else (spaces[0], space)
            black = space == "DeviceCMYK"  # a CMYK space starts at 0 0 0 1
        else:
            black = _ink(op, spaces[side], operands) == BLACK
        if side == 0:
            fill = black
        else:
            stroke = black
        if current != (fill, stroke):
            current = (fill, stroke)
            inserts.append((index, current))
    if not inserts:
        return
    graphics = resources.get("/ExtGState")
    if graphics is None:
        resources.ExtGState = graphics = Dictionary()
    for key, name in STATE_NAMES.items():
        graphics[name] = states[key]
    out: list = []
    start = 0
    for index, state in inserts:
        out.extend(instructions[start : index + 1])
        out.append(SET_STATE[state])
        start = index + 1
    out.extend(instructions[start:])
    data = zlib.compress(unparse_content_stream(out), 6)
    if isinstance(owner, Stream):  # a form: its own stream takes the new content
        owner.write(data, filter=Name.FlateDecode)
    else:
        owner.Contents = pdf.make_stream(data, Filter=Name.FlateDecode)


def _ink(op: str, space: str, operands: Collection[Any]) -> tuple[float, ...] | None:
    """The CMYK a colour operator sets, when it is process colour."""
    op = op.lower()
    if op == "k" or (op in ("sc", "scn") and space == "DeviceCMYK" and len(operands) == 4):
        return tuple(float(v) for v in operands)
    return None
