"""An editor's ordinary revision of a deck, made as an editor makes it: by editing the file's
text, so comments, quoting and layout stay. PyYAML's node positions say where each question
stands; no wording is assumed, so the revision still applies after the next real one.

The revision: every question and sub-question reworded in every language (an editor rewords
one; which one is anyone's guess, so the proof rewords them all), a new question added to the
first level card, the last question of the last level card with more than one removed, and the
edition's version and date bumped.
"""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

NEW_ID = "revisie-nieuwe-vraag"
# Plain words in every language: no reserved term of cards/glossary, no markup.
REWORDED = {"nl": "Wie kent dit gezin het langst ({n})?", "en": "Who knows this family best ({n})?"}
ADDED = {"nl": "Wat vindt het gezin zelf nodig?", "en": "What does the family itself need?"}
DAYS_LATER = 30


@dataclass(frozen=True)
class Revision:
    """What was changed, by id: for the test's own checks, not to look anything up in tests."""

    reworded: tuple[str, ...]
    added: str
    removed: str
    version: str
    date: str


def _get(node: Node, key: str) -> Node | None:
    if isinstance(node, MappingNode):
        for k, value in node.value:
            if k.value == key:
                return value
    return None


def _lines(text: str, node: Node) -> tuple[int, int]:
    """The lines [first, end) a sequence item's mapping takes, its `- ` line included (a node's
    end mark lies at the next token, past blank lines and comments: its last scalar's does not)."""
    first = node.start_mark.line
    while not isinstance(node.value, str):
        last = node.value[-1]
        node = last[1] if isinstance(last, tuple) else last
    return first, text.count("\n", 0, _scalar_end(text, node)) + 1


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted one


def _scalars(node: Node, texts: dict[str, str]) -> list[tuple[ScalarNode, str]]:
    """The scalars of a text (one, or one per language) with their new values."""
    if isinstance(node, ScalarNode):
        return [(node, texts["nl"])]
    return [(value, texts.get(key.value, texts["en"])) for key, value in node.value]


def _new_question(indent: int, text_node: Node) -> list[str]:
    """A question item at the given column, written in the languages text_node has."""
    pad = " " * indent
    if isinstance(text_node, ScalarNode):
        return [f"{pad}- id: {NEW_ID}", f"{pad}  text: {_quoted(ADDED['nl'])}"]
    languages = [key.value for key, _ in text_node.value]
    return [
        f"{pad}- id: {NEW_ID}",
        f"{pad}  text:",
        *(f"{pad}    {lang}: {_quoted(ADDED.get(lang, ADDED['en']))}" for lang in languages),
    ]


def _bumped(version: str) -> str:
    """1.1 → 1.2, 2 → 3, 1.0-beta → 1.1: the last number goes up."""
    numbers = list(re.finditer(r"\d+", version))
    last = numbers[-1]
    return version[: last.start()] + str(int(last.group()) + 1)


def revisable(document: object) -> bool:
    """Whether a content file is a deck the revision applies to: a card of a level with
    questions, and one with more than one (to remove)."""
    cards = document.get("cards", []) if isinstance(document, dict) and "deck" in document else []
    counts = [len(c.get("questions") or ()) for c in cards if c.get("level")]
    return any(counts) and max(counts) > 1


def revise_deck(path: Path) -> Revision:
    """Apply the revision to the deck file at path, in place."""
    text = path.read_text(encoding="utf-8")
    root = yaml.compose(text)
    cards = _get(root, "cards")
    assert isinstance(cards, SequenceNode)
    level_cards = [c for c in cards.value if _get(c, "level") and _get(c, "questions")]
    first = _get(level_cards[0], "questions")
    removable = [_get(c, "questions") for c in level_cards if len(_get(c, "questions").value) > 1]
    removed = removable[-1].value[-1]
    assert removed is not first.value[0], "the deck has too few questions to revise"
    gone = range(*_lines(text, removed))
    questions = [q for card in cards.value for q in _questions(_get(card, "questions"))]
    reworded = [q for q in questions if q.start_mark.line not in gone]
    last = first.value[-1]
    edition = _get(_get(root, "deck"), "edition")
    version, date = _get(edition, "version"), _get(edition, "date")
    new_version = _bumped(version.value)
    new_date = str(datetime.date.fromisoformat(date.value) + datetime.timedelta(DAYS_LATER))

    # Edits from the end of the file backwards, so the positions before each stay true.
    edits: list[tuple[int, int, str]] = [  # (start, end, replacement) in characters
        (node.start_mark.index, _scalar_end(text, node), _quoted(value.format(n=n)))
        for n, question in enumerate(reworded, start=1)
        for node, value in _scalars(_get(question, "text"), REWORDED)
    ]
    edits += [(version.start_mark.index, version.end_mark.index, _quoted(new_version))]
    edits += [(date.start_mark.index, date.end_mark.index, _quoted(new_date))]
    offsets = _line_offsets(text)
    edits.append((offsets[gone.start], offsets[gone.stop], ""))
    _, after_last = _lines(text, last)
    added = _new_question(last.start_mark.column - 2, _get(first.value[0], "text"))
    edits.append((offsets[after_last], offsets[after_last], "\n".join(added) + "\n"))
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    path.write_text(text, encoding="utf-8")
    return Revision(
        reworded=tuple(_get(q, "id").value for q in reworded),
        added=NEW_ID,
        removed=_get(removed, "id").value,
        version=new_version,
        date=new_date,
    )


def _questions(items: Node | None) -> list[Node]:
    """Every question in a list of questions, its sub-questions after it."""
    if not isinstance(items, SequenceNode):
        return []
    return [found for q in items.value for found in (q, *_questions(_get(q, "sub")))]


def _scalar_end(text: str, node: ScalarNode) -> int:
    """Where a scalar's own text ends: a block scalar's end mark is past its last line break."""
    end = node.end_mark.index
    while end > node.start_mark.index and text[end - 1] in " \n":
        end -= 1
    return end


def _line_offsets(text: str) -> list[int]:
    """The character offset at which each line starts, and one past the end."""
    offsets = [0]
    for line in text.splitlines(keepends=True):
        offsets.append(offsets[-1] + len(line))
    return offsets
