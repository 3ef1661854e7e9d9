"""Hyphenation and inline markup of content text."""

from __future__ import annotations

from generator.render.hyphenation import hyphenator
from generator.render.markup import plain, to_paragraph


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


def test_markup_makes_bold_and_escapes_the_rest() -> None:
    assert (
        to_paragraph("**Wie** is <nodig> & waarom?") == "<b>Wie</b> is &lt;nodig&gt; &amp; waarom?"
    )


def test_plain_text_drops_markup_soft_hyphens_and_extra_space() -> None:
    assert plain("Een  **samen\u00adwerking**\n nodig") == "Een samenwerking nodig"
