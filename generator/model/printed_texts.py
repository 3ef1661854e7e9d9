"""Every text a card prints, in one inventory: what kind of text it is (with the word an editor
reads for it), the card it prints on, its key among that card's texts in the manifest and the
release record, and its place (ref) in the deck file.

The manifest and the release record keep a card's texts by key ("question:gezin-draagkracht"),
so that a card is known by its id and a text by its item; the change report names each by its
kind (`kind_of`). tests/test_printed_texts.py holds the inventory to the deck file: each text
a card prints is one the deck file says, and each text of the deck file is printed on a card
or deck-wide (title, labels, levels).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from generator.core.i18n import N_
from generator.model.deck import Card, Deck, Point


class TextKind(StrEnum):
    HEADING = "heading"
    PART = "part"  # the heading of the source's part, above a card's heading
    LEVEL = "level"
    INTRO = "intro"
    SECTION_HEADING = "section-heading"
    SECTION = "section"
    QUESTION = "question"  # a question or a sub-question
    POINT = "point"
    POINT_SOURCE = "point-source"
    SUBPOINT = "subpoint"
    BACK_HEADING = "back"
    BACK_INTRO = "back-intro"
    SOURCE = "source"
    DIGITAL_VERSION_URL = "digital_version_url"  # the cover's QR code


@dataclass(frozen=True)
class KindOfText:
    noun: str  # what an editor calls it (translated where shown)
    key: str  # its key among its card's texts; {id}: the item's id


KINDS_OF_TEXT: dict[TextKind, KindOfText] = {
    TextKind.HEADING: KindOfText(N_("heading"), "heading"),
    TextKind.PART: KindOfText(N_("heading of the part"), "part"),
    TextKind.LEVEL: KindOfText(N_("level"), "level:{id}"),
    TextKind.INTRO: KindOfText(N_("lead-in"), "intro"),
    TextKind.SECTION_HEADING: KindOfText(N_("heading of a text"), "section:{id}:heading"),
    TextKind.SECTION: KindOfText(N_("text"), "section:{id}"),
    TextKind.QUESTION: KindOfText(N_("question"), "question:{id}"),
    TextKind.POINT: KindOfText(N_("point"), "point:{id}"),
    TextKind.POINT_SOURCE: KindOfText(N_("source of a point"), "point:{id}:source"),
    TextKind.SUBPOINT: KindOfText(N_("sub-point"), "subpoint:{id}"),
    TextKind.BACK_HEADING: KindOfText(N_("heading on the back"), "back:heading"),
    TextKind.BACK_INTRO: KindOfText(N_("lead-in on the back"), "back:intro"),
    TextKind.SOURCE: KindOfText(N_("source"), "source"),
    TextKind.DIGITAL_VERSION_URL: KindOfText(N_("address of the digital version"),
                                             "digital_version_url"),
}  # fmt: skip

# Items a card's text is known by, so it is followed when it moves to another card.
MOVABLE = frozenset({TextKind.QUESTION, TextKind.POINT, TextKind.SUBPOINT, TextKind.SECTION,
                     TextKind.SECTION_HEADING, TextKind.POINT_SOURCE})  # fmt: skip


@dataclass(frozen=True)
class PrintedText:
    """One text a card prints."""

    kind: TextKind
    text: str
    ref: str  # where it stands in the deck file: "question 'gezin-draagkracht'"
    item: str = ""  # the id of the question, point, section or level it is

    @property
    def key(self) -> str:
        return KINDS_OF_TEXT[self.kind].key.format(id=self.item)


def printed_on(card: Card, deck: Deck) -> list[PrintedText]:
    """Every text the card prints, as the card reads from top to bottom, front then back."""
    return list(_walk(card, deck))


def _walk(card: Card, deck: Deck) -> Iterator[PrintedText]:
    if card.part:
        yield PrintedText(TextKind.PART, card.part, f"{card.ref} › part")
    if card.heading:
        yield PrintedText(TextKind.HEADING, card.heading, f"{card.ref} › heading")
    if card.level:
        yield PrintedText(TextKind.LEVEL, card.level.name, card.level.ref, card.level.id)
    if card.intro:
        yield PrintedText(TextKind.INTRO, card.intro, f"{card.ref} › intro")
    for section in card.sections:
        yield PrintedText(TextKind.SECTION_HEADING, section.heading, f"{section.ref} › heading",
                          section.id)  # fmt: skip
        yield PrintedText(TextKind.SECTION, section.text, section.ref, section.id)
    for question in card.all_questions():
        yield PrintedText(TextKind.QUESTION, question.text, question.ref, question.id)
    yield from _points(card.points)
    if card.back and card.back.heading:
        yield PrintedText(TextKind.BACK_HEADING, card.back.heading, f"{card.ref} › back › heading")
    if card.back and card.back.intro:
        yield PrintedText(TextKind.BACK_INTRO, card.back.intro, f"{card.ref} › back › intro")
    if card.back:
        yield from _points(card.back.points)
    if card.source:
        yield PrintedText(TextKind.SOURCE, card.source, f"{card.ref} › source")
    if card.kind == "cover" and deck.digital_version_url:  # its QR code is on the cover
        yield PrintedText(TextKind.DIGITAL_VERSION_URL, deck.digital_version_url,
                          "deck › digital_version_url")  # fmt: skip


def _points(points: tuple[Point, ...]) -> Iterator[PrintedText]:
    for point in points:
        yield PrintedText(TextKind.POINT, point.text, point.ref, point.id)
        for sub in point.sub:
            yield PrintedText(TextKind.SUBPOINT, sub.text, sub.ref, sub.id)
        if point.source:
            yield PrintedText(TextKind.POINT_SOURCE, point.source, f"{point.ref} › source",
                              point.id)  # fmt: skip


def _pattern(key: str) -> re.Pattern[str]:
    return re.compile(re.escape(key).replace(re.escape("{id}"), "(?P<id>[^:]+)") + "$")


KEY_PATTERNS = tuple((_pattern(kind.key), name) for name, kind in KINDS_OF_TEXT.items())


def kind_of(key: str) -> TextKind | None:
    """The kind of a card's text by its key (as the manifest and release files keep it)."""
    return next((name for pattern, name in KEY_PATTERNS if pattern.match(key)), None)
