"""A deck that names its digital version carries a QR code to it on the cover's back: vector,
in CMYK (pure K) in print files and RGB on screen, and a phone reads the address back."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pypdfium2
import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream

from generator.build.pipeline import build
from generator.core.errors import UserError
from generator.core.geometry import mm
from generator.load.yaml_file import read_yaml
from generator.render.drawlist import QrCode, parse_face
from generator.render.qr import QUIET_ZONE, qr_matrix
from tests.projects import CARDS, MAIN_DECK, CopyProject, deck_versions, project_in

URLS = {"nl": "https://example.org/voorwie", "en": "https://example.org/voorwie/en"}
QR_SIZE_MM = 22  # the cover back's default (dimensions: qr)
COVER_BACK = 1  # page index: the cover's front, then its back


def with_digital_version(folder: Path, urls: str | dict[str, str], label: bool = True) -> Path:
    """The project copied into folder (copy_project) with its main deck naming its digital
    version."""
    deck = folder / "cards" / MAIN_DECK.name
    text = deck.read_text(encoding="utf-8")
    if isinstance(urls, dict):
        value = "\n" + "".join(f"    {lang}: {url}\n" for lang, url in urls.items())
    else:
        value = f" {urls}\n"
    text = text.replace("  trim: A6\n", f"  trim: A6\n  digital_version_url:{value}", 1)
    if label:
        caption = "  digital_version:\n    nl: Digitale versie\n    en: Digital version\n"
        text = text.replace("labels:\n", f"labels:\n{caption}", 1)
    deck.write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def built(copy_project: CopyProject) -> dict[str, bytes]:
    folder = with_digital_version(copy_project("qr"), URLS)
    project = project_in(folder)
    return {path.name: path.read_bytes() for path in build(project)}


def qr_paths(pdf: bytes, page: int) -> list[tuple[str, tuple[float, ...], list[tuple]]]:
    """Every filled path of rectangles on a page: its colour operator and values, and the
    rectangles (x, y, w, h)."""
    reader = PdfReader(io.BytesIO(pdf))
    operations = ContentStream(reader.pages[page].get_contents(), reader).operations
    paths, colour, rects = [], ("", ()), []
    for operands, operator in operations:
        if operator in (b"k", b"rg", b"g"):
            colour = (operator.decode(), tuple(float(v) for v in operands))
        elif operator == b"re":
            rects.append(tuple(float(v) for v in operands))
        elif operator in (b"f", b"f*", b"B", b"S", b"n"):
            if rects:
                paths.append((*colour, rects))
            rects = []
    return paths


def decode(pdf: bytes, page: int) -> list[str]:
    zxingcpp = pytest.importorskip("zxingcpp", reason="the QR decoder zxing-cpp (dev extra)")
    image = pypdfium2.PdfDocument(pdf)[page].render(scale=300 / 72).to_pil()
    return [result.text for result in zxingcpp.read_barcodes(image)]


@pytest.mark.parametrize(
    ("product", "page", "url"),
    [
        ("voor-wie-doen-we-wat_print.pdf", COVER_BACK, URLS["nl"]),
        ("voor-wie-doen-we-wat-en_print.pdf", COVER_BACK, URLS["en"]),
        ("continuum_digital.pdf", COVER_BACK, URLS["nl"]),
    ],
)
def test_a_phone_reads_the_address(built: dict[str, bytes], product: str, page: int, url: str):
    """Each language's cards lead to that language's digital version."""
    assert decode(built[product], page) == [url]


@pytest.mark.parametrize(
    ("product", "operator", "dark"),
    [
        ("voor-wie-doen-we-wat_print.pdf", "k", (0, 0, 0, 1)),
        ("continuum_digital.pdf", "rg", (0, 0, 0)),
    ],
)
def test_the_code_is_vector_in_the_files_colour_model(
    built: dict[str, bytes], product: str, operator: str, dark: tuple
) -> None:
    """One path of rectangles: exactly the dark modules of ReportLab's QR matrix for the
    address, in black K for print and black RGB on screen; no image."""
    pdf = built[product]
    matrix = qr_matrix(URLS["nl"])
    module = mm(QR_SIZE_MM) / (len(matrix) + 2 * QUIET_ZONE)
    dark_area = sum(map(sum, matrix)) * module**2
    qr = [p for p in qr_paths(pdf, COVER_BACK) if len(p[2]) > 20]
    assert len(qr) == 1, "one path draws the code"
    (found_operator, values, rects) = qr[0]
    assert (found_operator, values) == (operator, dark)
    assert sum(w * h for _, _, w, h in rects) == pytest.approx(dark_area, rel=1e-6)
    assert all(h == pytest.approx(module) for _, _, _, h in rects)
    page = PdfReader(io.BytesIO(pdf)).pages[COVER_BACK]
    xobjects = page["/Resources"].get("/XObject", {})
    assert not [x for x in xobjects.values() if x.get_object().get("/Subtype") == "/Image"]


def test_the_address_and_its_caption_are_printed(built: dict[str, bytes]) -> None:
    text = PdfReader(io.BytesIO(built["voor-wie-doen-we-wat_print.pdf"])).pages[COVER_BACK]
    words = " ".join(text.extract_text().split())
    assert URLS["nl"] in words and "Digitale versie" in words


@pytest.mark.sources  # the shipped content against the sources: `make audit`
def test_shipped_decks_name_no_invented_address() -> None:
    """The sources give no web address for a digital version: none is made up."""
    files = [path for path in sorted(CARDS.glob("*.yaml")) if "deck" in read_yaml(path)]
    decks = [deck for path in files for deck in deck_versions(path)]
    assert decks and all(deck.digital_version_url is None for deck in decks)


def test_an_address_needs_its_caption(tmp_path: Path, copy_project: CopyProject) -> None:
    folder = with_digital_version(copy_project(tmp_path, output=False), URLS["nl"], label=False)
    with pytest.raises(UserError) as caught:
        build(project_in(folder))
    messages = [str(p) for p in caught.value.problems]
    assert any("the label 'digital_version' is missing" in m for m in messages), messages
    assert not (folder / "output").exists() or not any((folder / "output").iterdir())


def test_an_address_must_be_a_web_address(tmp_path: Path, copy_project: CopyProject) -> None:
    folder = with_digital_version(copy_project(tmp_path, output=False), "www.example.org/voorwie")
    with pytest.raises(UserError) as caught:
        build(project_in(folder))
    (problem,) = [p for p in caught.value.problems if "digital_version_url" in str(p)]
    assert problem.location.file.name == MAIN_DECK.name and problem.location.line > 0


def test_a_qr_element_needs_data_and_a_known_level(tmp_path: Path) -> None:
    template = tmp_path / "face.xml.j2"
    (element,) = parse_face(
        '<face><qr data="https://e.org" x="1" y="2" size="20"/></face>', template
    )
    assert element == QrCode(data="https://e.org", x=1, y=2, size=20)
    for bad in ('data="https://e.org" level="Z"', 'data=""'):
        with pytest.raises(UserError) as caught:
            parse_face(f'<face><qr {bad} x="1" y="2" size="20"/></face>', template)
        assert caught.value.problems[0].location.file == template


def test_the_manifest_marks_the_cover_for_reprint_when_the_address_changes(
    built: dict[str, bytes],
) -> None:
    decks = json.loads(built["manifest.json"])["decks"]
    for deck_id, url in (
        ("voor-wie-doen-we-wat", URLS["nl"]),
        ("voor-wie-doen-we-wat-en", URLS["en"]),
    ):
        cover = decks[deck_id]["cards"][0]
        assert cover["kind"] == "cover" and cover["texts"]["digital_version_url"] == url
        assert all(
            "digital_version_url" not in card["texts"] for card in decks[deck_id]["cards"][1:]
        )
