"""`watch`: rebuild what a saved content or layout file affects, and say what and how fast.

One cache serves the whole session (see RenderCache): a product whose inputs did not change is
taken from it, a card whose content and layout did not change is not laid out again, and only
files whose bytes changed are written.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from watchfiles import Change, DefaultFilter

from generator.build.parallel import Worker
from generator.build.pipeline import Request, SessionState, produce
from generator.core.errors import UserError
from generator.core.i18n import _
from generator.core.project import PrinterSettings, Project
from generator.write.lock import output_lock
from generator.write.outputs import write_outputs

SOURCE_SUFFIXES = (".yaml", ".yml", ".j2")
WATCHFILES_STOP = "KeyboardInterrupt caught, stopping watch"  # watchfiles' line on Ctrl-C


def _said_in_our_words(record: logging.LogRecord) -> bool:
    """watchfiles' line on Ctrl-C (watch and serve) in the language spoken."""
    if record.msg == WATCHFILES_STOP:
        record.msg, record.args = _("Ctrl-C: stopped"), ()
    return True


logging.getLogger("watchfiles.main").addFilter(_said_in_our_words)


@dataclass(frozen=True)
class Rebuild:
    products: list[str]  # drawn again, e.g. "deck voor-wie-doen-we-wat"
    written: list[Path]  # files whose bytes changed
    seconds: float
    removed: list[Path] = field(default_factory=list)  # files of content that is gone


class SourceFilter(DefaultFilter):
    """Content and layout files; not editors' swap and backup files."""

    def __call__(self, change: Change, path: str) -> bool:
        return path.endswith(SOURCE_SUFFIXES) and super().__call__(change, path)


class Session:
    """Builds every product, then rebuilds after each change, each time from the files.

    The session keeps a cache here and a worker process with its own (see pipeline.make):
    this process makes the print files, the worker the screen products, as in a build.
    Close it (or use it in a with block) to end the worker.
    """

    def __init__(self, project: Project, printer: PrinterSettings | None = None) -> None:
        self.project, self.request = project, Request(printer=printer or PrinterSettings())
        self.state = SessionState(worker=Worker())

    def rebuild(self) -> Rebuild:
        """Build from the current files; write only what changed; raise UserError on a
        mistake, writing nothing."""
        start = time.perf_counter()
        with output_lock(self.project.output):
            made = produce(self.project, self.request, self.state)
            # speed over power-cut safety while editing
            written = write_outputs(self.project, made, durable=False)
        return Rebuild(made.rebuilt, written.changed, time.perf_counter() - start, written.removed)

    def close(self) -> None:
        if self.state.worker is not None:
            self.state.worker.close()

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exception: object) -> None:
        self.close()


def watch(
    session: Session,
    changes: Iterable[Iterable[tuple[object, str]]],
    done: Callable[[list[str], Rebuild], None],
    failed: Callable[[list[str], UserError], None],
) -> None:
    """Rebuild after every batch of changed files (paths), reporting each result."""
    for batch in changes:
        changed = sorted({path for _change, path in batch})
        try:
            done(changed, session.rebuild())
        except UserError as error:
            failed(changed, error)
