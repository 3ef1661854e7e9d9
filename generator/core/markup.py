"""The light inline markup of content (**bold**): its plain text and its runs.

Shared by the checks (what a reader reads) and the renderers (how it is set).
"""

from __future__ import annotations

import re

_BOLD = re.compile(r"\*\*(.+?)\*\*", re.DOTALL)
_SPACE = re.compile(r"[ \t\r\n]+")
SOFT_HYPHEN = "\u00ad"


def plain(text: str) -> str:
    """The text as it reads: markup removed, white space folded, soft hyphens dropped."""
    return _SPACE.sub(" ", _BOLD.sub(r"\1", text)).replace(SOFT_HYPHEN, "").strip()


def runs(text: str) -> list[tuple[str, bool]]:
    """The text, white space folded, as (text, bold) runs; empty runs left out."""
    parts = _BOLD.split(_SPACE.sub(" ", text).strip())
    return [(part, index % 2 == 1) for index, part in enumerate(parts) if part]
