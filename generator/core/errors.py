"""Errors a user can act on: each names a file, a line, the item and the fix."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from generator.core.i18n import _


@dataclass(frozen=True, order=True)
class Location:
    """A place in a user's file; line and column are 1-based (0 when unknown); in a workbook,
    the sheet and cell ("sheet 'praatplaat', cell E12")."""

    file: Path
    line: int = 0
    column: int = 0
    cell: str = ""

    def __str__(self) -> str:
        place = display_path(self.file)
        if self.cell:  # a workbook's place: its line is the row, for sorting
            return f"{place} › {self.cell}"
        if self.line:
            place += f":{self.line}"
            if self.column:
                place += f":{self.column}"
        return place


@dataclass(frozen=True)
class Problem:
    """One problem in the user's content or layout, its message and fix in the language
    spoken when it was made (see i18n)."""

    location: Location
    message: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.location}: {self.message}"
        if not self.hint:
            return text
        fix = _("fix")
        return f"{text}\n    {fix}: {self.hint}"


class UserError(Exception):
    """One or more problems the user can fix; never a bug in the generator."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        # One mistake can surface more than once (a template used by every card): say it once.
        self.problems = sorted(set(problems), key=lambda p: (p.location, p.message))
        super().__init__("\n".join(str(p) for p in self.problems))

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.problems)


def fail(location: Location, message: str, hint: str = "") -> UserError:
    """A single-problem error, for use as ``raise fail(...)``."""
    return UserError([Problem(location, message, hint)])


def display_path(path: Path) -> str:
    """The path relative to the working directory where possible: what the user typed."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
