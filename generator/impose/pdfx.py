"""Mark a print-shop file PDF/X-1a:2003: what ReportLab cannot write, added with pypdf.

The output intent names the registered printing condition FOGRA39 (ISO Coated v2) in the
ICC registry instead of embedding its profile: PDF/X-1a allows that for a registered
("standard production") condition, and it keeps every file small. Dates come from the
content's edition date and the document ID from the content, so builds stay reproducible.
"""

from __future__ import annotations

import hashlib
import io
from datetime import date

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    ByteStringObject,
    DictionaryObject,
    NameObject,
    TextStringObject,
)

PDFX_VERSION = "PDF/X-1:2003"
PDF_HEADER = b"%PDF-1.4"  # PDF/X-1a:2003 is based on PDF 1.4
OUTPUT_INTENT = {
    "/OutputConditionIdentifier": "FOGRA39",
    "/OutputCondition": "Coated FOGRA39 (ISO 12647-2:2004)",
    "/RegistryName": "http://www.color.org",
    "/Info": "ISO Coated v2 (ECI), FOGRA39",
}


def pdf_date(iso_date: str) -> str:
    """'2026-11-23' as a PDF date at midnight UTC."""
    day = date.fromisoformat(iso_date)
    return f"D:{day:%Y%m%d}000000Z"


def mark_pdfx(pdf: bytes, edition_date: str) -> bytes:
    """The same pages, marked PDF/X-1a:2003 for FOGRA39, with fixed dates and ID."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.pdf_header = PDF_HEADER
    stamp = pdf_date(edition_date)
    writer.add_metadata({
        "/GTS_PDFXVersion": PDFX_VERSION,
        "/Trapped": NameObject("/False"),
        "/CreationDate": stamp,
        "/ModDate": stamp,
    })  # fmt: skip
    intent = DictionaryObject({
        NameObject("/Type"): NameObject("/OutputIntent"),
        NameObject("/S"): NameObject("/GTS_PDFX"),
        **{NameObject(k): TextStringObject(v) for k, v in OUTPUT_INTENT.items()},
    })  # fmt: skip
    writer.root_object[NameObject("/OutputIntents")] = ArrayObject([intent])
    identifier = ByteStringObject(hashlib.sha256(pdf).digest()[:16])
    writer._ID = ArrayObject([identifier, identifier])  # pypdf has no public setter
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
