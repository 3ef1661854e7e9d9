"""Where each printed text of a content file stands: found by walking the file along its schema
(a node the schema types as a text is one), in the file's order, which is the reading order of
each card. Each place has an id made of the keys and item ids on its way
("cards/gezin/questions/gezin-draagkracht/text"): readable, and stable when items move.

A text is one string (the file's language) or one string per language ({nl: …, en: …}).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.core.i18n import N_
from generator.validate.places import line_of
from generator.validate.schema_check import load_schema

TEXT_DEFS = {"#/$defs/text", "#/$defs/plain_text"}
NOT_TEXT_DEFS = {"#/$defs/id", "#/$defs/url", "#/$defs/correction"}
Path_ = tuple[str | int, ...]  # keys and list indexes from the document's root

# What an editor calls a text, by the keys on its way (list items left out), longest first;
# a key alone at the end is the fallback.
NOUNS: dict[tuple[str, ...], str] = {
    ("questions", "sub", "text"): N_("sub-question"),
    ("questions", "text"): N_("question"),
    ("points", "sub", "text"): N_("sub-point"),
    ("points", "text"): N_("point"),
    ("points", "source"): N_("source of a point"),
    ("sections", "heading"): N_("heading of a text"),
    ("sections", "text"): N_("text"),
    ("back", "heading"): N_("heading on the back"),
    ("back", "intro"): N_("lead-in on the back"),
    ("cards", "heading"): N_("heading"),
    ("cards", "intro"): N_("lead-in"),
    ("cards", "part"): N_("heading of the part"),
    ("cards", "source"): N_("source"),
    ("levels", "name"): N_("level"),
    ("labels",): N_("fixed phrase"),
    ("deck", "title"): N_("title"),
    ("deck", "subtitle"): N_("subtitle"),
    ("deck", "source"): N_("source"),
    ("poster", "title"): N_("title"),
    ("poster", "subtitle"): N_("subtitle"),
    ("poster", "source"): N_("source"),
    ("poster", "authors"): N_("authors"),
    ("poster", "model"): N_("model"),
    ("intro",): N_("lead-in"),
    ("flow", "heading"): N_("heading of a step"),
    ("flow", "text"): N_("step"),
    ("route", "lead"): N_("lead-in of the route"),
    ("route", "question"): N_("question of the route"),
    ("answers", "text"): N_("answer"),
    ("intensities", "name"): N_("intensity"),
    ("intensities", "description"): N_("description of an intensity"),
    ("forms", "name"): N_("form"),
    ("forms", "intensity"): N_("intensity of a form"),
    ("forms", "explanation"): N_("explanation of a form"),
    ("examples", "why"): N_("why the example fits"),
    ("examples",): N_("example"),
    ("core_elements", "heading"): N_("heading of the core elements"),
    ("core_elements", "intro"): N_("lead-in of the core elements"),
    ("items",): N_("core element"),
    ("names",): N_("name"),
}
SCHEMAS = {"deck": "deck", "poster": "poster"}  # a content file's first key: its schema
LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English"}  # the languages a text can have


@dataclass(frozen=True)
class TextPlace:
    """One printed text of a content file."""

    id: str  # "cards/gezin/questions/gezin-draagkracht/text"
    path: Path_  # to the text's node: a string, or a mapping of one string per language
    texts: dict[str, str]  # by language; a single string is the file's own language's
    noun: str  # what an editor calls it, untranslated (N_)
    line: int
    card: int | None = None  # a deck's card it is printed on: its printed number
    card_id: str = ""


@dataclass(frozen=True)
class FilePlaces:
    """A content file's printed texts, in its order."""

    file: Path
    kind: str  # "deck" or "poster"
    item_id: str  # the deck's or poster's id
    language: str
    translations: tuple[str, ...]
    places: tuple[TextPlace, ...]
    card_titles: dict[str, str]  # a card's id → its heading in the file's language

    @property
    def languages(self) -> tuple[str, ...]:
        return (self.language, *self.translations)


def file_places(document: Any, file: Path) -> FilePlaces | None:
    """The printed texts of a read content file (None for a file that is no deck or poster)."""
    kind = next((key for key in SCHEMAS if isinstance(document, dict) and key in document), None)
    if kind is None:
        return None
    head = document[kind]
    language = str(head.get("language", "nl"))
    schema = load_schema(SCHEMAS[kind])
    places = tuple(_walk(schema, schema, document, (), language, document))
    levels = {str(level.get("id")): _first_text(level.get("name"), language)
              for level in document.get("levels", []) or [] if isinstance(level, dict)}  # fmt: skip
    titles = {
        str(card.get("id")): _first_text(card.get("heading"), language)
        or levels.get(str(card.get("level")), "")
        or str(card.get("id"))
        for card in document.get("cards", []) or []
        if isinstance(card, dict)
    }  # a card's heading, else its level's name (a level card prints that), else its id
    return FilePlaces(file, kind, str(head.get("id", file.stem)), language,
                      tuple(head.get("translations", []) or []), places, titles)  # fmt: skip


def _walk(
    schema: dict, node: Any, value: Any, path: Path_, language: str, root: Any
) -> Iterator[TextPlace]:
    ref = node.get("$ref") if isinstance(node, dict) else None
    if ref in TEXT_DEFS:
        texts = _texts(value, language)
        if texts:
            yield _place(path, texts, root)
        return
    if ref in NOT_TEXT_DEFS or not isinstance(node, dict):
        return
    if ref:
        yield from _walk(schema, _resolve(schema, ref), value, path, language, root)
        return
    if isinstance(value, dict):
        properties = node.get("properties", {})
        extra = node.get("additionalProperties")
        for key, item in value.items():
            inner = properties.get(key, extra if isinstance(extra, dict) else None)
            if inner is not None:
                yield from _walk(schema, inner, item, (*path, key), language, root)
    elif isinstance(value, list) and isinstance(node.get("items"), dict):
        for index, item in enumerate(value):
            yield from _walk(schema, node["items"], item, (*path, index), language, root)
    for option in node.get("oneOf", []):  # a union: the branch of the value's own shape
        if _shape_fits(option, value, schema):
            yield from _walk(schema, option, value, path, language, root)
            break


def _shape_fits(option: dict, value: Any, schema: dict) -> bool:
    if "$ref" in option:
        option = _resolve(schema, option["$ref"])
    wanted = option.get("type")
    kinds = {"array": list, "object": dict, "string": str}
    return wanted in kinds and isinstance(value, kinds[wanted])


def _resolve(schema: dict, ref: str) -> dict:
    return schema["$defs"][ref.rsplit("/", 1)[1]]


def _texts(value: Any, language: str) -> dict[str, str]:
    if isinstance(value, str):
        return {language: value}
    if isinstance(value, dict):
        return {str(k): v for k, v in value.items() if isinstance(v, str)}
    return {}


def _first_text(value: Any, language: str) -> str:
    return _texts(value, language).get(language, "")


def _place(path: Path_, texts: dict[str, str], root: Any) -> TextPlace:
    steps, node, card, card_id = [], root, None, ""
    for depth, step in enumerate(path):
        if isinstance(step, int):
            item = node[step]
            named = isinstance(item, dict) and isinstance(item.get("id"), str)
            steps.append(item["id"] if named else str(step))
            if depth == 1 and path[0] == "cards":
                card, card_id = step + 1, str(item.get("id", step))
        else:
            steps.append(step)
        node = node[step]
    keys = tuple(step for step in path if isinstance(step, str))
    noun = next((NOUNS[keys[i:]] for i in range(len(keys)) if keys[i:] in NOUNS),
                next((NOUNS[(key,)] for key in keys if (key,) in NOUNS), keys[-1]))  # fmt: skip
    return TextPlace("/".join(steps), path, texts, noun, line_of(root, list(path)), card, card_id)
