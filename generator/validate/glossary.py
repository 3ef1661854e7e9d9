"""Reserved terms of a translation: `cards/glossary/<language>.yaml`, kept with the content.

The five intensities (segregation, linkage, coordination, cooperation, integration) are
terms: users confused them, so a translation keeps each for its intensity. A reserved word
(`en: [coordination, coordinate, …]`) may appear in a translated text only where the text in
the file's own language says the term (`nl: [coördinatie, …]`); ordinary words get ordinary
words (afstemming: alignment). Anything else is an error naming the file, the line and the
word, so a translator sees it at the next build.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeGuard

from generator.core.errors import Location, Problem
from generator.core.i18n import N_, _
from generator.load.per_language import read_per_language
from generator.load.yaml_file import Mapping, Sequence
from generator.model.item_names import shown

GLOSSARY_FOLDER = "glossary"
FORMAT = N_(
    "write `terms:` and under it, per term, `- en: [words reserved for it]`, "
    "`  nl: [the source language's words for it]` and, if you like, `  instead: [words]`"
)


@dataclass(frozen=True)
class Term:
    reserved: tuple[str, ...]  # words of the translation, whole words, any case
    source: tuple[str, ...]  # words of the source language that allow them (parts of words)
    instead: tuple[str, ...]  # ordinary words a translator can use, for the message
    language: str  # of the translation
    location: Location  # of the entry in the glossary


def read_glossaries(cards: Path) -> dict[str, list[Term]]:
    """Each translation language's reserved terms; every problem of every file at once."""
    return read_per_language(cards / GLOSSARY_FOLDER, _terms)


def _terms(path: Path, document: Any) -> tuple[list[Term], list[Problem]]:
    language = path.stem
    entries = document.get("terms") if isinstance(document, Mapping) else None
    if not isinstance(entries, Sequence):
        return [], [
            Problem(
                Location(path, getattr(document, "line", 0)),
                _("this glossary has no list of terms"),
                _(FORMAT),
            )
        ]
    terms, problems = [], []
    for entry, line in zip(entries, entries.item_lines, strict=True):
        where = Location(path, line)
        words = {key: entry.get(key) for key in entry} if isinstance(entry, Mapping) else {}
        reserved, instead = words.pop(language, None), words.pop("instead", [])
        source = list(words.values())
        if (
            not _words(reserved)
            or len(source) != 1
            or not _words(source[0])
            or not (instead == [] or _words(instead))
        ):
            problems.append(Problem(where, _("this term is not two lists of words"), _(FORMAT)))
            continue
        lowered = tuple(word.lower() for word in source[0])
        terms.append(Term(tuple(reserved), lowered, tuple(instead), language, where))
    return terms, problems


def _words(value: Any) -> TypeGuard[list[str]]:
    """A list of one or more words."""
    return isinstance(value, list) and bool(value) and all(isinstance(w, str) for w in value)


def reserved_words(items: Iterable[Any], glossaries: dict[str, list[Term]]) -> list[Problem]:
    """Reserved words in translated texts whose own-language text does not say the term.
    items: decks or posters, each language version of a file (they share its path)."""
    by_file: dict[Path, list[Any]] = {}
    for item in items:
        by_file.setdefault(item.path, []).append(item)
    problems = []
    for versions in by_file.values():
        own = min(versions, key=lambda item: len(item.id))  # translations get '-<code>' ids
        for translated in versions:
            for term in glossaries.get(translated.language, []) if translated is not own else []:
                problems += _misused(term, own, translated)
    return problems


def _misused(term: Term, own: Any, translated: Any) -> list[Problem]:
    pattern = re.compile(rf"\b({'|'.join(map(re.escape, term.reserved))})\b", re.IGNORECASE)
    problems = []
    for ref, text in translated.texts.items():
        found = pattern.search(text)
        said = own.texts.get(ref, "").lower()
        if found and not any(word in said for word in term.source):
            problems.append(
                Problem(
                    translated.location(ref),
                    _(
                        "{item} ({language}): '{word}' is reserved for the term '{term}', which "
                        "the {own} text here does not use"
                    ).format(
                        item=shown(ref),
                        language=translated.language,
                        word=found[0],
                        term=term.source[0],
                        own=own.language,
                    ),
                    _fix(term),
                )
            )
    return problems


def _fix(term: Term) -> str:
    """What to do instead: an ordinary word (such as those the glossary lists), or another
    glossary."""
    fix = (
        _("say it with an ordinary word (such as {words}), or change the glossary ({glossary})")
        if term.instead
        else _("say it with an ordinary word, or change the glossary ({glossary})")
    )
    return fix.format(words=", ".join(term.instead), glossary=term.location)
