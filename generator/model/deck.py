"""The content model: typed, validated decks with a source location for every printed text."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol, TypeVar

from generator.core.errors import Location
from generator.core.i18n import written_date


@dataclass(frozen=True)
class Edition:
    version: str
    date: str  # ISO date, year-month-day; as printed (see `printed`), the date as written
    iso: str = field(default="", compare=False)  # as printed: the ISO date, for machines


class _Edited(Protocol):
    @property
    def edition(self) -> Edition: ...
    @property
    def language(self) -> str: ...


Part = TypeVar("Part", bound=_Edited)


def printed(part: Part) -> Part:
    """A deck or poster as its templates see it: its edition's date written as its language
    writes dates ("1 december 2026"), the ISO date kept as `edition.iso`. One place turns
    dates into text, so every template prints one date style."""
    edition = part.edition
    shown = Edition(edition.version, written_date(edition.date, part.language), edition.date)
    return replace(part, edition=shown)  # type: ignore[type-var]


@dataclass(frozen=True)
class Level:
    id: str
    name: str
    index: int  # position in the deck's list: picks the layout's colour and symbol
    ref: str


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    check: bool  # False: a hint printed without a tick box
    sub: tuple[Question, ...]
    ref: str


@dataclass(frozen=True)
class Section:
    id: str
    heading: str
    text: str
    ref: str


@dataclass(frozen=True)
class Point:
    id: str
    text: str
    ref: str
    sub: tuple[Point, ...] = ()  # points under this one, as the source nests them
    source: str | None = None  # where this point's text comes from, printed under it


@dataclass(frozen=True)
class Correction:
    """A slip of the source corrected in print: the source's wording and ours, side by side."""

    source: str  # the source's wording, as it stands there
    printed: str  # what the content prints instead (a printed text contains it)
    note: str | None
    location: Location


@dataclass(frozen=True)
class PointList:
    """What the back of a points card lists."""

    heading: str | None  # None: the front's list goes on
    intro: str | None
    points: tuple[Point, ...]


@dataclass(frozen=True)
class Card:
    id: str
    kind: str
    heading: str | None
    level: Level | None
    sections: tuple[Section, ...]
    questions: tuple[Question, ...]
    ref: str
    intro: str | None = None
    points: tuple[Point, ...] = ()
    part: str | None = None  # the heading of the source's part this card's heading belongs to
    back: PointList | None = None
    source: str | None = None

    def all_questions(self) -> Iterator[Question]:
        for question in self.questions:
            yield question
            yield from question.sub


@dataclass(frozen=True)
class Deck:
    id: str
    title: str
    subtitle: str | None
    language: str
    edition: Edition
    source: str
    layout: str
    trim: str | dict[str, float] | None  # None: the layout's default
    labels: dict[str, str]
    levels: tuple[Level, ...]
    cards: tuple[Card, ...]
    path: Path
    # Every printed text by its ref, such as "question 'gezin-draagkracht'".
    texts: dict[str, str] = field(default_factory=dict, compare=False)
    # Where each ref (texts, cards, ...) stands in the deck file.
    locations: dict[str, Location] = field(default_factory=dict, compare=False)
    # Web address of the deck's digital version: a QR code to it goes on the cover's back.
    digital_version_url: str | None = None
    # Words the content says how to break (cards/hyphenation/<language>.yaml).
    hyphenation: tuple[str, ...] = ()
    # The source's slips this file corrects in print (the transcription audit undoes them).
    corrections: tuple[Correction, ...] = ()
    # A translation's texts kept in the file's own language (a source's name): (ref, language).
    passages: tuple[tuple[str, str], ...] = ()
    # Also make the one-card product, every question of the deck on one card for the bag:
    # "card" (double-sided), "folded" (one sheet folded to the trim), "" (none).
    one_card: str = ""

    def location(self, ref: str) -> Location:
        return self.locations.get(ref, Location(self.path))

    @property
    def has_checklist(self) -> bool:
        """Whether the deck has question cards, and so a checklist form for a tablet."""
        return any(card.kind == "questions" for card in self.cards)
