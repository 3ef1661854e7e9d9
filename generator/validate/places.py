"""Places in a content file: the line each stands on, and how a message names it."""

from __future__ import annotations

from typing import Any

from generator.core.i18n import _
from generator.load.yaml_file import Mapping, Sequence
from generator.model.item_names import shown

# How a list's items are called in messages, by the key that holds the list.
ITEM_NOUNS = {
    "cards": "card",
    "questions": "question",
    "sub": "sub-question",
    "sections": "section",
    "levels": "level",
    "kinds": "kind",
    "flow": "step",
    "intensities": "intensity",
    "forms": "form",
    "examples": "example",
    "items": "item",
    "contacts": "contact",
    "points": "point",
    "steps": "step",
}


def line_of(document: Any, where: list[Any]) -> int:
    """The line of the deepest node on the path that knows its line."""
    node, line = document, getattr(document, "line", 0)
    for step in where:
        if isinstance(node, Mapping) and step in node:
            line = node.key_lines.get(step, line)
            node = node[step]
        elif isinstance(node, Sequence) and isinstance(step, int) and step < len(node):
            line = node.item_lines[step]
            node = node[step]
        else:
            break
    return line


def describe(document: Any, where: list[Any]) -> str:
    """A readable name for a place in a document, in the reader's words: card 'gezin' ›
    question 'gezin-x' › text."""
    parts: list[str] = []
    node: Any = document
    parent_key = ""
    for index, step in enumerate(where):
        if isinstance(node, dict) and step in node:
            parent_key, node = step, node[step]
            # A list of named items reads in their names (card 'x'), unless it is the subject.
            named = isinstance(node, list) and bool(node) and isinstance(node[0], dict)
            if not named or index == len(where) - 1:
                parts.append(str(step))
        elif isinstance(node, list) and isinstance(step, int) and step < len(node):
            node = node[step]
            noun = ITEM_NOUNS.get(parent_key, "item")  # shown() puts it in the reader's words
            ident = node.get("id") if isinstance(node, dict) else None
            parts.append(f"{noun} '{ident}'" if isinstance(ident, str) else f"{noun} #{step + 1}")
        else:
            break
    # 'deck › title' reads better than a bare key; a lone list name reads as itself.
    return shown(" › ".join(parts)) if parts else (str(where[0]) if where else _("the file"))
