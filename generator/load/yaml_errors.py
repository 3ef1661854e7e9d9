"""libyaml's errors in an editor's words: what is wrong, on which line and column, what to do.

libyaml says what its parser missed ("found character that cannot start any token"); an
editor needs what they typed ("there is a tab where spaces belong"). PLAIN maps each of
libyaml's common scanner and parser errors to a plain message and fix; a few are told apart
by what stands at the place (a tab, or a colon inside a text). Any other error still gets a
plain message with the file, line and column, and libyaml's words in brackets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.core.errors import Location, UserError, fail
from generator.core.i18n import N_, _


@dataclass(frozen=True)
class Plain:
    """What a libyaml error means here; at: the mark that names the place ("context": where
    the unfinished thing began, such as an opening quotation mark)."""

    message: str
    fix: str
    at: str = "problem"


TAB = Plain(
    N_("there is a tab where spaces belong"),
    N_("indent with spaces only: replace the tab by spaces, as many as the lines around it use"),
)
START = Plain(
    N_("a text cannot start with '{char}' unless it is between quotation marks"),
    N_('put the text between quotation marks: text: "{char}…"'),
)
COLON = Plain(
    N_("there is a ': ' (a colon and a space) inside a text"),
    N_('put the text between quotation marks: text: "Denk aan: wonen, werken"'),
)
KEY_TOO_DEEP = Plain(
    N_(
        "a key stands where the text above goes on: this line is indented further than the key "
        "above it"
    ),
    N_(
        "indent the line as far as the keys above it; if it belongs to the text above, put that "
        "text between quotation marks"
    ),
)
NO_KEY = Plain(
    N_("this line is neither a key with its value (key: value) nor an item of a list (- …)"),
    N_(
        "write the key and a colon before the text (text: …); a text that goes on over more "
        "lines is indented further than its key"
    ),
    at="context",
)
NO_COLON = Plain(
    N_("there is no colon after the key in '{line}'"),
    N_("put a colon and a space after the key: {fixed}"),
)
INDENT = Plain(
    N_("this line does not line up with the lines above it"),
    N_("indent it with spaces exactly as far as the other keys (or '- ' items) at its level"),
)
AFTER_QUOTE = Plain(
    N_("the text goes on after its closing quotation mark (or bracket)"),
    N_(
        "put the whole text between quotation marks; a quotation mark inside it is written twice "
        "('') between single ones"
    ),
)
LIST_INDENT = Plain(
    N_("this line does not line up with the list above it"),
    N_(
        "start each item with '- ' as far in as the other items; the keys of an item line up "
        "with the key after its '- '"
    ),
)
NO_VALUE = Plain(
    N_(
        "a value is missing here, or it starts with a character YAML keeps for itself (such as "
        "']', '}}' or ',')"
    ),
    N_("put the text between quotation marks, or write a value after the colon"),
)
UNCLOSED_LIST = Plain(
    N_("the list opened with '[' here is not closed"),
    N_(
        "close it with ']' on the same line; if the '[' belongs to the text, put the whole text "
        "between quotation marks"
    ),
    at="context",
)
UNCLOSED_GROUP = Plain(
    N_("the group of keys opened with '{{' here is not closed"),
    N_(
        "close it with '}}' on the same line; if the '{{' belongs to the text, put the whole text "
        "between quotation marks"
    ),
    at="context",
)
UNCLOSED_QUOTE = Plain(
    N_("the quotation mark opened here is not closed"),
    N_('close it at the end of the text: text: "…"'),
    at="context",
)
ESCAPE = Plain(
    N_("a backslash (\\) between double quotation marks starts a code YAML does not know"),
    N_("write two backslashes (\\\\), or put the text between single quotation marks ('…')"),
)
BLOCK_HEADER = Plain(
    N_("after '|' or '>' the text begins on the next line"),
    N_(
        "put the text on the lines below, indented further than its key, or put it between "
        "quotation marks"
    ),
)
DASH = Plain(
    N_("a text cannot start with '- ' after a key"),
    N_("put the text between quotation marks, or start the list on the next line, indented"),
)
GENERAL = Plain(
    N_("YAML cannot read the file here ({words})"),
    N_(
        "check the indentation (spaces, not tabs) and the quotation marks on this line and the "
        "one above; a text with ': ' in it, or that starts with a special character (* & ! [ {{ "
        "' \"), goes between quotation marks"
    ),
)

# libyaml's words (the error's `problem`) → what they mean here.
PLAIN = {
    "found character that cannot start any token": START,
    "found a tab character that violates indentation": TAB,
    "found a tab character where an indentation space is expected": TAB,
    "mapping values are not allowed in this context": COLON,
    "mapping keys are not allowed in this context": START,
    "block sequence entries are not allowed in this context": DASH,
    "could not find expected ':'": NO_KEY,
    "did not find expected key": INDENT,
    "did not find expected '-' indicator": LIST_INDENT,
    "did not find expected node content": NO_VALUE,
    "did not find expected ',' or ']'": UNCLOSED_LIST,
    "did not find expected ',' or '}'": UNCLOSED_GROUP,
    "found unexpected end of stream": UNCLOSED_QUOTE,
    "found unknown escape character": ESCAPE,
    "did not find expected alphabetic or numeric character": Plain(
        START.message, START.fix, at="context"
    ),
    "found undefined tag handle": START,
    "did not find expected comment or line break": BLOCK_HEADER,
}
CLOSERS = "\"')]}"


def plain_error(error: yaml.MarkedYAMLError, path: Path, text: str) -> UserError:
    """A parser error as a plain message at its line and column."""
    words = {"words": error.problem or error.context or ""}
    mark = error.problem_mark or error.context_mark
    if mark is None:
        return _problem(GENERAL, path, 0, 0, {**words, "char": ""})
    opened = unclosed_quote(text, mark.line + 1)
    if opened:  # whatever libyaml says next, the quotation mark is what went wrong
        return _problem(UNCLOSED_QUOTE, path, *opened, {})
    plain = PLAIN.get(error.problem or "", GENERAL)
    at_the_end = mark.index >= len(text.rstrip())  # then where the unfinished thing began
    bracket_opened = unclosed_bracket(text) if at_the_end else None
    if bracket_opened:
        line, column, bracket = bracket_opened
        return _problem(UNCLOSED_LIST if bracket == "[" else UNCLOSED_GROUP, path, line, column, {})
    if error.context_mark and (plain.at == "context" or at_the_end):
        mark = error.context_mark
    keyless = _keyless_line(text, mark.line, plain)
    if keyless:
        line, column, row = keyless
        key, rest = row.split(" ", 1)
        values = {"line": row, "fixed": f"{key}: {rest.lstrip()}"}
        return _problem(NO_COLON, path, line, column, values)
    row = text.splitlines()[mark.line] if mark.line < len(text.splitlines()) else ""
    char = row[mark.column] if mark.column < len(row) else ""
    plain = _told_apart(plain, char, row[: mark.column])
    return _problem(plain, path, mark.line + 1, mark.column + 1, {**words, "char": char})


KEYLIKE = re.compile(r"[\w-]+ +\S")  # a word, then the text: 'nl Wat is er nodig?'


def _indent(row: str) -> int:
    return len(row) - len(row.lstrip(" "))


def _keyless_line(text: str, index: int, plain: Plain) -> tuple[int, int, str] | None:
    """(line, column, text) of the line that lacks the colon after its key, if that is what
    went wrong: libyaml names the line itself ("could not find expected ':'") when the next
    line is less indented, else the next key, which it read as a text going on below the
    line that lacks it ("mapping values are not allowed")."""
    rows = text.splitlines()
    if plain is COLON:  # the text began on an earlier line: its first line is the culprit
        start, above, indent = None, index - 1, _indent(rows[index])
        while above >= 0 and (not rows[above].strip() or _indent(rows[above]) >= indent):
            if ":" in rows[above] or rows[above].lstrip().startswith(("#", "- ")):
                return None
            start = above if rows[above].strip() else start
            above -= 1
        if start is None or above < 0 or not rows[above].rstrip().endswith(":"):
            return None
        index = start
    elif plain is not NO_KEY:
        return None
    row = rows[index] if index < len(rows) else ""
    if ":" in row or not KEYLIKE.match(row.lstrip()):
        return None
    return index + 1, _indent(row) + 1, row.strip()


def _told_apart(plain: Plain, char: str, before: str) -> Plain:
    """The meaning of a few errors depends on what stands at the place and before it."""
    if plain in (START, TAB) and char == "\t":
        return TAB
    if plain is COLON and ": " not in before and not before.lstrip().startswith("- "):
        return KEY_TOO_DEEP  # the line's only colon: a key where none belongs
    if plain is INDENT and before.strip() and before.rstrip()[-1] in CLOSERS:
        return AFTER_QUOTE
    return plain


def _problem(plain: Plain, path: Path, line: int, column: int, values: dict) -> UserError:
    return fail(Location(path, line, column), _(plain.message).format(**values),
                _(plain.fix).format(**values))  # fmt: skip


def reader_error(error: yaml.reader.ReaderError, path: Path, text: str) -> UserError:
    """A character libyaml refuses to read (a control character)."""
    position = min(error.position, len(text))
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    return fail(
        Location(path, line, column),
        _("the file holds an invisible control character (U+{code:04X})").format(
            code=error.character if isinstance(error.character, int) else 0
        ),
        _("remove it: such characters come along when text is copied from another program"),
    )


def unclosed_quote(text: str, up_to: int) -> tuple[int, int] | None:
    """(line, column) of the first quotation mark before line up_to that opens a value and
    is not closed on its line."""
    for number, row in enumerate(text.splitlines()[:up_to], start=1):
        value = row.split(": ", 1)[1] if ": " in row else row.lstrip("- ")
        stripped = value.lstrip()
        if not stripped or stripped[0] not in "\"'":
            continue
        quote = stripped[0]
        rest = stripped.replace('\\"', "") if quote == '"' else stripped.replace("''", "")
        if rest.count(quote) % 2:
            return number, len(row) - len(stripped) + 1
    return None


def unclosed_bracket(text: str) -> tuple[int, int, str] | None:
    """(line, column, bracket) of the last value that opens a '[' or '{' and does not close it
    on its line: at the end of the file, what was left open."""
    found = None
    for number, row in enumerate(text.splitlines(), start=1):
        value = row.split(": ", 1)[1] if ": " in row else row.lstrip("- ")
        stripped = value.lstrip()
        if stripped[:1] in ("[", "{"):
            bracket = stripped[0]
            closing = "]" if bracket == "[" else "}"
            if stripped.count(bracket) > stripped.count(closing):
                found = number, len(row) - len(stripped) + 1, bracket
    return found
