"""Office sheets with pypdf: each face becomes one form XObject, placed by the sheet plan."""

from __future__ import annotations

import io

from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    NumberObject,
    StreamObject,
)

from generator.geometry import mm
from generator.impose.plan import Matrix, SheetPlan
from generator.layout_model import Imposition
from generator.render.document import RenderedDocument


def impose(document: RenderedDocument, plan: SheetPlan, imposition: Imposition) -> bytes:
    """Front and back sheets, alternating, for duplex printing; crop marks on the fronts."""
    reader = PdfReader(io.BytesIO(document.pdf))
    writer = PdfWriter()
    forms = [_as_form(writer, page) for page in reader.pages]
    fronts, backs = forms[0::2], forms[1::2]
    marks = _crop_marks(plan, imposition)
    for start in range(0, len(fronts), plan.per_sheet):
        batch = range(start, min(start + plan.per_sheet, len(fronts)))
        front_slots = [(fronts[i], plan.fronts[i - start]) for i in batch]
        back_slots = [(backs[i], plan.backs[i - start]) for i in batch]
        _add_sheet(writer, plan, front_slots, marks)
        _add_sheet(writer, plan, back_slots, b"")
    writer.add_metadata({k: v for k, v in reader.metadata.items() if k != "/Producer"})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _as_form(writer: PdfWriter, page: PageObject) -> IndirectObject:
    """A page as a form XObject in writer: drawn once, placed on any sheet, clipped to its bleed."""
    form = StreamObject()
    form.set_data(page.get_contents().get_data())
    form.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Form"),
            NameObject("/FormType"): NumberObject(1),
            NameObject("/BBox"): ArrayObject(FloatObject(v) for v in page.mediabox),
            NameObject("/Resources"): page["/Resources"].clone(writer),
        }
    )
    return writer._add_object(form.flate_encode())


def _add_sheet(
    writer: PdfWriter, plan: SheetPlan, slots: list[tuple[IndirectObject, Matrix]], extra: bytes
) -> None:
    page = writer.add_blank_page(*plan.sheet)
    xobjects = DictionaryObject()
    content = io.BytesIO()
    for index, (form, matrix) in enumerate(slots):
        name = f"/Card{index}"
        xobjects[NameObject(name)] = form
        content.write(f"q {' '.join(_number(v) for v in matrix)} cm {name} Do Q\n".encode())
    content.write(extra)
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/XObject"): xobjects})
    stream = StreamObject()
    stream.set_data(content.getvalue())
    page[NameObject("/Contents")] = writer._add_object(stream.flate_encode())


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
