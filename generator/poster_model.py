"""The poster model: the continuum, its flowchart and, for a regional edition, the region."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.errors import Location
from generator.model import Correction, Edition


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


@dataclass(frozen=True)
class Form:
    id: str
    name: str
    intensity: str  # the source's label: laag, laag tot midden, …
    explanation: str
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
    hyphenation: tuple[str, ...] = ()  # words the content says how to break
    texts: dict[str, str] = field(default_factory=dict, compare=False)
    locations: dict[str, Location] = field(default_factory=dict, compare=False)
    corrections: tuple[Correction, ...] = ()  # the source's slips corrected in print

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
