"""Every character of the content must be in the font: a missing glyph is a named error."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from generator.errors import Location, Problem
from generator.i18n import N_, _
from generator.item_names import shown
from generator.layout_model import FontSpec
from generator.markup import plain

WEIGHTS_USED = ("regular", "bold")
# Control characters, surrogates and non-characters (U+FFFF, …) are no text, even where a
# font maps them (Atkinson Hyperlegible maps U+FFFF): they cannot be printed, and XML, which
# the draw lists are, cannot carry most of them.
NOT_TEXT = {
    "Cc": N_("the invisible control character"),
    "Cs": N_("the invisible lone surrogate"),
    "Cn": N_("the invisible unassigned character"),
}


def check_glyphs(
    texts: dict[str, str], locate: Callable[[str], Location], font: FontSpec
) -> list[Problem]:
    """One problem per missing character and place, naming its code point."""
    covered = font.covered_characters(WEIGHTS_USED[0]) & font.covered_characters(WEIGHTS_USED[1])
    problems = []
    for ref, text in texts.items():
        for ch in sorted({ch for ch in plain(text) if ord(ch) not in covered or _not_text(ch)}):
            name = unicodedata.name(ch, "unnamed character")
            kind = NOT_TEXT.get(unicodedata.category(ch))
            if kind:
                problems.append(
                    Problem(
                        locate(ref),
                        _("{item}: {kind} U+{code:04X} cannot be printed").format(
                            item=shown(ref), kind=_(kind), code=ord(ch)
                        ),
                        _(
                            "remove it: such characters come along when text is copied from "
                            "another program"
                        ),
                    )
                )
                continue
            problems.append(
                Problem(
                    locate(ref),
                    _(
                        "{item}: the character {char} (U+{code:04X} {name}) is not in the font "
                        "{font}"
                    ).format(
                        item=shown(ref), char=repr(ch), code=ord(ch), name=name, font=font.family
                    ),
                    _("type it as a character the font has (for example ' for ’), or remove it"),
                )
            )
    return problems


def _not_text(ch: str) -> bool:
    """Whether a character is a control character, a surrogate or a non-character."""
    return unicodedata.category(ch) in NOT_TEXT
