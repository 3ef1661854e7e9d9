"""Characters the font cannot print: one problem per text, naming each character, with a fix
that fits it (the ordinary look-alike, delete an invisible one, replace one the font lacks).

The font is a stand-in that has ASCII and Latin-1 only, so the tests say nothing about the
shipped font or content; each runs in English and in Dutch (tests/messages.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.core.errors import Location, Problem
from generator.model.item_names import listed
from generator.validate.glyphs import check_glyphs
from tests.messages import item, said, said_n

REF = "card 'c0' › question 'q0'"
WHERE = Location(Path("cards/deck.yaml"), 7)
DELETE = ("delete {chars}: it is invisible and comes along when text is copied from another "
          "program", "delete {chars}: they are invisible and come along when text is copied "
          "from another program")  # fmt: skip
REPLACE = ("the font has nothing like {chars}: replace it by a word or a character it has, or "
           "remove it", "the font has nothing like {chars}: replace them by words or characters "
           "it has, or remove them")  # fmt: skip


class Font:
    """A font with ASCII and Latin-1 (U+0020 to U+00FF) only."""

    family = "Proef Sans"

    def covered_characters(self, weight: str) -> frozenset[int]:
        return frozenset(range(0x20, 0x100)) - {0x7F}


def problems(text: str) -> list[Problem]:
    return check_glyphs({REF: text}, lambda ref: WHERE, Font())  # type: ignore[arg-type]


def message(*chars: str) -> str:
    return said("{item}: the font {font} cannot print {chars}", item=item(REF),
                font="Proef Sans", chars=listed(list(chars)))  # fmt: skip


def test_three_characters_on_a_line_are_one_problem_with_one_fix_for_each_kind(lang: str) -> None:
    """'ŋ' and '☺' the font has nothing like; U+2060 is invisible, named by code and name."""
    [found] = problems("Wie doet ŋ wat☺ voor\u2060 wie?")
    deleted = said_n(*DELETE, 1, chars="U+2060 (WORD JOINER)")
    replaced = said_n(*REPLACE, 2, chars=listed(["'ŋ'", "'☺'"]))
    assert found == Problem(
        WHERE, message("'ŋ'", "'☺'", "U+2060 (WORD JOINER)"), f"{deleted}; {replaced}"
    )


@pytest.mark.parametrize(
    ("char", "shown", "plain"),
    [("ǩ", "'ǩ'", "'k'"), ("ﬁ", "'ﬁ'", "'fi'"), ("①", "'①'", "'1'"), ("′", "'′'", "\"'\""),
     ("\u2009", "U+2009 (THIN SPACE)", "' '")],
)  # fmt: skip
def test_a_look_alike_is_typed_as_the_ordinary_character(
    char: str, shown: str, plain: str, lang: str
) -> None:
    [found] = problems(f"Wie doet{char}wat?")
    assert found == Problem(
        WHERE, message(shown), said("type {char} as {plain}", char=shown, plain=plain)
    )


def test_a_control_character_is_deleted(lang: str) -> None:
    [found] = problems("Wie doet\x01 wat?")
    shown = f"U+0001 ({said('invisible control character')})"
    assert found == Problem(WHERE, message(shown), said_n(*DELETE, 1, chars=shown))


def test_a_character_is_named_once_however_often_it_stands(lang: str) -> None:
    [found] = problems("☺ Wie ☺ doet ☺ wat?")
    assert found == Problem(WHERE, message("'☺'"), said_n(*REPLACE, 1, chars="'☺'"))
