"""What a printer profile asks of the print files' pages: the shop's bleed, crop marks beyond
it, a slug naming the job, a die line in the spot colour CutContour. Read back with pypdf and
pdfplumber (pikepdf wrote them); the die line's plate with Ghostscript where it is installed."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pdfplumber
import pikepdf
import pypdfium2
import pytest
from PIL import Image
from pypdf import PdfReader

from generator.build.pipeline import Request, build
from generator.core.geometry import PT_PER_MM
from generator.core.project import PrinterSettings, Project
from generator.impose.marks import card_pages, edition_text
from generator.preflight.document import read_pdf
from generator.preflight.rules import preflight
from generator.validate.press import load_press
from tests.messages import said
from tests.projects import CARDS, LAYOUTS, MAIN_DECK, Run, deck_versions

PRINT = "voor-wie-doen-we-wat_print.pdf"
POSTER = "continuum_A3_print.pdf"
SHEETS = "voor-wie-doen-we-wat_a4-duplex.pdf"
TOLERANCE = 0.05  # points


def build_with(folder: Path, press: str, layouts: Path = LAYOUTS) -> dict[str, Path]:
    request = Request(printer=PrinterSettings(press=press))
    written = build(Project(cards=CARDS, layouts=layouts, output=folder), request)
    return {path.name: path for path in written}


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    """The shipped products built for each profile these tests read, by profile name."""
    return {
        press: build_with(tmp_path_factory.mktemp(press), press)
        for press in ("default", "coated-marks", "die-cut")
    }


def box(page, name: str) -> tuple[float, ...]:
    return tuple(float(v) for v in page[name])


def grown(trim: tuple[float, ...], mm: float, below: float = 0.0) -> tuple[float, ...]:
    by = mm * PT_PER_MM
    return (trim[0] - by, trim[1] - by - below * PT_PER_MM, trim[2] + by, trim[3] + by)


def close(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return all(abs(x - y) <= TOLERANCE for x, y in zip(a, b, strict=True))


def test_the_default_profile_leaves_the_pages_as_drawn(builds: dict) -> None:
    for page in PdfReader(builds["default"][PRINT]).pages:
        assert box(page, "/MediaBox") == box(page, "/BleedBox")
        assert close(box(page, "/BleedBox"), grown(box(page, "/TrimBox"), 3))


def test_crop_marks_and_slug_stand_beyond_the_bleed(builds: dict) -> None:
    press = load_press("coated-marks", LAYOUTS)
    default = PdfReader(builds["default"][PRINT]).pages
    marked = PdfReader(builds["coated-marks"][PRINT]).pages
    assert len(marked) == len(default)
    for before, page in zip(default, marked, strict=True):
        trim = box(page, "/TrimBox")
        assert trim == box(before, "/TrimBox")  # the cut is where it was
        assert close(box(page, "/BleedBox"), grown(trim, press.bleed_mm))
        assert close(box(page, "/MediaBox"), grown(trim, press.margin_mm, press.marks.slug_mm))
    first = marked[0]
    trim, bleed, media = (box(first, name) for name in ("/TrimBox", "/BleedBox", "/MediaBox"))
    ink = inked(builds["coated-marks"][PRINT], media)
    start, end = grown(trim, press.marks.offset_mm), grown(trim, press.margin_mm - 0.5)
    for x in (trim[0], trim[2]):  # the vertical marks, above and below the bleed
        assert ink(x, (start[3] + end[3]) / 2) and ink(x, (start[1] + end[1]) / 2)
    for y in (trim[1], trim[3]):  # the horizontal marks, left and right of it
        assert ink((start[0] + end[0]) / 2, y) and ink((start[2] + end[2]) / 2, y)
    between = (trim[0] + trim[2]) / 2  # beside the marks, nothing is drawn beyond the bleed
    assert not ink(between, (bleed[3] + media[3]) / 2)
    assert not ink((bleed[0] + media[0]) / 2, (trim[1] + trim[3]) / 2)
    with pdfplumber.open(builds["coated-marks"][PRINT]) as pdf:
        page = pdf.pages[0]
        height = bleed[1] - media[1]  # the band below the bleed: the lower marks and the slug
        text = " ".join(page.crop((page.bbox[0], page.bbox[3] - height, page.bbox[2],
                                   page.bbox[3])).extract_text().split())  # fmt: skip
    deck = deck_versions(MAIN_DECK)[0]
    assert deck.title in text
    assert edition_text(deck.edition, deck.language) in text
    assert card_pages(deck.language, len(marked))[0] in text


def inked(
    path: Path, media: tuple[float, ...], scale: float = 4.0
) -> Callable[[float, float], bool]:
    """Whether the first page, rendered with pdfium, is dark at a point (PDF points)."""
    image = pypdfium2.PdfDocument(path)[0].render(scale=scale).to_pil().convert("L")

    def dark(x: float, y: float) -> bool:
        px, py = round((x - media[0]) * scale), round((media[3] - y) * scale)
        darkest, _lightest = image.crop((px - 1, py - 1, px + 2, py + 2)).getextrema()
        return darkest < 160  # a hairline, anti-aliased

    return dark


def overlaps(line: tuple[float, ...], area: tuple[float, ...]) -> bool:
    x0, y0, x1, y1 = line
    return x1 > area[0] + TOLERANCE and x0 < area[2] - TOLERANCE and \
        y1 > area[1] + TOLERANCE and y0 < area[3] - TOLERANCE  # fmt: skip


def test_the_office_sheets_are_the_same_whatever_the_print_shop_asks(builds: dict) -> None:
    """The marks are the print file's: the A4 sheets made from the same pages have none."""
    sheets = {press: files[SHEETS].read_bytes() for press, files in builds.items()}
    assert len(set(sheets.values())) == 1


def test_marks_build_the_same_bytes_twice(builds: dict, tmp_path: Path) -> None:
    again = build_with(tmp_path, "die-cut")
    for name in (PRINT, POSTER):
        assert again[name].read_bytes() == builds["die-cut"][name].read_bytes(), name


def test_a_die_line_is_a_stroked_overprinting_spot_colour_on_its_own_layer(builds: dict) -> None:
    reader = PdfReader(builds["die-cut"][POSTER])
    groups = reader.trailer["/Root"]["/OCProperties"]["/OCGs"]
    assert [group.get_object()["/Name"] for group in groups] == ["CutContour"]
    for page in reader.pages:
        [die] = die_forms(page)
        assert die["/OC"].get_object()["/Name"] == "CutContour"
        [space] = die["/Resources"]["/ColorSpace"].values()
        family, colourant, alternate, _tint = space.get_object()
        assert (family, colourant, alternate) == ("/Separation", "/CutContour", "/DeviceCMYK")
        [state] = die["/Resources"]["/ExtGState"].values()
        assert state.get_object()["/OP"].value is True  # stroke overprint: no gap in the inks below
        drawn = die.get_data().decode()
        assert drawn.rstrip().endswith("S")  # stroked, never filled
        assert " c\n" in drawn  # rounded corners (die-cut asks for a 3 mm radius)


def die_forms(page) -> list:
    """The page's forms that draw in the spot colour CutContour."""
    forms = [form.get_object() for form in page["/Resources"]["/XObject"].values()]
    return [form for form in forms if "/CutContour" in str(form["/Resources"])]


def test_pdf_x1a_has_no_layers_so_its_die_line_has_none(tmp_path: Path) -> None:
    layouts = own_layouts(tmp_path, "x1a-die", "die_line:\n  corner_radius_mm: 0\n")
    made = build_with(tmp_path / "output", "x1a-die", layouts)
    reader = PdfReader(made[POSTER])
    assert reader.pdf_header == "%PDF-1.4"
    assert "/OCProperties" not in reader.trailer["/Root"]
    [die] = die_forms(reader.pages[0])
    assert "/OC" not in die
    assert rules_failed(made[POSTER], "x1a-die", layouts) == set()


def own_layouts(folder: Path, name: str, extra: str) -> Path:
    """A copy of the shipped layouts with one more printer profile: X-1a, FOGRA39, 300 %."""
    layouts = folder / "layouts"
    shutil.copytree(LAYOUTS, layouts)
    (layouts / "printers" / f"{name}.yaml").write_text(
        f"standard: PDF/X-1a:2003\ncondition: FOGRA39\nink_limit_pct: 300\n{extra}",
        encoding="utf-8",
    )
    return layouts


def rules_failed(path: Path, press: str, layouts: Path = LAYOUTS) -> set[str]:
    findings = preflight(read_pdf(path), "print", load_press(press, layouts))
    return {finding.rule for finding in findings if not finding.ok}


def test_a_die_line_in_a_file_whose_profile_has_none_is_named(builds: dict) -> None:
    assert rules_failed(builds["die-cut"][POSTER], "die-cut") == set()
    assert "die-line" in rules_failed(builds["die-cut"][POSTER], "coated-marks")
    assert "die-line" not in rules_failed(builds["coated-marks"][POSTER], "coated-marks")


def test_the_profiles_bleed_is_the_bleed_box_and_the_drawing_is_cut_to_it(
    tmp_path: Path,
) -> None:
    layouts = own_layouts(tmp_path, "narrow", "bleed_mm: 2\n")
    made = build_with(tmp_path / "output", "narrow", layouts)
    page = PdfReader(made[PRINT]).pages[0]
    assert close(box(page, "/BleedBox"), grown(box(page, "/TrimBox"), 2))
    assert box(page, "/MediaBox") == box(page, "/BleedBox")
    assert rules_failed(made[PRINT], "narrow", layouts) == set()
    assert "bleed" in rules_failed(made[PRINT], "default")  # 3 mm asked, 2 mm there


def test_more_bleed_than_the_layout_draws_is_an_error_naming_the_profile(
    workspace: Path, run_cli: Callable[..., Run]
) -> None:
    (workspace / "layouts" / "printers" / "wide.yaml").write_text(
        "standard: PDF/X-1a:2003\ncondition: FOGRA39\nink_limit_pct: 300\nbleed_mm: 5\n",
        encoding="utf-8",
    )
    run = run_cli(workspace, "build", "--printer", "wide")
    assert run.exit_code == 1
    assert "Traceback" not in run.output
    assert "layouts/printers/wide.yaml" in run.output
    assert said("the printer profile asks for {mm} mm bleed, the layout draws {drawn} mm",
                mm="5", drawn="3") in run.output  # fmt: skip
    assert not list((workspace / "output").iterdir())


def test_the_profiles_safe_zone_is_what_check_holds_text_to(builds: dict, tmp_path: Path) -> None:
    layouts = own_layouts(tmp_path, "wide-safe", "safe_mm: 12\n")
    assert "safe-area" not in rules_failed(builds["default"][PRINT], "default")
    assert "safe-area" in rules_failed(builds["default"][PRINT], "wide-safe", layouts)


def test_the_slug_beyond_the_bleed_is_no_text_on_the_card(builds: dict, tmp_path: Path) -> None:
    """The slug stands outside the trim, where the safe zone would forbid text: it is a
    printer's mark, cut away, so the safe-area rule does not judge it."""
    marked = builds["coated-marks"][PRINT]
    assert rules_failed(marked, "coated-marks") == set()
    with pikepdf.open(marked) as pdf:  # the bleed grown over the slug
        page = pdf.pages[0].obj
        page.BleedBox = page.MediaBox
        broken = tmp_path / "slug-on-the-card.pdf"
        pdf.save(broken)
    assert "safe-area" in rules_failed(broken, "coated-marks")


def test_a_projects_own_default_profile_is_what_build_uses(
    workspace: Path, run_cli: Callable[..., Run]
) -> None:
    (workspace / "layouts" / "printers" / "default.yaml").write_text(
        "standard: PDF/X-1a:2003\ncondition: FOGRA39\nink_limit_pct: 300\ncrop_marks: true\n",
        encoding="utf-8",
    )
    assert run_cli(workspace, "build", "--check").exit_code == 0
    page = PdfReader(workspace / "output" / PRINT).pages[0]
    assert box(page, "/MediaBox") != box(page, "/BleedBox")  # room for the crop marks


def separations(path: Path, folder: Path) -> dict[str, bytes]:
    """Ghostscript's plates of the first page (tiffsep simulates overprint), by colourant."""
    folder.mkdir()
    subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=tiffsep", "-r20",
                    "-dFirstPage=1", "-dLastPage=1", f"-sOutputFile={folder}/p.tif", str(path)],
                   check=True, capture_output=True, timeout=120)  # fmt: skip
    plates = {}
    for plate in folder.glob("p(*).tif"):
        with Image.open(plate) as image:
            plates[plate.stem[2:-1]] = image.tobytes()
    return plates


@pytest.mark.skipif(shutil.which("gs") is None, reason="Ghostscript (gs) is not installed")
def test_ghostscript_shows_the_die_line_on_its_own_plate_and_nowhere_else(
    builds: dict, tmp_path: Path
) -> None:
    layouts = own_layouts(tmp_path, "marks-x4", "crop_marks: true\n")
    (layouts / "printers" / "marks-x4.yaml").write_text(
        (LAYOUTS / "printers" / "die-cut.yaml").read_text("utf-8").split("die_line:")[0],
        encoding="utf-8",
    )  # die-cut without its die line
    without = build_with(tmp_path / "output", "marks-x4", layouts)[POSTER]
    cut = separations(builds["die-cut"][POSTER], tmp_path / "cut")
    plain = separations(without, tmp_path / "plain")
    assert set(cut) == {"Cyan", "Magenta", "Yellow", "Black", "CutContour"}
    assert set(plain) == {"Cyan", "Magenta", "Yellow", "Black"}
    for ink in plain:  # the die line overprints: every process plate as without it
        assert cut[ink] == plain[ink], ink
    assert min(cut["CutContour"]) < 128  # the knife's line is on its plate
