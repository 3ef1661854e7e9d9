"""Mark a print-shop file PDF/X-1a:2003: what ReportLab cannot write, added with pikepdf.

The output intent names the registered printing condition FOGRA39 (ISO Coated v2) in the
ICC registry instead of embedding its profile: PDF/X-1a allows that for a registered
("standard production") condition, and it keeps every file small. Dates come from the
content's edition date and the document ID from the content (qpdf's deterministic ID), so
builds stay reproducible.
qpdf (through pikepdf) copies the pages' streams as they are, where pypdf re-read and rewrote
every page: a tenth of the time for a large deck.
"""

from __future__ import annotations

import io
from datetime import date

from pikepdf import Array, Dictionary, Name, ObjectStreamMode, Pdf, StreamDecodeLevel, String

from generator.impose.identity import own_id
from generator.impose.overprint import overprint_black

PDFX_VERSION = "PDF/X-1a:2003"  # exactly: RIPs treat any other string as not PDF/X
PDF_VERSION = "1.4"  # PDF/X-1a:2003 is based on PDF 1.4
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
    with Pdf.open(io.BytesIO(pdf)) as document:
        mark(document, edition_date)
        return save_marked(document)


def mark(document: Pdf, edition_date: str) -> None:
    """Make an open document a print-shop file: black set to overprint, marked PDF/X-1a:2003
    for FOGRA39, dated the edition's date. The office sheets made from it keep the overprint
    (an office printer ignores it)."""
    overprint_black(document)
    stamp = pdf_date(edition_date)
    info = document.docinfo
    info[Name.GTS_PDFXVersion] = String(PDFX_VERSION)
    info[Name.Trapped] = Name("/False")
    info[Name.CreationDate] = String(stamp)
    info[Name.ModDate] = String(stamp)
    intent = Dictionary(Type=Name.OutputIntent, S=Name.GTS_PDFX)
    for key, value in OUTPUT_INTENT.items():
        intent[Name(key)] = String(value)
    document.Root.OutputIntents = Array([intent])


def unmark(document: Pdf) -> None:
    """Take the PDF/X marks off again (its dates stay): for a file made from the same pages
    that is no print-shop file."""
    del document.docinfo[Name.GTS_PDFXVersion]
    del document.Root.OutputIntents


def save_marked(document: Pdf) -> bytes:
    own_id(document)
    buffer = io.BytesIO()
    document.save(
        buffer,
        force_version=PDF_VERSION,
        object_stream_mode=ObjectStreamMode.disable,  # object streams came with PDF 1.5
        compress_streams=False,  # already compressed by ReportLab: kept as they are
        stream_decode_level=StreamDecodeLevel.none,
        deterministic_id=True,  # the ID is a hash of the content: reproducible
    )
    return buffer.getvalue()
