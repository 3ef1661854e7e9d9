"""build(): the pipeline, load → validate → render → impose → write, for every product."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any

from generator.errors import Location, Problem, UserError, fail
from generator.impose.digital import complete_pdf
from generator.impose.pdfx import mark_pdfx
from generator.impose.plan import plan_sheets
from generator.impose.sheets import impose
from generator.layout_model import Layout
from generator.load.yaml_file import Mapping, read_yaml
from generator.manifest import MANIFEST_NAME, manifest
from generator.model import Deck
from generator.poster_model import Poster
from generator.render.deck_faces import render_calibration, render_deck
from generator.render.document import RenderedDocument
from generator.render.poster_faces import POSTER_KINDS, render_poster
from generator.validate.deck import validate_deck
from generator.validate.edition import RegionalEdition, apply_edition, validate_edition
from generator.validate.glyphs import check_glyphs
from generator.validate.layout import check_deck_against_layout, check_poster_layout, load_layout
from generator.validate.localize import language_versions
from generator.validate.poster import check_poster_references, validate_poster
from generator.write.atomic import write_atomically

log = logging.getLogger(__name__)
EDITIONS_FOLDER = "editions"


@dataclass(frozen=True)
class Project:
    """Where content, layouts and outputs live."""

    cards: Path
    layouts: Path
    output: Path

    def content_files(self) -> list[Path]:
        files = sorted(self.cards.glob("*.yaml"))
        if not files:
            raise fail(
                Location(self.cards),
                "no content files (*.yaml) in this folder",
                "run the generator from the project folder, or pass --cards",
            )
        return files

    def edition_files(self) -> list[Path]:
        return sorted((self.cards / EDITIONS_FOLDER).glob("*.yaml"))


@dataclass(frozen=True)
class PrinterSettings:
    """How the office printer turns and shifts the back; see the calibration sheet."""

    duplex: str | None = None  # long-edge or short-edge; None: the layout's choice
    back_offset_mm: tuple[float, float] = (0.0, 0.0)


@dataclass
class Content:
    """Every checked content file, by id."""

    decks: dict[str, Deck] = field(default_factory=dict)
    posters: dict[str, Poster] = field(default_factory=dict)
    editions: dict[str, RegionalEdition] = field(default_factory=dict)


# What a content file is, told by its first key; how to check it; and what else changes for
# another language (a poster's deck is the deck in that language).
FILE_KINDS = {
    "deck": ("decks", validate_deck, lambda item, language: {}),
    "poster": (
        "posters",
        validate_poster,
        lambda item, language: {"deck": f"{item.deck}-{language}"},
    ),
}


def collect(project: Project, files: list[Path] | None = None) -> Content:
    """Load and check content files; raise one UserError listing every problem of every file."""
    content, problems = Content(), []
    for path in files or project.content_files():
        try:
            document = read_yaml(path)
            kind = _file_kind(document, path)
            bucket, validate, retarget = FILE_KINDS[kind]
            for item in language_versions(document, path, kind, validate, retarget):
                _add_unique(getattr(content, bucket), item.id, item, path)
        except UserError as error:
            problems.extend(error.problems)
    for path in project.edition_files():
        try:
            edition = validate_edition(read_yaml(path), path)
            _add_unique(content.editions, edition.region.id, edition, path)
        except UserError as error:
            problems.extend(error.problems)
    if problems:
        raise UserError(problems)
    return content


def _file_kind(document: Any, path: Path) -> str:
    if isinstance(document, Mapping):
        for kind in FILE_KINDS:
            if kind in document:
                return kind
    raise fail(
        Location(path, getattr(document, "line", 0)),
        "the file is neither a deck nor a poster",
        "a deck starts with 'deck:', a poster with 'poster:'",
    )


def _add_unique(items: dict[str, Any], ident: str, item: Any, path: Path) -> None:
    if ident in items:
        raise fail(
            Location(path),
            f"the id '{ident}' is also used by {items[ident].path.name}",
            "give each file its own id: it names the output files",
        )
    items[ident] = item


@dataclass
class Builder:
    """Renders products, keeping layouts and rendered decks for reuse between products."""

    project: Project
    content: Content
    printer: PrinterSettings = PrinterSettings()
    layouts: dict[str, Layout] = field(default_factory=dict)
    rendered: dict[str, RenderedDocument] = field(default_factory=dict)

    def layout(self, name: str, asked_at: Location) -> Layout:
        if name not in self.layouts:
            self.layouts[name] = load_layout(name, self.project.layouts, asked_at)
        return self.layouts[name]

    def deck_layout(self, deck: Deck) -> Layout:
        """The deck's layout, once the deck has been checked against it."""
        layout = self.layout(deck.layout, deck.location("deck › layout"))
        problems = check_deck_against_layout(deck, layout)
        problems += check_glyphs(deck.texts, deck.location, layout.font)
        if problems:
            raise UserError(problems)
        return layout

    def deck(self, deck: Deck) -> dict[str, bytes]:
        """The print-shop file and the A4 sheets of a deck."""
        layout = self.deck_layout(deck)
        document = render_deck(deck, layout)
        imposition = layout.imposition
        if self.printer.duplex:
            imposition = replace(imposition, duplex=self.printer.duplex)
        plan = plan_sheets(
            document.trim,
            document.bleed_mm,
            imposition,
            deck.location("deck › trim"),
            self.printer.back_offset_mm,
        )
        calibration = render_calibration(deck, layout, plan)
        return {
            f"{deck.id}_print.pdf": mark_pdfx(document.pdf, deck.edition.date),
            f"{deck.id}_a4-duplex.pdf": impose(document, plan, imposition),
            f"{deck.id}_duplex-calibration.pdf": impose(calibration, plan, imposition),
        }

    def screen_deck(self, deck: Deck) -> RenderedDocument:
        """The deck in RGB, for the digital PDF; rendered once per build."""
        if deck.id not in self.rendered:
            self.rendered[deck.id] = render_deck(deck, self.deck_layout(deck), color_model="rgb")
        return self.rendered[deck.id]

    def poster_layout(self, poster: Poster) -> Layout:
        """The poster's layout, once the poster has been checked against it and its deck."""
        layout = self.layout(poster.layout, poster.location("poster › layout"))
        problems = check_poster_references(poster, self.content.decks)
        problems += check_poster_layout(poster, layout)
        problems += check_glyphs(poster.texts, poster.location, layout.font)
        if problems:
            raise UserError(problems)
        return layout

    def poster(self, poster: Poster, sizes: tuple[str, ...]) -> dict[str, bytes]:
        """The poster and the workshop sheet at every size, and the complete digital PDF."""
        layout = self.poster_layout(poster)
        deck = self.content.decks[poster.deck]
        outputs = {}
        for size in sizes:
            for kind in POSTER_KINDS:
                document = render_poster(poster, deck, layout, kind, size)
                name = poster.product_id if kind == "poster" else f"{poster.product_id}-{kind}"
                outputs[f"{name}_{size}_print.pdf"] = mark_pdfx(document.pdf, poster.edition.date)
        on_screen = render_poster(poster, deck, layout, "poster", sizes[0], color_model="rgb")
        others = [
            (other, self.screen_deck(other))
            for other in self.content.decks.values()
            if other.language == deck.language and other.id != deck.id
        ]
        outputs[f"{poster.product_id}_digital.pdf"] = complete_pdf(
            deck, self.screen_deck(deck), poster, on_screen, others
        )
        return outputs


def build(
    project: Project,
    files: list[Path] | None = None,
    edition: str | None = None,
    sizes: tuple[str, ...] | None = None,
    printer: PrinterSettings = PrinterSettings(),
) -> list[Path]:
    """Build every product (or one region's); write nothing unless all succeed."""
    content = collect(project, files)
    builder = Builder(project, content, printer)
    jobs = _jobs(content, edition)
    outputs: dict[str, bytes] = {}
    problems: list[Problem] = []
    for label, job in jobs:
        log.info("building %s", label)
        try:
            outputs.update(job(builder, sizes))
        except UserError as error:
            problems.extend(error.problems)
    if problems:
        raise UserError(problems)
    if edition is None:
        outputs[MANIFEST_NAME] = manifest(content.decks.values())
    paths = {project.output / name: data for name, data in outputs.items()}
    write_atomically(paths)
    return sorted(paths)


def _jobs(content: Content, edition: str | None) -> list[tuple[str, Any]]:
    """What to build: everything, or only the products of one regional edition."""

    def deck_job(deck: Deck) -> Any:
        return lambda builder, sizes: builder.deck(deck)

    def poster_job(poster: Poster) -> Any:
        return lambda builder, sizes: builder.poster(poster, sizes or poster.sizes)

    def edition_job(region: RegionalEdition) -> Any:
        def run(builder: Builder, sizes: tuple[str, ...] | None) -> dict[str, bytes]:
            poster = regional_poster(content, region)
            return builder.poster(poster, sizes or poster.sizes)

        return run

    if edition is not None:
        if edition not in content.editions:
            raise fail(
                Location(Path(EDITIONS_FOLDER)),
                f"there is no edition '{edition}'",
                f"editions: {', '.join(sorted(content.editions)) or 'none'}",
            )
        return [(f"edition {edition}", edition_job(content.editions[edition]))]
    jobs = [(f"deck {d.id}", deck_job(d)) for d in content.decks.values()]
    jobs += [(f"poster {p.id}", poster_job(p)) for p in content.posters.values()]
    jobs += [(f"edition {e.region.id}", edition_job(e)) for e in content.editions.values()]
    return jobs


def regional_poster(content: Content, edition: RegionalEdition) -> Poster:
    """The poster an edition adapts, with the edition applied."""
    if edition.poster not in content.posters:
        raise fail(
            edition.locations[f"edition '{edition.region.id}' › name"],
            f"edition '{edition.region.id}': no poster with id '{edition.poster}'",
            f"posters: {', '.join(sorted(content.posters)) or 'none'}",
        )
    return apply_edition(content.posters[edition.poster], edition)


def validate(project: Project) -> int:
    """Every check a build makes before it draws (content, references, layouts, labels,
    glyphs), without rendering; returns how many content files were checked."""
    content = collect(project)
    builder = Builder(project, content)
    checks = [partial(builder.deck_layout, deck) for deck in content.decks.values()]
    checks += [partial(builder.poster_layout, poster) for poster in content.posters.values()]
    checks += [
        partial(lambda e: builder.poster_layout(regional_poster(content, e)), edition)
        for edition in content.editions.values()
    ]
    problems = []
    for check in checks:
        try:
            check()
        except UserError as error:
            problems.extend(error.problems)
    if problems:
        raise UserError(problems)
    return len(project.content_files()) + len(project.edition_files())


def reprint(project: Project, card_ids: dict[str, list[str]]) -> dict[str, bytes]:
    """Print-shop files holding only the given cards of each deck (deck id → card ids)."""
    content = collect(project)
    builder = Builder(project, content)
    outputs = {}
    for deck_id, ids in card_ids.items():
        deck = content.decks.get(deck_id)
        if deck is None or not ids:
            continue
        layout = builder.deck_layout(deck)
        kept = replace(deck, cards=tuple(card for card in deck.cards if card.id in ids))
        document = render_deck(kept, layout)
        outputs[f"{deck_id}_reprint_print.pdf"] = mark_pdfx(document.pdf, deck.edition.date)
    return outputs


def current_manifest(cards: Path, layouts: Path) -> bytes:
    """The manifest of the content in these folders, without rendering."""
    return manifest(collect(Project(cards, layouts, Path("output"))).decks.values())
