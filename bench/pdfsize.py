"""What a PDF's bytes are spent on: embedded font programs versus everything else."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject

FONT_FILES = ("/FontFile", "/FontFile2", "/FontFile3")


@dataclass(frozen=True)
class PdfBytes:
    file_bytes: int
    font_bytes: int  # the stored length of every embedded font program, each counted once
    pages: int

    @property
    def beyond_fonts_per_page(self) -> float:
        return (self.file_bytes - self.font_bytes) / self.pages


def _resolve(value: Any) -> Any:
    return value.get_object() if isinstance(value, IndirectObject) else value


def _font_descriptors(font: DictionaryObject) -> list[Any]:
    """The descriptor(s) of a font; a composite (Type0) font's live in its descendants."""
    descriptors = [font.get("/FontDescriptor")]
    for descendant in _resolve(font.get("/DescendantFonts")) or []:
        descriptors.append(_resolve(descendant).get("/FontDescriptor"))
    return [d for d in descriptors if d is not None]


def _fonts_of(resources: Any, seen_forms: set[int]) -> list[Any]:
    """Font references in a resource dictionary and in the form XObjects it uses."""
    resources = _resolve(resources) or {}
    fonts = list((_resolve(resources.get("/Font")) or {}).values())
    for ref in (_resolve(resources.get("/XObject")) or {}).values():
        key = ref.idnum if isinstance(ref, IndirectObject) else id(ref)
        form = _resolve(ref)
        if key in seen_forms or form.get("/Subtype") != "/Form":
            continue
        seen_forms.add(key)
        fonts += _fonts_of(form.get("/Resources"), seen_forms)
    return fonts


def measure_pdf(path: Path) -> PdfBytes:
    """File size, font-program bytes and page count of a PDF."""
    reader = PdfReader(path)
    counted: set[int] = set()
    seen_forms: set[int] = set()
    font_bytes = 0
    for page in reader.pages:
        for font_ref in _fonts_of(page.get("/Resources"), seen_forms):
            for descriptor in _font_descriptors(_resolve(font_ref)):
                descriptor = _resolve(descriptor)
                for key in FONT_FILES:
                    ref = descriptor.get(key)
                    if not isinstance(ref, IndirectObject) or ref.idnum in counted:
                        continue
                    counted.add(ref.idnum)
                    # pypdf keeps a stream's bytes as stored (still encoded) in _data and drops
                    # /Length from the dictionary; the two are the same number.
                    font_bytes += len(ref.get_object()._data)
    return PdfBytes(path.stat().st_size, font_bytes, len(reader.pages))
