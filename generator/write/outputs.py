"""Write a build's files at once, with the manifest; then remove the files of products whose
content is gone, and warn about products that drifted from their release."""

from __future__ import annotations

import logging
from pathlib import Path

from generator.errors import display_path
from generator.i18n import _
from generator.manifest import MANIFEST_NAME, manifest
from generator.products import Made, printed_products
from generator.project import Project
from generator.releases import drift, read_releases
from generator.validate.content import Content
from generator.write import owned
from generator.write.atomic import output_paths, write_atomically

log = logging.getLogger(__name__)


def write_outputs(project: Project, made: Made) -> list[Path]:
    """Write every file (nothing unless all can be), then tidy and warn; the paths written."""
    outputs, gone = with_manifest(project, made)
    drifted = drift_warnings(project, made.content)  # a broken release file stops us here
    paths = output_paths(project.output, outputs)
    write_atomically(paths)
    say_removed(*owned.remove(project.output, gone))
    for warning in drifted:
        log.warning("%s", warning, extra={"prefix": "warning"})
    return sorted(paths)


def with_manifest(project: Project, made: Made) -> tuple[dict[str, bytes], list[str]]:
    """The outputs with the manifest (which records every file the generator owns in the
    output folder), and the files of products whose content is gone."""
    earlier = owned.recorded(project.output)
    record, gone = owned.settle(owned.recorded_outputs(earlier), made.sources, made.sources_now)
    kept = {} if made.sources_now is not None else earlier.get("decks", {})
    decks = made.content.decks.values() if made.content else ()
    data = manifest(decks, record, kept if isinstance(kept, dict) else {})
    return {**made.outputs, MANIFEST_NAME: data}, gone


def say_removed(removed: list[Path], failed: list[str]) -> None:
    """Notes on the old outputs removed, and warnings on those that could not be."""
    for path in removed:
        log.warning("%s", _("removed {file}: its content is gone").format(file=display_path(path)))
    for message in failed:
        log.warning("%s", message, extra={"prefix": "warning"})


def drift_warnings(project: Project, content: Content | None) -> list[str]:
    """One warning per product whose texts differ from its latest release, same version."""
    if content is None:
        return []
    found = drift(printed_products(content), read_releases(project.cards))
    return [f"{item.product.edition_at}: {item.message()}" for item in found]
