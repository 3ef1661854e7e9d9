"""Register a layout's TrueType font family with ReportLab (embedded as subsets)."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import PDFName
from reportlab.pdfbase.ttfonts import TTFont, makeToUnicodeCMap

from generator.model.layout import FontSpec

WEIGHTS = ("regular", "bold", "italic", "bold_italic")
# ReportLab's (bold, italic) flags for each weight, for <b> and <i> in paragraphs.
_FLAGS = {"regular": (0, 0), "bold": (1, 0), "italic": (0, 1), "bold_italic": (1, 1)}


def font_name(spec: FontSpec, weight: str) -> str:
    """The name ReportLab knows a weight of the family by."""
    return Path(spec.file(weight)).stem


@cache
def register_family(spec: FontSpec) -> None:
    """Make the family's four weights available, and map <b>/<i> onto them."""
    for weight in WEIGHTS:
        pdfmetrics.registerFont(TaggedTTFont(font_name(spec, weight), str(spec.path(weight))))
    regular = font_name(spec, "regular")
    for weight, (bold, italic) in _FLAGS.items():
        addMapping(regular, bold, italic, font_name(spec, weight))


class TaggedTTFont(TTFont):
    """A TrueType font whose subsets are tagged by their glyphs, not by their number.

    ReportLab names the first subset of every font `AAAAAA+Name`, whatever glyphs it holds; a
    RIP that caches fonts by name across ganged jobs could then use another file's glyphs.
    Here the tag is derived from the subset's characters: distinct per glyph set, and the
    same in every build (ReportLab 5.1's `addObjects`, pinned, is renamed after the fact).
    """

    def addObjects(self, doc) -> None:  # ReportLab's name
        subsets = [tuple(subset) for subset in self.state[doc].subsets]
        names = [self.getSubsetInternalName(n, doc)[1:] for n in range(len(subsets))]
        super().addObjects(doc)
        fonts = doc.idToObject["BasicFonts"].dict
        for name, subset in zip(names, subsets, strict=True):
            font = fonts[name]
            numbered = font.BaseFont
            tagged = f"{subset_tag(self.face.name, subset)}{numbered[6:]}"
            font.BaseFont = tagged
            doc.idToObject[f"fontDescriptor:{numbered}"].dict["FontName"] = PDFName(tagged)
            cmap = doc.idToObject[f"toUnicodeCMap:{numbered}"]
            cmap.content = makeToUnicodeCMap(tagged, subset)


def subset_tag(face: bytes, characters: tuple[int, ...]) -> str:
    """Six capital letters derived from the font and the characters of a subset."""
    digest = hashlib.sha256(face + repr(characters).encode()).digest()
    return "".join(chr(ord("A") + byte % 26) for byte in digest[:6])
