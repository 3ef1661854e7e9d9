"""The bare ReportLab baseline: the same texts drawn line by line, with no layout engine;
and the paragraph floor: the same texts set as ReportLab paragraphs, with nothing else.

Run in its own process as `python -m bench.baseline [--lines | --paragraphs] JOB.json OUT_DIR`.
JOB.json (written by bench.texts) lists documents, each a page size and its pages, each page a
list of texts. Per document: one Canvas (invariant, page compression, the project's TrueType
fonts registered and embedded as subsets). No fitting, hyphenation, templates, colours, boxes or
imposition. One PDF is written per document.

- Baseline (`--lines`, the default; imports ReportLab only): every text broken naively at a
  fixed number of characters (textwrap) and drawn with drawString.
- Paragraph floor (`--paragraphs`): every text a ReportLab Paragraph (its fragments made as the
  generator makes them, without ReportLab's markup parser), wrapped to the page width and drawn.
  Any build that sets its texts as ReportLab paragraphs costs at least this.
"""

from __future__ import annotations

import json
import sys
import textwrap
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

if TYPE_CHECKING:
    from reportlab.lib.styles import ParagraphStyle

SIZE_PT, LEADING_PT, MARGIN_PT = 10.0, 12.5, 22.7  # body text; 8 mm from the edge
CHAR_WIDTH_EM = 0.5  # a fixed line length: page width over this many ems per character


def register_fonts(fonts: dict[str, str]) -> None:
    """Register each weight (name → TTF path) under its own name."""
    for name, path in fonts.items():
        pdfmetrics.registerFont(TTFont(name, path))


def draw_lines(canvas: Canvas, texts: list[str], width: float, height: float) -> None:
    """The baseline's page: each text at a fixed number of characters a line, the first bold."""
    chars = int((width - 2 * MARGIN_PT) / (SIZE_PT * CHAR_WIDTH_EM))
    y = height - MARGIN_PT - SIZE_PT
    for index, text in enumerate(texts):
        canvas.setFont("bold" if index == 0 else "regular", SIZE_PT)
        for line in textwrap.wrap(text, chars) or [""]:
            canvas.drawString(MARGIN_PT, y, line)
            y -= LEADING_PT


@cache
def _paragraph_styles() -> tuple[ParagraphStyle, ParagraphStyle]:
    """Bold and regular body text, at the baseline's size and leading."""
    from reportlab.lib.styles import ParagraphStyle

    regular = ParagraphStyle("regular", fontName="regular", fontSize=SIZE_PT, leading=LEADING_PT)
    return ParagraphStyle("bold", parent=regular, fontName="bold"), regular


def draw_paragraphs(canvas: Canvas, texts: list[str], width: float, height: float) -> None:
    """The floor's page: each text a paragraph wrapped to the page width, the first bold."""
    from generator.render.markup import content_paragraph  # not imported by the bare baseline

    bold, regular = _paragraph_styles()
    y = height - MARGIN_PT
    for index, text in enumerate(texts):
        paragraph = content_paragraph(text, bold if index == 0 else regular)
        _, used = paragraph.wrap(width - 2 * MARGIN_PT, height)
        paragraph.drawOn(canvas, MARGIN_PT, y - used)
        y -= used


DrawPage = Callable[[Canvas, list[str], float, float], None]
LINES, PARAGRAPHS = "--lines", "--paragraphs"
DRAWERS: dict[str, DrawPage] = {LINES: draw_lines, PARAGRAPHS: draw_paragraphs}


def draw_document(document: dict[str, Any], out: Path, draw_page: DrawPage = draw_lines) -> None:
    """One PDF: a page for each list of texts, drawn by draw_page."""
    width, height = document["width_pt"], document["height_pt"]
    canvas = Canvas(
        str(out),
        pagesize=(width, height),
        invariant=1,
        pageCompression=1,
        initialFontName="regular",
    )
    for page in document["pages"]:
        draw_page(canvas, page, width, height)
        canvas.showPage()
    canvas.save()


def main(argv: list[str]) -> int:
    draw_page = DRAWERS[argv.pop(0)] if argv and argv[0] in DRAWERS else draw_lines
    job_path, out_dir = Path(argv[0]), Path(argv[1])
    job = json.loads(job_path.read_text(encoding="utf-8"))
    register_fonts(job["fonts"])
    out_dir.mkdir(parents=True, exist_ok=True)
    for document in job["documents"]:
        draw_document(document, out_dir / f"{document['name']}.pdf", draw_page)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
