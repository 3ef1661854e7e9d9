"""A points card that belongs to a part of its source (`part:`), and a point with its own
source (`source:` under the point): what the card prints, and where.

Built from a copy of the reference deck (tests/reference/proef.yaml) with one card added, so
the shipped wording does not matter.
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber

from generator.build.pipeline import build
from generator.core.project import Project
from tests.projects import LAYOUTS, ROOT, CopyProject

PART = "Meervoudige partijdigheid"
HEADING = "Binnen het gezinssysteem"
INTRO = "Hulp aan het hele gezin."
POINT = "Voor elk gezinslid een eigen professional."
SOURCE = "Proefbron (2023), § 5.2"

CARD = f"""
  - id: deel-kaart
    kind: points
    part: {PART}
    heading: {HEADING}
    intro: {INTRO}
    points:
      - id: deel-punt
        text: {POINT}
        source: {SOURCE}
    source: Proefbron (2023)
"""


def _lines(copy_project: CopyProject, tmp_path: Path) -> list[tuple[str, str, float]]:
    """The added card's front: (text, font, top) per line."""
    reference = [ROOT / "tests" / "reference"]
    cards = copy_project(tmp_path, cards=reference, layouts=False, output=False) / "cards"
    deck = cards / "proef.yaml"
    deck.write_text(deck.read_text(encoding="utf-8").rstrip("\n") + "\n" + CARD, "utf-8")
    build(Project(cards, LAYOUTS, tmp_path / "output"))
    [pdf_path] = (tmp_path / "output").glob("*_print.pdf")
    with pdfplumber.open(pdf_path) as pdf:
        page = next(p for p in pdf.pages if PART in (p.extract_text() or ""))
        lines = page.extract_text_lines()
        return [(line["text"], line["chars"][0]["fontname"], line["top"]) for line in lines]


def test_a_part_heading_stands_above_its_intro_and_the_cards_own_heading(
    copy_project: CopyProject, tmp_path: Path
) -> None:
    lines = _lines(copy_project, tmp_path)
    top = {text: (font, y) for text, font, y in lines}
    assert top[PART][1] < top[INTRO][1] < top[HEADING][1]
    assert "Bold" in top[PART][0] and "Bold" in top[HEADING][0]
    assert "Bold" not in top[INTRO][0]  # the part's introduction is body text, not a lead-in


def test_a_points_own_source_is_printed_under_it(copy_project: CopyProject, tmp_path: Path) -> None:
    lines = _lines(copy_project, tmp_path)
    point = next(y for text, _font, y in lines if text.endswith(POINT))
    source = next(y for text, _font, y in lines if text.endswith(SOURCE))
    assert point < source
    assert any(text.startswith("Bron") and text.endswith(SOURCE) for text, _font, _y in lines)
