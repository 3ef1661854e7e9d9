"""Synthetic decks: realistic Dutch question cards, recombined from the shipped questions.

Deterministic: the same shipped content and seed give the same deck, byte for byte. Every card
differs (its questions are a combination no other card has), texts are hyphenated and some cards
need the text stepped down a size to fit, but every card fits the A6 pocket card.
"""

from __future__ import annotations

import random
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

SEED = 8  # issue 8
MAX_CARDS_PER_DECK = 2000  # deck.schema.json: cards.maxItems
LEVELS = (
    ("gezin", "Niveau van het gezin"),
    ("professionals", "Niveau van professionals"),
    ("organisatie", "Niveau van organisatie en beleid"),
)
LABELS = {
    "levels": "Drie niveaus",
    "notes": "Aantekeningen",
    "source": "Bron",
    "edition": "Editie",
    "card": "Kaart",
    "of": "van",
    "calibration_title": "Dubbelzijdig afdrukken afstellen",
    "calibration_howto": (
        "Druk dit vel dubbelzijdig af zoals de kaarten (lange kant, 100 %). Houd het staand "
        "tegen het licht en lees op de linialen X en Y af waar het kruis van de achterkant "
        "staat, in millimeter."
    ),
    "front_side": "voorkant",
    "back_side": "achterkant",
}
# Words swapped now and then, so recombined sentences vary beyond their source.
SWAPS = (
    ("het gezin", "dit gezin"),
    ("professionals", "hulpverleners"),
    ("samenwerking", "afstemming"),
    ("de inwoner", "de jeugdige"),
    ("collega's", "samenwerkingspartners"),
    ("organisatie", "gemeente"),
)
# The fit budget, in characters of plain text on a card's front (A6, question style 12.5 pt
# sets about 600 at full size, about 1,100 at its 9 pt minimum): most cards fit at full size,
# the longest are stepped down, none overflows.
FRONT_CHARS = (180, 620)
MAX_HEADING = 45
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_SENTENCE = re.compile(r"(?<=[?.!:])\s+(?=[A-Z'])")


def _dutch(text: Any) -> str | None:
    """A text's Dutch version: a plain string, or the nl entry of a per-language text."""
    value = text.get("nl") if isinstance(text, dict) else text
    return " ".join(_BOLD.sub(r"\1", value).split()) if isinstance(value, str) else None


def _questions(document: dict) -> Iterator[str]:
    for card in document.get("cards", []):
        for question in card.get("questions", []):
            for item in (question, *question.get("sub", [])):
                if text := _dutch(item.get("text")):
                    yield text


def source_texts(cards: Path) -> tuple[list[str], list[str]]:
    """The shipped Dutch questions split into sentences, and the short card headings."""
    sentences: list[str] = []
    headings: list[str] = []
    for path in sorted(cards.glob("*.yaml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(document, dict) or "deck" not in document:
            continue
        if document["deck"].get("language") != "nl":
            continue
        for text in _questions(document):
            sentences += [s for s in _SENTENCE.split(text) if len(s) >= 12]
        for card in document["cards"]:
            heading = _dutch(card.get("heading"))
            if heading and len(heading) <= MAX_HEADING:
                headings.append(heading)
    return sorted(set(sentences)), sorted(set(headings))


class CardMaker:
    """Draws cards from a seeded random; never the same card twice."""

    def __init__(self, cards: Path, seed: int = SEED) -> None:
        self.sentences, self.headings = source_texts(cards)
        self.random = random.Random(seed)
        self.seen: set[tuple[str, ...]] = set()

    def _sentence(self) -> str:
        text = self.random.choice(self.sentences)
        for old, new in SWAPS:
            pattern = rf"\b{re.escape(old)}\b"
            if re.search(pattern, text) and self.random.random() < 0.3:
                text = re.sub(pattern, new, text, count=1)
        return text

    def _question(self) -> str:
        text = " ".join(self._sentence() for _ in range(self.random.choice((1, 1, 1, 2))))
        words = text.split(" ")
        if len(words) > 4 and self.random.random() < 0.25:  # bold a word, as the source does
            i = self.random.randrange(len(words) - 1)
            if words[i].isalpha() and len(words[i]) >= 4:
                words[i] = f"**{words[i]}**"
        return " ".join(words)

    def _texts(self) -> list[list[str]]:
        """Questions, each with its sub-questions, within the front's character budget."""
        low, high = FRONT_CHARS
        target = self.random.randint(low, high)
        questions: list[list[str]] = []
        used = 0
        while used < target:
            text = self._question()
            if used + len(text) > high:
                if questions:
                    break
                continue
            if questions and self.random.random() < 0.2:
                questions[-1].append(text)  # a sub-question of the previous question
            else:
                questions.append([text])
            used += len(text)
        return questions

    def card(self, number: int) -> dict[str, Any]:
        """Card `number` (1-based) as deck YAML data."""
        while True:
            texts = self._texts()
            key = tuple(t for q in texts for t in q)
            if key not in self.seen:
                self.seen.add(key)
                break
        ident = f"k{number:05d}"
        card: dict[str, Any] = {"id": f"kaart-{number:05d}", "kind": "questions"}
        card["level"] = LEVELS[number % len(LEVELS)][0]
        if self.random.random() < 0.5:
            card["heading"] = self.random.choice(self.headings)
        card["questions"] = []
        for i, (text, *subs) in enumerate(texts, start=1):
            question: dict[str, Any] = {"id": f"{ident}-v{i}", "text": text}
            question["check"] = self.random.random() >= 0.05  # now and then a hint
            if subs:
                question["sub"] = [
                    {"id": f"{ident}-v{i}-{j}", "text": sub} for j, sub in enumerate(subs, start=1)
                ]
            card["questions"].append(question)
        return card


def deck_document(deck_id: str, cards: list[dict[str, Any]], title: str) -> dict[str, Any]:
    """A complete Dutch deck (plain strings, no translations) around the given cards."""
    return {
        "deck": {
            "id": deck_id,
            "title": title,
            "language": "nl",
            "edition": {"version": "1.0", "date": "2026-11-23"},
            "source": "Synthetisch, samengesteld uit de vragen van de meegeleverde kaarten",
            "layout": "pocket-card",
            "trim": "A6",
        },
        "labels": dict(LABELS),
        "levels": [{"id": ident, "name": name} for ident, name in LEVELS],
        "cards": cards,
    }


def deck_sizes(total: int) -> list[int]:
    """Split a card count into decks of at most MAX_CARDS_PER_DECK (the schema's limit)."""
    full, rest = divmod(total, MAX_CARDS_PER_DECK)
    return [MAX_CARDS_PER_DECK] * full + ([rest] if rest else [])


def write_decks(folder: Path, total: int, shipped_cards: Path, seed: int = SEED) -> list[Path]:
    """Write `total` synthetic cards as deck files in folder; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    maker = CardMaker(shipped_cards, seed)
    sizes = deck_sizes(total)
    paths, number = [], 0
    for index, size in enumerate(sizes, start=1):
        suffix = f"-{index}" if len(sizes) > 1 else ""
        cards = [maker.card(number + i) for i in range(1, size + 1)]
        number += size
        document = deck_document(f"synthetisch{suffix}", cards, f"Synthetische kaarten{suffix}")
        path = folder / f"synthetisch{suffix}.yaml"
        path.write_text(
            yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=100),
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def make_project(root: Path, total: int, repo: Path, seed: int = SEED) -> tuple[Path, Path]:
    """A project in root with only synthetic decks and a copy of the repo's layouts:
    returns (cards folder, layouts folder)."""
    cards, layouts = root / "cards", root / "layouts"
    shutil.copytree(repo / "layouts", layouts)
    write_decks(cards, total, repo / "cards", seed)
    return cards, layouts
