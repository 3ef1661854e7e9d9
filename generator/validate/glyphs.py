"""Every character of the content must be in the font: a missing glyph is a named error."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from generator.core.errors import Location, Problem
from generator.core.i18n import N_, _, ngettext
from generator.core.markup import plain
from generator.model.item_names import listed, shown
from generator.model.layout import FontSpec

WEIGHTS_USED = ("regular", "bold")
# Control characters, surrogates and non-characters (U+FFFF, …) are no text, even where a
# font maps them (Atkinson Hyperlegible maps U+FFFF): they cannot be printed, and XML, which
# the draw lists are, cannot carry most of them.
NOT_TEXT = {
    "Cc": N_("invisible control character"),
    "Cs": N_("invisible lone surrogate"),
    "Cn": N_("invisible unassigned character"),
}
# Characters that show nothing (a format character such as U+2060 WORD JOINER) or only space:
# named by their code and name, as they cannot be quoted.
INVISIBLE = ("C", "Z")
# Typographic look-alikes that no decomposition gives: the ordinary character to type instead.
LOOK_ALIKES = {"′": "'", "″": '"', "‵": "'", "‛": "'", "‟": '"', "‐": "-", "‑": "-", "‒": "-",
               "―": "-", "⁃": "-", "∙": "·", "•": "·", "‧": "·"}  # fmt: skip


def check_glyphs(
    texts: dict[str, str], locate: Callable[[str], Location], font: FontSpec
) -> list[Problem]:
    """One problem per text (its line) with characters the font cannot print, naming them,
    with a fix that fits them: the ordinary look-alike to type, or to delete or replace."""
    covered = font.covered_characters(WEIGHTS_USED[0]) & font.covered_characters(WEIGHTS_USED[1])
    problems = []
    for ref, text in texts.items():
        missing = list(
            dict.fromkeys(ch for ch in plain(text) if ord(ch) not in covered or _not_text(ch))
        )  # in the order they stand
        if missing:
            message = _("{item}: the font {font} cannot print {chars}").format(
                item=shown(ref), font=font.family, chars=listed([named(ch) for ch in missing])
            )
            problems.append(Problem(locate(ref), message, _fix(missing, covered)))
    return problems


def named(ch: str) -> str:
    """A character as a message names it: quoted ('ŋ'), or by its code and name when it shows
    nothing (U+2060 WORD JOINER)."""
    if unicodedata.category(ch)[0] not in INVISIBLE:
        return repr(ch)
    kind = NOT_TEXT.get(unicodedata.category(ch))
    name = _(kind) if kind else unicodedata.name(ch, "")
    return f"U+{ord(ch):04X} ({name})" if name else f"U+{ord(ch):04X}"


def look_alike(ch: str, covered: frozenset[int]) -> str | None:
    """The ordinary character(s) the font has that look like ch ('k' for 'ǩ', 'fi' for 'ﬁ')."""
    if _not_text(ch):
        return None
    decomposed = unicodedata.normalize("NFKD", ch)
    found = LOOK_ALIKES.get(ch) or "".join(
        part for part in decomposed if not unicodedata.combining(part)
    )
    if found and found != ch and all(ord(part) in covered for part in found):
        return found
    return None


def _fix(missing: list[str], covered: frozenset[int]) -> str:
    """What to do with each kind of character: type its look-alike, delete it (invisible),
    or replace it (the font has nothing like it)."""
    fixes = []
    delete, replace = [], []
    for ch in missing:
        instead = look_alike(ch, covered)
        if instead:
            fixes.append(_("type {char} as {plain}").format(char=named(ch), plain=repr(instead)))
        elif unicodedata.category(ch)[0] in INVISIBLE:
            delete.append(named(ch))
        else:
            replace.append(named(ch))
    if delete:
        fixes.append(
            ngettext(
                "delete {chars}: it is invisible and comes along when text is copied from "
                "another program",
                "delete {chars}: they are invisible and come along when text is copied from "
                "another program",
                len(delete),
            ).format(chars=listed(delete))
        )
    if replace:
        fixes.append(
            ngettext(
                "the font has nothing like {chars}: replace it by a word or a character it has, "
                "or remove it",
                "the font has nothing like {chars}: replace them by words or characters it has, "
                "or remove them",
                len(replace),
            ).format(chars=listed(replace))
        )
    return "; ".join(fixes)


def _not_text(ch: str) -> bool:
    """Whether a character is a control character, a surrogate or a non-character."""
    return unicodedata.category(ch) in NOT_TEXT
