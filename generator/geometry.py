"""Paper sizes and unit conversion: facts, not layout choices."""

from __future__ import annotations

import re
from dataclasses import dataclass

PT_PER_MM = 72 / 25.4

# ISO 216 sizes, portrait, in mm.
PAPER_MM: dict[str, tuple[float, float]] = {
    "A1": (594, 841),
    "A2": (420, 594),
    "A3": (297, 420),
    "A4": (210, 297),
    "A5": (148, 210),
    "A6": (105, 148),
    "A7": (74, 105),
    "A8": (52, 74),
}

_SIZE_PATTERN = re.compile(r"^(\d+(?:\.\d)?) ?x ?(\d+(?:\.\d)?)$")


def mm(value: float) -> float:
    """Millimetres to PDF points."""
    return value * PT_PER_MM


@dataclass(frozen=True)
class Size:
    """A width and height in mm."""

    w: float
    h: float


def parse_size(spec: str | dict[str, float]) -> Size:
    """'A6', '85x55' or {width_mm, height_mm} as a Size; the schema has checked the form."""
    if isinstance(spec, dict):
        return Size(float(spec["width_mm"]), float(spec["height_mm"]))
    if spec in PAPER_MM:
        return Size(*PAPER_MM[spec])
    match = _SIZE_PATTERN.match(spec)
    if not match:
        raise ValueError(f"not a size: {spec!r}")
    return Size(float(match.group(1)), float(match.group(2)))
