"""Each PDF a build writes has its own document ID (read back with pypdf), so a print shop
that tracks jobs by /ID tells the print file from the A4 file made from the same pages."""

from __future__ import annotations

import io
from collections import defaultdict
from pathlib import Path

import pikepdf
from pypdf import PdfReader

from generator.impose.identity import own_id


def test_no_two_different_files_share_a_document_id(built: dict[str, Path]) -> None:
    pdfs = {name: path.read_bytes() for name, path in built.items() if name.endswith(".pdf")}
    owners: dict[bytes, set[bytes]] = defaultdict(set)
    for name, data in pdfs.items():
        trailer_id = PdfReader(io.BytesIO(data)).trailer["/ID"]
        assert len(trailer_id) == 2, name
        for half in trailer_id:
            owners[bytes(half.original_bytes)].add(data)
    shared = [half.hex() for half, files in owners.items() if len(files) > 1]
    assert shared == []
    assert len(pdfs) > 10


def test_a_file_keeps_no_id_it_came_with(tmp_path: Path) -> None:
    """The rule proves it can fail: a copy saved keeping its source's ID shares its first half."""
    with pikepdf.new() as source:
        source.add_blank_page()
        source.save(tmp_path / "source.pdf", deterministic_id=True)
    with pikepdf.open(tmp_path / "source.pdf") as pdf:
        pdf.pages[0].MediaBox = pikepdf.Array([0, 0, 300, 300])  # another file from it
        pdf.save(tmp_path / "kept.pdf", deterministic_id=True)
        own_id(pdf)
        pdf.save(tmp_path / "own.pdf", deterministic_id=True)

    def first_half(name: str) -> bytes:
        return bytes(PdfReader(tmp_path / name).trailer["/ID"][0].original_bytes)

    assert first_half("kept.pdf") == first_half("source.pdf")
    assert first_half("own.pdf") != first_half("source.pdf")
