"""`check` on any file it is given: one clear finding for a file it cannot read (never a
traceback), and the same problem on many pages reported once, with where."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest
from reportlab.pdfgen.canvas import Canvas

from generator.preflight.grouping import _page_ranges
from tests.messages import said
from tests.projects import Run


def _encrypted(path: Path) -> None:
    with pikepdf.new() as pdf:
        pdf.add_blank_page()
        pdf.save(path, encryption=pikepdf.Encryption(user="secret", owner="secret"))


def _damaged(path: Path) -> None:
    path.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 4)  # a header, then no PDF at all


UNREADABLE = [
    ("password", _encrypted, "is protected by a password"),
    ("empty", lambda path: path.write_bytes(b""), "is empty (0 bytes)"),
    (
        "not-a-pdf",
        lambda path: path.write_text("a letter"),
        "is not a PDF (it does not start with %PDF-)",
    ),
]


@pytest.mark.parametrize(("case", "make", "message"), UNREADABLE, ids=[c for c, _, _ in UNREADABLE])
def test_a_file_that_cannot_be_read_is_one_finding(
    tmp_path: Path, run_cli: Callable[..., Run], case: str, make: Callable, message: str
) -> None:
    path = tmp_path / f"{case}.pdf"
    make(path)
    run = run_cli(tmp_path, "check", str(path))
    assert run.exit_code == 1
    assert "Traceback" not in run.output
    assert f"{said('FAIL')} {said('document')}: {said(message)} [unreadable]" in run.output
    assert run.output.count(said("FAIL")) == 2  # the file's verdict and its one finding


def test_a_damaged_file_is_named_as_damaged(tmp_path: Path, run_cli: Callable[..., Run]) -> None:
    path = tmp_path / "damaged.pdf"
    _damaged(path)
    run = run_cli(tmp_path, "check", str(path))
    assert run.exit_code == 1
    assert "Traceback" not in run.output
    damaged = said("is damaged and cannot be read ({error})", error="@").split("@")[0]
    assert f"{said('FAIL')} {said('document')}: {damaged}" in run.output
    assert said("export or download the PDF again") in run.output


def rgb_pages(path: Path, count: int) -> Path:
    """count pages of RGB text, without a TrimBox: the same two problems on every page."""
    canvas = Canvas(str(path), pageCompression=0)
    for number in range(count):
        canvas.setFillColorRGB(1, 0, 0)
        canvas.drawString(100, 700, f"page {number + 1}")
        canvas.showPage()
    canvas.save()
    return path


def test_the_same_problem_on_many_pages_is_one_line(
    tmp_path: Path, run_cli: Callable[..., Run]
) -> None:
    path = rgb_pages(tmp_path / "long.pdf", 12)
    run = run_cli(tmp_path, "check", str(path))
    assert run.exit_code == 1
    pages = said("pages {ranges}", ranges="1–12")
    where = said("{count} times, on {places}", count="12", places=pages)
    lines = [line for line in run.output.splitlines() if "[page-boxes]" in line]
    assert lines == [f"  {said('FAIL')} {where}: {said('has no TrimBox')} [page-boxes]"]


def test_all_lists_every_problem_where_it_is(tmp_path: Path, run_cli: Callable[..., Run]) -> None:
    path = rgb_pages(tmp_path / "long.pdf", 12)
    run = run_cli(tmp_path, "check", "--all", str(path))
    lines = [line for line in run.output.splitlines() if "[page-boxes]" in line]
    page = [said("page {number}", number=n) for n in range(1, 13)]
    assert lines == [f"  {said('FAIL')} {p}: {said('has no TrimBox')} [page-boxes]" for p in page]


@pytest.mark.parametrize(
    ("pages", "shown"),
    [([7], "page 7"), ([1, 2, 3, 7, 9, 10], "pages 1–3, 7, 9–10"), ([2, 4], "pages 2, 4")],
)
def test_pages_are_shown_as_ranges(pages: list[int], shown: str) -> None:
    assert _page_ranges(pages) == shown
