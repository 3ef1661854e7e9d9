"""Read a PDF's facts with pikepdf: identity, output intents, what PDF/X forbids at the
document level, page boxes, annotations, and (through content.py) what each page draws.

Any object shape PDF allows is read: indirect arrays, inherited resources and boxes, nested
forms. A part that cannot be parsed becomes a fact (`unreadable`), not a crash.
"""

from __future__ import annotations

import re
from pathlib import Path

from pikepdf import Array, Dictionary, Name, Object, Pdf, Stream

from generator.preflight.content import ContentReader
from generator.preflight.facts import Annotation, Box, DocumentFacts, Intent, PageFacts, Use

INFO_KEYS = (
    "Title",
    "CreationDate",
    "ModDate",
    "Trapped",
    "GTS_PDFXVersion",
    "GTS_PDFXConformance",
)
INHERITABLE = ("/Resources", "/MediaBox", "/CropBox")


def read_pdf(path: Path) -> DocumentFacts:
    """The facts of the PDF at path; raises pikepdf's error if it is no PDF at all."""
    with Pdf.open(path) as pdf:
        facts = DocumentFacts(
            path=path,
            version=_version(pdf),
            info=_info(pdf),
            xmp=_xmp(pdf),
            has_id=_has_id(pdf),
            encrypted=pdf.is_encrypted,
            intents=_intents(pdf.Root),
            pages=[],
        )
        _document_level(pdf.Root, facts)
        reader = ContentReader(facts)
        for number, page in enumerate(pdf.pages, start=1):
            facts.pages.append(_page(page.obj, number, reader, facts))
        facts.syntax += _syntax_warnings(pdf)
        return facts


# What qpdf says that is no finding of its own: a note on what it does about the warning
# before, and its check of a linearized file's hints (fast web view, nothing a press reads).
QPDF_NOTES = ("stream will be re-processed without filtering",)
LINEARIZATION = ("first page", "hint", "linearization", "page offset", "shared object")
_LEVEL = re.compile(r"^(?:WARNING|ERROR): ")
_PAGE_NUMBER = re.compile(r"\bpage (\d+)\b")
_OBJECT = re.compile(r"\bobject (\d+) (\d+)\b")


def _syntax_warnings(pdf: Pdf) -> list[Use]:
    """What qpdf's own check (`qpdf --check`) finds: objects and content streams that do not
    parse (an unterminated string, a stray `]` or `>>`, a stream that does not decode), each
    once, on its page where the page or one of its content streams is named."""
    owners: dict[tuple[int, int], int] = {}
    for number, page in enumerate(pdf.pages, start=1):
        owners[page.obj.objgen] = number
        contents = page.obj.get("/Contents")
        for stream in contents if isinstance(contents, Array) else [contents]:
            if isinstance(stream, Stream):
                owners[stream.objgen] = number
    found: dict[Use, None] = {}
    for warning in pdf.check_pdf_syntax():
        text = _LEVEL.sub("", warning).removeprefix(str(pdf.filename))
        what = (text.rpartition("): ")[2] or text).lstrip(": ")
        if what.startswith(QPDF_NOTES) or any(word in what.lower() for word in LINEARIZATION):
            continue
        said_page = _PAGE_NUMBER.search(text)
        named = (owners.get((int(o[1]), int(o[2]))) for o in _OBJECT.finditer(text))
        on = int(said_page[1]) if said_page else next((n for n in named if n), None)
        found[Use(f"page {on}" if on else "document", what, "syntax")] = None
    return list(found)


# What the XMP metadata must say alike with the Info dictionary, by XMP name.
XMP_KEYS = {
    "GTS_PDFXVersion": "{http://www.npes.org/pdfx/ns/id/}GTS_PDFXVersion",
    "Title": "dc:title",
}


def _xmp(pdf: Pdf) -> dict[str, str]:
    """The XMP keys a PDF/X-4 file must have in agreement with its Info; {} without XMP."""
    if Name.Metadata not in pdf.Root:
        return {}
    try:
        metadata = pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False)
        return {key: str(metadata[name]) for key, name in XMP_KEYS.items() if name in metadata}
    except Exception:  # metadata that does not parse is no metadata for these rules
        return {}


def _version(pdf: Pdf) -> str:
    """The header's version, or the catalog's /Version when that is later (PDF 1.4+)."""
    header = pdf.pdf_version
    catalog = str(pdf.Root.get("/Version", "")).lstrip("/")
    return max(header, catalog, key=_version_key)


def _version_key(version: str) -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in version.split("."))
    except ValueError:
        return (0,)


def _info(pdf: Pdf) -> dict[str, str]:
    info = pdf.trailer.get("/Info")
    if not isinstance(info, Dictionary):
        return {}
    return {key: str(info[f"/{key}"]) for key in INFO_KEYS if f"/{key}" in info}


def _has_id(pdf: Pdf) -> bool:
    ident = pdf.trailer.get("/ID")
    return isinstance(ident, Array) and len(ident) == 2


def _intents(root: Object) -> list[Intent]:
    intents = []
    for intent in _array(root.get("/OutputIntents")):
        if not isinstance(intent, Dictionary):
            continue
        profile = intent.get("/DestOutputProfile")
        channels = _channels(profile) if isinstance(profile, Stream) else None
        intents.append(
            Intent(
                subtype=str(intent.get("/S", "")),
                identifier=str(intent.get("/OutputConditionIdentifier", "")),
                registry=str(intent.get("/RegistryName", "")),
                profile_channels=channels,
            )
        )
    return intents


def _channels(profile: Stream) -> int:
    """An ICC profile's number of colour channels (0 when it does not say)."""
    try:
        return int(profile.get("/N", 0))
    except (TypeError, ValueError):
        return 0


def _document_level(root: Object, facts: DocumentFacts) -> None:
    """Actions, JavaScript and forms in the catalog."""
    forbidden = facts.forbidden
    opening = root.get("/OpenAction")
    if isinstance(opening, Dictionary):  # an action (an array is a plain destination)
        forbidden.add(Use("document", f"an action on opening ({_action(opening)})", "action"))
    if "/AA" in root:
        forbidden.add(Use("document", "document actions (AA)", "action"))
    names = root.get("/Names")
    if isinstance(names, Dictionary) and "/JavaScript" in names:
        forbidden.add(Use("document", "JavaScript (Names › JavaScript)", "action"))
    if "/AcroForm" in root:
        forbidden.add(Use("document", "an interactive form (AcroForm)", "form"))


def _action(action: Dictionary) -> str:
    return str(action.get("/S", "unknown")).lstrip("/")


def _page(page: Object, number: int, reader: ContentReader, facts: DocumentFacts) -> PageFacts:
    media = _box(_inherited(page, "/MediaBox")) or (0.0, 0.0, 612.0, 792.0)
    page_facts = PageFacts(
        number=number,
        media=media,
        trim=_box(page.get("/TrimBox")),
        bleed=_box(page.get("/BleedBox")),
        art=_box(page.get("/ArtBox")),
    )
    where = f"page {number}"
    group = page.get("/Group")
    if isinstance(group, Dictionary) and group.get("/S") == Name.Transparency:
        facts.transparency.add(Use(where, "transparency group on the page"))
    if "/AA" in page:
        facts.forbidden.add(Use(where, "page actions (AA)", "action"))
    try:
        resources = _inherited(page, "/Resources")
        resources = resources if isinstance(resources, Dictionary) else Dictionary()
        reader.read_page(page, page_facts, resources)
    except Exception as error:  # a broken stream is the file's fault: reported, not raised
        facts.unreadable.append(Use(where, str(error) or type(error).__name__))
    for index, annotation in enumerate(_array(page.get("/Annots")), start=1):
        if isinstance(annotation, Dictionary):
            _annotation(annotation, f"{where} › annotation {index}", page_facts, reader, facts)
    return page_facts


def _annotation(
    annotation: Dictionary,
    where: str,
    page: PageFacts,
    reader: ContentReader,
    facts: DocumentFacts,
) -> None:
    subtype = str(annotation.get("/Subtype", "")).lstrip("/")
    where = f"{where} ({subtype or 'no subtype'})"
    page.annotations.append(Annotation(where, subtype, _box(annotation.get("/Rect")) or page.media))
    for key in ("/A", "/AA"):
        if key in annotation:
            facts.forbidden.add(Use(where, f"an action ({key[1:]})", "action"))
    appearances = annotation.get("/AP")
    if not isinstance(appearances, Dictionary):
        return
    for kind, appearance in appearances.items():
        states = (
            appearance.values()
            if isinstance(appearance, Dictionary) and not isinstance(appearance, Stream)
            else [appearance]
        )
        for state in states:
            try:
                reader.read_appearance(state, f"{where} › appearance {kind}", page)
            except Exception as error:  # as for pages: a finding, not a crash
                facts.unreadable.append(Use(where, str(error) or type(error).__name__))


def _inherited(page: Object, key: str) -> Object | None:
    """A page attribute, from the page or the nearest node of the page tree that has it."""
    node: Object | None = page
    hops = 0
    while isinstance(node, Dictionary) and hops < 64:
        if key in node:
            return node[key]
        node, hops = node.get("/Parent"), hops + 1
    return None


def _array(value: Object | None) -> list[Object]:
    return list(value) if isinstance(value, Array) else []


def _box(value: Object | None) -> Box | None:
    if not isinstance(value, Array) or len(value) != 4:
        return None
    try:
        x0, y0, x1, y1 = (float(v) for v in value)
    except (TypeError, ValueError):
        return None
    return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)
