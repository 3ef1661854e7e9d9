"""Why a file cannot be checked at all, said as one finding: empty, no PDF, locked by a
password, or damaged beyond what qpdf recovers."""

from __future__ import annotations

from pathlib import Path

from pikepdf import PasswordError

from generator.core.i18n import _
from generator.preflight.findings import Finding, problem

# A PDF's header must start within its first 1024 bytes (ISO 32000-1, annex H.3 note).
HEADER, HEADER_WITHIN = b"%PDF-", 1024


def unreadable(path: Path, error: Exception) -> Finding:
    """The one finding for a file pikepdf could not open (error: what it raised)."""
    if isinstance(error, PasswordError):
        return _finding(
            _("is protected by a password"),
            _("ask for a copy without a password, or save one without it"),
        )
    try:
        with path.open("rb") as file:
            start = file.read(HEADER_WITHIN)
    except OSError as reading:
        return _finding(
            _("cannot be opened: {error}").format(error=reading.strerror or reading),
            _("check that the file exists and may be read"),
        )
    if not start:
        return _finding(_("is empty (0 bytes)"), _("export or download the PDF again"))
    if HEADER not in start:
        return _finding(
            _("is not a PDF (it does not start with %PDF-)"),
            _("check the file: is it a PDF, or another file with .pdf in its name?"),
        )
    return _finding(
        _("is damaged and cannot be read ({error})").format(error=error),
        _("export or download the PDF again"),
    )


def _finding(message: str, fix: str) -> Finding:
    return problem("unreadable", "document", message, fix)
