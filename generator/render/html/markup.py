"""The light inline markup of content (**bold**) as HTML; everything else escaped."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

_BOLD = re.compile(r"\*\*(.+?)\*\*", re.DOTALL)
_SPACE = re.compile(r"[ \t\r\n]+")


def inline_html(text: str, names: Mapping[str, str] | None = None) -> Markup:
    """Content text as HTML: '<', '>', '&' and quotes print as themselves, **x** is bold;
    each of `names` (a name → its language) is marked with its language, `<span lang>`."""
    escaped = str(escape(_SPACE.sub(" ", str(text)).strip()))
    if names:
        pattern, languages = _names_pattern(tuple(sorted(names.items())))
        escaped = pattern.sub(
            lambda m: f'<span lang="{languages[m.group(0)]}">{m.group(0)}</span>', escaped
        )
    return Markup(_BOLD.sub(r"<strong>\1</strong>", escaped))


@pass_context
def inline_filter(context: Context, text: str) -> Markup:
    """The `inline` filter: inline_html with the page's `foreign_names`, if it has any."""
    return inline_html(text, context.get("foreign_names"))


@cache
def _names_pattern(names: tuple[tuple[str, str], ...]) -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for all names, longest first, each only as a whole word or words."""
    languages = {str(escape(name)): language for name, language in names}
    alternatives = "|".join(re.escape(name) for name in sorted(languages, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)"), languages
