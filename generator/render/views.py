"""What the templates of every engine read about a deck and a poster, built in one place: the
levels with their looks and cards, the intensity steps with theirs, the start question and
its card. The print faces (deck_faces, one_card, poster_faces) and the HTML page (html/page)
take their values from these views, so a level's look or a step's number is decided once."""

from __future__ import annotations

from dataclasses import dataclass

from generator.model.deck import Card, Deck, Level, Question
from generator.model.layout import Layout, Look, Step
from generator.model.poster import Intensity, Poster


@dataclass(frozen=True)
class LevelView:
    """A level as printed: its look (colour and symbol), its number and its question cards."""

    level: Level
    look: Look
    number: int  # 1 for the first level
    cards: tuple[Card, ...]  # the question cards of this level, in the deck's order


@dataclass(frozen=True)
class StepView:
    """One intensity of the continuum as printed: its look on the scale and its number."""

    intensity: Intensity
    look: Step
    number: int  # 1 for the lowest
    count: int  # how many intensities the scale has


@dataclass(frozen=True)
class DeckView:
    """A deck as its templates see it."""

    deck: Deck
    levels: tuple[LevelView, ...]
    neutral: Look | None  # the look of a card without a level (the layout's)

    def look_of(self, card: Card) -> Look:
        """A card's look: its level's, or the neutral one for a card without."""
        if card.level is not None:
            return self.levels[card.level.index].look
        assert self.neutral is not None, "checked by check_deck_against_layout"
        return self.neutral


@dataclass(frozen=True)
class PosterView:
    """A poster as its templates see it, with what it shows of its deck."""

    poster: Poster
    deck: DeckView
    start: Question | None  # the start question of the flowchart, from the deck
    start_card: Card | None  # the deck's card that asks it
    steps: tuple[StepView, ...]

    @property
    def looks(self) -> dict[str, Step]:
        """Each intensity's look on the scale, by its id."""
        return {step.intensity.id: step.look for step in self.steps}

    @property
    def names(self) -> dict[str, str]:
        """Each intensity's name, by its id."""
        return {step.intensity.id: step.intensity.name for step in self.steps}


def deck_view(deck: Deck, layout: Layout) -> DeckView:
    levels = tuple(
        LevelView(level, layout.look(level.index), level.index + 1,
                  tuple(c for c in deck.cards if c.kind == "questions" and c.level == level))
        for level in deck.levels
    )  # fmt: skip
    return DeckView(deck, levels, layout.neutral)


def start_card(poster: Poster, deck: Deck) -> Card | None:
    """The deck's card that asks the poster's start question."""
    asks = (c for c in deck.cards if any(q.id == poster.start_question for q in c.questions))
    return next(asks, None)


def shown_of_deck(poster: Poster, deck: Deck) -> tuple[Question | None, tuple[Level, ...]]:
    """All a poster shows of its deck: the start question and the levels (what its cache key
    reads of the deck, so a question edited elsewhere in the deck does not redraw it)."""
    card = start_card(poster, deck)
    questions = card.questions if card else ()
    return next((q for q in questions if q.id == poster.start_question), None), deck.levels


def poster_view(poster: Poster, deck: Deck, layout: Layout) -> PosterView:
    """The poster's view; layout is the poster's, which gives the steps' and levels' looks."""
    start, _levels = shown_of_deck(poster, deck)
    count = len(poster.intensities)
    last = len(layout.steps) - 1  # more intensities than looks: the last look repeats
    steps = tuple(StepView(intensity, layout.steps[min(i, last)], i + 1, count)
                  for i, intensity in enumerate(poster.intensities))  # fmt: skip
    return PosterView(poster, deck_view(deck, layout), start, start_card(poster, deck), steps)
