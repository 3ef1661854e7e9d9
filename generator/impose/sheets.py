"""Office sheets: each face becomes one form XObject, placed by the sheet plan.

With pikepdf (qpdf): a face's compressed content is copied as it is and its resources (the
embedded font subsets) once for the whole file, where pypdf decompressed and recompressed
every page.
"""

from __future__ import annotations

import io

from pikepdf import Array, Dictionary, Name, Object, Page, Pdf, StreamDecodeLevel

from generator.geometry import mm
from generator.impose.plan import Matrix, SheetPlan
from generator.layout_model import Imposition
from generator.render.document import RenderedDocument


def impose(document: RenderedDocument, plan: SheetPlan, imposition: Imposition) -> bytes:
    """Front and back sheets, alternating, for duplex printing; crop marks on the fronts."""
    with Pdf.open(io.BytesIO(document.pdf)) as source, Pdf.new() as sheets:
        forms = [_as_form(sheets, page) for page in source.pages]
        fronts, backs = forms[0::2], forms[1::2]
        marks = _crop_marks(plan, imposition)
        for start in range(0, len(fronts), plan.per_sheet):
            batch = range(start, min(start + plan.per_sheet, len(fronts)))
            _add_sheet(sheets, plan, [(fronts[i], plan.fronts[i - start]) for i in batch], marks)
            _add_sheet(sheets, plan, [(backs[i], plan.backs[i - start]) for i in batch], b"")
        for key, value in source.docinfo.items():
            if key != "/Producer":
                sheets.docinfo[key] = value
        buffer = io.BytesIO()
        sheets.save(
            buffer,
            deterministic_id=True,  # the ID is a hash of the content: reproducible
            compress_streams=True,  # the sheets' own small streams; the faces' stay as they are
            stream_decode_level=StreamDecodeLevel.none,
        )
        return buffer.getvalue()


def _as_form(sheets: Pdf, page: Page) -> Object:
    """A page as a form XObject in sheets: drawn once, placed on any sheet, clipped to its
    bleed (its MediaBox)."""
    contents = page.obj.Contents
    form = sheets.make_stream(b"")
    filters = contents.get("/Filter", Array())
    filters = [filters] if isinstance(filters, Name) else list(filters)
    form.write(contents.read_raw_bytes(), filter=[Name(str(name)) for name in filters])
    form.Type = Name.XObject
    form.Subtype = Name.Form
    form.FormType = 1
    form.BBox = Array([float(value) for value in page.mediabox])
    form.Resources = _copied(sheets, page.obj.Resources)
    return form


def _copied(sheets: Pdf, value: Object) -> Object:
    """A value of another file, usable in sheets; each indirect object (a font, say) is copied
    once per file, however many faces use it."""
    if value.is_indirect:
        return sheets.copy_foreign(value)
    if isinstance(value, Dictionary):
        return Dictionary({key: _copied(sheets, item) for key, item in value.items()})
    if isinstance(value, Array):
        return Array([_copied(sheets, item) for item in value])
    return value


def _add_sheet(
    sheets: Pdf, plan: SheetPlan, slots: list[tuple[Object, Matrix]], extra: bytes
) -> None:
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
        Contents=sheets.make_stream(content.getvalue()),
    )
    sheets.pages.append(Page(page))


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
