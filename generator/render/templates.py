"""Run a layout's Jinja templates in a sandbox: content in, an XML draw list out."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import (
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
    TemplateSyntaxError,
    UndefinedError,
)
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from generator.core.errors import Location, fail
from generator.core.i18n import _
from generator.core.markup import plain
from generator.render.html.markup import inline_filter

_NO_ATTRIBUTE = re.compile(r"'(?:[\w.]+\.)?(\w+) object' has no attribute '(\w+)'")


def compiled_cache(options: dict[str, Any]) -> FileSystemBytecodeCache | None:
    """Jinja's cache of compiled templates, kept between runs (a template is compiled again
    when its source changes): in the user's cache folder, one per set of environment options
    and Jinja version; none where that folder cannot be made."""
    key = hashlib.sha256(repr((sorted(options.items()), jinja2.__version__)).encode()).hexdigest()
    folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    folder = folder / "voorwie" / f"templates-{key[:12]}"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(folder))


XML_OPTIONS: dict[str, Any] = {"trim_blocks": True, "lstrip_blocks": True,
                               "keep_trailing_newline": False}  # fmt: skip
HTML_OPTIONS: dict[str, Any] = {"trim_blocks": True, "lstrip_blocks": True,
                                "keep_trailing_newline": True}  # fmt: skip


@cache
def environment(folder: Path) -> SandboxedEnvironment:
    """A sandboxed environment that reads templates from the layout's own folder only, with
    the filter `plain` (markup and soft hyphens removed: a form field's tooltip)."""
    xml = SandboxedEnvironment(
        bytecode_cache=compiled_cache({**XML_OPTIONS, "kind": "xml"}),
        loader=FileSystemLoader(folder),
        undefined=StrictUndefined,
        autoescape=True,  # content is XML-escaped: '<' and '&' in a question stay text
        **XML_OPTIONS,
    )
    xml.filters["plain"] = plain
    return xml


@cache
def html_environment(folder: Path) -> SandboxedEnvironment:
    """The same sandbox for HTML pages: autoescaped as HTML, with filters for content text:
    `inline` (**bold** as <strong>, the rest escaped, and the page's `foreign_names` marked
    with their language) and `plain` (markup and soft hyphens removed, for titles and
    attributes)."""
    html = SandboxedEnvironment(
        bytecode_cache=compiled_cache({**HTML_OPTIONS, "kind": "html"}),
        loader=FileSystemLoader(folder),
        undefined=StrictUndefined,
        autoescape=True,  # '<' and '&' in a question stay text
        **HTML_OPTIONS,
    )
    html.filters["inline"] = inline_filter
    html.filters["plain"] = plain
    return html


def render_template(
    folder: Path,
    name: str,
    context: dict[str, Any],
    env: Callable[[Path], SandboxedEnvironment] = environment,
) -> str:
    """The template's output; any template problem names the template file and line."""
    try:
        return env(folder).get_template(name).render(context)
    except TemplateSyntaxError as error:
        raise fail(
            Location(folder / name, error.lineno or 0),
            _("template error: {error}").format(error=error.message),
            _("see the Jinja documentation for the template's syntax"),
        ) from None
    except UndefinedError as error:
        raise fail(
            Location(folder / name, _template_line(error, name)),
            _("the template uses something that is not there: {what}").format(
                what=_readable(error.message or "")
            ),
            _("check the spelling of the name in the template, or add it to the content"),
        ) from None
    except (SecurityError, TemplateError, OverflowError) as error:
        raise fail(
            Location(folder / name, _template_line(error, name)),
            _("template error: {error}").format(error=error),
            _("see the Jinja documentation for the template's syntax"),
        ) from None


def _readable(message: str) -> str:
    """Jinja's "'generator.model.deck.Card object' has no attribute 'x'" as "a Card has no 'x'"."""
    match = _NO_ATTRIBUTE.match(message)
    if not match:
        return message
    return _("a {thing} has no '{name}'").format(thing=match.group(1), name=match.group(2))


def _template_line(error: Exception, name: str) -> int:
    """The template line from the traceback Jinja rewrites to point into templates."""
    traceback = error.__traceback__
    line = 0
    while traceback is not None:
        if traceback.tb_frame.f_code.co_filename.endswith(name):
            line = traceback.tb_lineno
        traceback = traceback.tb_next
    return line
