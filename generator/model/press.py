"""A print shop's press, as a printer profile says it (layouts/printers/NAME.yaml): the PDF/X
standard it takes, the printing condition, the ink limit, the bleed and safe zone it asks
for, and the printer's marks around each page (crop marks, a die line, a slug)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.core.i18n import N_


@dataclass(frozen=True)
class Standard:
    """What a PDF/X standard asks of a file."""

    pdf_version: str  # the latest PDF it is based on
    transparency: bool  # whether live transparency is allowed
    xmp: bool  # whether the file needs XMP metadata naming the standard (pdfxid)
    layers: bool  # whether optional content (layers, PDF 1.5) is allowed


STANDARDS = {
    "PDF/X-1a:2003": Standard("1.4", transparency=False, xmp=False, layers=False),
    "PDF/X-4": Standard("1.6", transparency=True, xmp=True, layers=True),
}


@dataclass(frozen=True)
class Condition:
    """A registered printing condition (ICC characterization data), as an output intent
    names it."""

    name: str  # OutputCondition
    info: str  # Info: the profile a print shop would use for it


CONDITIONS = {
    "FOGRA39": Condition("Coated FOGRA39 (ISO 12647-2:2004)", "ISO Coated v2 (ECI), FOGRA39"),
    "FOGRA47": Condition(
        "Uncoated FOGRA47 (ISO 12647-2:2004)", "PSO Uncoated ISO12647 (ECI), FOGRA47"
    ),
    "FOGRA52": Condition("Uncoated FOGRA52 (ISO 12647-2:2013)", "PSO Uncoated v3 (FOGRA52)"),
}
REGISTRY = "http://www.color.org"


@dataclass(frozen=True)
class DieLine:
    """The cutting path of a shape cut: the trim, its corners rounded, stroked in the spot
    colour every cutting plotter and die maker reads as the knife (not as ink)."""

    corner_radius_mm: float = 0.0
    colour: str = "CutContour"  # the de-facto name (Roland, Mimaki, Caldera, Onyx)
    alternate_cmyk: tuple[float, float, float, float] = (0.0, 1.0, 0.0, 0.0)  # how a proof shows it
    width_pt: float = 0.5


@dataclass(frozen=True)
class Marks:
    """Where the printer's marks stand beyond the bleed, in mm: crop marks on each trim line,
    starting offset_mm outside the trim; the slug (a line naming the job) below them."""

    offset_mm: float = 3.0  # from the trim: where a crop mark starts
    length_mm: float = 5.0
    width_pt: float = 0.25
    slug_mm: float = 4.0  # the slug's band below the crop marks
    slug_size_pt: float = 6.0


@dataclass(frozen=True)
class PressProfile:
    """A printer profile, checked: what the print files are made for, and checked against."""

    name: str
    standard: str  # a key of STANDARDS
    condition: str  # a key of CONDITIONS
    ink_limit_pct: float  # the most C+M+Y+K anywhere, in per cent
    path: Path  # where it was read, for messages
    bleed_mm: float = 3.0  # what the shop asks beyond the trim (the BleedBox)
    safe_mm: float = 4.0  # how far text stays inside the trim
    crop_marks: bool = False
    slug: bool = False  # a line below the marks: title, edition, card n of N
    die_line: DieLine | None = None
    file_name: str = "{name}"  # the print-shop folder's names; FILE_NAME_FIELDS say what fits
    marks: Marks = Marks()

    def shop_name(self, name: str, version: str, date: str) -> str:
        """A file's name in the print-shop folder: 'voor-wie-doen-we-wat_print.pdf' as the
        pattern names it ('{date}_{name}' → '2026-12-07_voor-wie-doen-we-wat_print.pdf')."""
        stem = name.removesuffix(".pdf")
        fields = {"name": stem, "version": version, "date": date, "printer": self.name}
        return self.file_name.format(**fields) + ".pdf"

    @property
    def has_marks(self) -> bool:
        """Whether the page is larger than its bleed, for marks beyond it."""
        return self.crop_marks or self.slug

    @property
    def margin_mm(self) -> float:
        """How far the page reaches beyond the trim on every side, for the marks (the bleed
        when there are none); the slug's band comes below that."""
        if not self.has_marks:
            return self.bleed_mm
        return max(self.bleed_mm, self.marks.offset_mm) + self.marks.length_mm + 1.0

    @property
    def rules(self) -> Standard:
        return STANDARDS[self.standard]

    @property
    def output_condition(self) -> Condition:
        return CONDITIONS[self.condition]

    @property
    def label(self) -> str:
        """'default (PDF/X-1a:2003, FOGRA39, 300 %)'."""
        return f"{self.name} ({self.summary})"

    @property
    def summary(self) -> str:
        """What a print shop compares, for a manifest and an order note:
        'PDF/X-1a:2003, FOGRA39, 300 %'."""
        return f"{self.standard}, {self.condition}, {self.ink_limit_pct:g} %"

    @property
    def mark_names(self) -> list[str]:
        """The printer's marks it asks for, untranslated (N_), for the order note."""
        on = {N_("crop marks"): self.crop_marks, N_("slug"): self.slug,
              N_("die line (CutContour)"): self.die_line is not None}  # fmt: skip
        return [name for name, wanted in on.items() if wanted]


# What a file-name pattern may name: {name} (the file's own name, always there, so names stay
# distinct), the product's edition {version} and {date}, the printer profile's name {printer}.
FILE_NAME_FIELDS = ("name", "version", "date", "printer")
DEFAULT_PRESS = "default"  # the profile a build uses unless --printer names another
