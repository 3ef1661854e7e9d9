"""`serve`: build, answer on 127.0.0.1, then rebuild and update the page after every save in
the content or layout folder, until Ctrl-C (or until `stop` is set: tests and the bench)."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable

from generator.core.project import Project
from generator.desk.serve.desk import Desk, Update
from generator.desk.serve.server import Server
from generator.desk.watch import Session, SourceFilter

Report = Callable[[list[str], Update], None]  # the files saved ([] at the start), the update


def serve(
    project: Project, server: Server, language: str, report: Report,
    stop: threading.Event | None = None,
) -> None:  # fmt: skip
    """Build, start the server, then follow every save; report each update."""
    import watchfiles  # here: only watch and serve need it

    try:
        with Session(project) as session:
            desk = Desk(session, language)
            report([], desk.update())
            fork_worker_now(session)
            server.start(desk)
            changes = watchfiles.watch(project.cards, project.layouts, watch_filter=SourceFilter(),
                                       raise_interrupt=False, stop_event=stop)  # fmt: skip
            for batch in changes:
                report(sorted({path for _, path in batch}), desk.update())
    finally:
        server.stop()


def fork_worker_now(session: Session) -> None:
    """The session's worker process is forked for its first task: give it one now, while
    this process runs no threads of its own yet (a fork beside the server's threads could
    inherit a lock one of them holds)."""
    if session.state.worker is not None:
        session.state.worker.submit(os.getpid).result()
