"""Print-shop documents: one face per page, trim plus bleed, TrimBox and BleedBox set."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, replace

from reportlab import rl_config
from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFDictionary,
    PDFName,
    PDFStream,
    PDFStreamFilterZCompress,
)
from reportlab.pdfgen.canvas import Canvas

from generator import __version__
from generator.core.cache import fingerprint
from generator.core.errors import UserError
from generator.core.geometry import Size, mm
from generator.render.faces import Box, Face, FacePainter, LaidOut
from generator.render.fonts import font_name, register_family
from generator.render.tags import PageTags, Tagger

# Compressed streams stay binary: ASCII85 would make them a quarter larger for no reader's sake.
rl_config.useA85 = 0
FLATE = PDFStreamFilterZCompress()


# Called with the document's title after every page drawn (progress on a terminal listens).
PAGE_LISTENERS: list[Callable[[str], None]] = []


@dataclass(frozen=True)
class DocumentInfo:
    """What the PDF says about itself."""

    title: str
    author: str
    subject: str
    language: str
    passages: tuple[tuple[str, str], ...] = ()  # (ref, language) of texts in another language


@dataclass(frozen=True)
class PageMap:
    """Where a page's named anchors and links stand, in page points."""

    label: str
    anchors: dict[str, Box]
    links: tuple[tuple[Box, str], ...]


@dataclass(frozen=True)
class RenderedDocument:
    pdf: bytes
    trim: Size  # as printed, in mm
    bleed_mm: float
    pages: tuple[PageMap, ...]
    key: str = ""  # content hash of what it was drawn from (see RenderCache)
    tags: tuple[PageTags, ...] = ()  # a screen document's marked content, per page


def render_document(
    faces: list[Face], painter: FacePainter, info: DocumentInfo, trim: Size | None = None
) -> RenderedDocument:
    """Lay out and draw each face on a page of its own; every problem is reported at once.

    Faces are drawn as soon as they are laid out, so a long deck never holds its laid-out
    faces in memory; a face that comes again is drawn once more, into a form XObject that
    its later pages show (see FacesDrawn). After a problem the rest are only laid out, for
    the report. trim is the printed size; the design, scaled, is centred on it (default:
    the design).
    """
    layout = painter.layout
    register_family(layout.font)
    # A screen shows the trimmed page: screen (RGB) documents have no bleed.
    bleed = layout.bleed_mm if painter.color_model == "cmyk" else 0.0
    drawn = Size(painter.design.w * painter.scale, painter.design.h * painter.scale)
    trim = trim or drawn
    page = (mm(trim.w + 2 * bleed), mm(trim.h + 2 * bleed))
    offset_x, offset_y = mm(bleed + (trim.w - drawn.w) / 2), mm(bleed + (trim.h - drawn.h) / 2)
    buffer = io.BytesIO()
    canvas = Canvas(
        buffer,
        pagesize=page,
        invariant=1,  # no clock in the file: the same input gives the same bytes
        pageCompression=1,
        initialFontName=font_name(layout.font, "regular"),  # never reference Helvetica
        enforceColorSpace=painter.color_model,  # print files cannot contain RGB by mistake
        lang=info.language,
    )
    canvas.setPageCallBack(lambda _: _compress_last_page(canvas))
    canvas.setTitle(info.title)
    canvas.setAuthor(info.author)
    canvas.setSubject(info.subject)
    canvas.setCreator(f"voorwie-generator {__version__}")
    trim_box = (mm(bleed), mm(bleed), mm(bleed + trim.w), mm(bleed + trim.h))
    pages, keys, problems = [], [], []
    bleed_box = (-offset_x, -offset_y, page[0] - offset_x, page[1] - offset_y)
    # A screen document is tagged (PDF/UA): each face drawn on its page, none in a form.
    tagger = (
        Tagger(canvas, layout.tags, dict(info.passages)) if painter.color_model == "rgb" else None
    )
    painter.tagger = tagger
    faces_drawn = FacesDrawn(canvas, painter, bleed_box, reuse=tagger is None)
    for face in faces:
        try:
            laid_out = faces_drawn.lay_out(face)
        except UserError as error:
            problems.extend(error.problems)
            continue
        keys.append(laid_out.key)
        if problems:
            continue
        canvas.setTrimBox(trim_box)
        canvas.setBleedBox((0, 0, *page))
        if tagger is not None:
            tagger.start_page()
        canvas.saveState()
        canvas.translate(offset_x, offset_y)
        faces_drawn.draw(laid_out)
        canvas.restoreState()
        if tagger is not None:
            tagger.end_page()
        canvas.showPage()
        for listener in PAGE_LISTENERS:
            listener(info.title)
        pages.append(
            PageMap(
                label=face.label,
                anchors={n: _shift(b, offset_x, offset_y) for n, b in laid_out.anchors.items()},
                links=tuple((_shift(b, offset_x, offset_y), to) for b, to in laid_out.links),
            )
        )
    painter.tagger = None
    if problems:
        raise UserError(problems)
    canvas.save()
    key = fingerprint(painter.key, info, trim, keys)
    tags = tuple(tagger.pages) if tagger else ()
    return RenderedDocument(buffer.getvalue(), trim, bleed, tuple(pages), key, tags)


class FacesDrawn:
    """Lays out and paints a document's faces. The second time a face comes (the same back on
    many cards), it is drawn into a form XObject that its later pages show: less work, and
    a smaller file. Only where its anchors and links stand is kept, not its laid-out text."""

    def __init__(
        self, canvas: Canvas, painter: FacePainter, bleed_box: Box, reuse: bool = True
    ) -> None:
        """reuse: draw a face that comes again into a form (not in a tagged document, whose
        marked content belongs to its page)."""
        self.canvas, self.painter, self.bleed_box = canvas, painter, bleed_box
        self.reuse = reuse
        self.seen: set[str] = set()
        self.forms: dict[str, LaidOut] = {}  # by key, without elements
        self.names: dict[str, str] = {}  # each form's name, by key

    def lay_out(self, face: Face) -> LaidOut:
        draw_list = self.painter.draw_list(face)
        form = self.forms.get(draw_list.key)
        if form is None:
            return self.painter.lay_out(face, draw_list)
        laid_out = form.for_face(face, draw_list.refs)
        self.painter.say_notes(laid_out)
        return laid_out

    def draw(self, laid_out: LaidOut) -> None:
        """Paint the face at the canvas origin (the trim's bottom-left corner)."""
        key = laid_out.key
        if key not in self.seen or not self.reuse:
            self.seen.add(key)
            self.painter.paint(self.canvas, laid_out)
            return
        if key not in self.forms:
            # Named by its order in the document, not its key: the key hashes the layout,
            # whose path can be spelled in more than one way, and the bytes must not change.
            self.names[key] = f"face-{len(self.names) + 1}"
            self.canvas.beginForm(self.names[key], *self.bleed_box)
            self.painter.paint(self.canvas, laid_out)
            self.canvas.endForm()
            self.forms[key] = replace(laid_out, elements=[])
        self.canvas.doForm(self.names[key])


def _compress_last_page(canvas: Canvas) -> None:
    """Compress the page just finished now, as saving would: a long deck keeps about 1 kB per
    page until it is saved, instead of its drawing operators as text (4 kB). ReportLab (pinned)
    calls this after adding the page; saving leaves a page with Contents as it is."""
    page = canvas._doc.Pages.pages[-1]
    page.Contents = PDFStream(
        PDFDictionary({"Filter": PDFArray([PDFName(FLATE.pdfname)])}), FLATE.encode(page.stream)
    )
    page.stream = None


def _shift(box: Box, dx: float, dy: float) -> Box:
    left, bottom, right, top = box
    return left + dx, bottom + dy, right + dx, top + dy
