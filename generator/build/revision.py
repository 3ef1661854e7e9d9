"""A revision round's commands besides build: `changes` (what changed and what goes to the
printer, on the terminal only: the build keeps output/naar-de-drukker/ current), `release`
(record what was printed) and `translations-checked` (a translator says a translation still
holds). Each takes content files or product ids to aim at."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from generator.build.pipeline import produce
from generator.core.errors import Location, fail
from generator.core.i18n import _, current
from generator.core.project import Project
from generator.impose.products import printed_products
from generator.model.item_names import listed
from generator.revise.changes import ProductChanges, card_titles, compare_cards
from generator.revise.changes import earlier_manifest as read_earlier
from generator.revise.manifest import manifest
from generator.revise.order_note import as_text, order_blocks, review_blocks
from generator.revise.releases import LATEST, Product, read_releases, record
from generator.revise.translation_drift import checked_path, untranslated, with_checked
from generator.validate.content import collect
from generator.write.outputs import revision_warnings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Scope:
    """Which products a command is about: content files, product ids, or (both empty) all."""

    files: tuple[Path, ...] = ()
    ids: tuple[str, ...] = ()

    @staticmethod
    def of(arguments: tuple[str, ...]) -> Scope:
        """Arguments that name a file are files; the others are product ids."""
        files = tuple(Path(a).resolve() for a in arguments if Path(a).is_file())
        ids = tuple(a for a in arguments if not Path(a).is_file())
        return Scope(files, ids)

    def choose(self, products: list[Product]) -> list[Product]:
        """The products in scope; an id or file that names none is an error listing the ids."""
        if not (self.files or self.ids):
            return products
        known = {p.id for p in products}
        unknown = [i for i in self.ids if i not in known]
        unknown += [str(f) for f in self.files if f not in {p.file.resolve() for p in products}]
        if unknown:
            raise fail(
                Location(Path(unknown[0])),
                _("no deck or poster is called this, or made of this file"),
                _("name a content file, or one of: {ids}").format(ids=", ".join(sorted(known))),
            )
        return [p for p in products if p.id in self.ids or p.file.resolve() in self.files]


def changes(project: Project, scope: Scope, since: str | None = None) -> str:
    """The report: what goes to the printer and every change, against the latest releases
    (or, since: an earlier manifest or git revision, the changes alone). Writes nothing."""
    if since is not None:
        return as_text(review_blocks(_against_manifest(project, scope, since), since, current()))
    made = produce(project)
    assert made.dispatch is not None and made.content is not None
    for warning in revision_warnings(project, made.content):
        log.warning("%s", warning, extra={"prefix": "warning"})
    chosen = {p.id for p in scope.choose(printed_products(made.content))}
    report = [c for c in made.dispatch.report if c.product.id in chosen]
    shipments = [s for s in made.dispatch.shipments if s.changes.product.id in chosen]
    order = order_blocks(shipments, current())
    review = review_blocks(report, _(LATEST), current())
    return as_text(order) + "\n" + as_text(review)


def _against_manifest(project: Project, scope: Scope, since: str) -> list[ProductChanges]:
    old = read_earlier(since, current_manifest)
    content = collect(project)
    products = [p for p in scope.choose(printed_products(content)) if p.kind == "deck"]
    return [
        compare_cards(
            p,
            old.get("decks", {}).get(p.id, {}).get("cards", []),
            None,
            card_titles(content.decks.get(p.id)),
            since=since,
        )
        for p in products
    ]


def release(project: Project, scope: Scope) -> tuple[dict[Path, bytes], list[Product]]:
    """The release files to write for the products in scope (refusing, with nothing written,
    when texts changed under a released version), and the products that are released as
    they are already."""
    products = scope.choose(printed_products(collect(project)))
    files, unchanged = record(project.cards, products)
    return files, [p for p in products if p.id in unchanged]


def translations_checked(project: Project, scope: Scope) -> tuple[dict[Path, bytes], list[str]]:
    """Record that the translations of the texts whose source changed alone are right: the
    file to write, and what it records (in the reader's words)."""
    content = collect(project)
    products = printed_products(content)
    chosen = {p.file.resolve() for p in scope.choose(products)}
    found = [item for item in untranslated(content, products, read_releases(project.cards),
             project.cards) if item.source_at.file.resolve() in chosen]  # fmt: skip
    if not found:
        return {}, []
    lines = [f"{item.translation_at}: {item.message()}" for item in found]
    return {checked_path(project.cards): with_checked(project.cards, found)}, lines


def current_manifest(cards: Path, layouts: Path) -> bytes:
    """The manifest of the content in these folders, without rendering."""
    return manifest(collect(Project(cards, layouts, Path("output"))).decks.values())


def released_names(products: list[Product]) -> str:
    return listed([f"{p.id} {p.edition.version}" for p in products])
