"""The <image> element: a PNG or JPEG of the layout's folder, drawn in its box; CMYK in the
print file, RGB on screens; a changed file is a new drawing; a file outside the layout's
folder, missing or not an image is an error naming the template and the file."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pdfplumber
import pytest
from PIL import Image, ImageDraw
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from generator.build.pipeline import Request, SessionState, build, produce
from generator.core.geometry import mm
from generator.render.colors import screen_rgb
from tests.messages import said
from tests.projects import MAIN_DECK, Run, project_in

LAYOUT = "layouts/pocket-card"
TEMPLATE = f"{LAYOUT}/cover-front.xml.j2"
PRINT_PDF = f"{MAIN_DECK.stem}_print.pdf"
# Two boxes on the cover: a 2:1 picture contained in a square (centred, as high as half the
# box) and stretched to fill a box of its own.
CONTAIN = (12.0, 60.0, 20.0, 20.0)
FILL = (40.0, 60.0, 30.0, 12.0)


RED, GREY, WHITE = (200, 30, 30), (60, 60, 60), (255, 255, 255)


def picture(path: Path, color: tuple[int, int, int] = RED) -> Path:
    """A 240 x 120 PNG (300 ppi at 20 x 10 mm): a coloured half, a grey disc, a clear rest."""
    path.parent.mkdir(parents=True, exist_ok=True)
    image = Image.new("RGBA", (240, 120), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 119, 119), fill=(*color, 255))
    draw.ellipse((130, 10, 230, 110), fill=(*GREY, 255))
    image.save(path)
    return path


def with_images(
    folder: Path, src: str = "images/logo.png", fit: str = "", template: str = TEMPLATE
) -> None:
    """The template (default: the cover's) with the two images of src."""
    path = folder / template
    text = path.read_text(encoding="utf-8")
    assert text.count("<face>") == 1
    boxes = [(CONTAIN, fit or "contain"), (FILL, "fill")]
    elements = "".join(
        f'\n  <image src="{src}" x="{x}" y="{y}" w="{w}" h="{h}" fit="{how}"/>'
        for (x, y, w, h), how in boxes
    )
    path.write_text(text.replace("<face>", "<face>" + elements), encoding="utf-8")


def image_streams(resources: DictionaryObject | None) -> list[DictionaryObject]:
    """The image XObjects of a page's (or form's) resources, forms followed."""
    found: list[DictionaryObject] = []
    xobjects = (resources or {}).get("/XObject", {})
    for reference in xobjects.values():
        xobject = reference.get_object()
        if xobject.get("/Subtype") == "/Image":
            found.append(xobject)
        elif xobject.get("/Subtype") == "/Form":
            found.extend(image_streams(xobject.get("/Resources")))
    return found


@pytest.fixture
def built_with_images(workspace: Path) -> Path:
    picture(workspace / LAYOUT / "images" / "logo.png")
    with_images(workspace)
    build(project_in(workspace), Request(files=[workspace / "cards" / MAIN_DECK.name]))
    return workspace


def test_an_image_stands_in_its_box_contained_or_filled(built_with_images: Path) -> None:
    with pdfplumber.open(built_with_images / "output" / PRINT_PDF) as pdf:
        pages = [page for page in pdf.pages if page.images]
        assert len(pages) == 1
        page = pages[0]
        trim = PdfReader(built_with_images / "output" / PRINT_PDF).pages[page.page_number - 1]
        left = float(trim.trimbox.left)
        top = float(page.height) - float(trim.trimbox.top)  # pdfplumber's y runs down
        placed = sorted((i["x0"], i["top"], i["x1"] - i["x0"], i["bottom"] - i["top"])
                        for i in page.images)  # fmt: skip
    x, y, w, h = CONTAIN  # 2:1 in a square: full width, half the height, centred
    expected_contain = (left + mm(x), top + mm(y + h / 4), mm(w), mm(h / 2))
    x, y, w, h = FILL
    expected_fill = (left + mm(x), top + mm(y), mm(w), mm(h))
    for got, expected in zip(placed, (expected_contain, expected_fill), strict=True):
        assert got == pytest.approx(expected, abs=0.01)


def test_the_print_file_has_the_image_in_cmyk_flattened(built_with_images: Path) -> None:
    reader = PdfReader(built_with_images / "output" / PRINT_PDF)
    streams = [s for page in reader.pages for s in image_streams(page.get("/Resources"))]
    assert streams and {s["/ColorSpace"] for s in streams} == {"/DeviceCMYK"}
    assert not any("/SMask" in s or "/Mask" in s for s in streams)  # PDF/X-1a: no transparency
    (image,) = {s.indirect_reference.idnum: s for s in streams}.values()
    pixels = Image.frombytes("CMYK", (image["/Width"], image["/Height"]), image.get_data())
    for where, rgb in (((60, 60), RED), ((180, 60), GREY), ((235, 2), WHITE)):
        cmyk = pixels.getpixel(where)
        shown = tuple(round(v * 255) for v in screen_rgb(tuple(v / 255 for v in cmyk)))
        assert shown == pytest.approx(rgb, abs=1)  # as screens show it, the PNG's colour
    assert pixels.getpixel((180, 60))[:3] == (0, 0, 0)  # grey in black ink only
    assert pixels.getpixel((235, 2)) == (0, 0, 0, 0)  # the clear corner: no ink at all


def test_screen_files_have_the_image_in_rgb(built_with_images: Path) -> None:
    """The digital PDFs (cards and poster merged) show the cards as screens do."""
    outputs = produce(project_in(built_with_images), Request()).outputs
    digital = [BytesIO(data) for name, data in outputs.items() if name.endswith("_digital.pdf")]
    assert digital
    streams = [
        stream
        for file in digital
        for page in PdfReader(file).pages
        for stream in image_streams(page.get("/Resources"))
    ]
    assert streams and {s["/ColorSpace"] for s in streams} == {"/DeviceRGB"}


@pytest.mark.parametrize(
    ("layout", "template", "content", "output"),
    [
        (LAYOUT, TEMPLATE, (MAIN_DECK.name,), PRINT_PDF),
        (
            "layouts/poster",
            "layouts/poster/poster.xml.j2",
            (MAIN_DECK.name, "continuum.yaml"),
            "continuum_A3_print.pdf",
        ),
    ],
)
def test_a_changed_image_gives_a_new_drawing(
    workspace: Path, layout: str, template: str, content: tuple[str, ...], output: str
) -> None:
    """In one session (as watch keeps it) no cache gives the old picture: not the laid-out
    faces, not a drawn document (the poster's print file is kept by its document's key)."""
    logo = picture(workspace / layout / "images" / "logo.png")
    with_images(workspace, template=template)
    project, session = project_in(workspace), SessionState()
    request = Request(files=[workspace / "cards" / name for name in content])
    first = produce(project, request, session).outputs[output]
    assert produce(project, request, session).outputs[output] == first  # the same bytes
    picture(logo, color=(30, 30, 200))
    assert produce(project, request, session).outputs[output] != first


@pytest.mark.parametrize(
    ("src", "make", "message"),
    [
        ("../../x.png", "outside", "<image> src '{src}' is outside the layout's folder {folder}"),
        ("/tmp/x.png", "outside", "<image> src '{src}' is outside the layout's folder {folder}"),
        ("images/none.png", "", "<image> src '{src}': there is no such file in {folder}"),
        ("images/text.png", "text", ""),
    ],
)
def test_an_image_outside_the_layout_missing_or_unreadable_is_named(
    workspace: Path, run_cli, lang: str, src: str, make: str, message: str
) -> None:
    """In English and in Dutch: the build stops with the template's name and the src."""
    folder = workspace / LAYOUT
    if make == "outside":
        picture(workspace / "x.png")
    if make == "text":
        (folder / "images").mkdir()
        (folder / "images" / "text.png").write_text("not a picture", encoding="utf-8")
    with_images(workspace, src)
    run: Run = run_cli(workspace, "build")
    assert run.exit_code == 1, run.output
    assert "Traceback" not in run.output
    assert f"{TEMPLATE}:" in run.output and src in run.output
    if message:
        assert said(message, src=src, folder=Path(LAYOUT)) in run.output.replace("\n    ", " ")


def test_an_unknown_fit_is_an_error(workspace: Path, run_cli, lang: str) -> None:
    picture(workspace / LAYOUT / "images" / "logo.png")
    with_images(workspace, fit="cover")
    run = run_cli(workspace, "build")
    assert run.exit_code == 1 and "Traceback" not in run.output
    assert said("<image> fit '{value}' is not one of {options}", value="cover",
                options="contain, fill") in run.output  # fmt: skip
