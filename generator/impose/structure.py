"""The logical structure of a tagged PDF/UA-1 document, written with pikepdf.

The renderer wraps each paragraph of a page in marked content (`/P <</MCID 3>> BDC … EMC`,
numbered from 0 per page in reading order) and everything else in `/Artifact BMC … EMC`, and
records what each MCID is (`PageTags`). `tag_document` builds the structure tree from that
record: headings, paragraphs and figures under one `Document` element, list items as
`L > LI > (Lbl) LBody`, a sub-list inside the `LBody` of the item it belongs to (ISO 32000-1
14.8.4.3.3: an `LI` holds only `Lbl` and `LBody`; the body may hold a nested list). Links,
form fields and other annotations get their own element (`Link`, `Form`, `Annot`) with an
object reference, after the page's content. Then the parent tree, and what PDF/UA-1 asks of
the document: marked, its language, its title shown, and identified in its XMP metadata.
Nothing depends on the time or on chance: the same input gives the same objects.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

import pikepdf
from pikepdf import Array, Dictionary, Name, NameTree, Pdf, String

from generator.render.tags import PageTags, Tagged

BLOCKS = frozenset({"H1", "H2", "H3", "H4", "H5", "H6", "P", "Figure"})
# Not in the structure: a popup belongs to its parent annotation, the others are for printers.
UNSTRUCTURED_ANNOTATIONS = frozenset({"/Popup", "/PrinterMark", "/TrapNet"})
# An internal link's description, in the document's language (a product text, not a message).
GO_TO_PAGE = {"en": "Go to page {page}", "nl": "Ga naar pagina {page}"}


class _Content(NamedTuple):
    page: int
    mcid: int


class _Annotation(NamedTuple):
    page: int
    annotation: pikepdf.Object


@dataclass
class _Element:
    """A structure element before it is written."""

    type: str
    kids: list[_Element | _Content | _Annotation] = field(default_factory=list)
    alt: str = ""
    lang: str = ""

    def page(self) -> int | None:
        """The page of its first own content or annotation (its /Pg)."""
        return next((kid.page for kid in self.kids if not isinstance(kid, _Element)), None)


class _Outline:
    """The structure tree as the items come, in reading order."""

    def __init__(self) -> None:
        self.document = _Element("Document")
        self.lists: list[_Element] = []  # the open lists, the outermost first
        self.label: tuple[int, Tagged] | None = None  # an Lbl waiting for its item

    def add(self, page: int, item: Tagged) -> None:
        if self.label is not None and item.role != "LI":
            raise ValueError(f"page {page + 1}, MCID {self.label[1].mcid}: Lbl before no LI")
        if item.role == "Lbl":
            self.label = (page, item)
        elif item.role == "LI":
            self._item(page, item)
        elif item.role == "LBody":
            body = self.body()
            if body is None:
                raise ValueError(f"page {page + 1}, MCID {item.mcid}: LBody outside a list")
            body.kids.append(_inline(page, item))
        elif item.role in BLOCKS:
            if item.role == "Figure" and not item.alt.strip():
                raise ValueError(f"page {page + 1}, MCID {item.mcid}: a Figure without alt")
            self.lists.clear()
            element = _Element(item.role, [_Content(page, item.mcid)], item.alt, item.lang)
            self.document.kids.append(element)
        else:
            raise ValueError(f"page {page + 1}, MCID {item.mcid}: unknown role {item.role!r}")

    def body(self) -> _Element | None:
        """The body of the innermost open list's last item (an LI's LBody is its last kid)."""
        if not self.lists:
            return None
        item = self.lists[-1].kids[-1]
        assert isinstance(item, _Element)
        body = item.kids[-1]
        assert isinstance(body, _Element)
        return body

    def container(self) -> _Element:
        """Where an annotation of the page just read goes: beside its last content."""
        return self.body() or self.document

    def finish(self) -> _Element:
        if self.label is not None:
            raise ValueError(f"MCID {self.label[1].mcid}: the last Lbl has no LI")
        return self.document

    def _item(self, page: int, item: Tagged) -> None:
        level = max(item.list_level, 1)
        if level > len(self.lists) + 1:
            raise ValueError(
                f"page {page + 1}, MCID {item.mcid}: a level-{level} item after no "
                f"level-{level - 1} item"
            )
        del self.lists[level:]  # the deeper lists end here
        if len(self.lists) < level:  # a new list: at the top, or in the item above's body
            parent = self.body() or self.document
            self.lists.append(_Element("L"))
            parent.kids.append(self.lists[-1])
        entry = _Element("LI")
        if self.label is not None:
            label_page, label = self.label
            entry.kids.append(_Element("Lbl", [_Content(label_page, label.mcid)], "", label.lang))
            self.label = None
        entry.kids.append(_Element("LBody", [_inline(page, item)]))
        self.lists[-1].kids.append(entry)


def _inline(page: int, item: Tagged) -> _Content | _Element:
    """Content in a list item's body; in a Span with its /Lang when in another language, so
    that a sub-list in the same body keeps the document's."""
    content = _Content(page, item.mcid)
    return _Element("Span", [content], "", item.lang) if item.lang else content


def tag_document(pdf: Pdf, pages: Sequence[PageTags], title: str, language: str) -> None:
    """Make the open document tagged PDF/UA-1: `pages[i]` says what the marked content of
    `pdf.pages[i]` is. Replaces a structure tree the document had; keeps its bookmarks.

    Raises ValueError when the record does not describe a well-formed document (a page count
    that differs, an MCID twice on a page, a sub-list without its parent item, a figure
    without alternative text): a mistake of the renderer's, not of the content."""
    if len(pages) != len(pdf.pages):
        raise ValueError(f"{len(pages)} pages tagged, the document has {len(pdf.pages)}")
    if not title.strip() or not language.strip():
        raise ValueError("a tagged document needs a title and a language")
    page_numbers = {page.obj.objgen: n for n, page in enumerate(pdf.pages, 1)}
    outline = _Outline()
    for number, tags in enumerate(pages):
        mcids = [item.mcid for item in tags.items]
        if len(set(mcids)) != len(mcids) or min(mcids, default=0) < 0:
            raise ValueError(f"page {number + 1}: an MCID is used twice, or is negative")
        for item in tags.items:
            outline.add(number, item)
        for annotation in _annotations(pdf, number):
            kind = {"/Link": "Link", "/Widget": "Form"}.get(str(annotation.get("/Subtype")))
            element = _Element(kind or "Annot", [_Annotation(number, annotation)])
            if kind == "Link":
                description = _describe_link(pdf, annotation, page_numbers, language)
                if not str(annotation.get("/Contents", "")).strip():
                    annotation.Contents = String(description)
                element.alt = str(annotation.Contents)  # a Link element with no text of its own
            elif kind == "Form":
                _name_field(annotation)
            outline.container().kids.append(element)
    writer = _Writer(pdf, [max((i.mcid + 1 for i in tags.items), default=0) for tags in pages])
    document = writer.write(outline.finish(), None)
    root = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot, K=document))
    document.P = root
    root.ParentTree = pdf.make_indirect(Dictionary(Nums=writer.parent_tree()))
    root.ParentTreeNextKey = writer.next_key
    pdf.Root.StructTreeRoot = root
    _mark_catalog(pdf, title, language)


def _annotations(pdf: Pdf, number: int) -> list[pikepdf.Object]:
    """The page's annotations that belong in the structure, each an indirect object."""
    annotations = pdf.pages[number].obj.get("/Annots")
    if not isinstance(annotations, Array):
        return []
    found: list[pikepdf.Object] = []
    for index, annotation in enumerate(annotations):
        if not isinstance(annotation, Dictionary):
            continue
        if str(annotation.get("/Subtype")) in UNSTRUCTURED_ANNOTATIONS:
            continue
        if not annotation.is_indirect:
            annotation = annotations[index] = pdf.make_indirect(annotation)
        found.append(annotation)
    return found


class _Writer:
    """Writes the elements as objects and keeps the parent tree's entries."""

    def __init__(self, pdf: Pdf, mcid_counts: list[int]) -> None:
        self.pdf = pdf
        self.pages = [page.obj for page in pdf.pages]
        self.by_mcid: list[list[pikepdf.Object | None]] = [[None] * n for n in mcid_counts]
        self.annotations: list[tuple[pikepdf.Object, pikepdf.Object]] = []
        self.next_key = 0

    def write(self, element: _Element, parent: pikepdf.Object | None) -> pikepdf.Object:
        made = self.pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name("/" + element.type)))
        if parent is not None:
            made.P = parent
        page = element.page()
        if page is not None:
            made.Pg = self.pages[page]
        kids = Array()
        for kid in element.kids:
            if isinstance(kid, _Element):
                kids.append(self.write(kid, made))
            elif isinstance(kid, _Content):
                self.by_mcid[kid.page][kid.mcid] = made
                reference = Dictionary(Type=Name.MCR, Pg=self.pages[kid.page], MCID=kid.mcid)
                kids.append(kid.mcid if kid.page == page else reference)
            else:
                self.annotations.append((kid.annotation, made))
                kids.append(Dictionary(Type=Name.OBJR, Obj=kid.annotation, Pg=self.pages[kid.page]))
        made.K = kids
        if element.alt:
            made.Alt = String(element.alt)
        if element.lang:
            made.Lang = String(element.lang)
        return made

    def parent_tree(self) -> Array:
        """The number tree's /Nums: each page with content, then each annotation, by key
        (gathered as a list: a pikepdf Array grown by extend is copied each time)."""
        numbers: list[object] = []
        for page, elements in zip(self.pages, self.by_mcid, strict=True):
            if "/StructParents" in page:
                del page["/StructParents"]
            if elements:
                page.StructParents = self.next_key
                numbers += [self.next_key, Array(elements)]
                self.next_key += 1
        for annotation, element in self.annotations:
            annotation.StructParent = self.next_key
            numbers += [self.next_key, element]
            self.next_key += 1
        for page in self.pages:  # PDF/UA-1 7.18.3: tab through annotations in structure order
            page.Tabs = Name.S
        return Array(numbers)


def _describe_link(
    pdf: Pdf, link: pikepdf.Object, numbers: dict[tuple[int, int], int], language: str
) -> str:
    """What a link does, for its /Contents: its address, or the page it goes to (`numbers`:
    each page's number by its object's id), or the destination's name."""
    action = link.get("/A")
    destination = link.get("/Dest")
    if isinstance(action, Dictionary):
        if action.get("/S") == Name.URI:
            return str(action.get("/URI", ""))
        destination = action.get("/D")
        if destination is None and "/N" in action:  # a named action: /NextPage, ...
            return str(action.N)[1:]
    name = ""
    if isinstance(destination, Name | String):
        name = str(destination)[1:] if isinstance(destination, Name) else str(destination)
        destination = _named_destination(pdf, destination)
    if isinstance(destination, Dictionary):
        destination = destination.get("/D")
    if isinstance(destination, Array) and len(destination) > 0:
        target = destination[0]
        page = numbers.get(target.objgen) if isinstance(target, Dictionary) else None
        if page is not None:
            words = GO_TO_PAGE.get(language.split("-")[0].lower(), GO_TO_PAGE["en"])
            return words.format(page=page)
    return name or "Link"


def _named_destination(pdf: Pdf, name: pikepdf.Object) -> pikepdf.Object | None:
    """A named destination's array (or dictionary), from /Dests (a name) or /Names (a string)."""
    if isinstance(name, Name):
        dests = pdf.Root.get("/Dests")
        return dests.get(name) if isinstance(dests, Dictionary) else None
    names = pdf.Root.get("/Names")
    tree = names.get("/Dests") if isinstance(names, Dictionary) else None
    if not isinstance(tree, Dictionary):
        return None
    found: pikepdf.Object | None = NameTree(tree).get(str(name))
    return found


def _name_field(widget: pikepdf.Object) -> None:
    """Give the widget's field a name for readers (/TU): its own name when it has none."""
    node = widget
    for _ in range(16):  # a field's widgets are its kids; the name is on the field
        if "/T" in node or not isinstance(node.get("/Parent"), Dictionary):
            break
        node = node.Parent
    if "/TU" not in node and "/T" in node:
        node.TU = node.T


def _mark_catalog(pdf: Pdf, title: str, language: str) -> None:
    """Marked, in its language, its title shown, identified as PDF/UA-1 in XMP."""
    root = pdf.Root
    for key, entry in (("/MarkInfo", "/Marked"), ("/ViewerPreferences", "/DisplayDocTitle")):
        if not isinstance(root.get(key), Dictionary):
            root[key] = Dictionary()
        root[key][entry] = True
    root.Lang = String(language)
    pdf.docinfo[Name.Title] = String(str(title))  # plain str: a str subclass becomes an array
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as xmp:
        xmp["dc:title"] = str(title)
        xmp["dc:language"] = {language}
        xmp["pdfuaid:part"] = "1"
