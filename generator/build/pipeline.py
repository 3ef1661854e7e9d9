"""The pipeline, stage by stage; each stage is a package that imports only from earlier ones
(and from the shared models, errors and geometry):

    load      generator/load      YAML and layout files read, every node with its line
    validate  generator/validate  content checked into models, then against its layouts
    render    generator/render    faces laid out and drawn into documents (ReportLab)
    impose    generator/impose    print files finished, office sheets imposed, digital PDFs
    write     generator/write     every file written at once, with the manifest

build() runs them in order. produce() is all but the writing: watch writes only what changed.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from generator.build.parallel import Worker
from generator.core.cache import ItemKeys, RenderCache
from generator.core.errors import UserError
from generator.core.i18n import _
from generator.core.project import PrinterSettings, Project
from generator.impose.maker import Maker
from generator.impose.print_shop import dispatch, out_of_date
from generator.impose.products import (
    SCREEN_KINDS,
    Made,
    Product,
    plan,
    printed_products,
    sizes_made,
)
from generator.model.deck import Deck
from generator.model.item_names import product as product_name
from generator.model.poster import Poster
from generator.render.document import PAGE_LISTENERS
from generator.revise.order_note import Dispatch
from generator.revise.releases import Release, read_releases
from generator.validate.against_layouts import (
    item_key,
    layout_of,
    problems_against_layouts,
    said_once,
)
from generator.validate.content import Content, collect
from generator.validate.settings import Settings
from generator.write import owned
from generator.write.lock import output_lock
from generator.write.outputs import Written, write_outputs

# A single build keeps documents and products other products are made of (the RGB deck of
# every digital PDF, say), not laid-out faces: a document draws a repeated face once itself.
ONE_BUILD_ENTRIES = 500
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Request:
    """What to build: every product, or those of some content files or of one edition."""

    files: list[Path] | None = None  # None: every content file
    edition: str | None = None  # a regional edition's id: only its poster
    sizes: tuple[str, ...] | None = None  # poster sizes; None: each poster's own
    printer: PrinterSettings = field(default_factory=PrinterSettings)
    products: frozenset[str] | None = None  # only these products (by label); None: every one


@dataclass
class SessionState:
    """What watch keeps from one build to the next: a cache, and the worker (with its own)."""

    cache: RenderCache = field(default_factory=RenderCache)
    worker: Worker | None = None


def build(project: Project, request: Request = Request()) -> Written:
    """Build every product asked for; write nothing unless all succeed, and only the files
    that changed. One build at a time per output folder."""
    with output_lock(project.output):
        return write_outputs(project, produce(project, request))


def produce(
    project: Project, request: Request = Request(), session: SessionState | None = None
) -> Made:
    """Every product's files by name, not written; raises UserError with every problem."""
    cache = session.cache if session else None
    settings = Settings(project.layouts, cache)  # load: the layout files, once
    content = collect(project, request.files, cache)  # load and validate the content
    releases = read_releases(project.cards)  # what went to the printer before
    earlier = sizes_made(owned.recorded_outputs(owned.recorded(project.output)), project.output)
    planned = plan(content, request.edition, request.sizes, request.files is not None, earlier)
    keys = ItemKeys()  # each deck's and poster's content hash, worked out once
    problems = problems_against_layouts(planned.items, content.decks, settings, keys)  # validate
    ready = [p for p in planned.products
             if not any(problems.get(item_key(i)) for i in p.drawn_from(content))
             and (request.products is None or p.label in request.products)]  # fmt: skip
    made = make(ready, content, settings, request.printer, session, keys)  # render and impose
    made.problems = [*planned.problems, *said_once(problems), *made.problems]
    if made.problems:
        raise UserError(made.problems)
    made.outputs = dict(sorted(made.outputs.items()))
    made.content = content
    made.dispatch = print_shop(request, content, settings, releases, made.outputs)
    # What the content is made of now; a build of some files cannot tell what is gone.
    if request.files is None:
        made.sources_now = {product.source for product in plan(content).products}
    return made


def print_shop(
    request: Request, content: Content, settings: Settings,
    releases: dict[str, list[Release]], outputs: dict[str, bytes],
) -> Dispatch:  # fmt: skip
    """The print-shop folder and the review report, from a build of everything; a build of
    some products leaves a folder that says it is out of date."""
    products = printed_products(content)
    items: list[Deck | Poster] = [*content.decks.values(), *content.posters.values()]
    item = next(iter(items), None)
    if item is None:
        return Dispatch()
    font = layout_of(item, settings).font
    press = settings.press(request.printer.press)
    if request.files is not None or request.edition is not None:
        date = max((p.edition.date for p in products), default="2000-01-01")
        language = products[0].language if products else "nl"
        return out_of_date(language, font, settings.report, press, date)
    return dispatch(content, products, releases, outputs, font, settings.report, press)


def validate(project: Project) -> int:
    """Every check a build makes before it draws, without drawing; returns how many content
    files were checked."""
    settings, content = Settings(project.layouts), collect(project)
    planned = plan(content)
    problems = problems_against_layouts(planned.items, content.decks, settings)
    found = [*planned.problems, *said_once(problems)]
    if found:
        raise UserError(found)
    return len(project.content_files()) + len(project.edition_files())


def make(
    products: list[Product], content: Content, settings: Settings, printer: PrinterSettings,
    session: SessionState | None = None, keys: ItemKeys | None = None,
) -> Made:  # fmt: skip
    """Render and impose: print files here, screen products in the worker (a session's, or
    one started for this build when there are both)."""
    screen = [p for p in products if p.kind in SCREEN_KINDS]
    printed = [p for p in products if p.kind not in SCREEN_KINDS]
    worker = session.worker if session else (Worker(one_task=True) if screen and printed else None)
    if worker is None:
        return make_share(products, content, settings, printer, session, keys)
    theirs = worker.submit(make_in_worker, screen, content, settings, printer, bool(session))
    try:
        made = make_share(printed, content, settings, printer, session, keys)
        made.add(theirs.result())
    finally:
        if session is None:
            worker.close()
    return made


def make_share(
    products: list[Product], content: Content, settings: Settings, printer: PrinterSettings,
    session: SessionState | None, keys: ItemKeys | None = None,
) -> Made:  # fmt: skip
    """Make these products, in order; a user's mistake in one is noted and the rest made."""
    cache = session.cache if session else RenderCache(ONE_BUILD_ENTRIES)
    maker = Maker(content, settings, printer, cache, session.cache if session else None,
                  keys=keys or ItemKeys())  # fmt: skip
    made = Made()
    for product in products:
        log.info("%s", _("building {product}").format(product=product_name(product.label)))
        try:
            outputs = maker.make(product)
        except UserError as error:
            made.problems.extend(error.problems)
            continue
        made.outputs.update(outputs)
        made.sources.update(dict.fromkeys(outputs, product.source))
    made.rebuilt = maker.rebuilt
    return made


_worker_session = SessionState()  # in the worker: what a watch session keeps there


def make_in_worker(
    products: list[Product], content: Content, settings: Settings, printer: PrinterSettings,
    keep: bool,
) -> Made:  # fmt: skip
    """The worker's share; keep: keep its cache for the next build (a watch session). It says
    nothing: this process notes what both draw, once, and shows the progress."""
    logging.getLogger("generator").setLevel(logging.ERROR)
    PAGE_LISTENERS.clear()
    settings.cache = _worker_session.cache if keep else RenderCache()
    return make_share(products, content, settings, printer, _worker_session if keep else None)
