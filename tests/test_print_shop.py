"""What a print shop's intake reads from our print files, read back with pypdf (the files are
written by ReportLab and pikepdf): the PDF/X identity, black that overprints, subset names."""

from __future__ import annotations

import hashlib
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import ContentStream, DictionaryObject

from tests.pdf_tools import fonts

BLACK = (0.0, 0.0, 0.0, 1.0)
PAINTS = {b"f": "fill", b"F": "fill", b"f*": "fill", b"S": "stroke", b"s": "stroke",
          b"Tj": "fill", b"TJ": "fill", b"'": "fill", b'"': "fill"}  # fmt: skip


def print_files(built: dict[str, Path]) -> list[Path]:
    files = [path for name, path in built.items() if name.endswith("_print.pdf")]
    assert len(files) >= 10
    return files


def test_every_print_file_says_pdfx_1a_2003_exactly(built: dict[str, Path]) -> None:
    for path in print_files(built):
        reader = PdfReader(path)
        info = reader.trailer["/Info"].get_object()
        assert info["/GTS_PDFXVersion"] == "PDF/X-1a:2003", path.name
        assert "/GTS_PDFXConformance" not in info  # that key belongs to the :2001 levels
        assert info["/Trapped"] == "/False"
        assert reader.pdf_header == "%PDF-1.4"


def _paints(reader: PdfReader, contents, resources, state: dict, found: list) -> None:
    """Follow fill and stroke colour and their overprint flags through q/Q and forms;
    record (kind, colour, overprints) for every painting operator."""
    graphics = (resources or {}).get("/ExtGState") or {}
    xobjects = (resources or {}).get("/XObject") or {}
    stack = []
    for operands, operator in ContentStream(contents, reader).operations:
        if operator == b"q":
            stack.append(dict(state))
        elif operator == b"Q":
            state = stack.pop()
        elif operator in (b"k", b"K"):
            side = "fill" if operator == b"k" else "stroke"
            state[side] = tuple(float(v) for v in operands)
        elif operator == b"gs":
            extgstate = graphics[operands[0]].get_object()
            if "/OP" in extgstate:
                state["stroke_op"] = state["fill_op"] = extgstate["/OP"].value
            if "/op" in extgstate:
                state["fill_op"] = extgstate["/op"].value  # pypdf booleans are always truthy
            if "/OPM" in extgstate:
                state["opm"] = int(extgstate["/OPM"])
        elif operator in PAINTS:
            side = PAINTS[operator]
            found.append((side, state[side], state[f"{side}_op"], state["opm"]))
        elif operator == b"Do":
            form = xobjects[operands[0]].get_object()
            if form["/Subtype"] == "/Form":
                _paints(reader, form, form.get("/Resources"), dict(state), found)


def test_pure_black_overprints_and_nothing_else_does(built: dict[str, Path]) -> None:
    start = {"fill": None, "stroke": None, "fill_op": False, "stroke_op": False, "opm": 0}
    for path in print_files(built):
        reader = PdfReader(path)
        found: list = []
        for page in reader.pages:
            _paints(reader, page.get_contents(), page.get("/Resources"), dict(start), found)
        kinds = {(side, colour == BLACK) for side, colour, _, _ in found}
        assert ("fill", True) in kinds and ("fill", False) in kinds, path.name
        for side, colour, overprints, mode in found:
            assert overprints == (colour == BLACK), (path.name, side, colour)
            assert mode == 1 or not overprints  # nonzero overprint mode: 0 % inks leave the plate


def test_white_and_tints_of_black_knock_out(built: dict[str, Path]) -> None:
    reader = PdfReader(built["continuum_A3_print.pdf"])
    found: list = []
    start = {"fill": None, "stroke": None, "fill_op": False, "stroke_op": False, "opm": 0}
    page = reader.pages[0]
    _paints(reader, page.get_contents(), page.get("/Resources"), start, found)
    colours = {colour: overprints for _, colour, overprints, _ in found}
    assert colours[(0.0, 0.0, 0.0, 0.0)] is False  # white
    assert any(c[3] < 1 and not any(c[:3]) and not o for c, o in colours.items() if c[3])  # tint
    assert colours[BLACK] is True


def test_subset_names_differ_with_their_glyphs_and_not_between_builds(
    built: dict[str, Path],
) -> None:
    programs: dict[str, set[str]] = {}
    for path in built.values():
        if path.suffix != ".pdf":
            continue
        for font in fonts(path):
            descriptor = _descriptor(font)
            if descriptor is None or "/FontFile2" not in descriptor:
                continue
            name = str(font["/BaseFont"]).lstrip("/")
            program = descriptor["/FontFile2"].get_object().get_data()
            programs.setdefault(name, set()).add(hashlib.sha256(program).hexdigest())
    subsets = {name: digests for name, digests in programs.items() if name[6:7] == "+"}
    assert len(subsets) > 10
    assert all(len(digests) == 1 for digests in subsets.values())  # one name, one glyph set
    assert not any(name.startswith("AAAAAA+") for name in subsets)
    assert len({name[:6] for name in subsets}) == len(subsets)


def _descriptor(font: DictionaryObject) -> DictionaryObject | None:
    if font.get("/Subtype") == "/Type0":
        font = font["/DescendantFonts"][0].get_object()
    descriptor = font.get("/FontDescriptor")
    return descriptor.get_object() if descriptor is not None else None
