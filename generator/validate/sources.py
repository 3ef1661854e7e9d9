"""Record where each item of a content file stands and, if it is printed, what it says."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.core.errors import Location
from generator.validate.places import line_of


class SourceNotes:
    """Callable: note(ref, text, where) remembers ref's line and, unless text is None, its text."""

    def __init__(self, document: Any, path: Path) -> None:
        self.document, self.path = document, path
        self.texts: dict[str, str] = {}
        self.locations: dict[str, Location] = {}

    def __call__(self, ref: str, text: str | None, where: list[Any]) -> str:
        self.locations[ref] = Location(self.path, line_of(self.document, where))
        if text is not None:
            self.texts[ref] = text
        return ref
