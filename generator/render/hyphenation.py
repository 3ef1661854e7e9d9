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
def hyphenator(language: str) -> Hyphenator | None:
    """A callable giving (head, tail) break options for a word, best first. A word that starts
    with a capital is a name or a sentence's first word: it is not broken (Zoetermeer)."""
    if language not in DICTIONARIES:
        return None
    dictionary = pyphen.Pyphen(lang=DICTIONARIES[language], left=MIN_HEAD, right=MIN_TAIL)
    drops_trema = language in LANGUAGES_DROPPING_TREMA

    def breaks(word: str) -> Iterator[tuple[str, str]]:
        if word[:1].isupper():
            return
        for head, tail in dictionary.iterate(word):
            yield head, (tail[:1].translate(_TREMA_DROPPED) + tail[1:]) if drops_trema else tail

    return breaks
