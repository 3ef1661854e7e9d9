"""Hyphenation by language with pyphen, with the spelling rules pyphen leaves out."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache

import pyphen

Hyphenator = Callable[[str], Iterator[tuple[str, str]]]

# pyphen dictionary for each content language.
DICTIONARIES = {"nl": "nl_NL", "en": "en_GB"}
# Break only words this long, leaving at least this many letters on each side: a short word
# moves to the next line whole, which reads better on a card than "ge-zin".
MIN_WORD_LENGTH = 10
MIN_HEAD, MIN_TAIL = 3, 4

# Dutch drops the trema at a line break: co-operatie, not co-öperatie.
_TREMA_DROPPED = str.maketrans("äëïöüÄËÏÖÜ", "aeiouAEIOU")
LANGUAGES_DROPPING_TREMA = {"nl"}


@cache
def hyphenator(language: str, exceptions: tuple[str, ...] = ()) -> Hyphenator | None:
    """A callable giving (head, tail) break options for a word, best first.

    A word that starts with a capital is a name or a sentence's first word: it is not broken
    (Zoetermeer). A word in exceptions ("leef-gebieden") breaks only where its hyphens are
    (none: never), where the patterns would break a compound inside its parts."""
    if language not in DICTIONARIES:
        return None
    dictionary = pyphen.Pyphen(lang=DICTIONARIES[language], left=MIN_HEAD, right=MIN_TAIL)
    drops_trema = language in LANGUAGES_DROPPING_TREMA
    listed = {word.replace("-", "").lower(): _break_points(word) for word in exceptions}

    def breaks(word: str) -> Iterator[tuple[str, str]]:
        if word[:1].isupper():
            return
        points = listed.get(word.lower())
        options = ((word[:at], word[at:]) for at in points) if points is not None else (
            dictionary.iterate(word))  # fmt: skip
        for head, tail in options:
            yield head, (tail[:1].translate(_TREMA_DROPPED) + tail[1:]) if drops_trema else tail

    return breaks


def _break_points(word: str) -> list[int]:
    """Where a listed word may break, as positions in the word without hyphens, last first
    (the longest head fills the line best)."""
    points, position = [], 0
    for part in word.split("-")[:-1]:
        position += len(part)
        points.append(position)
    return sorted(points, reverse=True)
