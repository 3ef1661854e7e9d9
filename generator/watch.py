"""`watch`: rebuild what a saved content or layout file affects, and say what and how fast.

One cache serves the whole session (see RenderCache): a product whose inputs did not change is
taken from it, a card whose content and layout did not change is not laid out again, and only
files whose bytes changed are written.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from watchfiles import DefaultFilter

from generator.build import PrinterSettings, Project, produce
from generator.errors import UserError
from generator.render.cache import RenderCache
from generator.write.atomic import output_paths, write_atomically

SOURCE_SUFFIXES = (".yaml", ".yml", ".j2")


@dataclass(frozen=True)
class Rebuild:
    products: list[str]  # drawn again, e.g. "deck voor-wie-doen-we-wat"
    written: list[Path]  # files whose bytes changed
    seconds: float


class SourceFilter(DefaultFilter):
    """Content and layout files; not editors' swap and backup files."""

    def __call__(self, change: object, path: str) -> bool:
        return path.endswith(SOURCE_SUFFIXES) and super().__call__(change, path)


class Session:
    """Builds every product, then rebuilds after each change with one cache."""

    def __init__(self, project: Project, printer: PrinterSettings | None = None) -> None:
        self.project, self.printer = project, printer or PrinterSettings()
        self.cache = RenderCache()

    def rebuild(self) -> Rebuild:
        """Build from the current files; write only what changed; raise UserError on a
        mistake, writing nothing."""
        start = time.perf_counter()
        outputs, builder = produce(self.project, printer=self.printer, cache=self.cache)
        paths = output_paths(self.project.output, outputs)
        changed = {path: data for path, data in paths.items() if not _holds(path, data)}
        write_atomically(changed)
        return Rebuild(builder.rebuilt, sorted(changed), time.perf_counter() - start)


def _holds(path: Path, data: bytes) -> bool:
    try:
        return path.read_bytes() == data
    except OSError:
        return False


def watch(
    session: Session,
    changes: Iterable[Iterable[tuple[object, str]]],
    done: Callable[[list[str], Rebuild], None],
    failed: Callable[[list[str], UserError], None],
) -> None:
    """Rebuild after every batch of changed files (paths), reporting each result."""
    for batch in changes:
        changed = sorted({path for _, path in batch})
        try:
            done(changed, session.rebuild())
        except UserError as error:
            failed(changed, error)
