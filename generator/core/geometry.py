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


# PDF affine transforms (a, b, c, d, e, f): x' = a·x + c·y + e, y' = b·x + d·y + f.
Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def multiply(outer: Matrix, inner: Matrix) -> Matrix:
    """The transform that applies inner first, then outer."""
    a1, b1, c1, d1, e1, f1 = outer
    a2, b2, c2, d2, e2, f2 = inner
    return (
        a1 * a2 + c1 * b2,
        b1 * a2 + d1 * b2,
        a1 * c2 + c1 * d2,
        b1 * c2 + d1 * d2,
        a1 * e2 + c1 * f2 + e1,
        b1 * e2 + d1 * f2 + f1,
    )


def apply(matrix: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = matrix
    return a * x + c * y + e, b * x + d * y + f
