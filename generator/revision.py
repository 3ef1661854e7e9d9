"""A revision round's two commands: `changes` (what changed, and what to send to the printer)
and `release` (record what was printed). `changes` owns output/changes/: after each run it
holds exactly that run's report and reprint files."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path

from generator.changes import (
    DeckChanges,
    as_markdown,
    compare,
    compare_texts,
    earlier_manifest,
)
from generator.errors import Location, UserError, fail
from generator.i18n import N_, _
from generator.impose.pdfx import mark_pdfx
from generator.layout_model import FontSpec
from generator.manifest import manifest
from generator.products import printed_products
from generator.project import Project
from generator.releases import Product, latest, read_releases, record, stamp
from generator.render.change_report import change_report_pdf
from generator.render.deck_faces import render_deck
from generator.validate.against_layouts import deck_problems, layout_of
from generator.validate.content import Content, collect
from generator.validate.settings import Settings
from generator.write.outputs import drift_warnings

CHANGES_FOLDER = "changes"
log = logging.getLogger(__name__)
LATEST = N_("the latest release of each deck and poster")


@dataclass(frozen=True)
class Revision:
    """What `changes` found and the files it makes; stale: earlier files in its folder, to
    remove."""

    text: str
    folder: Path
    files: dict[Path, bytes]
    stale: list[str]


def changes(project: Project, since: str | None) -> Revision:
    """Compare with the latest releases (since None) or with a manifest or git revision."""
    content = collect(project)  # read once for the report, the reprint and its font
    for warning in drift_warnings(project, content):
        log.warning("%s", warning, extra={"prefix": "warning"})
    new = json.loads(manifest(content.decks.values()))
    if since is None:
        report = against_releases(project, content, new)
    else:
        report = compare(earlier_manifest(since, current_manifest), new, since)
    decks = [c for c in report if c.kind == "deck"]
    about = {
        c.deck: _("Reprint: edition {edition} of {deck}, compared with {earlier}").format(
            edition=c.edition, deck=c.deck, earlier=c.compared_with
        )
        for c in decks
    }
    reprints = reprint(project, content, {c.deck: c.reprint for c in decks}, about)
    label = since or _(LATEST)
    text = as_markdown(report, label)
    folder = project.output / CHANGES_FOLDER
    files = {
        folder / "changes.md": text.encode(),
        folder / "changes.pdf": change_report_pdf(report, label, report_font(project, content)),
        **{folder / name: data for name, data in reprints.items()},
    }
    return Revision(text, folder, files, _stale(folder, files))


def against_releases(project: Project, content: Content, new: dict) -> list[DeckChanges]:
    """Each deck and poster against its latest release; one not released yet says so."""
    releases = read_releases(project.cards)
    report = []
    for product in printed_products(content):
        release = latest(releases, product.id)
        printed = stamp(product.edition)
        if release is None:
            report.append(DeckChanges(product.id, printed, "", kind=product.kind))
        elif product.kind == "deck":
            old = {"decks": {product.id: {"cards": release.cards}}}
            report += compare(old, {"decks": {product.id: new["decks"][product.id]}}, release.name)
        else:
            found = compare_texts(
                product.id,
                printed,
                release.texts,
                product.texts,
                release.name,
                list(product.print_files),
            )
            report += [found] if found else []
    return sorted(report, key=lambda c: (c.kind, c.deck))


def _stale(folder: Path, files: dict[Path, bytes]) -> list[str]:
    """Files in the changes folder that this run does not write (hidden ones aside)."""
    if not folder.is_dir():
        return []
    kept = {path.name for path in files}
    return sorted(
        path.name
        for path in folder.iterdir()
        if path.is_file() and not path.name.startswith(".") and path.name not in kept
    )


def release(project: Project) -> tuple[dict[Path, bytes], list[str], list[Product]]:
    """The release files to write (refusing, with nothing written, when texts changed under a
    released version), what was released already, and every product."""
    products = printed_products(collect(project))
    files, unchanged = record(project.cards, products)
    return files, unchanged, products


def reprint(
    project: Project, content: Content, card_ids: dict[str, list[str]], about: dict[str, str]
) -> dict[str, bytes]:
    """Print-shop files holding only the given cards of each deck (deck id → card ids), each
    card exactly as in the whole deck: its number, its edition, its faces. about: what each
    reprint says it is (deck id → subject)."""
    settings = Settings(project.layouts)
    outputs = {}
    for deck_id, ids in card_ids.items():
        deck = content.decks.get(deck_id)
        if deck is None or not ids:
            continue
        problems = deck_problems(deck, settings)
        if problems:
            raise UserError(problems)
        document = render_deck(deck, layout_of(deck, settings), only=frozenset(ids),
                               subject=about.get(deck_id))  # fmt: skip
        outputs[f"{deck_id}_reprint_print.pdf"] = mark_pdfx(document.pdf, deck.edition.date)
    return outputs


def report_font(project: Project, content: Content) -> FontSpec:
    """The font of the first deck's layout, for documents about the decks."""
    deck = next(iter(content.decks.values()), None)
    if deck is None:
        raise fail(Location(project.cards), _("there is no deck"), _("add a deck file"))
    return layout_of(deck, Settings(project.layouts)).font


def current_manifest(cards: Path, layouts: Path) -> bytes:
    """The manifest of the content in these folders, without rendering."""
    return manifest(collect(Project(cards, layouts, Path("output"))).decks.values())
