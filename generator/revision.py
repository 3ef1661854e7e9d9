"""A revision round's two commands: `changes` (what changed, and what to send to the printer)
and `release` (record what was printed). `changes` owns output/changes/: after each run it
holds exactly that run's report and reprint files."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path

from generator.build import (
    Content,
    Project,
    collect,
    current_manifest,
    drift_warnings,
    printed_products,
    report_font,
    reprint,
)
from generator.changes import (
    DeckChanges,
    as_markdown,
    compare,
    compare_texts,
    earlier_manifest,
)
from generator.manifest import manifest
from generator.releases import Product, latest, read_releases, record, stamp
from generator.render.change_report import change_report_pdf

CHANGES_FOLDER = "changes"
log = logging.getLogger(__name__)
LATEST = "the latest release of each deck and poster"


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
        c.deck: f"Reprint: edition {c.edition} of {c.deck}, compared with {c.compared_with}"
        for c in decks
    }
    reprints = reprint(project, content, {c.deck: c.reprint for c in decks}, about)
    label = since or LATEST
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
