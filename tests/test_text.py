"""Hyphenation and inline markup of content text."""

from __future__ import annotations

import re
from pathlib import Path
from xml.sax.saxutils import escape

from hypothesis import assume, given, settings
from hypothesis import strategies as st
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from generator.core.errors import Location
from generator.core.markup import plain, runs
from generator.render.fonts import font_name, register_family
from generator.render.hyphenation import hyphenator
from generator.render.markup import content_paragraph
from generator.validate.layout import load_layout
from tests.projects import LAYOUTS

FONT = load_layout("pocket-card", LAYOUTS, Location(Path("test"))).font


def test_dutch_drops_the_trema_at_a_break() -> None:
    breaks = list(hyphenator("nl")("kopiëren"))
    assert ("kopi", "eren") in breaks
    assert all(not tail.startswith(("ë", "ï", "ö", "ü")) for _, tail in breaks)


def test_dutch_keeps_the_trema_inside_a_part() -> None:
    assert ("coör", "dinatie") in list(hyphenator("nl")("coördinatie"))


def test_english_words_are_split_unchanged() -> None:
    breaks = list(hyphenator("en")("organisation"))
    assert breaks and all(head + tail == "organisation" for head, tail in breaks)


def test_an_unknown_language_is_not_hyphenated() -> None:
    assert hyphenator("xx") is None


def test_markup_makes_bold_runs_and_keeps_the_rest_as_text() -> None:
    assert runs("**Wie** is <nodig>\n &  **waarom**?") == [
        ("Wie", True),
        (" is <nodig> & ", False),
        ("waarom", True),
        ("?", False),
    ]


def _parsed_paragraph(text: str, style: ParagraphStyle) -> Paragraph:
    """The paragraph as ReportLab's own parser reads the same text as markup."""
    folded = " ".join(text.split(" ")).strip()
    return Paragraph(re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", escape(folded), flags=re.S), style)


def _lines(paragraph: Paragraph, width: float) -> list[tuple[tuple[str, str], ...]]:
    """Each line as (font, text) runs, and its width: what is printed, however it is held."""
    paragraph.wrap(width, 10_000)
    lines = []
    for line, used in zip(paragraph.blPara.lines, paragraph.getActualLineWidths0(), strict=True):
        pieces = (
            [(frag.fontName, frag.text) for frag in line.words]
            if hasattr(line, "words")
            else [(paragraph.style.fontName, " ".join(line[1]))]
        )
        merged: list[tuple[str, str]] = []
        for font, text in pieces:
            if merged and merged[-1][0] == font:
                merged[-1] = (font, merged[-1][1] + text)
            elif text:
                merged.append((font, text))
        lines.append((*merged, ("width", f"{used:.2f}")))
    return lines


WORDS = ["samen\u00adwerking", "gezin", "**", "jeugd\u00adhulp", "a", "meervoudige", "**bold**"]


@settings(max_examples=150, deadline=None, derandomize=True)
@given(
    words=st.lists(st.sampled_from(WORDS) | st.text(max_size=12), min_size=1, max_size=30),
    width=st.floats(min_value=20, max_value=300),
)
def test_paragraphs_made_directly_break_as_the_parser_would(words: list[str], width: float) -> None:
    register_family(FONT)
    style = ParagraphStyle(
        "body", fontName=font_name(FONT, "regular"), fontSize=9, leading=11,
        hyphenationLang="nl_NL", embeddedHyphenation=1, splitLongWords=1,
    )  # fmt: skip
    text = " ".join(words).replace("\t", " ").replace("\n", " ").replace("\r", " ")
    # The parser cuts a text at each entity (&lt;), and ReportLab sets a cut text by other rules:
    # only texts the parser keeps whole are compared ('<' and '&' are tested in the PDFs).
    assume(not set(text) & set("<>&"))
    assert _lines(content_paragraph(text, style), width) == _lines(
        _parsed_paragraph(text, style), width
    )


def test_plain_text_drops_markup_soft_hyphens_and_extra_space() -> None:
    assert plain("Een  **samen\u00adwerking**\n nodig") == "Een samenwerking nodig"
