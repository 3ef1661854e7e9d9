"""The light inline markup of content (**bold**) turned into ReportLab paragraph markup."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

_BOLD = re.compile(r"\*\*(.+?)\*\*", re.DOTALL)
_SPACE = re.compile(r"[ \t\r\n]+")
SOFT_HYPHEN = "\u00ad"


def plain(text: str) -> str:
    """The text as it reads: markup removed, white space folded, soft hyphens dropped."""
    return _SPACE.sub(" ", _BOLD.sub(r"\1", text)).replace(SOFT_HYPHEN, "").strip()


def to_paragraph(text: str) -> str:
    """ReportLab markup for content text; '<', '>' and '&' print as themselves."""
    folded = _SPACE.sub(" ", text).strip()
    return _BOLD.sub(r"<b>\1</b>", escape(folded))
