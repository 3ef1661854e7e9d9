"""A print file's pages as its printer profile asks: the bleed the shop wants (the BleedBox,
drawing clipped to it), and beyond it the printer's marks — crop marks on the trim lines, a
slug naming the job — and a die line on the trim in the spot colour `CutContour`.

Marks are drawn in form XObjects of their own, placed after the page's own drawing, so the
page's stream is kept as ReportLab wrote it. The die line strokes only, overprints (it never
knocks a gap into the inks under it) and, in PDF/X-4, sits on a layer of its own; PDF/X-1a
(PDF 1.4) has no layers, so there the spot colour's name is what a cutter reads.
`printers_marks` puts the pages back as they were when its block ends: the office sheets
are made from the same drawn pages, without any of this.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from pikepdf import Array, Dictionary, Name, Object, Pdf, Stream, String

from generator.core.errors import Location, fail
from generator.core.geometry import PT_PER_MM
from generator.core.i18n import _, number, speaking, written_date
from generator.model.deck import Edition
from generator.model.layout import FontSpec
from generator.model.press import DieLine, PressProfile
from generator.render.slug import render_slugs

Box = tuple[float, float, float, float]
KAPPA = 0.5523  # a quarter circle as one Bézier curve: its control points at this fraction
TOLERANCE_MM = 0.01
MARKS, DIE = Name("/VWMarks"), Name("/VWCutContour")  # the forms' names in the page's resources


@dataclass(frozen=True)
class Job:
    """What the slug names: the product, its edition, and a label for each page."""

    title: str
    edition: str
    pages: tuple[str, ...]  # "card 3 of 46, front", per page of the print file
    font: FontSpec


@contextmanager
def printers_marks(pdf: Pdf, press: PressProfile, job: Job | None) -> Iterator[None]:
    """Inside the block, every page has the press's bleed, marks and die line; after it, the
    pages are as they were. A profile asking nothing of the pages changes nothing."""
    saved = [_page_state(page.obj) for page in pdf.pages]
    changed = False
    try:
        changed = _apply(pdf, press, job)
        yield
    finally:
        if changed:
            for page, state in zip(pdf.pages, saved, strict=True):
                for key, value in state.items():
                    page.obj[key] = value
            if Name.OCProperties in pdf.Root:
                del pdf.Root.OCProperties


def _apply(pdf: Pdf, press: PressProfile, job: Job | None) -> bool:
    pages = [page.obj for page in pdf.pages]
    bleeds = {_drawn_bleed_mm(page) for page in pages}
    if bleeds and press.bleed_mm > min(bleeds) + TOLERANCE_MM:
        raise fail(
            Location(press.path),
            _("the printer profile asks for {mm} mm bleed, the layout draws {drawn} mm").format(
                mm=number(press.bleed_mm), drawn=number(round(min(bleeds), 1))
            ),
            _("lower bleed_mm in the printer profile, or set the layout's bleed_mm to at least "
              "{mm}").format(mm=number(press.bleed_mm)),
        )  # fmt: skip
    same_bleed = all(abs(press.bleed_mm - drawn) <= TOLERANCE_MM for drawn in bleeds)
    if same_bleed and not press.has_marks and press.die_line is None:
        return False  # today's pages, today's bytes
    slugs = _slug_forms(pdf, press, job, pages) if press.slug and job else [None] * len(pages)
    layer = _layer(pdf, press)
    for page, slug in zip(pages, slugs, strict=True):
        _mark_page(pdf, page, press, slug, layer)
    return True


def _mark_page(
    pdf: Pdf, page: Dictionary, press: PressProfile, slug: Stream | None, layer: Object | None
) -> None:
    trim = _box(page.TrimBox)
    bleed = _grow(trim, press.bleed_mm * PT_PER_MM)
    media = _media(trim, press)
    drawn = page.Contents if isinstance(page.Contents, Array) else Array([page.Contents])
    forms = Dictionary()
    after = b"Q\n"
    if press.die_line is not None:
        forms[DIE] = _die_form(pdf, trim, bleed, press.die_line, layer)
        after += DIE.unparse() + b" Do\n"
    if press.has_marks:
        forms[MARKS] = _marks_form(pdf, trim, media, press, slug)
        after += MARKS.unparse() + b" Do\n"
    clip = f"q {_numbers(bleed[0], bleed[1], bleed[2] - bleed[0], bleed[3] - bleed[1])} re W n\n"
    page.Contents = Array([pdf.make_stream(clip.encode()), *drawn, pdf.make_stream(after)])
    resources = Dictionary({key: value for key, value in page.Resources.items()})
    xobjects = resources.get(Name.XObject, Dictionary())
    resources[Name.XObject] = Dictionary({**dict(xobjects.items()), **dict(forms.items())})
    page.Resources = resources
    page.BleedBox = Array(bleed)
    page.MediaBox = Array(media)


def _media(trim: Box, press: PressProfile) -> Box:
    margin = press.margin_mm * PT_PER_MM
    slug = press.marks.slug_mm * PT_PER_MM if press.slug else 0.0
    left, bottom, right, top = _grow(trim, margin)
    return (left, bottom - slug, right, top)


def _marks_form(
    pdf: Pdf, trim: Box, media: Box, press: PressProfile, slug: Stream | None
) -> Stream:
    """Crop marks (100 % K, on every plate's K) and the slug under the bottom marks."""
    marks = press.marks
    ops = []
    if press.crop_marks:
        start = max(press.bleed_mm, marks.offset_mm) * PT_PER_MM
        end = start + marks.length_mm * PT_PER_MM
        left, bottom, right, top = trim
        ops.append(f"0 0 0 1 K {_numbers(marks.width_pt)} w 0 J")
        for x in (left, right):
            ops += [_line(x, bottom - start, x, bottom - end), _line(x, top + start, x, top + end)]
        for y in (bottom, top):
            ops += [_line(left - start, y, left - end, y), _line(right + start, y, right + end, y)]
    resources = Dictionary()
    if slug is not None:
        left, bottom = trim[0], media[1]
        ops.append(f"q 1 0 0 1 {_numbers(left, bottom)} cm /Slug Do Q")
        resources.XObject = Dictionary(Slug=slug)
    return _form(pdf, media, "\n".join(ops), resources)


def _die_form(pdf: Pdf, trim: Box, bleed: Box, die: DieLine, layer: Object | None) -> Stream:
    """The trim, its corners rounded, stroked in the die line's spot colour, overprinting."""
    tint = Dictionary(FunctionType=2, Domain=[0, 1], C0=[0, 0, 0, 0], C1=list(die.alternate_cmyk),
                      N=1)  # fmt: skip
    space = Array([Name.Separation, Name("/" + die.colour), Name.DeviceCMYK, tint])
    overprint = Dictionary(Type=Name.ExtGState, OP=True, op=True, OPM=1)
    resources = Dictionary(ColorSpace=Dictionary(Cut=space), ExtGState=Dictionary(Cut=overprint))
    path = _rounded_rectangle(trim, die.corner_radius_mm * PT_PER_MM)
    content = f"/Cut gs /Cut CS 1 SCN {_numbers(die.width_pt)} w\n{path} S"
    form = _form(pdf, bleed, content, resources)
    if layer is not None:
        form.OC = layer
    return form


def _layer(pdf: Pdf, press: PressProfile) -> Object | None:
    """The die line's own layer (optional content group), where the standard has layers."""
    if press.die_line is None or not press.rules.layers:
        return None
    name = String(press.die_line.colour)
    group = pdf.make_indirect(Dictionary(Type=Name.OCG, Name=name))
    config = Dictionary(Name=String(_("Printer's marks")), Order=[group], ON=[group])
    pdf.Root.OCProperties = Dictionary(OCGs=[group], D=config)
    return group


def _slug_forms(pdf: Pdf, press: PressProfile, job: Job, pages: list[Dictionary]) -> list[Stream]:
    """Each page's slug as a form, drawn once for the whole file (one font subset)."""
    trim = _box(pages[0].TrimBox)
    size = (trim[2] - trim[0], press.marks.slug_mm * PT_PER_MM)
    lines = [f"{job.title} · {job.edition} · {label}" for label in job.pages]
    drawn = Pdf.open(io.BytesIO(render_slugs(lines, size, job.font, press.marks.slug_size_pt)))
    forms = []
    for page in drawn.pages:
        form = page.obj.Contents
        form.Type, form.Subtype, form.FormType = Name.XObject, Name.Form, 1
        form.BBox = Array([0, 0, *size])
        form.Resources = page.obj.Resources
        forms.append(pdf.copy_foreign(form))
    return [form for form in forms if isinstance(form, Stream)]


def _form(pdf: Pdf, box: Box, content: str, resources: Dictionary) -> Stream:
    form = pdf.make_stream(content.encode())
    form.Type, form.Subtype, form.FormType = Name.XObject, Name.Form, 1
    form.BBox = Array(box)
    form.Resources = resources
    return form


def _rounded_rectangle(box: Box, radius: float) -> str:
    left, bottom, right, top = box
    r = min(radius, (right - left) / 2, (top - bottom) / 2)
    if r <= 0:
        return f"{_numbers(left, bottom, right - left, top - bottom)} re"
    k = r * (1 - KAPPA)  # how far a control point stands in from the corner
    return "\n".join([
        f"{_numbers(left + r, bottom)} m",
        f"{_numbers(right - r, bottom)} l",
        f"{_numbers(right - k, bottom, right, bottom + k, right, bottom + r)} c",
        f"{_numbers(right, top - r)} l",
        f"{_numbers(right, top - k, right - k, top, right - r, top)} c",
        f"{_numbers(left + r, top)} l",
        f"{_numbers(left + k, top, left, top - k, left, top - r)} c",
        f"{_numbers(left, bottom + r)} l",
        f"{_numbers(left, bottom + k, left + k, bottom, left + r, bottom)} c",
        "h",
    ])  # fmt: skip


def _page_state(page: Dictionary) -> dict[Name, Object]:
    return {key: page[key] for key in (Name.MediaBox, Name.BleedBox, Name.Contents,
                                       Name.Resources) if key in page}  # fmt: skip


def _drawn_bleed_mm(page: Dictionary) -> float:
    trim, outer = _box(page.TrimBox), _box(page.get(Name.BleedBox, page.MediaBox))
    return min(trim[0] - outer[0], trim[1] - outer[1], outer[2] - trim[2],
               outer[3] - trim[3]) / PT_PER_MM  # fmt: skip


def _box(value: Object) -> Box:
    left, bottom, right, top = (float(v) for v in value)
    return (left, bottom, right, top)


def _grow(box: Box, by: float) -> Box:
    return (box[0] - by, box[1] - by, box[2] + by, box[3] + by)


def _line(x1: float, y1: float, x2: float, y2: float) -> str:
    return f"{_numbers(x1, y1)} m {_numbers(x2, y2)} l S"


def _numbers(*values: float) -> str:
    """PDF numbers with no more digits than print needs, and no '-0'."""
    texts = (f"{value:.4f}".rstrip("0").rstrip(".") for value in values)
    return " ".join("0" if text in ("-0", "") else text for text in texts)


def card_job(title: str, edition: Edition, language: str, pages: int, font: FontSpec) -> Job:
    """A deck's print file: each card's front, then its back."""
    return Job(title, edition_text(edition, language), card_pages(language, pages), font)


def sheet_job(
    title: str, edition: Edition, language: str, label: str, pages: int, font: FontSpec
) -> Job:
    """A poster's or workshop sheet's print file ('poster A3'): its front, and its back."""
    with speaking(language):
        sides = (_("front"), _("back"))
        labels = (label,) if pages == 1 else tuple(f"{label}, {side}" for side in sides)
    return Job(title, edition_text(edition, language), labels, font)


def card_pages(language: str, pages: int) -> tuple[str, ...]:
    """'card 3 of 46, front', for each page of a deck's print file."""
    with speaking(language):
        sides = (_("front"), _("back"))
        return tuple(
            _("card {n} of {count}, {side}").format(n=i // 2 + 1, count=pages // 2,
                                                     side=sides[i % 2])
            for i in range(pages)
        )  # fmt: skip


def edition_text(edition: Edition, language: str) -> str:
    """'edition 1.2 of 7 December 2026', in the product's language."""
    with speaking(language):
        date = written_date(edition.date, language)
        return _("edition {version} of {date}").format(version=edition.version, date=date)
