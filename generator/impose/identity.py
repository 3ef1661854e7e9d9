"""Each file its own document ID: a print shop that tracks jobs by /ID must tell our print file
from our A4 file, though both are made from the same drawn pages."""

from __future__ import annotations

from pikepdf import Name, Pdf


def own_id(pdf: Pdf) -> None:
    """Drop the ID the file's pages came with; saved with deterministic_id, qpdf then derives
    both halves from this file's own bytes (the same input, the same ID: reproducible)."""
    if Name.ID in pdf.trailer:
        del pdf.trailer[Name.ID]
