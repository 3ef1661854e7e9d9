"""render_html(): a poster edition and its deck as one accessible, self-contained HTML page."""

from __future__ import annotations

import base64
from functools import cache
from typing import Any

from generator.model.deck import Card, Deck, printed
from generator.model.layout import FontSpec, Layout, PageSettings
from generator.model.poster import Poster
from generator.render.colors import hex_color
from generator.render.templates import html_environment, render_template
from generator.render.views import poster_view


def render_html(poster: Poster, deck: Deck, layout: Layout, settings: PageSettings) -> bytes:
    """The page as UTF-8 bytes: the same input gives the same bytes.

    layout is the poster's (colours, level looks, steps, font); settings hold the page's
    template and the labels it prints, checked against the poster (validate.settings).
    """
    context = page_values(poster, deck, layout, settings)
    page = render_template(settings.folder, settings.template, context, html_environment)
    return page.encode("utf-8")


def page_values(
    poster: Poster, deck: Deck, layout: Layout, settings: PageSettings
) -> dict[str, Any]:
    """What the template sees: the content grouped as the page shows it, colours, fonts."""
    view = poster_view(poster, deck, layout)
    return {
        "poster": printed(poster),
        "deck": printed(deck),
        "labels": poster.labels,
        "region": poster.region,
        "sections": [s for c in deck.cards if c.kind == "cover" for s in c.sections],
        "start_card": view.start_card,
        "question_cards": [c for c in deck.cards if _unlevelled_questions(c)],
        "levels": [level for level in view.deck.levels if level.cards],
        "point_cards": [c for c in deck.cards if c.kind == "points"],
        "steps": view.steps,
        "colors": {name: hex_color(cmyk) for name, cmyk in layout.colors.items()},
        "level_colors": [hex_color(layout.colors[look.color]) for look in layout.levels],
        "fonts": _font_faces(layout, settings.font_weights),
        # Names kept in the content's own language (Dutch) inside a translation: `inline`
        # marks each with that language, so a screen reader says it as a Dutch name.
        "foreign_names": {name: poster.names_language for name in poster.names}
        if poster.names_language and poster.names_language != poster.language
        else {},
    }


def _unlevelled_questions(card: Card) -> bool:
    return card.kind == "questions" and card.level is None


def _font_faces(layout: Layout, weights: dict[str, int]) -> list[dict[str, Any]]:
    """The layout's font, each weight as base64 TrueType for an @font-face rule."""
    return [
        {"family": layout.font.family, "weight": css_weight, "data": _base64(layout.font, weight)}
        for weight, css_weight in weights.items()
    ]


@cache
def _base64(font: FontSpec, weight: str) -> str:
    """A font file as base64 text, read once per process (watch builds pages often)."""
    return base64.b64encode(font.path(weight).read_bytes()).decode("ascii")
