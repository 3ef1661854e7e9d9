"""The bare ReportLab baseline: the same texts drawn line by line, with no layout engine.

Run in its own process as `python -m bench.baseline JOB.json OUT_DIR`; imports ReportLab only.
JOB.json (written by bench.texts) lists documents, each a page size and its pages, each page a
list of texts. Per document: one Canvas (invariant, page compression, the project's TrueType
fonts registered and embedded as subsets), every text broken naively at a fixed number of
characters (textwrap) and drawn with drawString; no fitting, hyphenation, templates, colours,
boxes or imposition. One PDF is written per document.
"""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

SIZE_PT, LEADING_PT, MARGIN_PT = 10.0, 12.5, 22.7  # body text; 8 mm from the edge
CHAR_WIDTH_EM = 0.5  # a fixed line length: page width over this many ems per character


def register_fonts(fonts: dict[str, str]) -> None:
    """Register each weight (name → TTF path) under its own name."""
    for name, path in fonts.items():
        pdfmetrics.registerFont(TTFont(name, path))


def draw_document(document: dict[str, Any], out: Path) -> None:
    """One PDF: each page's texts, the first bold, wrapped at a fixed character count."""
    width, height = document["width_pt"], document["height_pt"]
    chars = int((width - 2 * MARGIN_PT) / (SIZE_PT * CHAR_WIDTH_EM))
    canvas = Canvas(
        str(out),
        pagesize=(width, height),
        invariant=1,
        pageCompression=1,
        initialFontName="regular",
    )
    for page in document["pages"]:
        y = height - MARGIN_PT - SIZE_PT
        for index, text in enumerate(page):
            canvas.setFont("bold" if index == 0 else "regular", SIZE_PT)
            for line in textwrap.wrap(text, chars) or [""]:
                canvas.drawString(MARGIN_PT, y, line)
                y -= LEADING_PT
        canvas.showPage()
    canvas.save()


def main(argv: list[str]) -> int:
    job_path, out_dir = Path(argv[0]), Path(argv[1])
    job = json.loads(job_path.read_text(encoding="utf-8"))
    register_fonts(job["fonts"])
    out_dir.mkdir(parents=True, exist_ok=True)
    for document in job["documents"]:
        draw_document(document, out_dir / f"{document['name']}.pdf")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
