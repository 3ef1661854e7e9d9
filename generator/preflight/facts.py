"""What a preflight reads from a PDF: plain facts, each with where it was found.

`where` strings name the place as a print shop's preflight report would: "page 3",
"page 3 › form /face-1a2b › image /Im0", "page 2 › Type3 font /T3 › glyph /a".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MM = 72 / 25.4
Box = tuple[float, float, float, float]  # left, bottom, right, top in page points
Cmyk = tuple[float, float, float, float]  # each 0..1


@dataclass(frozen=True)
class Font:
    name: str
    embedded: bool
    where: str


@dataclass(frozen=True)
class Text:
    """One shown string: its size as printed, where it stands, and its fill."""

    where: str
    size: float  # points, across the baseline
    box: Box
    ink: Cmyk | None  # process colour; None for a spot colour or a pattern
    overprint: bool
    data: bytes  # the codes shown
    font: Any = field(compare=False, repr=False)  # its FontMetrics, to read the codes as text

    @property
    def sample(self) -> str:
        return self.font.text(self.data)


@dataclass(frozen=True)
class Paint:
    """A painting operation's colour: a fill, a stroke or the fill of text, once per kind."""

    where: str
    kind: str  # "fill", "stroke" or "text"
    ink: Cmyk | None
    overprint: bool
    width: float | None = None  # a stroke's line width in points, where it is known


@dataclass(frozen=True)
class Image:
    where: str
    ppi: float  # pixels per inch at the size it is printed


@dataclass(frozen=True)
class Use:
    """Something a rule judges by what it is, found at a place: a colour space family, a
    filter, a form of transparency, an action, …; kind groups the forbidden ones."""

    where: str
    what: str
    kind: str = ""


@dataclass(frozen=True)
class Annotation:
    where: str
    subtype: str
    rect: Box


@dataclass(frozen=True)
class Intent:
    """An output intent: the printing condition the file was made for."""

    subtype: str  # /GTS_PDFX for PDF/X
    identifier: str
    registry: str
    profile_channels: int | None  # the embedded DestOutputProfile's channels; None: none


@dataclass
class PageFacts:
    number: int
    media: Box
    trim: Box | None
    bleed: Box | None
    art: Box | None = None
    texts: list[Text] = field(default_factory=list)
    paints: set[Paint] = field(default_factory=set)
    images: list[Image] = field(default_factory=list)
    annotations: list[Annotation] = field(default_factory=list)


@dataclass
class DocumentFacts:
    path: Path
    version: str  # the effective PDF version: the header's, or the catalog's if later
    info: dict[str, str]  # Title, CreationDate, …, GTS_PDFXVersion: as written
    xmp: dict[str, str]  # the XMP metadata's pdfxid:GTS_PDFXVersion and dc:title, if any
    has_id: bool
    encrypted: bool
    intents: list[Intent]
    pages: list[PageFacts]
    fonts: set[Font] = field(default_factory=set)
    colour_spaces: set[Use] = field(default_factory=set)  # what: the family, e.g. DeviceRGB
    transparency: set[Use] = field(default_factory=set)
    filters: set[Use] = field(default_factory=set)  # what: the filter's name
    forbidden: set[Use] = field(default_factory=set)  # actions, forms, OPI, PostScript, …
    unreadable: list[Use] = field(default_factory=list)  # parts that could not be parsed
    spots: set[Use] = field(default_factory=set)  # what: the colourant; kind: its alternate
    # qpdf's syntax warnings (kind "syntax") and unknown content operators (kind "operator")
    syntax: list[Use] = field(default_factory=list)
