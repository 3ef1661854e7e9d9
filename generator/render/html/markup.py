"""The light inline markup of content (**bold**) as HTML; everything else escaped."""

from __future__ import annotations

import re

from markupsafe import Markup, escape

_BOLD = re.compile(r"\*\*(.+?)\*\*", re.DOTALL)
_SPACE = re.compile(r"[ \t\r\n]+")


def inline_html(text: str) -> Markup:
    """Content text as HTML: '<', '>', '&' and quotes print as themselves, **x** is bold."""
    folded = _SPACE.sub(" ", str(text)).strip()
    return Markup(_BOLD.sub(r"<strong>\1</strong>", str(escape(folded))))
