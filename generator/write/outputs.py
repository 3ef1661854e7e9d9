"""Write a build's files at once, with the manifest and the print-shop folder: only the files
whose bytes changed (the others keep their modification time); then remove the files of
products whose content is gone and whatever else stands in the print-shop folder, and warn
about products that drifted from their release."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from generator.core.errors import Location, Problem, display_path
from generator.core.i18n import _
from generator.core.project import Project
from generator.impose.products import Made, printed_products
from generator.revise.manifest import MANIFEST_NAME, manifest
from generator.revise.order_note import PRINT_SHOP_FOLDER, what_to_print
from generator.revise.releases import Release, drift, read_releases
from generator.revise.translation_drift import untranslated
from generator.validate.content import Content
from generator.write import owned
from generator.write.atomic import output_paths, write_atomically

# What `changes` used to leave in output/changes/: removed, so that no old reprint is sent.
OLD_CHANGES_FOLDER = "changes"
OLD_CHANGES_FILES = ("changes.md", "changes.pdf", "*_reprint_print.pdf")
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Written:
    """What a build left in the output folder: every product's file and the manifest
    (iterating gives them), the print-shop folder and review report, the files whose bytes
    changed, and those it removed."""

    paths: list[Path]
    revision: list[Path] = field(default_factory=list)
    changed: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    to_send: list[str] = field(default_factory=list)  # what the print-shop folder holds, short
    partial: bool = False  # the folder is out of date: only some products were built

    def __iter__(self) -> Iterator[Path]:
        return iter(self.paths)


def write_outputs(project: Project, made: Made, durable: bool = True) -> Written:
    """Write every changed file (nothing unless all can be), then tidy and warn.

    durable=False: no syncs to disk (watch, whose files are rewritten at the next save)."""
    outputs, gone = with_manifest(project, made)
    warnings = revision_warnings(project, made.content)  # a broken release file stops us here
    products = output_paths(project.output, outputs)
    revision = dispatch_paths(project.output, made)
    paths = products | revision
    changed = {path: data for path, data in paths.items() if not _holds(path, data)}
    write_atomically(changed, durable)
    removed, failed = owned.remove(project.output, gone)
    say_removed(removed, failed)
    tidied = _tidy_print_shop(project.output, paths, made)
    for path in tidied:
        log.warning("%s", _("removed {file}: not to be sent now").format(file=display_path(path)))
    removed += tidied
    for warning in warnings:
        log.warning("%s", warning, extra={"prefix": "warning"})
    dispatch = made.dispatch
    to_send = [f"{s.changes.product.title}: {what_to_print(s.changes)}"
               for s in (dispatch.shipments if dispatch else [])]  # fmt: skip
    partial = bool(dispatch and dispatch.partial)
    return Written(sorted(products), sorted(revision), sorted(changed), removed, to_send, partial)


def dispatch_paths(folder: Path, made: Made) -> dict[Path, bytes]:
    """The print-shop folder's files and the review report, at their place in folder."""
    if made.dispatch is None:
        return {}
    found = {}
    for name, data in made.dispatch.files.items():
        *folders, file = name.split("/")
        found.update({path.parent.joinpath(*folders, path.name): data
                      for path in output_paths(folder, {file: data})})  # fmt: skip
    return found


def _tidy_print_shop(folder: Path, paths: dict[Path, bytes], made: Made) -> list[Path]:
    """Remove what else is in the print-shop folder (it holds exactly what to send), and what
    `changes` used to write into output/changes/."""
    if made.dispatch is None:
        return []
    removed = []
    shop = folder / PRINT_SHOP_FOLDER
    stale = [p for p in shop.iterdir() if p.is_file() and not p.name.startswith(".")]
    old = folder / OLD_CHANGES_FOLDER
    stale += [p for pattern in OLD_CHANGES_FILES for p in old.glob(pattern)]
    for path in stale:
        if path not in paths:
            try:
                path.unlink()
            except OSError:
                continue
            removed.append(path)
    if old.is_dir() and not any(old.iterdir()):
        old.rmdir()
    return removed


def _holds(path: Path, data: bytes) -> bool:
    """Whether the file holds these bytes already (then it is not written again)."""
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


def with_manifest(project: Project, made: Made) -> tuple[dict[str, bytes], list[str]]:
    """The outputs with the manifest (which records every file the generator owns in the
    output folder), and the files of products whose content is gone."""
    earlier = owned.recorded(project.output)
    record, gone = owned.settle(owned.recorded_outputs(earlier), made.sources, made.sources_now)
    kept = {} if made.sources_now is not None else earlier.get("decks", {})
    decks = made.content.decks.values() if made.content else ()
    press = made.dispatch.press if made.dispatch else ""
    data = manifest(decks, record, kept if isinstance(kept, dict) else {}, press)
    return {**made.outputs, MANIFEST_NAME: data}, gone


def say_removed(removed: list[Path], failed: list[str]) -> None:
    """Notes on the old outputs removed, and warnings on those that could not be."""
    for path in removed:
        log.warning("%s", _("removed {file}: its content is gone").format(file=display_path(path)))
    for message in failed:
        log.warning("%s", message, extra={"prefix": "warning"})


def revision_warnings(project: Project, content: Content | None) -> list[str]:
    """One warning per product whose texts differ from its latest release under the same
    version, and per text whose translation did not follow it."""
    if content is None:
        return []
    products, releases = printed_products(content), read_releases(project.cards)
    found = [f"{item.product.edition_at}: {item.message()}" for item in drift(products, releases)]
    found += [str(item) for item in untranslated(content, products, releases, project.cards)]
    return found + orphaned_releases(releases, {p.id for p in products})


def orphaned_releases(releases: dict[str, list[Release]], products: set[str]) -> list[str]:
    """A release of a deck or poster the content no longer has (renamed or deleted)."""
    return [
        str(Problem(
            Location(found[-1].path.parent),
            _("{id} was released, but no deck or poster is called so any more (renamed or "
              "deleted?)").format(id=name),
            _("a renamed one is new as a whole: its whole print file is in the print-shop "
              "folder; remove this folder of releases once you no longer need it"),
        ))
        for name, found in sorted(releases.items())
        if name not in products and found
    ]  # fmt: skip
