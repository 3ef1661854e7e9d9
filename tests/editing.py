"""Edit content files as an editor would, without knowing what they say: reword a question,
add one, remove one, give the edition a new version. YAML is read and written back with
PyYAML (comments are lost; the content is the same), so no test depends on the wording."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

SUFFIX = " (herzien)"


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def save(path: Path, document: dict) -> None:
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), "utf-8")


def question_cards(document: dict) -> list[dict]:
    return [card for card in document["cards"] if card.get("questions")]


def _reword(text: Any) -> Any:
    """The same text with a word added, in every language it is written in."""
    if isinstance(text, dict):
        return {language: value + SUFFIX for language, value in text.items()}
    return text + SUFFIX


def reword_question(path: Path, card_number: int = -1) -> tuple[str, str]:
    """Add a word to the first question of a question card (default: the last one); returns
    (card id, question id)."""
    document = load(path)
    card = question_cards(document)[card_number]
    question = card["questions"][0]
    question["text"] = _reword(question["text"])
    save(path, document)
    return card["id"], question["id"]


def add_question(path: Path, card_number: int = -1) -> str:
    """A copy of a card's first question under a new id; returns that id."""
    document = load(path)
    card = question_cards(document)[card_number]
    new = {"id": f"{card['questions'][0]['id']}-nieuw", "text": card["questions"][0]["text"]}
    card["questions"].append(new)
    save(path, document)
    return new["id"]


def set_version(path: Path, version: str, date: str = "2026-12-01") -> None:
    document = load(path)
    head = document["deck"] if "deck" in document else document["poster"]
    head["edition"] = {"version": version, "date": date}
    save(path, document)


def version_of(path: Path) -> str:
    document = load(path)
    head = document["deck"] if "deck" in document else document["poster"]
    return head["edition"]["version"]
