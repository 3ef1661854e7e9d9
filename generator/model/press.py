"""A print shop's press, as a printer profile says it (layouts/printers/NAME.yaml): the PDF/X
standard it takes, the printing condition and the ink limit."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Standard:
    """What a PDF/X standard asks of a file."""

    pdf_version: str  # the latest PDF it is based on
    transparency: bool  # whether live transparency is allowed
    xmp: bool  # whether the file needs XMP metadata naming the standard (pdfxid)


STANDARDS = {
    "PDF/X-1a:2003": Standard("1.4", transparency=False, xmp=False),
    "PDF/X-4": Standard("1.6", transparency=True, xmp=True),
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
class PressProfile:
    """A printer profile, checked: what the print files are made for, and checked against."""

    name: str
    standard: str  # a key of STANDARDS
    condition: str  # a key of CONDITIONS
    ink_limit_pct: float  # the most C+M+Y+K anywhere, in per cent
    path: Path  # where it was read, for messages

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


DEFAULT_PRESS = "default"  # the profile a build uses unless --printer names another
