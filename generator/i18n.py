"""Messages in the reader's language: Dutch or English (the default).

Every message a user reads is written in English in the code, wrapped in `_()`, and
translated by the catalogues in generator/locale/<language>/LC_MESSAGES/ (gettext's .po
format, read with Babel; one file per part of the program, all read together). The language
comes from `--lang`, else from the locale (LC_ALL, LC_MESSAGES, LANG), else English.

    _("there is no layout '{name}'").format(name=name)

Placeholders are named, so a translation may put them in another order.
"""

from __future__ import annotations

import gettext
import io
import os
from functools import cache
from pathlib import Path

LANGUAGES = ("en", "nl")
DEFAULT = "en"
DOMAIN = "voorwie"
LOCALE_FOLDER = Path(__file__).parent / "locale"
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")  # gettext's order

_current: gettext.NullTranslations = gettext.NullTranslations()


def language_from_environment(environment: dict[str, str] | None = None) -> str:
    """The language the locale asks for ('nl_NL.UTF-8' → 'nl'), if we speak it."""
    environment = os.environ if environment is None else environment
    for variable in LOCALE_VARIABLES:
        value = environment.get(variable, "")
        if value:  # the first one set decides, as in gettext
            language = value.split(".")[0].split("_")[0].split("-")[0].lower()
            return language if language in LANGUAGES else DEFAULT
    return DEFAULT


def use(language: str | None = None) -> str:
    """Speak `language` from now on (None: the locale's); returns the language used."""
    global _current
    chosen = language or language_from_environment()
    _current = catalogue(chosen) if chosen != DEFAULT else gettext.NullTranslations()
    return chosen


def _(message: str) -> str:
    """The message in the current language (English if it has no translation yet)."""
    return _current.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return _current.ngettext(singular, plural, count)


@cache
def catalogue(language: str) -> gettext.NullTranslations:
    """The language's catalogues, read from their .po files once (compiled in memory)."""
    from babel.messages.catalog import Catalog  # only for another language than English
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    merged = Catalog(locale=language, domain=DOMAIN)
    for path in sorted((LOCALE_FOLDER / language / "LC_MESSAGES").glob("*.po")):
        with path.open("rb") as file:
            for message in read_po(file, locale=language):
                if message.id:
                    merged[message.id] = message
    compiled = io.BytesIO()
    write_mo(compiled, merged)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


use(None)  # the locale's language until the command line says otherwise
