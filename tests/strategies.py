"""Hypothesis strategies for content: Dutch-only decks with any text the schema lets through.

A deck here is a plain dict, ready for yaml.safe_dump: one language (plain strings are Dutch
when a file has no `translations`), every card kind, questions with sub-questions (the one
level of nesting the schema allows), list lengths up to and just past the schema's limits, and
texts drawn from the font's own characters, from realistic Dutch words, and from any Unicode.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from functools import cache
from typing import Any

from hypothesis import strategies as st

from bench.synthetic import LABELS as SYNTHETIC_LABELS
from generator.core.errors import Location
from generator.validate.layout import load_layout
from tests.projects import LAYOUTS

LAYOUT = "pocket-card"
DECK_ID = "proef"

# Every fixed phrase the pocket-card layout prints, in Dutch (the benchmark's), with a short
# calibration text so that the smallest trims stay drawable.
LABELS = {**SYNTHETIC_LABELS, "calibration_howto": "Druk dit vel dubbelzijdig af zoals de kaarten."}


def small_deck() -> dict[str, Any]:
    """A one-card Dutch deck that builds, to start from."""
    return {
        "deck": {"id": DECK_ID, "title": "Proef", "language": "nl", "layout": LAYOUT,
                 "edition": {"version": "1.0", "date": "2026-11-23"}, "source": "Bron"},
        "labels": dict(LABELS),
        "cards": [{"id": "c0", "kind": "questions", "heading": "Start",
                   "questions": [{"id": "q0", "text": "Wie doet wat?"}]}],
    }  # fmt: skip


# Characters that have tripped up text pipelines: markup and XML specials, soft hyphen,
# no-break space, quotes, a trema, tab, newline, CR, NEL, line separator, zero-width space,
# right-to-left marks and letters, an emoji, CJK, a combining accent, and non-characters.
AWKWARD = list(
    "<>&\"'*\u00ad\u00a0’“ëï\t\n\r\u0085\u2028\u200b\u200f\u202eא٣😀猫\u0301\ufffe\uffff"
)
WORDS = [
    "gezin", "hulp", "wie", "wat", "doen", "samenwerking", "draagkracht", "coördinatie",
    "coöperatie", "integraal", "professionals", "levensgebieden", "Zijn", "er", "doelen",
    "**bold**", "<veel>", "&", "ééN", "financiën", "jeugdhulp-organisatie", "a\u00adb",
    "{{ 7*7 }}", "{% raw %}", "]]>", "&amp;", "<b>", "=",
]  # fmt: skip


@cache
def font_characters() -> str:
    """Every character the layout's font claims, in the regular and the bold weight."""
    font = load_layout(LAYOUT, LAYOUTS, Location(LAYOUTS)).font
    covered = font.covered_characters("regular") & font.covered_characters("bold")
    return "".join(chr(code) for code in sorted(covered))


def weighted(*options: tuple[int, st.SearchStrategy[Any]]) -> st.SearchStrategy[Any]:
    """One of the strategies, each drawn in proportion to its weight."""
    return st.sampled_from([s for weight, s in options for _ in range(weight)]).flatmap(
        lambda chosen: chosen
    )


def texts(max_size: int, wild: bool) -> st.SearchStrategy[str]:
    """A text as an editor might write or paste it. Tame: the font's characters, words (long
    ones too) and long texts. Wild: also characters the font lacks, control characters and any
    Unicode but surrogates (which YAML cannot hold)."""
    in_font = st.text(st.sampled_from(font_characters()), min_size=1, max_size=max_size)
    word = st.sampled_from(WORDS)
    if max_size >= 100:  # a body text: words as long as a line, or longer
        word |= st.text(st.sampled_from(string.ascii_lowercase + "ëé"), min_size=20, max_size=300)
    words = st.lists(word, min_size=1, max_size=max_size // 10 + 1).map(" ".join)
    tame = [(4, in_font), (6, words)]
    if max_size >= 100:  # up to one past the schema's limit of 5000 characters
        text = st.integers(1, 5001).map(lambda n: ("woord " * (n // 6 + 1))[:n].strip() or "w")
        tame.append((1, text))
    if not wild:
        return weighted(*tame)
    awkward = st.text(st.sampled_from(font_characters()) | st.sampled_from(AWKWARD), min_size=1,
                      max_size=max_size)  # fmt: skip
    any_unicode = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=40)
    return weighted(*tame, (1, awkward), (1, any_unicode))


@dataclass
class Writer:
    """Draws a deck's parts; a wild writer also breaks the schema's limits now and then."""

    draw: st.DrawFn
    wild: bool

    def text(self, max_size: int = 120) -> Any:
        """A text written plain, or now and then as the one-language mapping {nl: …}; wild,
        rarely, in a language the file does not list ({en: …}, {nl: …, en: …})."""
        value = self.draw(texts(max_size, self.wild))
        form = self.draw(st.integers(0, 40 if self.wild else 4))
        if form == 0:
            return {"nl": value}
        if form == 1 and self.wild:
            return self.draw(st.sampled_from([{"en": value}, {"nl": value, "en": value}]))
        return value

    def count(self, low: int, high: int, over: int) -> int:
        """A list length from low to high, or (wild, rarely) `over`: past the schema's limit."""
        if self.wild and self.draw(st.integers(0, 30)) == 0:
            return over
        return self.draw(st.integers(low, high))

    def questions(self, card: str) -> list[dict[str, Any]]:
        """Questions, each perhaps a hint (no tick box) and with perhaps sub-questions."""
        result = []
        for j in range(self.count(1, 5, over=201)):
            question: dict[str, Any] = {"id": f"{card}-q{j}", "text": self.text()}
            if self.draw(st.booleans()):
                question["check"] = self.draw(st.booleans())
            subs = self.count(0, 3, over=51)
            if subs:
                question["sub"] = [
                    {"id": f"{card}-q{j}-s{k}", "text": self.text(60)} for k in range(subs)
                ]
            result.append(question)
        return result

    def points(self, prefix: str, high: int) -> list[dict[str, Any]]:
        return [
            {"id": f"{prefix}-p{k}", "text": self.text(80)}
            for k in range(self.count(1, high, over=31))
        ]

    def card(self, index: int, levels: list[str]) -> dict[str, Any]:
        """One card of any kind, with the keys that kind prints."""
        ident = f"c{index}"
        kind = self.draw(st.sampled_from(["questions", "questions", "points", "cover"]))
        card: dict[str, Any] = {"id": ident, "kind": kind}
        if kind == "questions":
            if levels and self.draw(st.booleans()):
                card["level"] = self.draw(st.sampled_from(levels))
            if "level" not in card or self.draw(st.booleans()):
                card["heading"] = self.text(40)
            card["questions"] = self.questions(ident)
        elif kind == "points":
            card["heading"] = self.text(40)
            if self.draw(st.booleans()):
                card["intro"] = self.text(80)
            card["points"] = self.points(ident, 4)
            if self.draw(st.booleans()):
                card["back"] = {"points": self.points(f"{ident}-b", 4)}
                if self.draw(st.booleans()):
                    card["back"] = {"heading": self.text(40), **card["back"]}
            card["source"] = self.text(60)
        elif self.draw(st.booleans()):
            card["sections"] = [
                {"id": f"{ident}-s{k}", "heading": self.text(40), "text": self.text(200)}
                for k in range(self.draw(st.integers(1, 2)))
            ]
        return card


# Trims the layout's every template is drawn for, one too large for the office sheets and one
# too small for a card. (Landscape and A8 trims break the cover's frames: test_hardening.py.)
TRIMS = ["A6", "A7", "A5", {"width_mm": 100, "height_mm": 140},
         {"width_mm": 420, "height_mm": 420}, "10x10"]  # fmt: skip


@st.composite
def decks(draw: st.DrawFn) -> dict[str, Any]:
    """A whole Dutch-only deck, as the dict its YAML file holds: tame (text that can be
    printed, lists within the schema's limits) or wild (anything), half and half."""
    write = Writer(draw, wild=draw(st.booleans()))
    meta: dict[str, Any] = {
        "id": DECK_ID,
        "title": write.text(12),
        "language": "nl",
        "edition": {"version": "1.0", "date": "2026-11-23"},
        "source": write.text(60),
        "layout": LAYOUT,
    }
    if draw(st.booleans()):
        meta["subtitle"] = write.text(80)
    if draw(st.integers(0, 2)) == 0:
        meta["trim"] = draw(st.sampled_from(TRIMS))
    level_ids = [f"l{i}" for i in range(write.count(0, 4, over=5))]  # the layout draws 4
    deck: dict[str, Any] = {"deck": meta, "labels": dict(LABELS)}
    if level_ids:
        deck["levels"] = [{"id": i, "name": write.text(40)} for i in level_ids]
    deck["cards"] = [write.card(i, level_ids) for i in range(draw(st.integers(1, 4)))]
    return deck


def card_texts(deck: dict[str, Any]) -> dict[str, str]:
    """Every text a card prints, by where it stands: headings, questions, sub-questions,
    sections, intros, points and sources, and the deck's title (in every front's footer)."""
    found: dict[str, str] = {"deck › title": _plain(deck["deck"]["title"])}

    def walk(node: Any, where: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("text", "heading", "intro", "source") and not isinstance(value, list):
                    found[f"{where} › {key}"] = _plain(value)
                elif isinstance(value, (dict, list)):
                    walk(value, f"{where} › {node.get('id', key)}")
        elif isinstance(node, list):
            for item in node:
                walk(item, where)

    walk(deck["cards"], "cards")
    return found


def _plain(text: str | dict[str, str]) -> str:
    return text["nl"] if isinstance(text, dict) else text
