"""A fixture project for the tests of `serve`, and `serve` running in a thread: the small deck
tests/fixtures/serve/proefdeck.yaml (never the shipped wording), copied with the layouts by
`copy_project(folder, cards=[FIXTURE])` and opened with `project_in`."""

from __future__ import annotations

import http.client
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from generator.core.project import Project
from generator.desk.serve.desk import Update
from generator.desk.serve.run import serve
from generator.desk.serve.server import Server
from tests.projects import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "serve" / "proefdeck.yaml"
DECK_ID = "proefdeck"


def replace_in(path: Path, old: str, new: str) -> None:
    """Save the file with one text replaced, as an editor would."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@dataclass
class Serving:
    server: Server
    updates: list[Update] = field(default_factory=list)

    @property
    def port(self) -> int:
        return self.server.server_address[1]

    def get(self, path: str, method: str = "GET", headers: dict[str, str] | None = None):
        """The raw answer (status, headers, body) to a request for exactly this path."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request(method, path, headers=headers or {})
            response = connection.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            connection.close()


@contextmanager
def serving(project: Project, language: str = "en") -> Iterator[Serving]:
    """`serve` on a free port in a thread: built, answering, following every save."""
    running = Serving(Server(0))
    stop, failed = threading.Event(), []

    def run() -> None:
        try:
            serve(project, running.server, language, lambda _, u: running.updates.append(u), stop)
        except BaseException as error:  # seen by the test, not lost in the thread
            failed.append(error)
            raise

    thread = threading.Thread(target=run, name="serve-test")
    thread.start()
    try:
        yield running
    finally:
        stop.set()
        thread.join(timeout=30)
    assert not thread.is_alive(), "serve did not stop"
    assert not failed, failed
