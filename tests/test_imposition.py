"""A4 office sheets: backs land behind their fronts, crop marks sit outside every card."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.core.errors import Location, UserError
from generator.core.geometry import PAPER_MM, Size, apply
from generator.impose.plan import plan_sheets
from generator.model.layout import Imposition
from tests.pdf_tools import MM, drawn_lines, placed_forms
from tests.projects import MAIN_DECK, deck_versions

PRINT = "voor-wie-doen-we-wat_print.pdf"
OFFICE = "voor-wie-doen-we-wat_a4-duplex.pdf"
A4 = (210 * MM, 297 * MM)
TOLERANCE = 0.1 * MM
SETTINGS = dict(
    sheet="A4", sheet_margin_mm=6, mark_offset_mm=2, mark_length_mm=5, mark_width_pt=0.25
)


def corners(box: list[float]) -> list[tuple[float, float]]:
    x0, y0, x1, y1 = box
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


def sheet_cards(built: dict[str, Path]) -> list[list[tuple[int, tuple[float, ...]]]]:
    """Per sheet page: (face index in the print file, placement matrix) of every card on it."""
    faces = [page.get_contents().get_data() for page in PdfReader(built[PRINT]).pages]
    reader = PdfReader(built[OFFICE])
    sheets = []
    for page in reader.pages:
        xobjects = page["/Resources"]["/XObject"]
        sheets.append([
            (faces.index(xobjects[name].get_object().get_data()), matrix)
            for name, matrix in placed_forms(page, reader)
        ])  # fmt: skip
    return sheets


def test_sheets_are_a4_fronts_and_backs_alternating(built: dict[str, Path]) -> None:
    sheets = sheet_cards(built)
    pages = PdfReader(built[OFFICE]).pages
    assert all([float(v) for v in p.mediabox] == pytest.approx([0, 0, *A4]) for p in pages)
    faces = len(PdfReader(built[PRINT]).pages)
    assert sorted(face for sheet in sheets for face, _ in sheet) == list(range(faces))
    for number, sheet in enumerate(sheets):
        assert all(face % 2 == number % 2 for face, _ in sheet), "fronts and backs must alternate"


def test_each_back_lands_behind_its_front_on_a_long_edge_flip(built: dict[str, Path]) -> None:
    card_page = PdfReader(built[PRINT]).pages[0]
    width = float(card_page.mediabox.width)
    trim = [float(v) for v in card_page.trimbox]
    sheets = sheet_cards(built)
    for fronts, backs in zip(sheets[0::2], sheets[1::2], strict=True):
        back_of = {face - 1: matrix for face, matrix in backs}
        assert set(back_of) == {face for face, _ in fronts}
        for face, front in fronts:
            for x, y in corners(trim):
                sheet_x, sheet_y = apply(front, x, y)
                # Turning the sheet over its long (vertical) edge: x → sheet width − x.
                expected = (A4[0] - sheet_x, sheet_y)
                # The point behind (x, y) on a card turned like a book page: x → width − x.
                got = apply(back_of[face], width - x, y)
                assert got == pytest.approx(expected, abs=TOLERANCE), f"face {face} corner {x, y}"


def test_crop_marks_are_outside_every_card_and_on_every_trim_line(built: dict[str, Path]) -> None:
    reader = PdfReader(built[OFFICE])
    card_page = PdfReader(built[PRINT]).pages[0]
    bleed_box = [float(v) for v in card_page.mediabox]
    trim_box = [float(v) for v in card_page.trimbox]
    for page, cards in zip(reader.pages[0::2], sheet_cards(built)[0::2], strict=True):
        marks = drawn_lines(page, reader)
        assert marks
        trim_x, trim_y = set(), set()
        for _, matrix in cards:
            xs, ys = zip(*(apply(matrix, *c) for c in corners(bleed_box)), strict=True)
            for x1, y1, x2, y2 in marks:
                overlaps_x = min(x1, x2) < max(xs) - 0.01 and max(x1, x2) > min(xs) + 0.01
                overlaps_y = min(y1, y2) < max(ys) - 0.01 and max(y1, y2) > min(ys) + 0.01
                assert not (overlaps_x and overlaps_y), "a crop mark reaches into a card's bleed"
            txs, tys = zip(*(apply(matrix, *c) for c in corners(trim_box)), strict=True)
            trim_x |= {round(v, 2) for v in txs}
            trim_y |= {round(v, 2) for v in tys}
        vertical = {round(x1, 2) for x1, y1, x2, y2 in marks if x1 == x2}
        horizontal = {round(y1, 2) for x1, y1, x2, y2 in marks if y1 == y2}
        assert trim_x <= vertical and trim_y <= horizontal, "a trim line has no crop mark"
        margin = SETTINGS["sheet_margin_mm"] * MM
        for x1, y1, x2, y2 in marks:
            assert margin - 0.01 <= min(x1, x2) and max(x1, x2) <= A4[0] - margin + 0.01
            assert margin - 0.01 <= min(y1, y2) and max(y1, y2) <= A4[1] - margin + 0.01


def test_back_sheets_carry_no_crop_marks(built: dict[str, Path]) -> None:
    reader = PdfReader(built[OFFICE])
    assert all(not drawn_lines(page, reader) for page in reader.pages[1::2])


@pytest.mark.parametrize(
    ("trim", "per_sheet"), [(Size(105, 148), 2), (Size(74, 105), 4), (Size(85, 55), 8)]
)
def test_as_many_cards_as_fit_per_sheet(trim: Size, per_sheet: int) -> None:
    plan = plan_sheets(trim, 3, Imposition(**SETTINGS, duplex="long-edge", card_turn="book"),
                       Location(Path("deck.yaml")))  # fmt: skip
    assert plan.per_sheet == per_sheet


@pytest.mark.parametrize("card_turn", ["book", "tablet"])
def test_short_edge_backs_line_up_too(card_turn: str) -> None:
    trim, bleed = Size(105, 148), 3
    imposition = Imposition(**SETTINGS, duplex="short-edge", card_turn=card_turn)
    plan = plan_sheets(trim, bleed, imposition, Location(Path("deck.yaml")))
    width, height = (trim.w + 2 * bleed) * MM, (trim.h + 2 * bleed) * MM
    for front, back in zip(plan.fronts, plan.backs, strict=True):
        for x, y in corners([bleed * MM, bleed * MM, width - bleed * MM, height - bleed * MM]):
            sheet_x, sheet_y = apply(front, x, y)
            behind = (width - x, y) if card_turn == "book" else (x, height - y)
            # Turning a portrait sheet over its short (top) edge: y → sheet height − y.
            assert apply(back, *behind) == pytest.approx((sheet_x, A4[1] - sheet_y), abs=TOLERANCE)


def test_a_card_too_large_for_the_sheet_is_an_error() -> None:
    imposition = Imposition(**SETTINGS, duplex="long-edge", card_turn="book")
    with pytest.raises(UserError, match="does not fit on A4"):
        plan_sheets(Size(*PAPER_MM["A4"]), 3, imposition, Location(Path("deck.yaml")))


@pytest.mark.parametrize("duplex", ["long-edge", "short-edge"])
@pytest.mark.parametrize("offset", [(0.0, 0.0), (1.5, -0.7), (-2.0, 3.0)])
def test_a_measured_back_offset_is_cancelled(duplex: str, offset: tuple[float, float]) -> None:
    """The printer moves the back by `offset` (seen from the front); our backs move back."""
    trim, bleed = Size(105, 148), 3
    imposition = Imposition(**SETTINGS, duplex=duplex, card_turn="book")
    plan = plan_sheets(trim, bleed, imposition, Location(Path("deck.yaml")), offset)
    width = (trim.w + 2 * bleed) * MM
    drift = (offset[0] * MM, offset[1] * MM)
    for front, back in zip(plan.fronts, plan.backs, strict=True):
        for x, y in corners([bleed * MM, bleed * MM, width - bleed * MM, 151 * MM]):
            printed_x, printed_y = apply(back, width - x, y)  # where the back is drawn
            # Seen from the front: the sheet turned back over, then the printer's drift.
            seen = (A4[0] - printed_x, printed_y) if duplex == "long-edge" else (
                printed_x, A4[1] - printed_y)  # fmt: skip
            seen = (seen[0] + drift[0], seen[1] + drift[1])
            assert seen == pytest.approx(apply(front, x, y), abs=TOLERANCE)


def test_the_calibration_sheet_is_imposed_like_the_cards(built: dict[str, Path]) -> None:
    calibration = PdfReader(built["voor-wie-doen-we-wat_duplex-calibration.pdf"])
    cards = PdfReader(built[OFFICE])
    assert len(calibration.pages) == 2
    matrices = [m for _, m in placed_forms(calibration.pages[0], calibration)]
    assert matrices == [m for _, m in placed_forms(cards.pages[0], cards)]
    text = calibration.pages[0].extract_text()
    title = deck_versions(MAIN_DECK)[0].labels["calibration_title"]
    assert title in " ".join(text.split()) and "--back-offset" in text


@pytest.mark.parametrize(
    ("value", "message"),
    [("1.5", "is not X,Y in mm"), ("a,b", "is not X,Y in mm"), ("12,0", "more than 10 mm")],
)
def test_a_wrong_back_offset_is_refused(tmp_path: Path, run_cli, value: str, message: str) -> None:
    run = run_cli(tmp_path, "build", "--back-offset", value)
    assert run.exit_code == 2 and message in run.output and "Traceback" not in run.output


def test_the_offset_reaches_the_a4_sheets(workspace: Path, run_cli) -> None:
    assert run_cli(workspace, "build", "-q", "--back-offset", "2,0").exit_code == 0
    shifted = PdfReader(workspace / "output" / OFFICE)
    assert run_cli(workspace, "build", "-q").exit_code == 0
    plain = PdfReader(workspace / "output" / OFFICE)
    moved = [m for _, m in placed_forms(shifted.pages[1], shifted)]
    still = [m for _, m in placed_forms(plain.pages[1], plain)]
    # Long-edge: a 2 mm drift to the right (front view) is undone 2 mm to the right on the back.
    assert [m[4] - s[4] for m, s in zip(moved, still, strict=True)] == pytest.approx(
        [2 * MM] * len(still), abs=0.01
    )
