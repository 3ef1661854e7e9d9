"""What the generator says, in the language of the test (see the `lang` fixture).

A test writes the message it expects as the code does, in English with named placeholders:
`said("unknown key '{key}'", key="txt")`. In English that is the message; in Dutch it is the
catalogue's translation, which must be there and differ from the English, with the
placeholders filled. So a test pins the structure (file, line, item, values) in both
languages, not every Dutch sentence.
"""

from __future__ import annotations

import re
from functools import cache

from babel.messages.pofile import read_po

from generator.core import i18n
from generator.model.item_names import shown

UNFILLED = re.compile(r"\{[a-z_]+(?:[:!][^{}\s]*)?\}")  # a placeholder left as it was


@cache
def translated(language: str) -> dict[str, object]:
    """Every translated message of a language's catalogues, by its English."""
    found: dict[str, object] = {}
    for path in sorted((i18n.LOCALE_FOLDER / language / "LC_MESSAGES").glob("*.po")):
        with path.open("rb") as file:
            for message in read_po(file, locale=language):
                strings = message.string if isinstance(message.string, tuple) else (message.string,)
                if message.id and all(strings):
                    key = message.id[0] if isinstance(message.id, tuple) else message.id
                    found[key] = message.string
    return found


def _checked(message: str) -> None:
    if i18n.current() != i18n.DEFAULT:
        known = translated(i18n.current())
        assert message in known, f"no {i18n.current()} translation of {message!r}"
        assert known[message] != message, f"{message!r} is not translated"


def said(message: str, **values: object) -> str:
    """The message as the generator says it now, its placeholders filled (a text the code
    does not format, such as a schema's hint, is given without values)."""
    _checked(message)
    text = i18n._(message).format(**values) if values else i18n._(message)
    assert not UNFILLED.search(text), text
    return text


def said_n(singular: str, plural: str, count: int, **values: object) -> str:
    """A message with a singular and a plural, for count."""
    _checked(singular)
    return i18n.ngettext(singular, plural, count).format(count=count, **values)


def item(ref: str) -> str:
    """A ref (card 'x' › question 'y') as messages name it now."""
    return shown(ref)


def problem(where: str, message: str, fix: str = "") -> str:
    """One problem exactly as the CLI prints it."""
    printed = f"{i18n._('error')}: {where}: {message}\n"
    return f"{printed}    {i18n._('fix')}: {fix}\n" if fix else printed


def nothing_changed(count: int) -> str:
    """The summary line of a command that stopped on problems."""
    return said_n("{count} problem; no output was changed.",
                  "{count} problems; no output was changed.", count)  # fmt: skip
