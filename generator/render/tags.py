"""Marked content for tagged PDF (PDF/UA-1): while a screen document is drawn, each paragraph
becomes a marked-content sequence with its own MCID and role, and everything else an
artifact; what each MCID is, is kept per page, for impose to build the structure tree from.

ReportLab has no marked-content operators: they are written into the page's operator list
(`canvas._code`, ReportLab 5.1, pinned), always between the drawing of two elements, never
inside a text object.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.pdfgen.canvas import Canvas

ROLES = ("H1", "H2", "H3", "H4", "H5", "H6", "P", "LI1", "LI2", "Artifact")


@dataclass(frozen=True)
class Tagged:
    """One marked-content sequence on a page."""

    mcid: int
    # "H1".."H6", "P", "Figure" (with alt), "LI" (with list_level), "Lbl" (the label of the
    # list item that follows), "LBody" (more of the body of the list item before it)
    role: str
    text: str = ""  # what it says, for checks
    list_level: int = 0  # "LI": 1 a list item, 2 an item of the list inside the item before
    lang: str = ""  # a passage in another language than the document's
    alt: str = ""  # "Figure": its alternative text


@dataclass(frozen=True)
class PageTags:
    items: tuple[Tagged, ...] = ()  # in reading order


@dataclass(frozen=True)
class TaggedPdf:
    """A screen PDF as drawn, with its marked content per page, for impose to finish as
    tagged PDF (its structure tree, PDF/UA's marks)."""

    pdf: bytes
    tags: tuple[PageTags, ...]
    title: str
    language: str


@dataclass
class Tagger:
    """Writes the marked content of one document's pages and remembers what each is."""

    canvas: Canvas
    roles: dict[str, str]  # a layout style's role (layout.yaml `tags:`); others are P
    passages: dict[str, str] = field(
        default_factory=dict
    )  # a ref's language, if not the document's
    pages: list[PageTags] = field(default_factory=list)
    _items: list[Tagged] = field(default_factory=list)
    _open: bool = False

    def start_page(self) -> None:
        self._items = []
        self._artifact()

    def end_page(self) -> None:
        self._close()
        self.pages.append(PageTags(tuple(self._items)))

    def begin(self, style: str, text: str, ref: str = "") -> None:
        """A paragraph of this style (or of the role a template gave it), from the item ref,
        starts: its own marked content, unless it is an artifact."""
        role = style if style in ROLES else self.roles.get(style, "P")
        if role == "Artifact":
            return
        self._close()
        mcid = len(self._items)
        level = {"LI1": 1, "LI2": 2}.get(role, 0)
        tag = "LBody" if level else role
        lang = self.passages.get(ref, "")
        self._items.append(Tagged(mcid, "LI" if level else role, text, level, lang))
        self._write(f"/{tag} <</MCID {mcid}>> BDC")
        self._open = True

    def end(self) -> None:
        """The paragraph ended: what follows is an artifact until the next begins."""
        self._artifact()

    def _artifact(self) -> None:
        self._close()
        self._write("/Artifact BMC")
        self._open = True

    def _close(self) -> None:
        if self._open:
            self._write("EMC")
            self._open = False

    def _write(self, operator: str) -> None:
        self.canvas._code.append(operator)
