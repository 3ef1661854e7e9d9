"""Register a layout's TrueType font family with ReportLab (embedded as subsets)."""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from generator.layout_model import FontSpec

WEIGHTS = ("regular", "bold", "italic", "bold_italic")
# ReportLab's (bold, italic) flags for each weight, for <b> and <i> in paragraphs.
_FLAGS = {"regular": (0, 0), "bold": (1, 0), "italic": (0, 1), "bold_italic": (1, 1)}


def font_name(spec: FontSpec, weight: str) -> str:
    """The name ReportLab knows a weight of the family by."""
    return Path(spec.file(weight)).stem


def font_path(spec: FontSpec, weight: str) -> Path:
    origin = importlib.util.find_spec(spec.package).origin  # checked by validate.layout
    return Path(origin).parent / spec.folder / spec.file(weight)


@cache
def register_family(spec: FontSpec) -> None:
    """Make the family's four weights available, and map <b>/<i> onto them."""
    for weight in WEIGHTS:
        pdfmetrics.registerFont(TTFont(font_name(spec, weight), str(font_path(spec, weight))))
    regular = font_name(spec, "regular")
    for weight, (bold, italic) in _FLAGS.items():
        addMapping(regular, bold, italic, font_name(spec, weight))


@cache
def covered_characters(spec: FontSpec, weight: str) -> frozenset[int]:
    """The code points the given weight has a glyph for."""
    register_family(spec)
    font = pdfmetrics.getFont(font_name(spec, weight))
    return frozenset(font.face.charToGlyph)
