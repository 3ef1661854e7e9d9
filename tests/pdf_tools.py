"""Reading our PDFs the way a checker would: text, boxes, fonts, placed forms."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import ContentStream, DictionaryObject

MM = 72 / 25.4
BASE14 = {
    "Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique", "Helvetica",
    "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique", "Times-Roman", "Times-Bold",
    "Times-Italic", "Times-BoldItalic", "Symbol", "ZapfDingbats",
}  # fmt: skip


def squeeze(text: str) -> str:
    """Text compared without spaces, hyphens, soft hyphens, markup or diacritics.

    Line breaks add hyphens and Dutch drops a trema at a break (co-operatie), so a
    question is found in a page's text when both are squeezed the same way.
    """
    text = text.replace("**", "")
    decomposed = unicodedata.normalize("NFD", text)
    return re.sub(r"[\s\-\u00ad\u0300-\u036f]", "", decomposed)


def page_texts(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def fonts(path: Path) -> list[DictionaryObject]:
    """Every font dictionary used on any page, including inside form XObjects."""
    found: dict[int, DictionaryObject] = {}

    def visit(resources: DictionaryObject | None) -> None:
        if not resources:
            return
        for font in (resources.get("/Font") or {}).values():
            found[id(font.get_object())] = font.get_object()
        for xobject in (resources.get("/XObject") or {}).values():
            xobject = xobject.get_object()
            if xobject.get("/Subtype") == "/Form":
                visit(xobject.get("/Resources"))

    for page in PdfReader(path).pages:
        visit(page.get("/Resources"))
    return list(found.values())


def placed_forms(page, reader: PdfReader) -> list[tuple[str, tuple[float, ...]]]:
    """(form name, cm matrix) for every `q … cm /Name Do Q` in a page's content."""
    content = ContentStream(page.get_contents(), reader)
    placed, matrix = [], None
    for operands, operator in content.operations:
        if operator == b"cm":
            matrix = tuple(float(v) for v in operands)
        elif operator == b"Do":
            placed.append((str(operands[0]), matrix))
            matrix = None
    return placed


def drawn_lines(page, reader: PdfReader) -> list[tuple[float, float, float, float]]:
    """Every straight segment `x1 y1 m x2 y2 l` drawn directly in a page's content."""
    content = ContentStream(page.get_contents(), reader)
    lines, start = [], None
    for operands, operator in content.operations:
        if operator == b"m":
            start = tuple(float(v) for v in operands)
        elif operator == b"l" and start:
            end = tuple(float(v) for v in operands)
            lines.append((*start, *end))
    return lines


def pixels(path, page: int, scale: float = 0.7) -> bytes:
    """A page rendered by pdfium (not the library that wrote it), as raw RGB bytes."""
    import pypdfium2

    document = pypdfium2.PdfDocument(path)
    try:
        return document[page].render(scale=scale).to_pil().tobytes()
    finally:
        document.close()
