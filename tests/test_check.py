"""The preflight `check`: our print files pass; deliberately bad PDFs fail, naming the problem."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image
from reportlab.lib.colors import CMYKColor
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from generator.impose.pdfx import mark_pdfx
from generator.preflight.inspect import inspect
from generator.preflight.rules import preflight, profile_for
from generator.render.fonts import font_name, register_family
from generator.validate.layout import load_layout
from tests.conftest import LAYOUTS

MM = 72 / 25.4
TRIM, BLEED = (105, 148), 3


def problems(path: Path, profile: str = "print") -> list[str]:
    return [f"{f.where}: {f.message}" for f in preflight(inspect(path), profile) if not f.ok]


@pytest.fixture(scope="module")
def font() -> str:
    from generator.errors import Location

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
    data = mark_pdfx(buffer.getvalue(), "2026-11-23") if pdfx else buffer.getvalue()
    path.write_bytes(data)
    return path


def test_every_product_passes_its_profile(built: dict[str, Path]) -> None:
    pdfs = {name: path for name, path in built.items() if name.endswith(".pdf")}
    pages = [name for name in built if name.endswith(".html")]
    assert len(pdfs) == len(built) - 1 - len(pages) == 34  # all but the manifest and HTML pages
    for name, path in pdfs.items():
        assert problems(path, profile_for(name)) == [], name


def test_a_good_card_passes(tmp_path: Path, font: str) -> None:
    assert problems(card_pdf(tmp_path / "good.pdf", font)) == []


@pytest.mark.parametrize(
    ("mistake", "expected"),
    [
        ({"font_name_used": "Helvetica"}, "document: font Helvetica is not embedded"),
        ({"rgb_fill": True}, "page 1: uses RGB colour (DeviceRGB)"),
        ({"text_at_mm": (1.5, 20)}, "page 1: text 1.5 mm from the trim edge"),
        ({"text_at_mm": (-1, 20)}, "page 1: text -1.0 mm from the trim edge"),
        ({"trim_box": False}, "page 1: has no TrimBox"),
        ({"image_px": 100}, "page 1: an image at 51 ppi"),
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
    assert "FAIL page 1: uses RGB colour (DeviceRGB)\n       fix: convert to CMYK for print" in (
        run.output
    )
    assert "1 of 2 files failed." in run.output


def test_check_reports_an_unreadable_file_without_a_traceback(
    tmp_path: Path, run_cli: Callable
) -> None:
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"this is no pdf")
    run = run_cli(tmp_path, "check", str(junk))
    assert run.exit_code == 1
    assert "FAIL document: cannot be read" in run.output
    assert "Traceback" not in run.output
