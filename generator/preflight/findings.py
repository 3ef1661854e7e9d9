"""What a rule says about a file."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from generator.core.i18n import _
from generator.preflight.facts import DocumentFacts


@dataclass(frozen=True)
class Finding:
    """ok: a fact worth showing; not ok: a problem, with where it is and what to do.

    rule names the check (see the README's table), so a report can be read against it."""

    ok: bool
    where: str
    message: str
    fix: str = ""
    rule: str = ""


Rule = Callable[[DocumentFacts, dict], list[Finding]]


def problem(rule: str, where: str, message: str, fix: str) -> Finding:
    return Finding(False, where, message, fix, rule)


def info(message: str) -> Finding:
    return Finding(True, "document", message)


_PLACE = re.compile(r"^(document|page (\d+))")


def shown_where(where: str) -> str:
    """Where a finding is ("page 3 › form Fm1"), its first word in the reader's language; the
    PDF's own names (form, shading, ExtGState, …) as PDF calls them."""

    def place(found: re.Match) -> str:
        return _("page {number}").format(number=found[2]) if found[2] else _("document")

    return _PLACE.sub(place, where)
