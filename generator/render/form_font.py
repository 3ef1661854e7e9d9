"""Form fields whose typed text uses the layout's own font, embedded whole.

ReportLab's AcroForm takes only the 14 standard fonts for text fields, and those are never
embedded. A field's font must have every glyph a user may type later, so a subset will not
do: this embeds the layout's regular weight whole, as a simple TrueType font in WinAnsi
encoding (the characters ReportLab's form code writes), and gives it to every text field.
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.acroform import AcroForm
from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFDictionary,
    PDFName,
    PDFStream,
    PDFStreamFilterZCompress,
)
from reportlab.pdfgen.canvas import Canvas

from generator.model.layout import FontSpec
from generator.render.fonts import font_name, register_family

RESOURCE_NAME = "FormFont"  # how field appearances and /DA name the font
FIRST_CODE, LAST_CODE = 32, 255
NONSYMBOLIC = 32  # font descriptor flag: the font uses a standard (Latin) encoding


class EmbeddedFontAcroForm(AcroForm):
    """ReportLab's AcroForm, with the layout's font for every text field."""

    def __init__(self, canvas: Canvas, spec: FontSpec) -> None:
        super().__init__(canvas)
        self.spec = spec
        self._font_ref: str | None = None
        self._appearances: dict[str, Any] = {}

    def checkboxAP(self, *args: Any, **options: Any) -> Any:
        """The appearance stream of a checkbox state, made once per look: ReportLab makes
        six per box and then shares equal ones, so a long form spent a third of its time
        making streams it threw away."""
        key = repr((args, sorted(options.items())))
        if key not in self._appearances:
            self._appearances[key] = super().checkboxAP(*args, **options)
        return self._appearances[key]

    def makeFont(self, fontName: str | None) -> tuple[str, str]:
        """ReportLab's hook for a field's font: (reference, resource name); fontName is ignored."""
        if self._font_ref is None:
            self._font_ref = self.getRefStr(self._font_dictionary())
            self.fonts[RESOURCE_NAME] = self._font_ref
        return self._font_ref, RESOURCE_NAME

    def _font_dictionary(self) -> PDFDictionary:
        register_family(self.spec)
        name = font_name(self.spec, "regular")
        face = pdfmetrics.getFont(name).face
        data = self.spec.path("regular").read_bytes()
        font_file = PDFStream(
            PDFDictionary({"Length1": len(data)}), data, filters=[PDFStreamFilterZCompress()]
        )
        descriptor = PDFDictionary({
            "Type": PDFName("FontDescriptor"),
            "FontName": PDFName(name),
            "Flags": NONSYMBOLIC,
            "FontBBox": PDFArray(list(face.bbox)),
            "ItalicAngle": face.italicAngle,
            "Ascent": face.ascent,
            "Descent": face.descent,
            "CapHeight": face.capHeight,
            "StemV": face.stemV,
            "FontFile2": self.getRef(font_file),
        })  # fmt: skip
        return PDFDictionary({
            "Type": PDFName("Font"),
            "Subtype": PDFName("TrueType"),
            "BaseFont": PDFName(name),
            "FirstChar": FIRST_CODE,
            "LastChar": LAST_CODE,
            "Widths": PDFArray(winansi_widths(face.charWidths, face.defaultWidth)),
            "Encoding": PDFName("WinAnsiEncoding"),
            "FontDescriptor": self.getRef(descriptor),
        })  # fmt: skip


def winansi_widths(widths: dict[int, float], default: float) -> list[float]:
    """Glyph widths (1/1000 em) for the WinAnsi codes FIRST_CODE..LAST_CODE."""
    result: list[float] = []
    for code in range(FIRST_CODE, LAST_CODE + 1):
        try:
            char = bytes([code]).decode("cp1252")
        except UnicodeDecodeError:  # five codes WinAnsi leaves undefined
            result.append(0)
            continue
        result.append(round(widths.get(ord(char), default)))
    return result


def use_embedded_form_font(canvas: Canvas, spec: FontSpec) -> None:
    """Give the canvas a form whose text fields use the layout's font (before any field)."""
    form = EmbeddedFontAcroForm(canvas, spec)
    canvas._doc._catalog.AcroForm = canvas.AcroForm = form  # what canvas.acroForm would make
