"""A tagged PDF's logical structure as pdfium reads it (pypdfium2's raw API), independently of
pikepdf which wrote it: per page, each structure element that marks content, with its type,
the types of its ancestors, and the text its marked content shows on the page."""

from __future__ import annotations

import ctypes
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as raw


@dataclass(frozen=True)
class Marked:
    page: int
    type: str  # the element's structure type: "H1", "LBody", "P", ...
    ancestors: tuple[str, ...]  # the types above it, nearest last: ("Document", "L", "LI")
    text: str  # what its marked content shows, as pdfium extracts it
    lang: str


def structure(path: Path) -> list[Marked]:
    """Every element with marked content, page by page, in the structure tree's order."""
    document = pdfium.PdfDocument(path)
    found: list[Marked] = []
    for number in range(len(document)):
        page = document[number]
        texts = _texts_by_mcid(page)
        tree = raw.FPDF_StructTree_GetForPage(page.raw)
        for index in range(raw.FPDF_StructTree_CountChildren(tree)):
            _walk(raw.FPDF_StructTree_GetChildAtIndex(tree, index), (), number, texts, found)
        raw.FPDF_StructTree_Close(tree)
    return found


def _walk(element, ancestors: tuple[str, ...], page: int, texts: dict[int, str],
          found: list[Marked]) -> None:  # fmt: skip
    kind = _string(raw.FPDF_StructElement_GetType, element)
    mcids = [raw.FPDF_StructElement_GetMarkedContentIdAtIndex(element, i)
             for i in range(raw.FPDF_StructElement_GetMarkedContentIdCount(element))]  # fmt: skip
    if mcids:
        text = " ".join(texts.get(mcid, "") for mcid in mcids if mcid >= 0).strip()
        lang = _string(raw.FPDF_StructElement_GetLang, element)
        found.append(Marked(page, kind, ancestors, text, lang))
    for index in range(raw.FPDF_StructElement_CountChildren(element)):
        child = raw.FPDF_StructElement_GetChildAtIndex(element, index)
        if child:
            _walk(child, (*ancestors, kind), page, texts, found)


def _string(getter, element) -> str:
    size = getter(element, None, 0)
    if size <= 0:
        return ""
    buffer = ctypes.create_string_buffer(size)
    getter(element, buffer, size)
    return buffer.raw[:size].decode("utf-16-le").rstrip("\x00")


def _texts_by_mcid(page: pdfium.PdfPage) -> dict[int, str]:
    """The text of each marked-content sequence on the page, in drawing order."""
    text_page = raw.FPDFText_LoadPage(page.raw)
    found: dict[int, list[str]] = {}
    for obj in page.get_objects(max_depth=1):
        if obj.type != raw.FPDF_PAGEOBJ_TEXT:
            continue
        mcid = raw.FPDFPageObj_GetMarkedContentID(obj.raw)
        size = raw.FPDFTextObj_GetText(obj.raw, text_page, None, 0)
        buffer = (ctypes.c_ushort * size)()
        raw.FPDFTextObj_GetText(obj.raw, text_page, buffer, size)
        text = bytes(buffer).decode("utf-16-le", "ignore").rstrip("\x00")
        found.setdefault(mcid, []).append(text)
    raw.FPDFText_ClosePage(text_page)
    return {mcid: " ".join(" ".join(parts).split()) for mcid, parts in found.items()}
