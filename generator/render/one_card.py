"""The one-card product: every question of a deck on one card for the bag, double-sided
(`one_card: true`), or on one sheet folded once to the deck's trim (`one_card: folded`: a
sheet twice as wide, four panels, a fold mark at the fold) when two sides are too few.

The deck's question cards are shared among the panels (front and back; or the folded
sheet's cover, two inside panels and back), in the deck's order, so that each carries about
as much text, the first (under the title) a little less. On a panel, its cards are grouped:
a card without a level (the start question) under its heading and the layout's neutral look;
consecutive cards of one level under the level's name and look, each card's heading (if it has
one) above its questions. A level whose cards go on over two panels is named on both.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import combinations, pairwise

from generator.core.cache import RenderCache
from generator.core.geometry import Size, parse_size
from generator.core.i18n import N_
from generator.model.deck import Card, Deck, printed
from generator.model.layout import Layout, Look
from generator.render.document import DocumentInfo, RenderedDocument, render_document
from generator.render.faces import Face, FacePainter
from generator.render.views import DeckView, deck_view
from generator.validate.layout import ONE_CARD_KINDS

SHOWN_KIND = "questions"  # the cards whose texts it shows
REF = "deck › one_card"  # where messages about the product point: the deck's `one_card:`
SIDES = ("front", "back")
PANELS = {"card": 2, "folded": 4}  # panels of each form: its sides, or the folded sheet's
WIDTH = {"card": 1, "folded": 2}  # the sheet's width, in the deck's trims
# The styles of the questions' panels, set at one size (the title and the footer fit apart).
QUESTION_STYLES = ("one-bar", "one-heading", "one-question", "one-sub")
DECK_WIDE = "deck › "  # the refs of the title's and the footer's texts
ITEM_WEIGHT = 60  # a text's share of a panel besides its letters (its line, box, space)
TITLE_WEIGHT = 300  # what the title band takes of the first panel, in the same measure
FIT_HINTS = {  # what to do when its text does not fit, by form
    "card": N_("shorten the questions; or write `one_card: folded` in the deck, for one sheet "
               "folded to the card's size with room for twice as much; or remove `one_card:`"),
    "folded": N_("shorten the questions, or remove `one_card:` from the deck"),
}  # fmt: skip


@dataclass(frozen=True)
class Group:
    """What the one-card shows under one bar: a level (or a card without one) and its cards."""

    name: str
    ref: str  # where the bar's words come from
    look: Look
    cards: tuple[Card, ...]


def weight(card: Card) -> int:
    """About how much room a card's texts take on the one-card."""
    texts = [card.level.name if card.level else "", card.heading or ""]
    texts += [question.text for question in card.all_questions()]
    return sum(len(text) + ITEM_WEIGHT for text in texts if text)


def question_cards(deck: Deck) -> list[Card]:
    return [card for card in deck.cards if card.kind == SHOWN_KIND]


def groups(cards: list[Card], view: DeckView) -> list[Group]:
    """These question cards as a panel groups them."""
    deck = view.deck
    found: list[Group] = []
    for card in cards:
        if card.level is None:
            name = card.heading or deck.title
            found.append(Group(name, f"{card.ref} › heading", view.look_of(card), (card,)))
        elif found and found[-1].ref == card.level.ref:
            last = found[-1]
            found[-1] = Group(last.name, last.ref, last.look, (*last.cards, card))
        else:
            found.append(Group(card.level.name, card.level.ref, view.look_of(card), (card,)))
    return found


def shares(weights: list[int], parts: int) -> list[tuple[int, int]]:
    """The cards (start, end) of each panel, in order, so that the fullest panel is as empty
    as can be (the first carries the title too); a panel may be empty when there are fewer
    cards than panels."""
    count = len(weights)
    if count <= parts:
        return [(i, i + 1) if i < count else (count, count) for i in range(parts)]

    def fullest(cuts: tuple[int, ...]) -> int:
        bounds = [0, *cuts, count]
        loads = [sum(weights[a:b]) for a, b in pairwise(bounds)]
        loads[0] += TITLE_WEIGHT
        return max(loads)

    cuts = min(combinations(range(1, count), parts - 1), key=fullest)
    bounds = [0, *cuts, count]
    return list(pairwise(bounds))


def panels(deck: Deck, layout: Layout, parts: int) -> list[list[Group]]:
    """Each panel's groups."""
    cards = question_cards(deck)
    chosen = shares([weight(card) for card in cards], parts)
    view = deck_view(deck, layout)
    return [groups(cards[start:end], view) for start, end in chosen]


def one_card_faces(deck: Deck, layout: Layout) -> list[Face]:
    """The card's front and back; the folded sheet's outside and inside."""
    form = deck.one_card
    kind = ONE_CARD_KINDS[form]
    values = {
        "deck": printed(deck),
        "labels": deck.labels,
        "panels": panels(deck, layout, PANELS[form]),
    }
    return [
        Face(layout.kinds[kind][side], {**values, "side": side}, f"one-card '{deck.id}' ({side})",
             REF)
        for side in SIDES
    ]  # fmt: skip


def sheet_trim(deck: Deck, layout: Layout) -> Size:
    """The one-card's trim: the deck's, or for a folded sheet twice as wide."""
    trim = parse_size(layout.trim_of(deck.trim))
    return Size(trim.w * WIDTH[deck.one_card], trim.h)


def render_one_card(
    deck: Deck, layout: Layout, copies: int = 1, cache: RenderCache | None = None
) -> RenderedDocument:
    """The card, front then back, `copies` times (an office sheet holds more than one). When a
    panel's questions must be set smaller to fit, every panel's are, by as much: one size for
    all the questions of the card."""
    faces = one_card_faces(deck, layout)
    painter = _painter(deck, layout, cache)
    smaller = max((note.points for face in faces for note in painter.lay_out(face).notes
                   if not note.ref.startswith(DECK_WIDE)), default=0.0)  # fmt: skip
    if smaller:
        layout = evened(layout, smaller)
        faces, painter = one_card_faces(deck, layout), _painter(deck, layout, cache)
    info = DocumentInfo(
        title=deck.title,
        author=deck.source,
        subject=f"{deck.title}: one card, edition {deck.edition.version} ({deck.edition.date})",
        language=deck.language,
    )
    return render_document(faces * copies, painter, info)


def evened(layout: Layout, smaller: float) -> Layout:
    """The layout with the one-card's question styles `smaller` pt smaller (to their minimum)."""
    styles = dict(layout.styles)
    for name in QUESTION_STYLES:
        style = styles[name]
        styles[name] = replace(style, size=max(style.min_size, style.size - smaller))
    return replace(layout, styles=styles)


def _painter(deck: Deck, layout: Layout, cache: RenderCache | None) -> FacePainter:
    return FacePainter(layout, deck.language, sheet_trim(deck, layout), deck.location,
                       cache=cache, hyphenation=deck.hyphenation,
                       fit_hint=FIT_HINTS[deck.one_card])  # fmt: skip
