"""The preflight `check`: our print files pass; deliberately bad PDFs fail, naming the problem.

Bad files come two ways: drawn from scratch by ReportLab (card_pdf), and made from our own
print file by one deliberate mistake each (tests/broken_pdfs.py, with pikepdf); the
preflight reads them with pikepdf's parser and its own interpreter."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest
from PIL import Image
from reportlab.lib.colors import CMYKColor
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from generator.impose.pdfx import mark_pdfx
from generator.preflight.document import read_pdf
from generator.preflight.findings import Finding
from generator.preflight.rules import preflight, profile_for
from generator.render.fonts import font_name, register_family
from generator.validate.layout import load_layout
from generator.validate.press import load_press
from tests.broken_pdfs import BREAKERS, POST_SAVE, SAVE_OPTIONS
from tests.projects import LAYOUTS

MM = 72 / 25.4
TRIM, BLEED = (105, 148), 3


def failures(path: Path, profile: str = "print") -> list[Finding]:
    return [f for f in preflight(read_pdf(path), profile) if not f.ok]


def problems(path: Path, profile: str = "print") -> list[str]:
    return [f"{f.where}: {f.message}" for f in failures(path, profile)]


@pytest.fixture(scope="module")
def font() -> str:
    from generator.core.errors import Location

    layout = load_layout("pocket-card", LAYOUTS, Location(Path("test")))
    register_family(layout.font)
    return font_name(layout.font, "regular")


def card_pdf(
    path: Path,
    font: str,
    *,
    text_at_mm: tuple[float, float] = (10, 20),
    font_name_used: str | None = None,
    rgb_fill: bool = False,
    trim_box: bool = True,
    image_px: int | None = None,
    pdfx: bool = True,
) -> Path:
    """A one-page A6 card with bleed, good unless a keyword asks for one mistake."""
    size = ((TRIM[0] + 2 * BLEED) * MM, (TRIM[1] + 2 * BLEED) * MM)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=size, invariant=1, initialFontName=font)
    if trim_box:
        canvas.setTrimBox((BLEED * MM, BLEED * MM, (BLEED + TRIM[0]) * MM, (BLEED + TRIM[1]) * MM))
    canvas.setBleedBox((0, 0, *size))
    if rgb_fill:
        canvas.setFillColorRGB(0.2, 0.4, 0.8)
    else:
        canvas.setFillColor(CMYKColor(0.9, 0.6, 0, 0.5))
    canvas.rect(0, size[1] - 30 * MM, size[0], 30 * MM, stroke=0, fill=1)
    canvas.setFillColor(CMYKColor(0, 0, 0, 1))
    canvas.setFont(font_name_used or font, 10)
    x, y = text_at_mm
    canvas.drawString((BLEED + x) * MM, (BLEED + TRIM[1] - y) * MM, "Wie is er nodig?")
    if image_px:
        picture = Image.new("CMYK", (image_px, image_px), (0, 80, 80, 0))
        canvas.drawImage(ImageReader(picture), 20 * MM, 30 * MM, 50 * MM, 50 * MM)
    canvas.save()
    press = load_press("default", LAYOUTS)
    data = mark_pdfx(buffer.getvalue(), "2026-11-23", press) if pdfx else buffer.getvalue()
    path.write_bytes(data)
    return path


def test_every_product_passes_its_profile(built: dict[str, Path]) -> None:
    pdfs = {name: path for name, path in built.items() if name.endswith(".pdf")}
    pages = [name for name in built if name.endswith(".html")]
    assert len(pdfs) == len(built) - 1 - len(pages) == 40  # all but the manifest and HTML pages
    for name, path in pdfs.items():
        assert problems(path, profile_for(name)) == [], name


def test_a_good_card_passes(tmp_path: Path, font: str) -> None:
    assert problems(card_pdf(tmp_path / "good.pdf", font)) == []


@pytest.mark.parametrize(
    ("mistake", "expected"),
    [
        ({"font_name_used": "Helvetica"}, "page 1 › font /F1: font Helvetica is not embedded"),
        ({"rgb_fill": True}, "page 1: uses DeviceRGB colour"),
        ({"text_at_mm": (1.5, 20)}, "page 1: text 1.5 mm from the trim edge"),
        ({"text_at_mm": (-1, 20)}, "page 1: text -1.0 mm from the trim edge"),
        ({"trim_box": False}, "page 1: has no TrimBox"),
        ({"image_px": 100}, "page 1 › image /FormXob"),
        ({"pdfx": False}, "document: not marked PDF/X (no GTS_PDFXVersion)"),
    ],
)
def test_a_deliberate_mistake_is_named(
    tmp_path: Path, font: str, mistake: dict, expected: str
) -> None:
    found = problems(card_pdf(tmp_path / "bad.pdf", font, **mistake))
    assert any(problem.startswith(expected) for problem in found), found


def test_a_high_resolution_image_passes(tmp_path: Path, font: str) -> None:
    assert problems(card_pdf(tmp_path / "sharp.pdf", font, image_px=700)) == []


def test_check_command_exits_1_and_lists_the_fix(
    tmp_path: Path, font: str, run_cli: Callable
) -> None:
    bad = card_pdf(tmp_path / "bad.pdf", font, rgb_fill=True)
    good = card_pdf(tmp_path / "good.pdf", font)
    run = run_cli(tmp_path, "check", str(good), str(bad))
    assert run.exit_code == 1
    assert "good.pdf (print): ok" in run.output
    assert "bad.pdf (print): FAIL" in run.output
    assert "FAIL page 1: uses DeviceRGB colour [colour]\n       fix: convert to CMYK" in run.output
    assert "1 of 2 files failed." in run.output


def broken_copy(good: Path, folder: Path, case: str, breaker: Callable) -> Path:
    """The good print file with one deliberate mistake, saved as the case's name."""
    path = folder / f"{case}.pdf"
    with pikepdf.open(good) as pdf:
        breaker(pdf)
        pdf.save(path, **SAVE_OPTIONS.get(case, {}))
    if case in POST_SAVE:
        path.write_bytes(POST_SAVE[case](path.read_bytes()))
    return path


# A mistake that cannot be made alone: a trim reaching past the bleed has too little bleed.
ALSO_FOUND = {
    "trim-outside-bleed": {"bleed"},
    # screened inks as well as several: a press neither registers nor holds them
    "cmy-hairline": {"fine-tints"},
    "small-text-two-inks": {"fine-tints"},
    # text set in 100 % black without overprint, on a page of tints: it knocks out
    **{
        case: {"black-overprint"}
        for case in (
            "rgb-type3-glyph",
            "font-not-embedded",
            "white-overprint-in-glyph",
            "text-near-trim",
            "tiny-text",
        )
    },
}


@pytest.mark.parametrize(("case", "rule", "breaker"), BREAKERS, ids=[c for c, _, _ in BREAKERS])
def test_each_print_shop_rule_finds_its_mistake(
    built: dict[str, Path], tmp_path: Path, case: str, rule: str, breaker: Callable
) -> None:
    path = broken_copy(built["voor-wie-doen-we-wat_print.pdf"], tmp_path, case, breaker)
    found = failures(path)
    if not rule:  # allowed in PDF/X-1a: the file passes
        assert found == []
        return
    assert {f.rule for f in found} == {rule} | ALSO_FOUND.get(case, set()), found
    for finding in found:  # where it is, what is wrong, and what to do
        assert finding.where and finding.message and finding.fix
        assert "cannot be read" not in finding.message


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("tinted-hairline", "a 0.50 pt line in a tint (K30)"),
        ("tinted-small-text", '7.0 pt text in a tint (K75: "doen we")'),
    ],
)
def test_a_fine_tinted_element_is_named_with_its_size_and_ink(
    built: dict[str, Path], tmp_path: Path, case: str, expected: str
) -> None:
    breaker = next(b for c, _, b in BREAKERS if c == case)
    path = broken_copy(built["voor-wie-doen-we-wat_print.pdf"], tmp_path, case, breaker)
    [finding] = failures(path)
    assert (finding.where, finding.message) == ("page 1", expected)


def test_check_rejects_every_broken_file_without_a_traceback(
    built: dict[str, Path], tmp_path: Path, run_cli: Callable
) -> None:
    good = built["voor-wie-doen-we-wat_print.pdf"]
    paths = [broken_copy(good, tmp_path, case, breaker) for case, rule, breaker in BREAKERS if rule]
    run = run_cli(tmp_path, "check", "--profile", "print", "-q", *map(str, paths))
    assert run.exit_code == 1
    assert f"{len(paths)} of {len(paths)} files failed." in run.output
    assert "Traceback" not in run.output and "cannot be read" not in run.output


def test_a_content_stream_that_cannot_be_parsed_is_a_finding(
    built: dict[str, Path], tmp_path: Path
) -> None:
    path = tmp_path / "garbled.pdf"
    with pikepdf.open(built["voor-wie-doen-we-wat_print.pdf"]) as pdf:
        page = pdf.pages[0]
        page.Contents = pdf.make_stream(b"x\x9c not flate at all", Filter=pikepdf.Name.FlateDecode)
        pdf.save(path)
    found = failures(path)
    assert found[0].rule == "unreadable"  # and qpdf's own check says why (content-syntax)
    assert {f.rule for f in found} <= {"unreadable", "content-syntax"}
    assert {f.where for f in found} == {"page 1"}


def _into_form(pdf: pikepdf.Pdf, page: pikepdf.Page, name: str) -> None:
    """Move everything the page draws into a form XObject that the page draws."""
    page.contents_coalesce()
    form = pdf.make_stream(
        page.Contents.read_bytes(),
        Type=pikepdf.Name.XObject,
        Subtype=pikepdf.Name.Form,
        BBox=page.MediaBox,
        Resources=page.Resources,
    )
    page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary({name: form}))
    page.Contents = pdf.make_stream(f"q {name} Do Q".encode())


# Rules about what is drawn, and the cases that draw it on page 1 (not page-level mistakes).
DRAWN = {"transparency", "colour", "fonts", "ink", "rich-black", "thin-lines", "registration",
         "white-overprint", "text-size", "safe-area", "image-resolution", "opi", "postscript",
         "filters"}  # fmt: skip
PAGE_LEVEL = {"inherited-resources", "transparency-group", "rgb-annotation-appearance"}


@pytest.mark.parametrize(
    ("case", "rule", "breaker"),
    [b for b in BREAKERS if b[1] in DRAWN and b[0] not in PAGE_LEVEL],
    ids=[c for c, r, _ in BREAKERS if r in DRAWN and c not in PAGE_LEVEL],
)
def test_a_mistake_inside_nested_forms_is_found_there(
    built: dict[str, Path], tmp_path: Path, case: str, rule: str, breaker: Callable
) -> None:
    def break_then_nest(pdf: pikepdf.Pdf) -> None:
        breaker(pdf)
        _into_form(pdf, pdf.pages[0], "/Inner")
        _into_form(pdf, pdf.pages[0], "/Outer")

    path = broken_copy(built["voor-wie-doen-we-wat_print.pdf"], tmp_path, case, break_then_nest)
    found = [f for f in failures(path) if f.rule == rule]
    assert found, case
    assert any("form /Outer › form /Inner" in f.where for f in found), [f.where for f in found]


def _every_shape_pdf_allows(pdf: pikepdf.Pdf) -> None:
    """The same drawing in other legal shapes: indirect boxes, arrays and resource
    dictionaries, and page content split over an array of streams."""
    for page in pdf.pages:
        for key in ("/MediaBox", "/TrimBox", "/BleedBox"):
            page.obj[key] = pdf.make_indirect(pikepdf.Array(page.obj[key]))
        page.contents_coalesce()
        page.obj.Contents = pikepdf.Array([page.obj.Contents, pdf.make_stream(b" ")])
        resources = page.obj.Resources
        for key in list(resources.keys()):
            if not resources[key].is_indirect:
                resources[key] = pdf.make_indirect(resources[key])
        for font in (resources.get("/Font") or {}).values():
            if "/Widths" in font and not font.Widths.is_indirect:
                font.Widths = pdf.make_indirect(font.Widths)


def test_other_legal_shapes_of_the_same_file_read_the_same(
    built: dict[str, Path], tmp_path: Path
) -> None:
    good = built["voor-wie-doen-we-wat_print.pdf"]
    reshaped = broken_copy(good, tmp_path, "reshaped", _every_shape_pdf_allows)
    before, after = read_pdf(good), read_pdf(reshaped)
    assert all(page.texts and page.paints for page in before.pages)
    assert failures(reshaped) == []
    assert [[(t.size, t.box) for t in p.texts] for p in after.pages] == [
        [(t.size, t.box) for t in p.texts] for p in before.pages
    ]
    assert [p.paints for p in after.pages] == [p.paints for p in before.pages]
