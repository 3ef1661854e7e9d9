"""The source's slips corrected in print, and what a printed text of a deck may not hold.

A content file lists what it corrects under `corrections:`, each item the source's wording
beside ours (`source:`, `printed:`, `note:`). The build checks that every `printed` text still
stands in a printed text of the file; the transcription audit (tests/test_source_words.py,
`make audit`) undoes the corrections before it looks a text up in the sources, and checks that
every `source` wording stands there.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from generator.core.errors import Location, Problem
from generator.core.i18n import _
from generator.model.deck import Correction
from generator.model.item_names import shown
from generator.validate.places import line_of

SOFT_HYPHEN = "\u00ad"

STRAIGHT_QUOTES = "'\""  # what a printed text may not hold: type ’ and ‘…’

# Words that point into a report the card's reader does not have (Dutch and English).
POINTERS = re.compile(
    r"\b(in deze paragraaf|in dit hoofdstuk|hieronder|hierboven"
    r"|zie (figuur|tabel|bijlage|paragraaf|hoofdstuk|pagina)"
    r"|in this (section|chapter)|see (figure|table|appendix|section|chapter|page))\b",
    re.IGNORECASE,
)


def squeezed(text: str) -> str:
    """Text as compared: soft hyphens dropped, white space folded to single spaces."""
    return " ".join(text.replace(SOFT_HYPHEN, "").split())


def read_corrections(document: Any, path: Path) -> tuple[Correction, ...]:
    """The `corrections:` of a checked document (the schema checked their form)."""
    items = (document.get("corrections") if isinstance(document, Mapping) else None) or []
    return tuple(
        Correction(
            squeezed(item["source"]),
            squeezed(item["printed"]),
            item.get("note"),
            Location(path, line_of(document, ["corrections", i])),
        )
        for i, item in enumerate(items)
    )


def undo(text: str, corrections: Iterable[Correction]) -> str:
    """The text as the source words it: every listed correction taken back."""
    text = squeezed(text)
    for correction in corrections:
        text = text.replace(correction.printed, correction.source)
    return text


def stale_corrections(corrections: Iterable[Correction], texts: Iterable[str]) -> list[Problem]:
    """A problem for each correction whose printed wording no printed text holds any more."""
    printed = [squeezed(text) for text in texts if isinstance(text, str)]
    return [
        Problem(
            correction.location,
            _("corrections: no printed text of this file contains '{printed}'").format(
                printed=correction.printed
            ),
            _(
                "write under 'printed:' the words exactly as a text of this file prints them, "
                "or remove the correction if the text no longer has them"
            ),
        )
        for correction in corrections
        if not any(correction.printed in text for text in printed)
    ]


def unsourced(corrections: Iterable[Correction], source: str) -> list[Problem]:
    """A problem for each correction whose source wording is not in the source text."""
    source = squeezed(source)
    return [
        Problem(
            correction.location,
            _("corrections: the source does not have the words '{source}'").format(
                source=correction.source
            ),
            _("copy under 'source:' the source's words exactly, with its slip"),
        )
        for correction in corrections
        if correction.source not in source
    ]


def straight_quotes(texts: Mapping[str, str], locate: Callable[[str], Location]) -> list[Problem]:
    """A problem for each printed text with a straight quote (' or ")."""
    problems = []
    for ref, text in texts.items():
        if not isinstance(text, str):
            continue
        for quote in STRAIGHT_QUOTES:
            if quote in text:
                at = text.index(quote)
                problems.append(
                    Problem(
                        locate(ref),
                        _("{item}: a straight quote {quote} in “{context}”").format(
                            item=shown(ref), quote=quote, context=text[max(0, at - 20) : at + 20]
                        ),
                        _(
                            "type ’ for an apostrophe (collega’s) and ‘…’ around a quotation: "
                            "printed text takes typographic quotes"
                        ),
                    )
                )
    return problems


def pointers(texts: Mapping[str, str], locate: Callable[[str], Location]) -> list[Problem]:
    """A problem for each printed text that points into a report ("zie figuur 6.2")."""
    problems = []
    for ref, text in texts.items():
        found = POINTERS.search(squeezed(text)) if isinstance(text, str) else None
        if found:
            problems.append(
                Problem(
                    locate(ref),
                    _("{item}: ‘{words}’ points into a report the reader of the card does not "
                      "have").format(item=shown(ref), words=found[0]),
                    _("drop the words and list that under 'corrections:' beside the source's "
                      "wording, or say it in the source's own words for what it points to"),
                )
            )  # fmt: skip
    return problems
