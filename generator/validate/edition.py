"""Regional editions: a small file that adapts a poster's examples and adds contacts."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from generator.core.errors import Location, Problem, UserError
from generator.core.i18n import _
from generator.load.yaml_file import Mapping
from generator.model.poster import Contact, Example, Poster, Region
from generator.validate.deck import markup_problems
from generator.validate.places import line_of
from generator.validate.schema_check import check_schema
from generator.validate.sources import SourceNotes


@dataclass(frozen=True)
class ExampleChange:
    intensity: str
    add: tuple[Example, ...]
    replace: tuple[Example, ...] | None
    location: Location


@dataclass(frozen=True)
class RegionalEdition:
    region: Region
    poster: str
    changes: tuple[ExampleChange, ...]
    path: Path
    texts: dict[str, str]
    locations: dict[str, Location]


def validate_edition(document: Any, path: Path) -> RegionalEdition:
    problems = check_schema(document, "edition", path)
    if isinstance(document, Mapping):
        problems += markup_problems(document, path)
    if problems:
        raise UserError(problems)
    meta = document["edition"]
    note = SourceNotes(document, path)

    note(f"edition '{meta['id']}' › name", meta["name"], ["edition", "name"])
    note(f"edition '{meta['id']}' › source", meta["source"], ["edition", "source"])

    def examples(intensity: str, key: str, texts: list[str]) -> tuple[Example, ...]:
        found = []
        for k, text in enumerate(texts):
            ref = f"edition '{meta['id']}' › {intensity} › {key} {k + 1}"
            note(ref, text, ["examples", intensity, key, k])
            found.append(Example(text, ref))
        return tuple(found)

    changes = []
    for intensity, change in (document.get("examples") or {}).items():
        changes.append(ExampleChange(
            intensity,
            examples(intensity, "add", change.get("add", [])),
            examples(intensity, "replace", change["replace"]) if "replace" in change else None,
            Location(path, line_of(document, ["examples", intensity])),
        ))  # fmt: skip
    contacts = []
    for k, contact in enumerate(document.get("contacts") or []):
        note(f"edition '{meta['id']}' › contact {k + 1}", contact["name"], ["contacts", k, "name"])
        note(
            f"edition '{meta['id']}' › contact {k + 1} › detail",
            contact["detail"],
            ["contacts", k, "detail"],
        )
        contacts.append(Contact(contact["name"], contact["detail"]))
    region = Region(meta["id"], meta["name"], meta["source"], tuple(contacts))
    return RegionalEdition(region, meta["poster"], tuple(changes), path, note.texts, note.locations)


def apply_edition(poster: Poster, edition: RegionalEdition) -> Poster:
    """The poster with the edition's examples and contacts; unknown intensities are errors."""
    known = [intensity.id for intensity in poster.intensities]
    problems = []
    for change in edition.changes:
        if change.intensity not in known:
            close = difflib.get_close_matches(change.intensity, known, n=1)
            problems.append(
                Problem(
                    change.location,
                    _("examples: poster '{poster}' has no intensity '{intensity}'").format(
                        poster=poster.id, intensity=change.intensity
                    ),
                    _("did you mean '{option}'?").format(option=close[0])
                    if close
                    else _("intensities: {ids}").format(ids=", ".join(known)),
                )
            )
    if problems:
        raise UserError(problems)
    by_intensity = {change.intensity: change for change in edition.changes}
    intensities = []
    for intensity in poster.intensities:
        found = by_intensity.get(intensity.id)
        if found is None:
            intensities.append(intensity)
            continue
        change = found
        first, *rest = intensity.forms  # examples belong to the intensity's first form
        # Regional examples are listed apart, under the region's name; replace drops the base's.
        examples = () if change.replace is not None else first.examples
        first = replace(first, examples=examples, regional=(*(change.replace or ()), *change.add))
        intensities.append(replace(intensity, forms=(first, *rest)))
    return poster.with_region(edition.region, tuple(intensities), edition.texts, edition.locations)
