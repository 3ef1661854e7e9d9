"""Office sheets: each face becomes one form XObject, placed by the sheet plan.

With pikepdf (qpdf), in the drawn document itself: each page's content stream becomes the
form that shows it (nothing is copied or recompressed), the sheets replace the pages, and
only what the sheets use is written.
"""

from __future__ import annotations

import io

from pikepdf import Array, Dictionary, Name, Object, Pdf, Stream, StreamDecodeLevel

from generator.core.geometry import Matrix, mm
from generator.impose import pdfx
from generator.impose.identity import own_id
from generator.impose.marks import Job, printers_marks
from generator.impose.plan import SheetPlan
from generator.model.layout import Imposition
from generator.model.press import PressProfile
from generator.render.document import RenderedDocument


def impose(document: RenderedDocument, plan: SheetPlan, imposition: Imposition) -> bytes:
    """Front and back sheets, alternating, for duplex printing; crop marks on the fronts."""
    with Pdf.open(io.BytesIO(document.pdf)) as pdf:
        return _sheets(pdf, plan, imposition)


def print_file_and_sheets(
    document: RenderedDocument,
    edition_date: str,
    plan: SheetPlan,
    imposition: Imposition,
    press: PressProfile,
    job: Job,
) -> tuple[bytes, bytes]:
    """The print-shop file (marked PDF/X, with the press's marks) and the office sheets, from
    one reading of the drawn document."""
    with Pdf.open(io.BytesIO(document.pdf)) as pdf:
        pdfx.mark(pdf, edition_date, press)
        with printers_marks(pdf, press, job):
            print_file = pdfx.save_marked(pdf, press)
        pdfx.unmark(pdf)
        return print_file, _sheets(pdf, plan, imposition)


def _sheets(pdf: Pdf, plan: SheetPlan, imposition: Imposition) -> bytes:
    """The open document's pages made into sheets, saved."""
    # ReportLab's page tree is one node whose kids are the pages: read and replaced as it
    # is (pikepdf's page list would remove 2,000 pages one at a time).
    tree = pdf.Root.Pages
    forms = [_as_form(page) for page in tree.Kids]
    fronts, backs = forms[0::2], forms[1::2]
    marks = _crop_marks(plan, imposition)
    sheets = []
    for start in range(0, len(fronts), plan.per_sheet):
        batch = range(start, min(start + plan.per_sheet, len(fronts)))
        sheets.append(
            _sheet(pdf, plan, [(fronts[i], plan.fronts[i - start]) for i in batch], marks)
        )
        sheets.append(_sheet(pdf, plan, [(backs[i], plan.backs[i - start]) for i in batch], b""))
    for sheet in sheets:
        sheet.Parent = tree
    tree.Kids = Array(sheets)
    tree.Count = len(sheets)
    if Name.Producer in pdf.docinfo:
        del pdf.docinfo[Name.Producer]
    own_id(pdf)
    buffer = io.BytesIO()
    pdf.save(
        buffer,
        deterministic_id=True,  # the ID is a hash of the content: reproducible
        compress_streams=True,  # the sheets' own small streams; the faces' stay as they are
        stream_decode_level=StreamDecodeLevel.none,
    )
    return buffer.getvalue()


def _as_form(page: Object) -> Stream:
    """The page's content stream made the form XObject that draws it: placed on any sheet,
    clipped to its bleed (its MediaBox)."""
    if not isinstance(page, Dictionary):
        raise ValueError("a page of the page tree is not a dictionary")
    form = page.Contents
    if not isinstance(form, Stream):
        raise ValueError("a drawn page has one content stream")  # as ReportLab writes them
    form.Type = Name.XObject
    form.Subtype = Name.Form
    form.FormType = 1
    form.BBox = Array([float(value) for value in page.MediaBox])
    form.Resources = page.Resources
    return form


def _sheet(pdf: Pdf, plan: SheetPlan, slots: list[tuple[Stream, Matrix]], extra: bytes) -> Object:
    """A sheet: each form at its place (a PDF matrix), and extra drawing (crop marks)."""
    xobjects = Dictionary()
    content = io.BytesIO()
    for index, (form, matrix) in enumerate(slots):
        name = f"/Card{index}"
        xobjects[name] = form
        content.write(f"q {' '.join(_number(v) for v in matrix)} cm {name} Do Q\n".encode())
    content.write(extra)
    page = Dictionary(
        Type=Name.Page,
        MediaBox=Array([0, 0, *plan.sheet]),
        Resources=Dictionary(XObject=xobjects),
        Contents=pdf.make_stream(content.getvalue()),
    )
    return pdf.make_indirect(page)


def _crop_marks(plan: SheetPlan, imposition: Imposition) -> bytes:
    """Short lines in the margin on every trim line, starting outside the grid's bleed."""
    offset, length = mm(imposition.mark_offset_mm), mm(imposition.mark_length_mm)
    left, bottom, right, top = plan.grid
    lines = []
    for x in plan.cut_x:
        lines.append((x, top + offset, x, top + offset + length))
        lines.append((x, bottom - offset, x, bottom - offset - length))
    for y in plan.cut_y:
        lines.append((left - offset, y, left - offset - length, y))
        lines.append((right + offset, y, right + offset + length, y))
    ops = [f"q 0 0 0 1 K {_number(imposition.mark_width_pt)} w 0 J"]
    ops += [
        f"{_number(x1)} {_number(y1)} m {_number(x2)} {_number(y2)} l S" for x1, y1, x2, y2 in lines
    ]
    ops.append("Q\n")
    return "\n".join(ops).encode()


def _number(value: float) -> str:
    """A PDF number with no more digits than print needs, and no '-0'."""
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
