"""Turn a parsed deck file into a Deck, or report every problem in it at once."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from generator.core.errors import Location, Problem, UserError
from generator.core.i18n import _
from generator.load.yaml_file import Mapping
from generator.model.deck import Card, Deck, Edition, Level, Point, PointList, Question, Section
from generator.model.item_names import shown
from generator.validate.corrections import pointers, read_corrections, straight_quotes
from generator.validate.places import describe, line_of
from generator.validate.schema_check import check_schema
from generator.validate.sources import SourceNotes

# Which optional card keys each kind of card uses; others would be silently ignored.
KIND_FIELDS = {
    "cover": {"sections"},
    "questions": {"questions", "heading", "level"},
    "points": {"heading", "intro", "points", "back", "source", "part"},
}
OPTIONAL_CARD_FIELDS = {
    "sections",
    "questions",
    "heading",
    "level",
    "intro",
    "points",
    "back",
    "source",
    "part",
}
BOLD_MARK = "**"


def validate_deck(document: Any, path: Path) -> Deck:
    """The Deck a document describes; raises UserError listing all its problems."""
    problems = check_schema(document, "deck", path)
    if isinstance(document, Mapping):
        # These read the raw document, so they also speak when the schema found mistakes.
        problems += duplicate_ids(document, path, _ids(document))
        problems += _kind_fields(document, path)
        problems += _level_references(document, path)
        problems += markup_problems(document, path)
        problems += _digital_version_label(document, path)
    if problems:
        raise UserError(problems)
    deck = _build(document, path)
    problems = straight_quotes(deck.texts, deck.location) + pointers(deck.texts, deck.location)
    if problems:
        raise UserError(problems)
    return deck


# What `one_card:` may say, and the form of one-card it asks for ("": none).
ONE_CARD_FORMS = {True: "card", False: "", "folded": "folded"}


def _build(doc: Mapping, path: Path) -> Deck:
    note = SourceNotes(doc, path)

    meta = doc["deck"]
    for key in ("title", "subtitle", "source"):
        if key in meta:
            note(f"deck › {key}", meta[key], ["deck", key])
    for key in ("layout", "trim", "digital_version_url", "edition", "one_card"):
        note(f"deck › {key}", None, ["deck", key])
    note("labels", None, ["labels"])
    for key, text in doc["labels"].items():
        note(f"labels › {key}", text, ["labels", key])
    levels = tuple(
        Level(
            lv["id"], lv["name"], i, note(f"level '{lv['id']}'", lv["name"], ["levels", i, "name"])
        )
        for i, lv in enumerate(doc.get("levels", []))
    )
    levels_by_id = {level.id: level for level in levels}

    def question(q: Mapping, where: list[Any], noun: str) -> Question:
        subs = tuple(
            question(s, [*where, "sub", j], "sub-question") for j, s in enumerate(q.get("sub", []))
        )
        ref = note(f"{noun} '{q['id']}'", q["text"], [*where, "text"])
        return Question(q["id"], q["text"], q.get("check", True), subs, ref)

    cards = []
    for i, c in enumerate(doc["cards"]):
        where = ["cards", i]
        card_ref = f"card '{c['id']}'"
        note(card_ref, None, where)
        if "heading" in c:
            note(f"{card_ref} › heading", c["heading"], [*where, "heading"])
        sections = tuple(
            Section(s["id"], s["heading"], s["text"], f"section '{s['id']}'")
            for s in c.get("sections", [])
        )
        for j, s in enumerate(c.get("sections", [])):
            note(f"section '{s['id']}' › heading", s["heading"], [*where, "sections", j, "heading"])
            note(f"section '{s['id']}'", s["text"], [*where, "sections", j, "text"])
        questions = tuple(
            question(q, [*where, "questions", j], "question")
            for j, q in enumerate(c.get("questions", []))
        )
        for key in ("part", "intro", "source"):
            if key in c:
                note(f"{card_ref} › {key}", c[key], [*where, key])

        def points(items: list, at: list[Any]) -> tuple[Point, ...]:
            return tuple(point(p, [*at, k]) for k, p in enumerate(items))

        def point(p: Mapping, at: list[Any]) -> Point:
            if "source" in p:
                note(f"point '{p['id']}' › source", p["source"], [*at, "source"])
            return Point(
                p["id"],
                p["text"],
                note(f"point '{p['id']}'", p["text"], [*at, "text"]),
                points(p.get("sub", []), [*at, "sub"]),
                p.get("source"),
            )

        back = None
        if "back" in c:
            b = c["back"]
            for key in ("heading", "intro"):
                if key in b:
                    note(f"{card_ref} › back › {key}", b[key], [*where, "back", key])
            back = PointList(
                b.get("heading"), b.get("intro"), points(b["points"], [*where, "back", "points"])
            )
        cards.append(
            Card(
                id=c["id"],
                kind=c["kind"],
                heading=c.get("heading"),
                level=levels_by_id.get(c.get("level", "")),
                sections=sections,
                questions=questions,
                ref=card_ref,
                intro=c.get("intro"),
                points=points(c.get("points", []), [*where, "points"]),
                back=back,
                source=c.get("source"),
                part=c.get("part"),
            )
        )
    return Deck(
        id=meta["id"],
        title=meta["title"],
        subtitle=meta.get("subtitle"),
        language=meta["language"],
        edition=Edition(meta["edition"]["version"], meta["edition"]["date"]),
        source=meta["source"],
        layout=meta["layout"],
        trim=meta.get("trim"),
        labels=dict(doc["labels"]),
        levels=levels,
        cards=tuple(cards),
        path=path,
        texts=note.texts,
        locations=note.locations,
        digital_version_url=meta.get("digital_version_url"),
        corrections=read_corrections(doc, path),
        one_card=ONE_CARD_FORMS[meta.get("one_card", False)],
    )


def _items(node: Any, key: str) -> list[tuple[int, dict]]:
    """(index, item) for each well-formed item of the list under key; the schema flags the rest."""
    items = node.get(key) if isinstance(node, dict) else None
    if not isinstance(items, list):
        return []
    return [(i, item) for i, item in enumerate(items) if isinstance(item, dict)]


def _ids(doc: Mapping) -> Iterator[tuple[str, Any, list[Any]]]:
    """Every (noun, id, path) in a deck: all ids share one namespace."""
    for i, level in _items(doc, "levels"):
        yield "level", level.get("id"), ["levels", i, "id"]
    for i, card in _items(doc, "cards"):
        yield "card", card.get("id"), ["cards", i, "id"]
        for j, section in _items(card, "sections"):
            yield "section", section.get("id"), ["cards", i, "sections", j, "id"]
        for j, question in _items(card, "questions"):
            yield "question", question.get("id"), ["cards", i, "questions", j, "id"]
            for k, sub in _items(question, "sub"):
                yield "sub-question", sub.get("id"), ["cards", i, "questions", j, "sub", k, "id"]
        for where in (["cards", i], ["cards", i, "back"]):
            holder = card if len(where) == 2 else card.get("back")
            for j, point in _items(holder, "points"):
                yield "point", point.get("id"), [*where, "points", j, "id"]
                for k, sub in _items(point, "sub"):
                    yield "point", sub.get("id"), [*where, "points", j, "sub", k, "id"]


def duplicate_ids(
    doc: Mapping, path: Path, ids: Iterable[tuple[str, Any, list[Any]]]
) -> list[Problem]:
    """A problem for every id used before in the same document."""
    first_seen: dict[str, int] = {}
    problems = []
    for noun, ident, where in ids:
        if not isinstance(ident, str):
            continue
        line = line_of(doc, where)
        if ident in first_seen:
            problems.append(
                Problem(
                    Location(path, line),
                    _("{item}: the id is already used on line {line}").format(
                        item=shown(f"{noun} '{ident}'"), line=first_seen[ident]
                    ),
                    _("every id in a file must be unique: give this one another name"),
                )
            )
        else:
            first_seen[ident] = line
    return problems


def _kind_fields(doc: Mapping, path: Path) -> list[Problem]:
    problems = []
    for i, card in _items(doc, "cards"):
        kind = card.get("kind")
        if kind not in KIND_FIELDS:
            continue
        for key in sorted((set(card) & OPTIONAL_CARD_FIELDS) - KIND_FIELDS[kind]):
            problems.append(
                Problem(
                    Location(path, line_of(doc, ["cards", i, key])),
                    _("{item}: a card of kind '{kind}' does not print '{key}'").format(
                        item=describe(doc, ["cards", i]), kind=kind, key=key
                    ),
                    _("remove '{key}', or use a kind that prints it").format(key=key),
                )
            )
    return problems


def _level_references(doc: Mapping, path: Path) -> list[Problem]:
    ids = [level.get("id") for _index, level in _items(doc, "levels")]
    known: list[str] = [ident for ident in ids if isinstance(ident, str)]
    used = [(i, card["level"]) for i, card in _items(doc, "cards")
            if isinstance(card.get("level"), str)]  # fmt: skip
    if used and "levels" not in doc:  # the list was deleted: one problem, how to restore it
        named = sorted({level for _index, level in used})
        return [Problem(
            Location(path, line_of(doc, ["cards", used[0][0], "level"])),
            _("the cards name levels ({levels}), but the file has no 'levels:'").format(
                levels=", ".join(named)
            ),
            _("restore 'levels:' at the top level of the file, with for each level a line "
              "'- id: …' and under it 'name: …'; the list as it was is in the file's earlier "
              "version (git), or in its latest release in cards/releases/"),
        )]  # fmt: skip
    problems = []
    for i, level in used:
        if level not in known:
            close = difflib.get_close_matches(level, known, n=1)
            problems.append(
                Problem(
                    Location(path, line_of(doc, ["cards", i, "level"])),
                    _("{item}: unknown level '{level}'").format(
                        item=describe(doc, ["cards", i]), level=level
                    ),
                    _("did you mean '{option}'?").format(option=close[0])
                    if close
                    else _("levels in this file: {levels}").format(levels=", ".join(known)),
                )
            )
    return problems


DIGITAL_VERSION_LABEL = "digital_version"


def _digital_version_label(doc: Mapping, path: Path) -> list[Problem]:
    """A deck with a digital version prints a caption beside its QR code: the label for it."""
    meta, labels = doc.get("deck"), doc.get("labels")
    if not isinstance(meta, dict) or "digital_version_url" not in meta:
        return []
    if isinstance(labels, dict) and DIGITAL_VERSION_LABEL in labels:
        return []
    return [
        Problem(
            Location(path, line_of(doc, ["deck", "digital_version_url"])),
            _(
                "deck › digital_version_url: the label '{label}' is missing; it is printed beside "
                "the QR code"
            ).format(label=DIGITAL_VERSION_LABEL),
            _("add '{label}: ...' under labels:, for example 'Digitale versie'").format(
                label=DIGITAL_VERSION_LABEL
            ),
        )
    ]


def _strings(node: Any, where: list[Any]) -> Iterator[tuple[list[Any], str]]:
    """Every text value in a document, with its path."""
    if isinstance(node, str):
        yield where, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(value, [*where, key])
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _strings(value, [*where, index])


def markup_problems(doc: Mapping, path: Path) -> list[Problem]:
    """Bold markers without a partner, or around nothing, in any text of a document."""
    problems = []
    for where, text in _strings(doc, []):
        if BOLD_MARK not in text:
            continue
        location = Location(path, line_of(doc, where))
        if text.count(BOLD_MARK) % 2:
            problems.append(
                Problem(
                    location,
                    _("{item}: a '**' has no partner").format(item=describe(doc, where)),
                    _("bold text needs ** before and after it"),
                )
            )
        if re.search(r"\*\*\s*\*\*", text):
            problems.append(
                Problem(
                    location,
                    _("{item}: empty bold '** **'").format(item=describe(doc, where)),
                    _("remove the empty pair of **"),
                )
            )
    return problems
