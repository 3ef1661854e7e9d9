"""The one-card product: every question of a deck on one double-sided card, for the bag.

Its faces get the deck's question cards as groups, in the deck's order: a card without a level
(the start question) is a group of its own, under its heading and the layout's neutral look;
consecutive cards of one level are one group, under the level's name and look, each card's
heading (if it has one) above its questions. `split` says how many groups the front carries:
the split that shares the text most evenly between the two sides.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.cache import RenderCache
from generator.geometry import parse_size
from generator.i18n import N_
from generator.layout_model import Layout, Look
from generator.model import Card, Deck
from generator.render.document import DocumentInfo, RenderedDocument, render_document
from generator.render.faces import Face, FacePainter
from generator.validate.layout import ONE_CARD_KIND

KIND = ONE_CARD_KIND  # its faces' templates, under kinds: in the layout
SHOWN_KIND = "questions"  # the cards whose texts it shows
SIDES = ("front", "back")
REF = "deck › one_card"  # where messages about the product point: the deck's `one_card:`
ITEM_WEIGHT = 60  # a question's share of a side besides its letters (its line, box, space)
FIT_HINT = N_(
    "shorten the questions, set the layout's one-card styles smaller (min_size, at least 8 pt), "
    "or remove `one_card: true` from the deck"
)


@dataclass(frozen=True)
class Group:
    """What the one-card shows under one bar: a level (or a card without one) and its cards."""

    name: str
    ref: str  # where the bar's words come from
    look: Look
    cards: tuple[Card, ...]

    @property
    def weight(self) -> int:
        """About how much room its text takes."""
        questions = [q for card in self.cards for q in card.all_questions()]
        headings = [card.heading for card in self.cards if card.level and card.heading]
        texts = [self.name, *headings, *(q.text for q in questions)]
        return sum(len(text) + ITEM_WEIGHT for text in texts)


def groups(deck: Deck, layout: Layout) -> list[Group]:
    """The deck's question cards as the one-card groups them."""
    found: list[Group] = []
    for card in deck.cards:
        if card.kind != SHOWN_KIND:
            continue
        if card.level is None:
            name = card.heading or deck.title
            found.append(Group(name, f"{card.ref} › heading", layout.look(None), (card,)))
        elif found and found[-1].ref == card.level.ref:
            last = found[-1]
            found[-1] = Group(last.name, last.ref, last.look, (*last.cards, card))
        else:
            look = layout.look(card.level.index)
            found.append(Group(card.level.name, card.level.ref, look, (card,)))
    return found


def balanced_split(weights: list[int]) -> int:
    """How many groups go on the front so that both sides carry about as much."""
    if len(weights) < 2:
        return len(weights)
    total = sum(weights)
    return min(range(1, len(weights)), key=lambda k: abs(2 * sum(weights[:k]) - total))


def one_card_faces(deck: Deck, layout: Layout) -> list[Face]:
    """The card's front and back."""
    found = groups(deck, layout)
    values = {
        "deck": deck,
        "labels": deck.labels,
        "groups": found,
        "split": balanced_split([group.weight for group in found]),
    }
    return [
        Face(layout.kinds[KIND][side], {**values, "side": side}, f"{KIND} '{deck.id}' ({side})",
             REF)
        for side in SIDES
    ]  # fmt: skip


def render_one_card(
    deck: Deck, layout: Layout, copies: int = 1, cache: RenderCache | None = None
) -> RenderedDocument:
    """The card, front then back, `copies` times (an office sheet holds more than one)."""
    trim = parse_size(deck.trim or layout.default_trim)
    painter = FacePainter(layout, deck.language, trim, deck.location, cache=cache,
                          hyphenation=deck.hyphenation, fit_hint=FIT_HINT)  # fmt: skip
    info = DocumentInfo(
        title=deck.title,
        author=deck.source,
        subject=f"{deck.title}: one card, edition {deck.edition.version} ({deck.edition.date})",
        language=deck.language,
    )
    return render_document(one_card_faces(deck, layout) * copies, painter, info)
