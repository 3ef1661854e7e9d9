"""The poster model: the continuum, its flowchart and, for a regional edition, the region."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.core.errors import Location
from generator.model.deck import Correction, Edition


@dataclass(frozen=True)
class FlowStep:
    id: str
    heading: str
    text: str
    goes_to: str  # 'questions' (the deck) or 'continuum'
    ref: str


@dataclass(frozen=True)
class Example:
    text: str
    ref: str
    why: str | None = None  # the source's sentence saying why it stands at this intensity


@dataclass(frozen=True)
class Form:
    id: str
    name: str
    intensity: str  # the source's label: laag, laag tot midden, …
    explanation: str | None  # on the poster's back and in the digital versions
    examples: tuple[Example, ...]
    regional: tuple[Example, ...]  # examples a regional edition added
    ref: str


@dataclass(frozen=True)
class Intensity:
    id: str
    name: str
    description: str
    forms: tuple[Form, ...]
    step: int  # 1 for the lowest intensity
    ref: str


@dataclass(frozen=True)
class Answer:
    """An answer to the route's question, and the intensities it leads to."""

    text: str
    to: tuple[str, ...]
    ref: str


@dataclass(frozen=True)
class Route:
    """How the answers of step 1 lead to a place on the continuum."""

    lead: str | None
    question: str
    answers: tuple[Answer, ...]


@dataclass(frozen=True)
class CoreElements:
    heading: str
    intro: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class Contact:
    name: str
    detail: str


@dataclass(frozen=True)
class Region:
    """A regional edition of a poster."""

    id: str
    name: str
    source: str
    contacts: tuple[Contact, ...]


@dataclass(frozen=True)
class Poster:
    id: str
    title: str
    subtitle: str | None
    language: str
    edition: Edition
    source: str
    layout: str
    sizes: tuple[str, ...]
    deck: str
    start_question: str
    labels: dict[str, str]
    intro: str
    flow: tuple[FlowStep, ...]
    intensities: tuple[Intensity, ...]
    core: CoreElements
    path: Path
    region: Region | None = None
    route: Route | None = None
    authors: str | None = None  # the tool's authors, for the credits
    model: str | None = None  # the model the continuum reproduces, for the credits
    names: tuple[str, ...] = ()  # names kept in names_language in every translation
    names_language: str = ""
    hyphenation: tuple[str, ...] = ()  # words the content says how to break
    texts: dict[str, str] = field(default_factory=dict, compare=False)
    locations: dict[str, Location] = field(default_factory=dict, compare=False)
    corrections: tuple[Correction, ...] = ()  # the source's slips corrected in print
    # A translation's texts kept in the file's own language (names, titles): (ref, language).
    passages: tuple[tuple[str, str], ...] = ()

    def intensity_phrase(self, intensity: str) -> str:
        """What follows a form's name and dash: its intensity label, then the label
        `intensity_form` ("laag tot midden intensieve vorm van integraal werken"). A label
        that starts with a hyphen joins it ("low" + "-intensity form": "low-intensity form")."""
        label = self.labels["intensity_form"]
        return f"{intensity}{label}" if label.startswith("-") else f"{intensity} {label}"

    def form_header(self, form: Form) -> str:
        """A form's header as the source's table prints it: "Consultatie – laag tot midden
        intensieve vorm van integraal werken"."""
        return f"{form.name} – {self.intensity_phrase(form.intensity)}"

    def location(self, ref: str) -> Location:
        return self.locations.get(ref, Location(self.path))

    @property
    def product_id(self) -> str:
        """The name its files start with: the poster's id, and the region's for an edition."""
        return f"{self.id}_{self.region.id}" if self.region else self.id

    def with_region(
        self,
        region: Region,
        intensities: tuple[Intensity, ...],
        texts: dict[str, str],
        locations: dict[str, Location],
    ) -> Poster:
        return replace(
            self,
            region=region,
            intensities=intensities,
            texts={**self.texts, **texts},
            locations={**self.locations, **locations},
        )
