"""The checks of decks and posters against the layouts and settings that will draw them: what
the templates assume (levels, kinds, flowchart steps), references, labels and glyphs."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from generator.core.cache import ItemKeys, fingerprint
from generator.core.errors import Problem, UserError
from generator.model.deck import Deck
from generator.model.layout import Layout
from generator.model.poster import Poster
from generator.validate.glyphs import check_glyphs
from generator.validate.layout import check_deck_against_layout, check_poster_layout
from generator.validate.poster import check_poster_references
from generator.validate.settings import FORM_FOLDER, Settings, form_problems, missing_labels


def deck_problems(deck: Deck, settings: Settings) -> list[Problem]:
    """Whether the deck's layout can draw it: its levels and kinds, its characters, and the
    checklist form's styles."""
    layout = settings.layout(deck.layout, deck.location("deck › layout"))
    problems = check_deck_against_layout(deck, layout)
    problems += check_glyphs(deck.texts, deck.location, layout.font)
    if deck.has_checklist:
        problems += form_problems(settings.form, layout, settings.folder / FORM_FOLDER)
    return problems


def poster_problems(poster: Poster, settings: Settings) -> list[Problem]:
    """Whether the poster's layout can draw it and its content has the labels the HTML page
    prints (its deck is checked by check_poster_references)."""
    layout = settings.layout(poster.layout, poster.location("poster › layout"))
    problems = check_poster_layout(poster, layout)
    problems += missing_labels(poster, settings.html)
    problems += check_glyphs(poster.texts, poster.location, layout.font)
    return problems


def problems_against_layouts(
    items: Iterable[Deck | Poster], all_decks: dict[str, Deck], settings: Settings,
    keys: ItemKeys | None = None,
) -> dict[str, list[Problem]]:  # fmt: skip
    """The problems of each deck and poster given, by item_key() (see said_once); keys: the
    build's content hashes, if it has them."""
    keys = keys or ItemKeys()
    found: dict[str, list[Problem]] = {}
    for item in items:
        try:
            problems = settings.cache.memo(
                fingerprint("checks", keys.of(item), *_inputs(item, settings)),
                partial(_problems, item, settings),
            )
        except UserError as error:  # a layout or settings file that cannot be read
            problems = error.problems
        if isinstance(item, Poster):
            problems = check_poster_references(item, all_decks) + problems
        found[item_key(item)] = problems
    return found


def _problems(item: Deck | Poster, settings: Settings) -> list[Problem]:
    settings.report  # noqa: B018  # every build writes the reports: a broken report.yaml is named now
    if isinstance(item, Deck):
        return deck_problems(item, settings)
    return poster_problems(item, settings)


def _inputs(item: Deck | Poster, settings: Settings) -> tuple[str | None, ...]:
    """What the checks of an item read besides the item: its layout's files and settings."""
    layout_of(item, settings)  # a layout that cannot be read is named where the item names it
    layout = settings.layout_key(item.layout)
    if isinstance(item, Deck):
        return layout, settings.report_key, settings.form_key if item.has_checklist else None
    return layout, settings.report_key, settings.html_key


def said_once(found: dict[str, list[Problem]]) -> list[Problem]:
    """Every problem found, each once: a broken layout is named once, not once per deck,
    and a poster's mistake once, not once per regional edition."""
    return list({str(p): p for problems in found.values() for p in problems}.values())


def item_key(item: Deck | Poster) -> str:
    """'deck <id>', or 'poster <id>' with a regional poster's region."""
    return f"deck {item.id}" if isinstance(item, Deck) else f"poster {item.product_id}"


def layout_of(item: Deck | Poster, settings: Settings) -> Layout:
    """The layout the item names (checked by check_against_layouts)."""
    what = "deck" if isinstance(item, Deck) else "poster"
    return settings.layout(item.layout, item.location(f"{what} › layout"))
