"""The content's hyphenation exceptions: `cards/hyphenation/<language>.yaml`, a list of words
with hyphens where they may break (a compound at its seams: leef-gebieden), kept with the
content so that an editor can extend it. A word without a hyphen never breaks."""

from __future__ import annotations

import re
from pathlib import Path

from generator.core.errors import Location, Problem
from generator.core.i18n import N_, _
from generator.load.per_language import read_per_language
from generator.load.yaml_file import Mapping, Sequence

HYPHENATION_FOLDER = "hyphenation"
# Letters, with single hyphens between parts: "leef-gebieden", "co-öperatie", "professionals".
WORD = re.compile(r"^[^\W\d_]+(?:-[^\W\d_]+)*$")
FORMAT = N_("write `words:` and under it one word a line, such as `  - leef-gebieden`")


def read_exceptions(cards: Path) -> dict[str, tuple[str, ...]]:
    """Each language's listed words; every problem of every file at once."""
    return read_per_language(cards / HYPHENATION_FOLDER, _words)


def _words(path: Path, document: object) -> tuple[tuple[str, ...], list[Problem]]:
    if not isinstance(document, Mapping) or not isinstance(document.get("words"), Sequence):
        line = getattr(document, "line", 0)
        return (), [Problem(Location(path, line), _("this list of words is not one"), _(FORMAT))]
    problems = [
        Problem(
            Location(path, document.key_lines[key]),
            _("unknown key '{key}'").format(key=key),
            _(FORMAT),
        )
        for key in document
        if key != "words"
    ]
    words = document["words"]
    seen: dict[str, int] = {}
    for word, line in zip(words, words.item_lines, strict=True):
        where = Location(path, line)
        if not isinstance(word, str) or not WORD.match(word):
            problems.append(
                Problem(
                    where,
                    _("'{word}' is not a word with hyphens where it breaks").format(word=word),
                    _("letters only, a hyphen at each place it may break: leef-gebieden"),
                )
            )
            continue
        key = word.replace("-", "").lower()
        if key in seen:
            problems.append(
                Problem(
                    where,
                    _("'{word}' is listed before, on line {line}").format(
                        word=word, line=seen[key]
                    ),
                    _("keep one of the two"),
                )
            )
        seen.setdefault(key, line)
    return tuple(w for w in words if isinstance(w, str) and WORD.match(w)), problems
