"""Turn a parsed poster file into a Poster, or report every problem in it at once."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

from generator.core.errors import Location, Problem, UserError
from generator.core.i18n import _
from generator.load.yaml_file import Mapping
from generator.model.deck import Deck, Edition
from generator.model.poster import (
    Answer,
    CoreElements,
    Example,
    FlowStep,
    Form,
    Intensity,
    Poster,
    Route,
)
from generator.validate.corrections import read_corrections, straight_quotes
from generator.validate.deck import duplicate_ids, markup_problems
from generator.validate.places import line_of
from generator.validate.schema_check import check_schema
from generator.validate.sources import SourceNotes

DEFAULT_SIZES = ("A3",)


def validate_poster(document: Any, path: Path) -> Poster:
    """The Poster a document describes; raises UserError listing all its problems."""
    problems = check_schema(document, "poster", path)
    if isinstance(document, Mapping):
        problems += duplicate_ids(document, path, _ids(document))
        problems += markup_problems(document, path)
        problems += _route_problems(document, path)
    if problems:
        raise UserError(problems)
    poster = _build(document, path)
    if quoted := straight_quotes(poster.texts, poster.location):
        raise UserError(quoted)
    return poster


def _route_problems(doc: Mapping, path: Path) -> list[Problem]:
    """Every intensity an answer of the route leads to must be on the continuum."""
    known = [i.get("id") for i in doc.get("intensities") or [] if isinstance(i, dict)]
    route = doc.get("route")
    answers = route.get("answers") if isinstance(route, dict) else None
    problems = []
    for k, answer in enumerate(answers if isinstance(answers, list) else []):
        for j, target in enumerate(answer.get("to") or [] if isinstance(answer, dict) else []):
            if target in known:
                continue
            close = difflib.get_close_matches(str(target), [str(i) for i in known], n=1)
            problems.append(Problem(
                Location(path, line_of(doc, ["route", "answers", k, "to", j])),
                _("route › answer {number}: no intensity '{intensity}' on the continuum").format(
                    number=k + 1, intensity=target),
                _("did you mean '{option}'?").format(option=close[0]) if close
                else _("intensities: {ids}").format(ids=", ".join(map(str, known))),
            ))  # fmt: skip
    return problems


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
    for key in ("title", "subtitle", "source", "authors", "model"):
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
            explanation = f.get("explanation")
            form_ref = note(f"form '{f['id']}'", explanation, [*form_where, "explanation"])
            note(f"{form_ref} › name", f["name"], [*form_where, "name"])
            note(f"{form_ref} › intensity", f["intensity"], [*form_where, "intensity"])
            examples = tuple(
                _example(note, f"{form_ref} › example {k + 1}", item, [*form_where, "examples", k])
                for k, item in enumerate(f.get("examples") or [])
            )
            forms.append(
                Form(f["id"], f["name"], f["intensity"], explanation, examples, (), form_ref)
            )
        intensities.append(
            Intensity(item["id"], item["name"], item["description"], tuple(forms), i + 1, ref)
        )

    core = doc["core_elements"]
    note("core_elements › heading", core["heading"], ["core_elements", "heading"])
    note("core_elements › intro", core["intro"], ["core_elements", "intro"])
    for k, text in enumerate(core["items"]):
        note(f"core_elements › item {k + 1}", text, ["core_elements", "items", k])

    route = _route(doc["route"], note) if "route" in doc else None

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
        route=route,
        authors=meta.get("authors"),
        model=meta.get("model"),
        names=tuple(doc.get("names") or ()),
        names_language=meta["language"],
        corrections=read_corrections(doc, path),
    )


def _example(note: SourceNotes, ref: str, item: Any, where: list[Any]) -> Example:
    """An example: a text, or a text with the source's reason (`why`)."""
    if not isinstance(item, Mapping):
        return Example(item, note(ref, item, where))
    why = item.get("why")
    if why is not None:
        note(f"{ref} › why", why, [*where, "why"])
    return Example(item["text"], note(ref, item["text"], [*where, "text"]), why)


def _route(route: Mapping, note: SourceNotes) -> Route:
    if "lead" in route:
        note("route › lead", route["lead"], ["route", "lead"])
    note("route › question", route["question"], ["route", "question"])
    answers = tuple(
        Answer(a["text"], tuple(a["to"]),
               note(f"route › answer {k + 1}", a["text"], ["route", "answers", k, "text"]))
        for k, a in enumerate(route["answers"])
    )  # fmt: skip
    return Route(route.get("lead"), route["question"], answers)


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
