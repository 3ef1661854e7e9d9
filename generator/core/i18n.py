"""Messages in the reader's language: Dutch or English (the default).

Every message a user reads is written in English in the code, wrapped in `_()`, and
translated by the catalogues in generator/locale/<language>/LC_MESSAGES/ (gettext's .po
format, one file per part of the program), compiled together into one `voorwie.mo` that the
standard library's gettext reads (`make messages` compiles it with Babel, a development tool;
tests/test_i18n.py fails while the .mo lags its .po files). The language
comes from `--lang`, else from the locale (LC_ALL, LC_MESSAGES, LANG), else English.

    _("there is no layout '{name}'").format(name=name)

Placeholders are named, so a translation may put them in another order.

When a message is translated: when it is made (`_()` returns the text in the current
language), not when it is shown. The command line chooses the language before any work
starts (`--lang` is read first), and a worker process starts with its parent's language
(parallel.py), so every Problem, note and report is made in the language it is shown in. Text
made at import time cannot know the language: a table of messages at module level marks them
with `N_()` (for `make messages` to find) and translates each with `_()` where it is used;
tests/test_messages.py refuses a `_()` call that runs at import.
"""

from __future__ import annotations

import datetime
import gettext
import json
import os
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from decimal import ROUND_HALF_EVEN, Decimal
from functools import cache
from pathlib import Path
from typing import Any

LANGUAGES = ("en", "nl")
DEFAULT = "en"
DOMAIN = "voorwie"
LOCALE_FOLDER = Path(__file__).parent.parent / "locale"
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")  # gettext's order

_current: gettext.NullTranslations = gettext.NullTranslations()
_language = DEFAULT


def language_from_environment(environment: Mapping[str, str] | None = None) -> str:
    """The language the locale asks for ('nl_NL.UTF-8' → 'nl'), if we speak it."""
    variables = os.environ if environment is None else environment
    for variable in LOCALE_VARIABLES:
        value = variables.get(variable, "")
        if value:  # the first one set decides, as in gettext
            language = value.split(".")[0].split("_")[0].split("-")[0].lower()
            return language if language in LANGUAGES else DEFAULT
    return DEFAULT


def use(language: str | None = None) -> str:
    """Speak `language` from now on (None: the locale's); returns the language used."""
    global _current, _language
    chosen = language or language_from_environment()
    _current = catalogue(chosen) if chosen != DEFAULT else gettext.NullTranslations()
    _language = chosen
    return chosen


@contextmanager
def speaking(language: str) -> Iterator[None]:
    """Speak `language` (English if we do not speak it) inside the block: for a text made in
    a product's language, such as the print shop's order note."""
    previous = _language
    use(language if language in LANGUAGES else DEFAULT)
    try:
        yield
    finally:
        use(previous)


def current() -> str:
    """The language spoken now."""
    return _language


def _(message: str) -> str:
    """The message in the current language (English if it has no translation yet)."""
    return _current.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural message for count, in the current language."""
    return _current.ngettext(singular, plural, count)


DECIMAL_MARK = {"nl": ",", "en": "."}


def number(value: float, digits: int | None = None) -> str:
    """A number as the language writes it ('0,5' in Dutch, '0.5' in English): `digits`
    decimals, or as many as it has up to three (9.0 → '9'); never grouped (1200)."""
    exact = Decimal(str(value)).quantize(Decimal(1).scaleb(-(3 if digits is None else digits)),
                                         ROUND_HALF_EVEN)  # fmt: skip
    text = f"{exact:f}"
    if digits is None and "." in text:
        text = text.rstrip("0").rstrip(".")
    text = "0" if text == "-0" else text
    return text.replace(".", DECIMAL_MARK.get(_language, "."))


# How a reader of each product language writes a date: the day, the month in words (lower
# case in Dutch), the year: "1 december 2026", "1 December 2026". A table rather than Babel's
# date formatting, whose locale data took 86 ms to load in every build.
MONTHS = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}  # fmt: skip


def written_date(iso: str, language: str) -> str:
    """An ISO date (2026-12-01) as a reader of the product's language writes it: "1 december
    2026" in Dutch, "1 December 2026" in English (and in a language without a table)."""
    day = datetime.date.fromisoformat(iso)
    months = MONTHS.get(language, MONTHS["en"])
    return f"{day.day} {months[day.month - 1]} {day.year}"


def N_(message: str) -> str:
    """Marks a message for the catalogue without translating it: for tables made at import
    time, whose entries are translated with `_()` where they are used."""
    return message


COMPILED = "voorwie.mo"  # every .po file of a language, compiled together


def compiled_path(language: str) -> Path:
    return LOCALE_FOLDER / language / "LC_MESSAGES" / COMPILED


@cache
def catalogue(language: str) -> gettext.NullTranslations:
    """The language's compiled catalogue, read once."""
    with compiled_path(language).open("rb") as file:
        return gettext.GNUTranslations(file)


# The texts of the JSON Schemas that reach the messages: the fix (`x-hint`) of a rule.
_SCHEMA_HINT = re.compile(r'"x-hint"\s*:\s*("(?:[^"\\]|\\.)*")')


def schema_hints(
    fileobj: Any, keywords: Any, comment_tags: Any, options: Any
) -> Iterator[tuple[int, str, str, list[str]]]:
    """A Babel extractor (see generator/locale/babel.cfg): the `x-hint` texts of a JSON
    Schema, which validate/schema_check.py translates with `_()`."""
    for number, line in enumerate(fileobj.read().decode("utf-8").splitlines(), start=1):
        for found in _SCHEMA_HINT.finditer(line):
            yield number, "_", json.loads(found[1]), []


use(None)  # the locale's language until the command line says otherwise
