"""Read the facts a preflight judges from a PDF: boxes, fonts, colour, text, images, PDF/X."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pypdf is imported by a preflight, not by every start of the CLI
    from pypdf import PdfReader

MM = 72 / 25.4
Box = tuple[float, float, float, float]

# Colour operators and the colour space each sets.
OPERATOR_SPACES = {
    b"rg": "DeviceRGB", b"RG": "DeviceRGB",
    b"k": "DeviceCMYK", b"K": "DeviceCMYK",
    b"g": "DeviceGray", b"G": "DeviceGray",
}  # fmt: skip
# Families of colour spaces, by their PDF name.
SPACE_FAMILIES = {
    "/DeviceRGB": "DeviceRGB", "/RGB": "DeviceRGB", "/CalRGB": "CalRGB", "/Lab": "Lab",
    "/DeviceCMYK": "DeviceCMYK", "/CMYK": "DeviceCMYK", "/DeviceGray": "DeviceGray",
    "/G": "DeviceGray", "/CalGray": "DeviceGray", "/Separation": "Separation",
    "/DeviceN": "DeviceN", "/Pattern": "Pattern",
}  # fmt: skip


@dataclass(frozen=True)
class Font:
    name: str
    embedded: bool


@dataclass(frozen=True)
class Text:
    text: str
    size: float  # points
    box: Box  # left, bottom, right, top in page points


@dataclass(frozen=True)
class Image:
    ppi: float  # pixels per inch at the size it is printed (its colour space: see _scan)


@dataclass
class PageFacts:
    number: int
    media: Box
    trim: Box | None
    bleed: Box | None
    fonts: set[Font] = field(default_factory=set)
    color_spaces: set[str] = field(default_factory=set)
    max_ink: float = 0.0  # the largest C+M+Y+K of any colour set, 0..4
    texts: list[Text] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    annotations: int = 0


@dataclass
class DocumentFacts:
    path: Path
    version: str
    pdfx: str | None
    output_intent: str | None
    trapped: str | None
    has_id: bool
    has_forms: bool
    pages: list[PageFacts]


def inspect(path: Path) -> DocumentFacts:
    from pypdf import PdfReader

    reader = PdfReader(path)
    info = reader.metadata or {}
    root = reader.trailer["/Root"]
    intents = [i.get_object() for i in root.get("/OutputIntents", [])]
    pdfx_intent = next((i for i in intents if i.get("/S") == "/GTS_PDFX"), None)
    pages = [_page(reader, page, number) for number, page in enumerate(reader.pages, start=1)]
    import pdfplumber  # here, not above: a third of the CLI's start-up, needed only to check

    with pdfplumber.open(path) as pdf:
        for facts, page in zip(pages, pdf.pages, strict=True):
            height = float(page.height)
            facts.texts = [
                Text(
                    c["text"],
                    _size(c),
                    (c["x0"], height - c["bottom"], c["x1"], height - c["top"]),
                )
                for c in page.chars
                if c["text"].strip()
            ]
            facts.images = [_image(image) for image in page.images]
    return DocumentFacts(
        path=path,
        version=reader.pdf_header.lstrip("%PDF-"),
        pdfx=str(info.get("/GTS_PDFXVersion")) if info.get("/GTS_PDFXVersion") else None,
        output_intent=str(pdfx_intent.get("/OutputConditionIdentifier")) if pdfx_intent else None,
        trapped=str(info.get("/Trapped")) if info.get("/Trapped") else None,
        has_id="/ID" in reader.trailer,
        has_forms="/AcroForm" in root,
        pages=pages,
    )


def _box(page, name: str) -> Box | None:
    if name not in page:
        return None
    return tuple(float(v) for v in page[name])  # type: ignore[return-value]


def _page(reader: PdfReader, page, number: int) -> PageFacts:
    facts = PageFacts(
        number=number,
        media=tuple(float(v) for v in page.mediabox),  # type: ignore[arg-type]
        trim=_box(page, "/TrimBox"),
        bleed=_box(page, "/BleedBox"),
        annotations=len(page.get("/Annots", [])),
    )
    _scan(reader, page.get_contents(), page.get("/Resources"), facts, depth=0)
    return facts


def _scan(reader, contents, resources, facts: PageFacts, depth: int) -> None:
    """Fonts, colour spaces and ink of a content stream and of the forms it draws."""
    from pypdf.generic import ContentStream, DictionaryObject

    resources = resources.get_object() if resources is not None else DictionaryObject()
    for font in (resources.get("/Font") or {}).values():
        facts.fonts.add(_font(font.get_object()))
    for space in (resources.get("/ColorSpace") or {}).values():
        facts.color_spaces.add(_family(space.get_object()))
    for shading in (resources.get("/Shading") or {}).values():
        facts.color_spaces.add(_family(shading.get_object().get("/ColorSpace")))
    xobjects = resources.get("/XObject") or {}
    for xobject in xobjects.values():
        xobject = xobject.get_object()
        if xobject.get("/Subtype") == "/Image" and "/ColorSpace" in xobject:
            facts.color_spaces.add(_family(xobject["/ColorSpace"].get_object()))
        elif xobject.get("/Subtype") == "/Form" and depth < 8:
            _scan(reader, xobject, xobject.get("/Resources"), facts, depth + 1)
    if contents is None:
        return
    for operands, operator in ContentStream(contents, reader).operations:
        if operator in OPERATOR_SPACES:
            facts.color_spaces.add(OPERATOR_SPACES[operator])
            if operator in (b"k", b"K"):
                facts.max_ink = max(facts.max_ink, sum(float(v) for v in operands))
        elif operator == b"INLINE IMAGE":
            space = operands.get("/CS", operands.get("/ColorSpace"))
            if space is not None:
                facts.color_spaces.add(_family(space))


def _size(char: dict) -> float:
    """The glyph box across the baseline: the font size as printed, turned text included.

    pdfminer's own `size` is the box's page height, which for text turned 90° is the
    width of the letter.
    """
    _, _, c, d, _, _ = char["matrix"]
    across_is_vertical = abs(d) >= abs(c)
    return float(char["bottom"] - char["top"] if across_is_vertical else char["x1"] - char["x0"])


def _family(space) -> str:
    """The family of a colour space: a name, or an array such as [/ICCBased stream]."""
    if space is None:
        return "unknown"
    if isinstance(space, list):
        kind = str(space[0])
        if kind == "/ICCBased":
            channels = int(space[1].get_object().get("/N", 0))
            return {1: "ICCBased gray", 3: "ICCBased RGB", 4: "ICCBased CMYK"}.get(
                channels, "ICCBased"
            )
        if kind == "/Indexed":
            return _family(space[1].get_object())
        return SPACE_FAMILIES.get(kind, kind.lstrip("/"))
    return SPACE_FAMILIES.get(str(space), str(space).lstrip("/"))


def _font(font) -> Font:
    name = str(font.get("/BaseFont", "(unnamed)")).lstrip("/")
    if font.get("/Subtype") == "/Type3":
        return Font(name, True)
    if font.get("/Subtype") == "/Type0":
        font = font["/DescendantFonts"][0].get_object()
    descriptor = font.get("/FontDescriptor")
    descriptor = descriptor.get_object() if descriptor is not None else {}
    embedded = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
    return Font(name, embedded)


def _image(image: dict) -> Image:
    width_pt = float(image["x1"] - image["x0"]) or 1.0
    return Image(ppi=image["srcsize"][0] / (width_pt / 72))
