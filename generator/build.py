"""build(): the pipeline, load → validate → render → impose → write, for every product."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property, partial
from pathlib import Path
from typing import Any, TypeVar

from generator import progress
from generator.errors import Location, Problem, UserError, display_path, fail
from generator.impose.digital import complete_pdf
from generator.impose.pdfx import mark_pdfx
from generator.impose.plan import plan_sheets
from generator.impose.sheets import impose, print_file_and_sheets
from generator.layout_model import FontSpec, Layout
from generator.load.yaml_file import Mapping, read_yaml
from generator.manifest import MANIFEST_NAME, manifest
from generator.model import Deck
from generator.parallel import CAN_FORK, Worker, call, start_in_child
from generator.poster_model import Poster
from generator.releases import Product, deck_product, drift, poster_product, read_releases
from generator.render.cache import RenderCache, fingerprint
from generator.render.deck_faces import render_calibration, render_deck
from generator.render.document import RenderedDocument
from generator.render.fillable import has_checklist, render_fillable_checklist
from generator.render.html.page import (
    HTML_LAYOUT,
    PageSettings,
    load_settings,
    missing_labels,
    render_html,
)
from generator.render.poster_faces import POSTER_KINDS, render_poster, shown_of_deck
from generator.validate.deck import validate_deck
from generator.validate.edition import RegionalEdition, apply_edition, validate_edition
from generator.validate.glossary import read_glossaries, reserved_words
from generator.validate.glyphs import check_glyphs
from generator.validate.hyphenation import read_exceptions
from generator.validate.layout import check_deck_against_layout, check_poster_layout, load_layout
from generator.validate.localize import language_versions
from generator.validate.poster import check_poster_references, validate_poster
from generator.write import owned
from generator.write.atomic import output_paths, write_atomically

T = TypeVar("T")
# A single build keeps documents and products other products are made of (the RGB deck of
# every digital PDF, say), not laid-out faces: a document draws a repeated face once itself.
ONE_BUILD_ENTRIES = 500
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


def collect(
    project: Project, files: list[Path] | None = None, cache: RenderCache | None = None
) -> Content:
    """Load and check content files; raise one UserError listing every problem of every file.

    With a cache, a file whose size and modification time did not change is not read again.
    """
    cache = cache or RenderCache(max_entries=0)
    content, problems = Content(), []
    for path in files or project.content_files():
        try:
            bucket, items = _kept(cache, path, partial(_read_content, path))
            for item in items:
                _add_unique(getattr(content, bucket), item.id, item, path)
        except UserError as error:
            problems.extend(error.problems)
    for path in project.edition_files():
        try:
            edition = _kept(cache, path, partial(_read_edition, path))
            _add_unique(content.editions, edition.region.id, edition, path)
        except UserError as error:
            problems.extend(error.problems)
    try:
        exceptions = read_exceptions(project.cards)
        problems += reserved_words([*content.decks.values(), *content.posters.values()],
                                   read_glossaries(project.cards))  # fmt: skip
    except UserError as error:
        problems.extend(error.problems)
    if problems:
        raise UserError(problems)
    for items in (content.decks, content.posters):
        for ident, item in items.items():
            items[ident] = replace(item, hyphenation=exceptions.get(item.language, ()))
    return content


def _kept(cache: RenderCache, path: Path, read: Callable[[], T]) -> T:
    """What read() gives for this file, kept while the file is unchanged."""
    try:
        status = path.stat()
    except OSError:
        return read()  # reading names the problem
    return cache.memo(fingerprint("file", path.resolve(), status.st_size, status.st_mtime_ns), read)


def _read_content(path: Path) -> tuple[str, list[Any]]:
    """A deck or poster file: its bucket in Content, and its item in every language."""
    document = read_yaml(path)
    kind = _file_kind(document, path)
    bucket, validate, retarget = FILE_KINDS[kind]
    return bucket, language_versions(document, path, kind, validate, retarget)


def _read_edition(path: Path) -> RegionalEdition:
    return validate_edition(read_yaml(path), path)


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
    """Renders products; what was drawn before from the same inputs comes from the cache."""

    project: Project
    content: Content
    printer: PrinterSettings = PrinterSettings()
    cache: RenderCache = field(default_factory=RenderCache)
    face_cache: RenderCache | None = None  # laid-out faces (default: none kept)
    rewrite: Callable[..., Any] = call  # runs a qpdf rewrite of a PDF (see produce)
    layouts: dict[str, Layout] = field(default_factory=dict)
    rebuilt: list[str] = field(default_factory=list)  # products drawn, not taken from the cache
    only: Callable[[str], bool] = lambda label: True  # which products this builder makes

    @cached_property
    def layouts_key(self) -> str:
        """A hash of every file in the layouts folder: templates, layout.yaml, fonts named."""
        root = self.project.layouts
        files = sorted(path for path in root.rglob("*") if path.is_file())
        return fingerprint(*((str(path.relative_to(root)), path.read_bytes()) for path in files))

    def _product(self, key: str, label: str, make: Callable[[], dict[str, bytes]]) -> dict:
        if not self.only(label):
            return {}
        kept = self.cache.get(key)
        if kept is None:
            kept = make()
            self.cache.put(key, kept)
            self.rebuilt.append(label)
        return kept

    def _pdfx(self, document: RenderedDocument, date: str) -> bytes:
        return self.cache.memo(
            fingerprint("pdfx", document.key, date),
            lambda: self.rewrite(mark_pdfx, document.pdf, date),
        )

    def layout(self, name: str, asked_at: Location) -> Layout:
        if name not in self.layouts:
            self.layouts[name] = self.cache.memo(
                fingerprint("layout", name, self.layouts_key),
                lambda: load_layout(name, self.project.layouts, asked_at),
            )
        return self.layouts[name]

    @cached_property
    def html_settings(self) -> PageSettings:
        """What the HTML page needs (its template and labels), from layouts/html."""
        folder = self.project.layouts / HTML_LAYOUT
        return self.cache.memo(fingerprint("html", self.layouts_key),
                               lambda: load_settings(folder))  # fmt: skip

    def deck_layout(self, deck: Deck) -> Layout:
        """The deck's layout, once the deck has been checked against it."""
        layout = self.layout(deck.layout, deck.location("deck › layout"))
        problems = check_deck_against_layout(deck, layout)
        problems += check_glyphs(deck.texts, deck.location, layout.font)
        if problems:
            raise UserError(problems)
        return layout

    def deck(self, deck: Deck) -> dict[str, bytes]:
        """The print-shop file and the A4 sheets of a deck, and, when the deck asks questions,
        its fillable checklist for a tablet."""
        key = fingerprint("deck", deck, self.layouts_key, self.printer)
        outputs = self._product(key, f"deck {deck.id}", lambda: self._deck(deck))
        if has_checklist(deck):
            outputs = {**outputs, **self._product(
                fingerprint("checklist", deck, self.layouts_key),
                f"checklist {deck.id}",
                lambda: {f"{deck.id}_checklist.pdf":
                         render_fillable_checklist(deck, self.deck_layout(deck))},
            )}  # fmt: skip
        return outputs

    def _deck(self, deck: Deck) -> dict[str, bytes]:
        layout = self.deck_layout(deck)
        document = render_deck(deck, layout, cache=self.face_cache)
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
        print_file, sheets = self.rewrite(
            print_file_and_sheets, document, deck.edition.date, plan, imposition
        )
        # The calibration sheet shows no card: it stays while the deck's labels and trim do.
        calibration_sheets = self.cache.memo(
            fingerprint("calibration", deck.labels, deck.title, deck.source, deck.language,
                        deck.trim, layout, self.layouts_key, plan, imposition),
            lambda: self.rewrite(
                impose, render_calibration(deck, layout, plan, self.face_cache), plan, imposition
            ),
        )  # fmt: skip
        return {
            f"{deck.id}_print.pdf": print_file,
            f"{deck.id}_a4-duplex.pdf": sheets,
            f"{deck.id}_duplex-calibration.pdf": calibration_sheets,
        }

    def screen_deck(self, deck: Deck) -> RenderedDocument:
        """The deck in RGB, for the digital PDF; drawn once while the deck is unchanged."""
        return self.cache.memo(
            fingerprint("screen", deck, self.layouts_key),
            lambda: render_deck(deck, self.deck_layout(deck), "rgb", self.face_cache),
        )

    def screen_poster(self, poster: Poster, size: str) -> RenderedDocument:
        """The poster in RGB, for the digital PDF; drawn once while its inputs are unchanged."""
        deck = self.content.decks[poster.deck]
        shown = shown_of_deck(poster, deck)
        return self.cache.memo(
            fingerprint("screen-poster", poster, size, shown, self.layouts_key),
            lambda: render_poster(
                poster, deck, self.poster_layout(poster), "poster", size, "rgb", self.face_cache
            ),
        )

    def poster_layout(self, poster: Poster) -> Layout:
        """The poster's layout, once the poster has been checked against it and its deck."""
        layout = self.layout(poster.layout, poster.location("poster › layout"))
        problems = check_poster_references(poster, self.content.decks)
        problems += check_poster_layout(poster, layout)
        problems += missing_labels(poster, self.html_settings)
        problems += check_glyphs(poster.texts, poster.location, layout.font)
        if problems:
            raise UserError(problems)
        return layout

    def poster(self, poster: Poster, sizes: tuple[str, ...]) -> dict[str, bytes]:
        """The poster and the workshop sheet at every size, and the complete digital PDF.

        The print files depend on the deck only through what the poster shows of it, so a
        question edited elsewhere in the deck does not redraw them.
        """
        deck = self.content.decks.get(poster.deck)
        shown = shown_of_deck(poster, deck) if deck else None
        decks = [deck for deck in self.content.decks.values() if deck.language == poster.language]
        return {
            **self._product(
                fingerprint("poster", poster, sizes, shown, self.layouts_key),
                f"poster {poster.product_id}",
                lambda: self._poster_prints(poster, sizes),
            ),
            **self._product(
                fingerprint("digital", poster, sizes[0], decks, self.layouts_key),
                f"digital {poster.product_id}",
                lambda: self._digital(poster, sizes[0]),
            ),
        }

    def _poster_prints(self, poster: Poster, sizes: tuple[str, ...]) -> dict[str, bytes]:
        layout = self.poster_layout(poster)
        deck = self.content.decks[poster.deck]
        outputs = {}
        for (kind, size), name in poster_print_names(poster, sizes).items():
            document = render_poster(poster, deck, layout, kind, size, cache=self.face_cache)
            outputs[name] = self._pdfx(document, poster.edition.date)
        return outputs

    def _digital(self, poster: Poster, size: str) -> dict[str, bytes]:
        layout = self.poster_layout(poster)
        deck = self.content.decks[poster.deck]
        on_screen = self.screen_poster(poster, size)
        others = [
            (other, self.screen_deck(other))
            for other in self.content.decks.values()
            if other.language == deck.language and other.id != deck.id
        ]
        pdf = complete_pdf(deck, self.screen_deck(deck), poster, on_screen, others)
        return {
            f"{poster.product_id}_digital.pdf": pdf,
            f"{poster.product_id}.html": render_html(poster, deck, layout),
        }


def build(
    project: Project,
    files: list[Path] | None = None,
    edition: str | None = None,
    sizes: tuple[str, ...] | None = None,
    printer: PrinterSettings = PrinterSettings(),
) -> list[Path]:
    """Build every product (or one region's); write nothing unless all succeed. Then remove
    the files of products whose content is gone, and warn about unreleased drift."""
    made = produce(project, files, edition, sizes, printer)
    outputs, gone = with_manifest(project, made)
    drifted = drift_warnings(project, made.content)  # a broken release file stops us here
    paths = output_paths(project.output, outputs)
    write_atomically(paths)
    say_removed(*owned.remove(project.output, gone))
    for warning in drifted:
        log.warning("%s", warning, extra={"prefix": "warning"})
    return sorted(paths)


def say_removed(removed: list[Path], failed: list[str]) -> None:
    """Notes on the old outputs removed, and warnings on those that could not be."""
    for path in removed:
        log.warning("removed %s: its content is gone", display_path(path))
    for message in failed:
        log.warning("%s", message, extra={"prefix": "warning"})


def with_manifest(project: Project, made: Made) -> tuple[dict[str, bytes], list[str]]:
    """The outputs with the manifest (which records every file the generator owns in the
    output folder), and the files of products whose content is gone."""
    earlier = owned.recorded(project.output)
    record, gone = owned.settle(owned.recorded_outputs(earlier), made.sources, made.products)
    kept = {} if made.products is not None else earlier.get("decks", {})
    decks = made.content.decks.values() if made.content else ()
    data = manifest(decks, record, kept if isinstance(kept, dict) else {})
    return {**made.outputs, MANIFEST_NAME: data}, gone


def poster_print_names(poster: Poster, sizes: tuple[str, ...]) -> dict[tuple[str, str], str]:
    """The print-shop file of each kind of poster page at each size, by (kind, size)."""
    names = {}
    for size in sizes:
        for kind in POSTER_KINDS:
            name = poster.product_id if kind == "poster" else f"{poster.product_id}-{kind}"
            names[kind, size] = f"{name}_{size}_print.pdf"
    return names


def printed_products(content: Content) -> list[Product]:
    """Every deck, poster and regional poster, as a release would record it."""
    products = [deck_product(deck) for deck in content.decks.values()]
    posters = [*content.posters.values()]
    posters += [regional_poster(content, e) for e in content.editions.values()
                if e.poster in content.posters]  # fmt: skip
    products += [
        poster_product(p, content.decks.get(p.deck), tuple(poster_print_names(p, p.sizes).values()))
        for p in posters
    ]
    return products


def drift_warnings(project: Project, content: Content | None) -> list[str]:
    """One warning per product whose texts differ from its latest release, same version."""
    if content is None:
        return []
    found = drift(printed_products(content), read_releases(project.cards))
    return [f"{item.product.edition_at}: {item.message()}" for item in found]


def produce(
    project: Project,
    files: list[Path] | None = None,
    edition: str | None = None,
    sizes: tuple[str, ...] | None = None,
    printer: PrinterSettings = PrinterSettings(),
    cache: RenderCache | None = None,
    only: Callable[[str], bool] | None = None,
) -> Made:
    """Every product's files by name (nothing written, no manifest: see with_manifest),
    problems and what was drawn; only: the products to make, by label (default: all).
    Raises UserError with every problem.

    Making all, a forked child makes the screen products (digital PDFs, HTML pages, fillable
    checklists) while this process makes the print files: each core takes a share.
    A cache given (watch's, for a session) also keeps laid-out faces. Without one, qpdf's
    rewrites of the print files (PDF/X marks, imposition), which hold a lot of memory, run
    in a process forked while this one is still small, and give that memory back.
    """
    face_cache = cache
    one_shot = cache is None and CAN_FORK
    if one_shot:
        # Reading a large file churns the heap; read in a child, only the content comes back.
        content = start_in_child(lambda: collect(project, files))()
    else:
        content = collect(project, files, cache)
    cache = cache or RenderCache(ONE_BUILD_ENTRIES)
    jobs = _jobs(content, edition, some_files=files is not None)

    def run(chosen: Callable[[str], bool], rewrite: Callable[..., Any] = call) -> Made:
        builder = Builder(project, content, printer, cache, face_cache, rewrite, only=chosen)
        made = Made()
        for label, job in jobs:
            log.info("building %s", label)
            try:
                outputs = job(builder, sizes)
            except UserError as error:
                made.problems.extend(error.problems)
                continue
            made.outputs.update(outputs)
            made.sources.update(dict.fromkeys(outputs, label))
        made.rebuilt = builder.rebuilt
        return made

    if only is None and CAN_FORK:
        screen = start_in_child(lambda: _quietly(run, is_screen_product))
        rewriter = Worker(call) if one_shot else None
        try:
            made = run(is_print_product, rewriter or call)
        except BaseException:
            with contextlib.suppress(Exception):
                screen()  # the child waits to hand over its result
            raise
        finally:
            if rewriter:
                rewriter.close()
        made.add(screen())
    else:
        made = run(only or (lambda label: True))
    if made.problems:
        raise UserError(made.problems)
    made.outputs = dict(sorted(made.outputs.items()))
    made.content = content
    # Every product the content has now; a build of some files cannot tell what is gone.
    made.products = (
        None if files is not None else {label for label, _ in _jobs(content, None, False)}
    )
    return made


def _quietly(run: Callable[[Callable[[str], bool]], Made], chosen: Callable[[str], bool]) -> Made:
    """Run in a child without notes or progress: the print side draws the same faces and
    says them once."""
    logging.getLogger("generator").setLevel(logging.ERROR)
    progress.silence()
    return run(chosen)


SCREEN_PRODUCTS = ("digital ", "checklist ")  # by label: RGB, for screens and tablets


def is_screen_product(label: str) -> bool:
    """Digital PDFs, HTML pages and fillable checklists, as opposed to print files."""
    return label.startswith(SCREEN_PRODUCTS)


def is_print_product(label: str) -> bool:
    return not is_screen_product(label)


@dataclass
class Made:
    """What one worker made: files by name, problems, and the products it drew (by label)."""

    outputs: dict[str, bytes] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    rebuilt: list[str] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)  # file name → product (job label)
    content: Content | None = None  # what it was made from (set by produce)
    products: set[str] | None = None  # every product of the content; None: some files read

    def add(self, other: Made) -> None:
        """Another worker's share; a problem both found is said once."""
        self.outputs.update(other.outputs)
        self.sources.update(other.sources)
        said = {str(problem) for problem in self.problems}
        self.problems += [problem for problem in other.problems if str(problem) not in said]
        self.rebuilt += other.rebuilt


def _jobs(content: Content, edition: str | None, some_files: bool) -> list[tuple[str, Any]]:
    """What to build: everything, or only the products of one regional edition. When only
    some content files were given, editions of posters not among them are left out."""

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
    editions = [e for e in content.editions.values()
                if not some_files or e.poster in content.posters]  # fmt: skip
    jobs += [(f"edition {e.region.id}", edition_job(e)) for e in editions]
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


def reprint(
    project: Project, content: Content, card_ids: dict[str, list[str]], about: dict[str, str]
) -> dict[str, bytes]:
    """Print-shop files holding only the given cards of each deck (deck id → card ids), each
    card exactly as in the whole deck: its number, its edition, its faces. about: what each
    reprint says it is (deck id → subject)."""
    builder = Builder(project, content)
    outputs = {}
    for deck_id, ids in card_ids.items():
        deck = content.decks.get(deck_id)
        if deck is None or not ids:
            continue
        layout = builder.deck_layout(deck)
        document = render_deck(deck, layout, only=frozenset(ids), subject=about.get(deck_id))
        outputs[f"{deck_id}_reprint_print.pdf"] = mark_pdfx(document.pdf, deck.edition.date)
    return outputs


def report_font(project: Project, content: Content) -> FontSpec:
    """The font of the first deck's layout, for documents about the decks."""
    deck = next(iter(content.decks.values()), None)
    if deck is None:
        raise fail(Location(project.cards), "there is no deck", "add a deck file")
    return Builder(project, content).layout(deck.layout, deck.location("deck › layout")).font


def current_manifest(cards: Path, layouts: Path) -> bytes:
    """The manifest of the content in these folders, without rendering."""
    return manifest(collect(Project(cards, layouts, Path("output"))).decks.values())
