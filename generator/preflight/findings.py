"""What a rule says about a file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

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
