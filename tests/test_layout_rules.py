"""The shipped layout keeps the print and legibility rules the product promises."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.core.errors import Location
from generator.model.layout import Cmyk, Layout
from generator.render.colors import contrast as colour_contrast
from generator.render.colors import relative_luminance, screen_rgb
from generator.validate.layout import load_layout
from tests.projects import LAYOUTS

BODY_STYLES = ("question", "subquestion", "body")


@pytest.fixture(scope="module")
def layout() -> Layout:
    return load_layout("pocket-card", LAYOUTS, Location(Path("test")))


def luminance(cmyk: Cmyk) -> float:
    return relative_luminance(screen_rgb(cmyk))


def contrast(a: Cmyk, b: Cmyk) -> float:
    """The generator's WCAG contrast of two layout colours, as screens show them."""
    return colour_contrast(screen_rgb(a), screen_rgb(b))


@pytest.mark.parametrize(
    ("first", "second", "ratio"),
    [
        ("#ffffff", "#000000", 21.0),  # the largest contrast there is
        ("#000000", "#000000", 1.0),
        ("#767676", "#ffffff", 4.54),  # WCAG's darkest grey that passes 4.5:1 on white…
        ("#777777", "#ffffff", 4.48),  # … and the next, which does not
        ("#0000ff", "#ffffff", 8.59),
    ],
)
def test_the_contrast_formula_gives_wcags_published_ratios(
    first: str, second: str, ratio: float
) -> None:
    def rgb(code: str) -> tuple[float, float, float]:
        return tuple(int(code[i : i + 2], 16) / 255 for i in (1, 3, 5))  # type: ignore[return-value]

    assert round(colour_contrast(rgb(first), rgb(second)), 2) == ratio


def test_body_text_never_goes_below_9_pt(layout: Layout) -> None:
    assert all(layout.styles[name].min_size >= 9 for name in BODY_STYLES)


def test_no_text_below_6_pt(layout: Layout) -> None:
    assert all(style.min_size >= 6 for style in layout.styles.values())


def test_bleed_and_safe_margin(layout: Layout) -> None:
    assert layout.bleed_mm == 3
    assert layout.safe_mm >= 4


def test_black_is_pure_k(layout: Layout) -> None:
    assert layout.colors["ink"] == (0, 0, 0, 1)


def test_white_text_on_every_level_colour_reaches_4_5_to_1(layout: Layout) -> None:
    paper = layout.colors["paper"]
    for look in (*layout.levels, layout.neutral):
        ratio = contrast(paper, layout.colors[look.color])
        assert ratio >= 4.5, f"{look.color}: {ratio:.2f}"


def test_dark_text_on_paper_reaches_4_5_to_1(layout: Layout) -> None:
    paper = layout.colors["paper"]
    for style in layout.styles.values():
        if style.color != "paper":
            assert contrast(paper, layout.colors[style.color]) >= 4.5, style.name


def test_levels_differ_in_colour_and_in_symbol(layout: Layout) -> None:
    """Never colour alone: each level has its own symbol as well as its own colour."""
    assert len({look.color for look in layout.levels}) == len(layout.levels)
    assert len({look.symbol for look in layout.levels}) == len(layout.levels)


@pytest.fixture(scope="module")
def poster_layout() -> Layout:
    return load_layout("poster", LAYOUTS, Location(Path("test")))


def test_text_on_every_intensity_step_reaches_4_5_to_1(poster_layout: Layout) -> None:
    for step in poster_layout.steps:
        ratio = contrast(poster_layout.colors[step.text], poster_layout.colors[step.color])
        assert ratio >= 4.5, f"{step.color}: {ratio:.2f}"


def test_links_and_boxes_of_the_web_page_reach_4_5_to_1(poster_layout: Layout) -> None:
    """The HTML page's other pairs: links and bands in brand on paper, text on a tint."""
    colors = poster_layout.colors
    for text, ground in (("brand", "paper"), ("ink", "tint"), ("muted", "paper")):
        assert contrast(colors[text], colors[ground]) >= 4.5, (text, ground)


def test_intensity_steps_are_distinct_and_get_darker(poster_layout: Layout) -> None:
    """A sequential scale: each step darker than the one before, so order reads without hue."""
    shades = [luminance(poster_layout.colors[step.color]) for step in poster_layout.steps]
    assert shades == sorted(shades, reverse=True) and len(set(shades)) == len(shades)


def test_the_poster_inherits_the_cards_colours(layout: Layout, poster_layout: Layout) -> None:
    """Colours are defined once: the poster's level looks are the cards'."""
    assert poster_layout.levels == layout.levels
    assert all(poster_layout.colors[name] == value for name, value in layout.colors.items())
