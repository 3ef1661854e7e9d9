"""Mark a print-shop file PDF/X for its printer profile (PDF/X-1a:2003 or PDF/X-4): what
ReportLab cannot write, added with pikepdf.

The output intent names the profile's registered printing condition (FOGRA39, FOGRA52,
FOGRA47) in the ICC registry instead of embedding its profile: PDF/X allows that for a
registered ("standard production") condition, and it keeps every file small. PDF/X-4 also
names itself in XMP metadata, made from the document information so that both agree.
Dates come from the content's edition date and the document ID from the file's bytes (qpdf's
deterministic ID), so builds stay reproducible.
qpdf (through pikepdf) copies the pages' streams as they are, where pypdf re-read and rewrote
every page: a tenth of the time for a large deck.
"""

from __future__ import annotations

import io
import warnings
from datetime import date

from pikepdf import Array, Dictionary, Name, ObjectStreamMode, Pdf, StreamDecodeLevel, String

from generator.impose.identity import own_id
from generator.impose.marks import Job, printers_marks
from generator.impose.overprint import overprint_black
from generator.model.press import REGISTRY, PressProfile

PDFX_ID = "{http://www.npes.org/pdfx/ns/id/}GTS_PDFXVersion"  # XMP's name of the standard


def pdf_date(iso_date: str) -> str:
    """'2026-11-23' as a PDF date at midnight UTC."""
    day = date.fromisoformat(iso_date)
    return f"D:{day:%Y%m%d}000000Z"


def mark_pdfx(pdf: bytes, edition_date: str, press: PressProfile, job: Job | None = None) -> bytes:
    """The same pages, marked PDF/X for the press, with fixed dates and ID; a product's print
    file (job) also with the press's bleed and printer's marks."""
    with Pdf.open(io.BytesIO(pdf)) as document:
        mark(document, edition_date, press)
        if job is None:
            return save_marked(document, press)
        with printers_marks(document, press, job):
            return save_marked(document, press)


def mark(document: Pdf, edition_date: str, press: PressProfile) -> None:
    """Make an open document a print-shop file: black set to overprint, marked with the
    press's PDF/X standard and condition, dated the edition's date. The office sheets made
    from it keep the overprint (an office printer ignores it)."""
    overprint_black(document)
    stamp = pdf_date(edition_date)
    info = document.docinfo
    info[Name.GTS_PDFXVersion] = String(press.standard)
    info[Name.Trapped] = Name("/False")
    info[Name.CreationDate] = String(stamp)
    info[Name.ModDate] = String(stamp)
    condition = press.output_condition
    intent = Dictionary(Type=Name.OutputIntent, S=Name.GTS_PDFX)
    for key, value in (
        ("/OutputConditionIdentifier", press.condition),
        ("/OutputCondition", condition.name),
        ("/RegistryName", REGISTRY),
        ("/Info", condition.info),
    ):
        intent[Name(key)] = String(value)
    document.Root.OutputIntents = Array([intent])
    if press.rules.xmp:
        with document.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as xmp:
            with warnings.catch_warnings():  # the keys XMP names otherwise are set below
                warnings.simplefilter("ignore", UserWarning)
                xmp.load_from_docinfo(document.docinfo)
            xmp[PDFX_ID] = press.standard
            xmp["pdf:Trapped"] = "False"


def unmark(document: Pdf) -> None:
    """Take the PDF/X marks off again (its dates stay): for a file made from the same pages
    that is no print-shop file."""
    del document.docinfo[Name.GTS_PDFXVersion]
    del document.Root.OutputIntents
    if Name.Metadata in document.Root:
        del document.Root.Metadata


def save_marked(document: Pdf, press: PressProfile) -> bytes:
    """The marked document's bytes, at the PDF version of the press's standard."""
    own_id(document)
    buffer = io.BytesIO()
    document.save(
        buffer,
        force_version=press.rules.pdf_version,
        object_stream_mode=ObjectStreamMode.disable,  # object streams came with PDF 1.5
        compress_streams=False,  # already compressed by ReportLab: kept as they are
        stream_decode_level=StreamDecodeLevel.none,
        deterministic_id=True,  # the ID is a hash of the content: reproducible
    )
    return buffer.getvalue()
