"""A font as a preflight needs it: how far each code advances, how high it reaches, whether
the font is embedded, and the text its codes stand for (for messages)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pikepdf import Array, Object, Stream

EMBEDDED_KEYS = ("/FontFile", "/FontFile2", "/FontFile3")
_HEX = re.compile(rb"<([0-9A-Fa-f]+)>")


@dataclass
class FontMetrics:
    name: str
    embedded: bool
    two_byte: bool  # Type0: codes of two bytes
    widths: dict[int, float]  # text space units per code (glyph width / 1000, or Type3's)
    default_width: float
    descent: float  # text space units, below the baseline (negative)
    unicode: dict[int, str] = field(default_factory=dict)

    def codes(self, data: bytes) -> list[int]:
        if self.two_byte:
            return [int.from_bytes(data[i : i + 2], "big") for i in range(0, len(data) - 1, 2)]
        return list(data)

    def width(self, codes: list[int]) -> float:
        """The glyphs' advance in unscaled text space (times the font size: points)."""
        widths, default = self.widths, self.default_width
        return sum(widths.get(code, default) for code in codes)

    def spaces(self, codes: list[int]) -> int:
        """How many codes take the word spacing (single-byte 32 only)."""
        return 0 if self.two_byte else codes.count(32)

    def text(self, data: bytes) -> str:
        return "".join(
            self.unicode.get(code, chr(code) if code < 256 else "?") for code in self.codes(data)
        )


def font_metrics(font: Object) -> FontMetrics:
    """Read a font dictionary; a font with odd values still gives usable metrics."""
    subtype = str(font.get("/Subtype", ""))
    unnamed = "a Type3 font" if subtype == "/Type3" else "a font without a name"
    name = str(font.get("/BaseFont", font.get("/Name", unnamed))).lstrip("/")
    unicode = _to_unicode(font.get("/ToUnicode"))
    descendants = font.get("/DescendantFonts")
    if subtype == "/Type0" and isinstance(descendants, Array) and len(descendants):
        descendant = descendants[0]
        descriptor: Any = descendant.get("/FontDescriptor") or {}
        widths = _cid_widths(descendant.get("/W"))
        default = _number(descendant.get("/DW"), 1000) / 1000
        descent = _descent(descriptor, None, 1 / 1000)
        return FontMetrics(name, _embedded(descriptor), True, widths, default, descent, unicode)
    if subtype == "/Type3":
        matrix = [_number(v, 0.001) for v in font.get("/FontMatrix", [0.001, 0, 0, 0.001, 0, 0])]
        widths = _simple_widths(font, matrix[0])
        descent = _descent({}, font.get("/FontBBox"), matrix[3])
        return FontMetrics(name, True, False, widths, 0.0, descent, unicode)
    descriptor = font.get("/FontDescriptor") or {}
    widths = _simple_widths(font, 1 / 1000)
    default = _number(descriptor.get("/MissingWidth"), 0) / 1000
    descent = _descent(descriptor, None, 1 / 1000)
    # The 14 standard fonts need no widths to be valid PDF; they are never embedded.
    return FontMetrics(name, _embedded(descriptor), False, widths, default or 0.5, descent, unicode)


def _embedded(descriptor) -> bool:
    return any(key in descriptor for key in EMBEDDED_KEYS)


def _number(value, default: float) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return default


def _simple_widths(font: Object, scale: float) -> dict[int, float]:
    first = int(_number(font.get("/FirstChar"), 0))
    return {first + i: _number(w, 0) * scale for i, w in enumerate(font.get("/Widths") or [])}


def _cid_widths(spec) -> dict[int, float]:
    """The /W array: `c [w1 w2 …]` or `c_first c_last w`."""
    widths: dict[int, float] = {}
    items = list(spec or [])
    i = 0
    while i + 1 < len(items):
        start = int(_number(items[i], 0))
        if isinstance(items[i + 1], (list, Object)) and not _is_number(items[i + 1]):
            for offset, width in enumerate(items[i + 1]):
                widths[start + offset] = _number(width, 1000) / 1000
            i += 2
        elif i + 2 < len(items):
            for code in range(start, min(int(_number(items[i + 1], start)), start + 65536) + 1):
                widths[code] = _number(items[i + 2], 1000) / 1000
            i += 3
        else:
            break
    return widths


def _is_number(value) -> bool:
    try:
        float(value)
    except (TypeError, ValueError):
        return False
    return True


def _descent(descriptor, bbox, scale: float) -> float:
    """How far glyphs reach below the baseline, in unscaled text space (negative)."""
    if bbox is None and "/Descent" in descriptor:
        low = _number(descriptor.Descent, -200)
    elif bbox is not None or "/FontBBox" in descriptor:
        box = [_number(v, 0) for v in (bbox if bbox is not None else descriptor.FontBBox)]
        low = min(box[1], box[3]) if len(box) == 4 else -200
    else:
        low = -200
    return min(low * scale, 0.0)


def _to_unicode(cmap) -> dict[int, str]:
    """Codes to text from a ToUnicode CMap's bfchar and bfrange entries (enough for messages)."""
    if not isinstance(cmap, Stream):
        return {}
    try:
        data = cmap.read_bytes()
    except Exception:  # an undecodable CMap only costs the messages their sample text
        return {}
    mapping: dict[int, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        values = _HEX.findall(block)
        for code, text in zip(values[0::2], values[1::2], strict=False):
            mapping[int(code, 16)] = _utf16(text)
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
        for low, high, start in re.findall(rb"<(\w+)>\s*<(\w+)>\s*<(\w+)>", block):
            first = int(start, 16)
            for offset, code in enumerate(range(int(low, 16), min(int(high, 16), 0xFFFF) + 1)):
                mapping[code] = chr(min(first + offset, 0x10FFFF))
    return mapping


def _utf16(hex_text: bytes) -> str:
    try:
        return bytes.fromhex(hex_text.decode()).decode("utf-16-be", errors="replace")
    except ValueError:
        return "?"
