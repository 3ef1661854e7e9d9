"""The structure tree of a tagged PDF/UA-1 document (generator/impose/structure.py), read
back with a second library (pdfium) and judged by a PDF/UA checker (outloud).

The test documents are drawn with ReportLab in the project's font: each item inside its own
`q … Q`, which is then wrapped in `/Role <</MCID n>> BDC … EMC`, and all else in
`/Artifact BMC … EMC`, as the renderer writes them.
"""

from __future__ import annotations

import ctypes
import importlib.resources
import io
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import outloud
import pikepdf
import pypdfium2
import pypdfium2.raw as pdfium
import pytest
from pikepdf import Array, Dictionary, Name, Operator, Pdf
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from generator.impose.structure import PageTags, Tagged, tag_document
from generator.render.fonts import TaggedTTFont

FONT = "StructureTest"
OUTLOUD = Path(sys.executable).with_name("outloud")
URI = "https://example.org/checklist"

# The document the checker judges: headings, a paragraph in Dutch, a two-level list with a
# label that continues on the next page, a figure, links and form fields.
PAGES = (
    PageTags((
        Tagged(0, "H1", "Before you start"),
        Tagged(1, "P", "Read the whole checklist first."),
        Tagged(2, "Lbl", "1."),
        Tagged(3, "LI", "Ask who the card is for", list_level=1),
        Tagged(4, "LI", "a child", list_level=2),
        Tagged(5, "LI", "an adult", list_level=2),
        Tagged(6, "LI", "Choose a question", list_level=1),
    )),
    PageTags((
        Tagged(0, "LI", "Write the answer down", list_level=1),
        Tagged(1, "LBody", "and keep it", list_level=1),
        Tagged(2, "H2", "In Dutch"),
        Tagged(3, "P", "Dit is een Nederlandse zin.", lang="nl"),
        Tagged(4, "Figure", alt="A grey square that stands for the poster"),
    )),
)  # fmt: skip
TITLE = "Checklist for the cards"


def _font() -> None:
    path = importlib.resources.files("fontpkg_atkinson_hyperlegible") / "files"
    pdfmetrics.registerFont(TaggedTTFont(FONT, str(path / "AtkinsonHyperlegible-Regular.ttf")))


def drawn(pages: tuple[PageTags, ...], annotate: bool = True) -> Pdf:
    """The pages drawn, each item in its own q … Q (a figure as a grey square), with a rule
    as decoration; page 1 with a web link and two checkboxes, page 2 with a link back."""
    _font()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(420, 595), invariant=1, pageCompression=0)
    for number, tags in enumerate(pages):
        canvas.setFont(FONT, 12)
        canvas.line(30, 40, 390, 40)
        for row, item in enumerate(tags.items):
            canvas.saveState()
            if item.role == "Figure":
                canvas.setFillGray(0.6)
                canvas.rect(40, 520 - 30 * row - 60, 60, 60, fill=1)
            else:
                indent = 20 * max(item.list_level - 1, 0) + (20 if item.role != "Lbl" else 0)
                canvas.setFont(FONT, 12)
                canvas.drawString(40 + indent, 540 - 30 * row, item.text)
            canvas.restoreState()
        if annotate and number == 0:
            canvas.linkURL(URI, (40, 530, 200, 555), relative=0)
            form = canvas.acroForm
            form.checkbox(name="asked", tooltip="Asked who it is for", x=360, y=440, size=12)
            form.checkbox(name="chosen", x=360, y=360, size=12)
        canvas.showPage()
    canvas.save()
    pdf = Pdf.open(io.BytesIO(buffer.getvalue()))
    for page, tags in zip(pdf.pages, pages, strict=True):
        _wrap(pdf, page, tags)
    if annotate:
        link = Dictionary(Type=Name.Annot, Subtype=Name.Link, Rect=[40, 500, 200, 520],
                          Border=[0, 0, 0], Dest=Array([pdf.pages[0].obj, Name.Fit]))  # fmt: skip
        pdf.pages[1].obj.Annots = Array([pdf.make_indirect(link)])
    return pdf


def _wrap(pdf: Pdf, page: pikepdf.Page, tags: PageTags) -> None:
    """Each top-level q … Q becomes the next item's marked content (its role as the renderer
    writes it: LBody for a list item), everything between them an artifact."""
    roles = iter("LBody" if item.role == "LI" else item.role for item in tags.items)
    out: list[tuple[list[Any], Operator]] = []
    depth, mcid, artifact = 0, 0, False
    for operands, operator in pikepdf.parse_content_stream(page):
        name = str(operator)
        if depth == 0 and name == "q":
            if artifact:
                out.append(([], Operator("EMC")))
                artifact = False
            properties = Dictionary(MCID=mcid)
            out.append(([Name("/" + next(roles)), properties], Operator("BDC")))
            mcid += 1
        elif depth == 0 and not artifact:
            out.append(([Name.Artifact], Operator("BMC")))
            artifact = True
        out.append((list(operands), operator))
        depth += {"q": 1, "Q": -1}.get(name, 0)
        if depth == 0 and name == "Q":
            out.append(([], Operator("EMC")))
    if artifact:
        out.append(([], Operator("EMC")))
    page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(out))


def tagged(pages: tuple[PageTags, ...] = PAGES, language: str = "en") -> Pdf:
    pdf = drawn(pages)
    tag_document(pdf, pages, TITLE, language)
    return pdf


def saved(pdf: Pdf, folder: Path, name: str = "tagged.pdf") -> Path:
    path = folder / name
    pdf.save(path, deterministic_id=True)
    return path


# --- the tree read back with pdfium -----------------------------------------------------------

Node = tuple[str, tuple[int, ...], tuple[Any, ...]]  # type, its MCIDs, its child elements


def _string(function: Callable[..., int], handle: Any) -> str:
    size = function(handle, None, 0)
    buffer = ctypes.create_string_buffer(size)
    function(handle, buffer, size)
    return buffer.raw[: max(size - 2, 0)].decode("utf-16-le")


def _node(element: Any) -> Node:
    kind = _string(pdfium.FPDF_StructElement_GetType, element)
    count = pdfium.FPDF_StructElement_GetMarkedContentIdCount(element)
    mcids = (pdfium.FPDF_StructElement_GetMarkedContentIdAtIndex(element, i) for i in range(count))
    mcids = tuple(mcid for mcid in mcids if mcid >= 0)  # -1: a kid that is an element
    kids = []
    for index in range(pdfium.FPDF_StructElement_CountChildren(element)):
        child = pdfium.FPDF_StructElement_GetChildAtIndex(element, index)
        if child:  # an MCID or an object reference is no element
            kids.append(_node(child))
    return kind, mcids, tuple(kids)


def read_back(path: Path) -> list[tuple[Node, ...]]:
    """Each page's structure as pdfium reads it (the elements that hold its content)."""
    document = pypdfium2.PdfDocument(path)
    pages = []
    for page in document:
        tree = pdfium.FPDF_StructTree_GetForPage(page.raw)
        count = pdfium.FPDF_StructTree_CountChildren(tree)
        pages.append(tuple(_node(pdfium.FPDF_StructTree_GetChildAtIndex(tree, i))
                           for i in range(count)))  # fmt: skip
        pdfium.FPDF_StructTree_Close(tree)
        page.close()
    document.close()
    return pages


def _owners(nodes: tuple[Node, ...], found: dict[int, list[str]]) -> dict[int, list[str]]:
    for kind, mcids, kids in nodes:
        for mcid in mcids:
            found.setdefault(mcid, []).append(kind)
        _owners(kids, found)
    return found


def test_every_mcid_belongs_to_one_element_of_its_type(tmp_path: Path) -> None:
    pages = read_back(saved(tagged(), tmp_path))
    expected_type = {"LI": "LBody"}
    for tags, tree in zip(PAGES, pages, strict=True):
        owners = _owners(tree, {})
        expected = {item.mcid: [expected_type.get(item.role, item.role)] for item in tags.items}
        assert owners == expected


def test_list_items_nest_in_order_and_continue_across_the_page(tmp_path: Path) -> None:
    first, second = read_back(saved(tagged(), tmp_path))
    item: Callable[..., Node] = lambda *kids: ("LI", (), kids)  # noqa: E731
    body: Callable[..., Node] = lambda mcids, *kids: ("LBody", mcids, kids)  # noqa: E731
    sub_list = ("L", (), (item(body((4,))), item(body((5,)))))
    assert first == (("Document", (), (
        ("H1", (0,), ()), ("P", (1,), ()),
        ("L", (), (item(("Lbl", (2,), ()), body((3,), sub_list)), item(body((6,))))),
    )),)  # fmt: skip
    assert second == (("Document", (), (
        ("L", (), (item(body((0, 1))),)),  # the same list, its third item
        ("H2", (2,), ()), ("P", (3,), ()), ("Figure", (4,), ()),
    )),)  # fmt: skip
    with pikepdf.open(tmp_path / "tagged.pdf") as pdf:  # one list, not one per page
        document = pdf.Root.StructTreeRoot.K
        lists = [kid for kid in document.K if kid.S == Name.L]
        assert len(lists) == 1 and lists[0].K[-1].K[-1].K[0] == 0  # MCID 0 of page 2
        assert lists[0].K[-1].K[-1].Pg.objgen == pdf.pages[1].obj.objgen


def test_the_document_level_entries(tmp_path: Path) -> None:
    with pikepdf.open(saved(tagged(), tmp_path)) as pdf:
        root = pdf.Root
        assert root.MarkInfo.Marked is True and str(root.Lang) == "en"
        assert root.ViewerPreferences.DisplayDocTitle is True
        assert str(pdf.docinfo.Title) == TITLE
        with pdf.open_metadata() as xmp:
            assert xmp["dc:title"] == TITLE and xmp["pdfuaid:part"] == "1"
        assert all(page.obj.Tabs == Name.S for page in pdf.pages)
        link, *widgets = pdf.pages[0].Annots
        assert str(link.Contents) == URI
        assert [str(w.TU) for w in widgets] == ["Asked who it is for", "chosen"]
        assert str(pdf.pages[1].Annots[0].Contents) == "Go to page 1"
        tree = root.StructTreeRoot
        nums = list(tree.ParentTree.Nums)
        assert nums[0::2] == [0, 1, 2, 3, 4, 5] == list(range(int(tree.ParentTreeNextKey)))
        assert pdf.pages[1].StructParents == 1 and link.StructParent == 2
        assert [str(nums[key].S) for key in (5, 7, 9)] == ["/Link", "/Form", "/Form"]
        assert nums[5].K[0].Obj.objgen == link.objgen
        assert str(nums[5].P.S) == "/LBody"  # beside the page's last content: a list item


def test_the_same_input_gives_the_same_file(tmp_path: Path) -> None:
    first = saved(tagged(), tmp_path, "first.pdf").read_bytes()
    assert saved(tagged(), tmp_path, "second.pdf").read_bytes() == first


@pytest.mark.parametrize(
    "items",
    [
        (Tagged(0, "LI", "sub", list_level=2),),
        (Tagged(0, "Lbl", "1."), Tagged(1, "P", "no item")),
        (Tagged(0, "LBody", "no list"),),
        (Tagged(0, "Figure"),),
        (Tagged(0, "P", "a"), Tagged(0, "P", "b")),
        (Tagged(0, "Table", "?"),),
    ],
)
def test_a_record_that_is_no_document_is_refused(items: tuple[Tagged, ...]) -> None:
    pages = (PageTags(items),)
    with pytest.raises(ValueError):
        tag_document(drawn(pages, annotate=False), pages, TITLE, "en")


# --- the PDF/UA checker ------------------------------------------------------------------------


def reported(path: Path) -> dict[str, Any]:
    """The checker's JSON report of one file, from its command line."""
    run = subprocess.run([OUTLOUD, str(path), "--json", "-", "--fail-on", "never"],
                         capture_output=True, text=True, check=True)  # fmt: skip
    (report,) = json.loads(run.stdout)["results"]
    return report  # type: ignore[no-any-return]


def errors(path: Path) -> list[str]:
    """The checker's error-level findings (in process: the command line's start-up is most
    of its time), once it is sure every rule ran."""
    result = outloud.check(str(path))
    assert result.error is None
    assert not [run.rule for run in result.runs if run.status == "crashed"]
    return sorted(f"{f.rule}: {f.message}" for f in result.findings if f.severity == "error")


def test_the_checker_finds_no_error(tmp_path: Path) -> None:
    report = reported(saved(tagged(), tmp_path))
    assert report["error"] is None and report["stats"]["tagged"]
    assert not [run["rule"] for run in report["rules"] if run["status"] == "crashed"]
    assert [f"{f['rule']}: {f['message']}" for f in report["findings"]
            if f["severity"] == "error"] == []  # fmt: skip
    features = report["stats"]["features"]
    assert all(features[name] for name in ("headings", "lists", "figures", "links", "forms"))
    assert errors(tmp_path / "tagged.pdf") == []


def test_the_untagged_document_is_found(tmp_path: Path) -> None:
    rules = {error.split(":")[0] for error in errors(saved(drawn(PAGES), tmp_path))}
    assert {"DOC-001", "DOC-002", "DOC-010", "DOC-012", "DOC-013", "LNK-005"} <= rules


BREAKERS: dict[str, Callable[[Pdf], None]] = {
    "LNK-005": lambda pdf: pdf.pages[0].obj.__delitem__("/Tabs"),
    "DOC-012": lambda pdf: _without_xmp(pdf, "pdfuaid:part"),
    "DOC-011": lambda pdf: pdf.Root.ViewerPreferences.__delitem__("/DisplayDocTitle"),
    "LNK-001": lambda pdf: _retype(pdf, Name.Link, Name.Span),
    "LNK-002": lambda pdf: (pdf.pages[0].Annots[0].__delitem__("/Contents"),
                            _retype(pdf, Name.Link, Name.Link, drop="/Alt")),
    "FRM-001": lambda pdf: pdf.pages[0].Annots[2].__delitem__("/TU"),
    "FRM-003": lambda pdf: _retype(pdf, Name.Form, Name.Span),
    "LST-001": lambda pdf: _retype(pdf, Name.L, Name.Div),
    "FIG-001": lambda pdf: _retype(pdf, Name.Figure, Name.Figure, drop="/Alt"),
    "TAG-023": lambda pdf: _retype(pdf, Name.H2, Name.H2, drop="/P"),
    "HDG-001": lambda pdf: _retype(pdf, Name.H2, Name.H3),
}  # fmt: skip


def _without_xmp(pdf: Pdf, key: str) -> None:
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as xmp:
        del xmp[key]


def _retype(pdf: Pdf, kind: Name, new: Name, drop: str = "") -> None:
    """Every element of a kind made another, or without an entry."""
    elements = [pdf.Root.StructTreeRoot.K]
    while elements:
        element = elements.pop()
        if str(element.S) == str(kind):
            element.S = new
            if drop:
                del element[drop]
        kids = element.get("/K", ())
        elements += [kid for kid in kids if isinstance(kid, Dictionary) and "/S" in kid]


@pytest.mark.parametrize("rule", sorted(BREAKERS))
def test_the_checker_finds_what_is_broken(rule: str, tmp_path: Path) -> None:
    pdf = tagged()
    BREAKERS[rule](pdf)
    assert any(error.startswith(rule + ":") for error in errors(saved(pdf, tmp_path)))


def test_a_sub_list_beside_its_item_would_be_read_back(tmp_path: Path) -> None:
    """The nesting test can fail: a sub-list moved out of its item's body is read so."""
    pdf = tagged()
    top = next(kid for kid in pdf.Root.StructTreeRoot.K.K if kid.S == Name.L)
    first_body = top.K[0].K[1]
    sub_list = first_body.K[1]
    first_body.K = Array([first_body.K[0]])
    top.K.insert(1, sub_list)
    sub_list.P = top
    (document,) = read_back(saved(pdf, tmp_path))[0]
    listed = document[2][2]
    assert [kind for kind, _, _ in listed[2]] == ["LI", "L", "LI"]


# --- descriptions, languages, bookmarks ------------------------------------------------------


def test_links_are_described_in_the_documents_language(tmp_path: Path) -> None:
    pages = (PageTags((Tagged(0, "P", "one"),)), PageTags((Tagged(0, "P", "two"),)))
    pdf = drawn(pages, annotate=False)
    second = pdf.pages[1].obj
    pdf.Root.Names = Dictionary(Dests=Dictionary(Names=Array(["steps", Array([second, Name.Fit])])))
    links = [
        Dictionary(Dest=pikepdf.String("steps")),  # a named destination
        Dictionary(A=Dictionary(S=Name.GoTo, D=Array([second, Name.Fit]))),
        Dictionary(A=Dictionary(S=Name.URI, URI=pikepdf.String(URI))),
        Dictionary(Dest=pikepdf.String("nowhere")),  # unknown: its name
        Dictionary(Dest=Array([second, Name.Fit]), Contents=pikepdf.String("Kept")),
    ]
    for link in links:
        link.update({"/Type": Name.Annot, "/Subtype": Name.Link, "/Rect": Array([0, 0, 10, 10])})
    pdf.pages[0].obj.Annots = Array([pdf.make_indirect(link) for link in links])
    tag_document(pdf, pages, TITLE, "nl")
    contents = [str(link.Contents) for link in pdf.pages[0].Annots]
    assert contents == ["Ga naar pagina 2", "Ga naar pagina 2", URI, "nowhere", "Kept"]
    assert errors(saved(pdf, tmp_path)) == []


def test_a_passage_in_another_language_says_so(tmp_path: Path) -> None:
    pages = (PageTags((
        Tagged(0, "P", "English"), Tagged(1, "P", "Nederlands", lang="nl"),
        Tagged(2, "LI", "Nederlands", list_level=1, lang="nl"),
        Tagged(3, "LI", "English", list_level=2),
    )),)  # fmt: skip
    pdf = drawn(pages, annotate=False)
    tag_document(pdf, pages, TITLE, "en")
    english, dutch, listed = pdf.Root.StructTreeRoot.K.K
    assert "/Lang" not in english and str(dutch.Lang) == "nl"
    body = listed.K[0].K[0]
    span, sub_list = body.K
    assert str(span.S) == "/Span" and str(span.Lang) == "nl" and list(span.K) == [2]
    assert "/Lang" not in body and "/Lang" not in sub_list  # the sub-item is in English
    assert errors(saved(pdf, tmp_path)) == []


def test_the_bookmarks_are_kept() -> None:
    pdf = drawn(PAGES)
    with pdf.open_outline() as outline:
        outline.root.append(pikepdf.OutlineItem("Start", 0))
        outline.root.append(pikepdf.OutlineItem("Dutch", 1))
    before = repr(pdf.Root.Outlines)
    tag_document(pdf, PAGES, TITLE, "en")
    assert repr(pdf.Root.Outlines) == before
    with pdf.open_outline() as outline:
        assert [item.title for item in outline.root] == ["Start", "Dutch"]


def test_a_page_of_decoration_only(tmp_path: Path) -> None:
    pages = (PageTags((Tagged(0, "H1", "First"),)), PageTags(()), PageTags((Tagged(0, "P", "x"),)))
    pdf = drawn(pages, annotate=False)
    tag_document(pdf, pages, TITLE, "en")
    assert [page.obj.get("/StructParents") for page in pdf.pages] == [0, None, 1]
    assert all(page.obj.Tabs == Name.S for page in pdf.pages)
    assert errors(saved(pdf, tmp_path)) == []
