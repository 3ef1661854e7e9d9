"""How text is broken: never a name (a word with a capital), never a title or heading."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from generator.errors import Location
from generator.render.flow import TextSetter
from generator.render.hyphenation import hyphenator
from generator.validate.layout import load_layout
from tests.conftest import LAYOUTS
from tests.pdf_tools import page_texts


def broken_words(path: Path) -> list[str]:
    """Words a line end broke with a hyphen, joined again."""
    found = []
    for text in page_texts(path):
        lines = [line.strip() for line in text.splitlines()]
        for line, following in itertools.pairwise(lines):
            if re.search(r"\w-$", line) and re.match(r"^\w", following):
                found.append(line.split()[-1][:-1] + following.split()[0])
    return found


def test_a_name_is_never_broken() -> None:
    for language in ("nl", "en"):
        breaks = hyphenator(language)
        assert list(breaks("samenwerkingsafspraken" if language == "nl" else "collaboration"))
        assert list(breaks("Zoetermeer")) == [] and list(breaks("Windesheim")) == []


def test_no_product_breaks_a_word_with_a_capital(built: dict[str, Path]) -> None:
    prints = [path for name, path in built.items() if name.endswith("_print.pdf")]
    broken = [word for path in prints for word in broken_words(path)]
    assert broken  # body text is still hyphenated where it helps
    capitals = [word for word in broken if word[:1].isupper() and "-" not in word[1:]]
    assert capitals == []


# A heading style of each layout, and a body style.
HEADING_AND_BODY = {"pocket-card": ("heading", "question"), "poster": ("form-name", "explanation")}


def test_titles_and_headings_are_not_hyphenated() -> None:
    for name, (heading, body) in HEADING_AND_BODY.items():
        layout = load_layout(name, LAYOUTS, Location(LAYOUTS))
        setter = TextSetter(layout, "nl", lambda colour: None)
        assert not layout.styles[heading].hyphenate and layout.styles[body].hyphenate
        for style in layout.styles.values():
            paragraph = setter._paragraph_style(style, style.size, False)
            assert bool(paragraph.hyphenationLang) == style.hyphenate, style.name
