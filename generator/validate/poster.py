"""Turn a parsed poster file into a Poster, or report every problem in it at once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.errors import Problem, UserError
from generator.i18n import _
from generator.load.yaml_file import Mapping
from generator.model import Deck, Edition
from generator.poster_model import CoreElements, Example, FlowStep, Form, Intensity, Poster
from generator.validate.corrections import read_corrections
from generator.validate.deck import duplicate_ids, markup_problems
from generator.validate.schema_check import check_schema
from generator.validate.sources import SourceNotes

DEFAULT_SIZES = ("A3",)


def validate_poster(document: Any, path: Path) -> Poster:
    """The Poster a document describes; raises UserError listing all its problems."""
    problems = check_schema(document, "poster", path)
    if isinstance(document, Mapping):
        problems += duplicate_ids(document, path, _ids(document))
        problems += markup_problems(document, path)
    if problems:
        raise UserError(problems)
    return _build(document, path)


def _ids(doc: Mapping) -> list[tuple[str, Any, list[Any]]]:
    found = [
        ("step", s.get("id"), ["flow", i, "id"])
        for i, s in enumerate(doc.get("flow") or [])
        if isinstance(s, dict)
    ]
    for i, intensity in enumerate(doc.get("intensities") or []):
        if not isinstance(intensity, dict):
            continue
        found.append(("intensity", intensity.get("id"), ["intensities", i, "id"]))
        for j, form in enumerate(intensity.get("forms") or []):
            if isinstance(form, dict):
                found.append(("form", form.get("id"), ["intensities", i, "forms", j, "id"]))
    return found


def _build(doc: Mapping, path: Path) -> Poster:
    note = SourceNotes(doc, path)

    meta = doc["poster"]
    for key in ("title", "subtitle", "source"):
        if key in meta:
            note(f"poster › {key}", meta[key], ["poster", key])
    for key in ("layout", "deck", "start_question", "sizes", "edition"):
        note(f"poster › {key}", None, ["poster", key])
    for key, text in doc["labels"].items():
        note(f"labels › {key}", text, ["labels", key])
    note("labels", None, ["labels"])
    note("intro", doc["intro"], ["intro"])
    flow = tuple(
        FlowStep(
            s["id"],
            s["heading"],
            s["text"],
            s["goes_to"],
            note(f"step '{s['id']}'", s["text"], ["flow", i, "text"]),
        )
        for i, s in enumerate(doc["flow"])
    )
    for i, s in enumerate(doc["flow"]):
        note(f"step '{s['id']}' › heading", s["heading"], ["flow", i, "heading"])

    intensities = []
    for i, item in enumerate(doc["intensities"]):
        where = ["intensities", i]
        ref = note(f"intensity '{item['id']}'", item["description"], [*where, "description"])
        note(f"{ref} › name", item["name"], [*where, "name"])
        forms = []
        for j, f in enumerate(item["forms"]):
            form_where = [*where, "forms", j]
            form_ref = note(f"form '{f['id']}'", f["explanation"], [*form_where, "explanation"])
            note(f"{form_ref} › name", f["name"], [*form_where, "name"])
            note(f"{form_ref} › intensity", f["intensity"], [*form_where, "intensity"])
            examples = tuple(
                Example(
                    text, note(f"{form_ref} › example {k + 1}", text, [*form_where, "examples", k])
                )
                for k, text in enumerate(f["examples"])
            )
            forms.append(
                Form(f["id"], f["name"], f["intensity"], f["explanation"], examples, (), form_ref)
            )
        intensities.append(
            Intensity(item["id"], item["name"], item["description"], tuple(forms), i + 1, ref)
        )

    core = doc["core_elements"]
    note("core_elements › heading", core["heading"], ["core_elements", "heading"])
    note("core_elements › intro", core["intro"], ["core_elements", "intro"])
    for k, text in enumerate(core["items"]):
        note(f"core_elements › item {k + 1}", text, ["core_elements", "items", k])

    return Poster(
        id=meta["id"],
        title=meta["title"],
        subtitle=meta.get("subtitle"),
        language=meta["language"],
        edition=Edition(meta["edition"]["version"], meta["edition"]["date"]),
        source=meta["source"],
        layout=meta["layout"],
        sizes=tuple(meta.get("sizes", DEFAULT_SIZES)),
        deck=meta["deck"],
        start_question=meta["start_question"],
        labels=dict(doc["labels"]),
        intro=doc["intro"],
        flow=flow,
        intensities=tuple(intensities),
        core=CoreElements(core["heading"], core["intro"], tuple(core["items"])),
        path=path,
        texts=note.texts,
        locations=note.locations,
        corrections=read_corrections(doc, path),
    )


def check_poster_references(poster: Poster, decks: dict[str, Deck]) -> list[Problem]:
    """The deck and start question a poster names must exist."""
    if poster.deck not in decks:
        return [
            Problem(
                poster.location("poster › deck"),
                _("poster › deck: no deck with id '{deck}' in the content").format(
                    deck=poster.deck
                ),
                _("decks: {ids}").format(ids=", ".join(sorted(decks))),
            )
        ]
    deck = decks[poster.deck]
    ids = {q.id for card in deck.cards for q in card.all_questions()}
    if poster.start_question not in ids:
        return [
            Problem(
                poster.location("poster › start_question"),
                _("poster › start_question: deck '{deck}' has no question '{question}'").format(
                    deck=deck.id, question=poster.start_question
                ),
                _("use the id of the deck's start question"),
            )
        ]
    return []
