"""The second core: screen products are made in a clean worker process, in build and in watch
alike; the worker inherits none of this process's open files; what it makes comes back."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
import yaml

from generator.build import parallel, pipeline
from generator.build.pipeline import Request, SessionState, produce
from generator.core.project import Project
from generator.impose.products import SCREEN_KINDS, Kind
from tests.projects import CARDS, LAYOUTS
from tests.strategies import small_deck

pytestmark = pytest.mark.slow  # processes, builds and sessions: not in make test-quick


def _open_files() -> list[str]:
    """What the process's descriptors point at (Linux)."""
    targets = []
    for name in os.listdir("/proc/self/fd"):
        try:
            targets.append(os.readlink(f"/proc/self/fd/{name}"))
        except FileNotFoundError:  # the descriptor listdir itself used
            continue
    return targets


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="reads /proc")
def test_the_worker_inherits_no_open_file(tmp_path: Path) -> None:
    """A forked child would hold the parent's descriptors (an output being written, say)."""
    marker = tmp_path / "held-open-by-the-parent.txt"
    worker = parallel.Worker()
    try:
        with marker.open("w"):
            assert str(marker) in _open_files()  # this process holds it
            theirs = worker.submit(_open_files).result()
            assert worker.submit(os.getpid).result() != os.getpid()
    finally:
        worker.close()
    assert theirs and str(marker) not in theirs


def record_makers(monkeypatch: pytest.MonkeyPatch, log: Path) -> None:
    """Each checklist and HTML page writes the id of the process that makes it to log (a
    forked worker inherits the patch; a spawned one would not, and log stays empty)."""
    import generator.impose.maker as maker

    for name in ("render_fillable_checklist", "render_html"):
        original = getattr(maker, name)

        def recording(*arguments: object, _original=original, _name=name) -> bytes:
            with log.open("a") as file:
                file.write(f"{_name} {os.getpid()}\n")
            return _original(*arguments)

        monkeypatch.setattr(maker, name, recording)


def screen_makers(log: Path) -> set[int]:
    """The processes that made checklists and HTML pages; both kinds must have been made."""
    found: dict[str, set[int]] = {}
    for line in log.read_text().splitlines():
        name, pid = line.split()
        found.setdefault(name, set()).add(int(pid))
    assert found.keys() == {"render_fillable_checklist", "render_html"}
    return set.union(*found.values())


@pytest.mark.skipif(parallel.START_METHOD != "fork", reason="the patch reaches forked workers")
def test_a_build_makes_the_screen_products_in_the_worker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = tmp_path / "makers.txt"
    record_makers(monkeypatch, log)
    made = produce(Project(CARDS, LAYOUTS, tmp_path / "out"))
    pids = screen_makers(log)
    assert len(pids) == 1 and os.getpid() not in pids
    assert {label.split()[0] for label in made.rebuilt} == {kind.value for kind in Kind}


@pytest.mark.skipif(parallel.START_METHOD != "fork", reason="the patch reaches forked workers")
def test_a_watch_session_routes_products_as_a_build_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Watch keeps one worker for its session; the same kinds go to it."""
    log = tmp_path / "makers.txt"
    record_makers(monkeypatch, log)
    state = SessionState(worker=parallel.Worker())
    try:
        project = Project(CARDS, LAYOUTS, tmp_path / "out")
        first = produce(project, Request(), state)
        again = produce(project, Request(), state)
    finally:
        state.worker.close()
    assert os.getpid() not in screen_makers(log)
    screen = {label for label in first.rebuilt if Kind(label.split()[0]) in SCREEN_KINDS}
    assert screen and again.rebuilt == []  # the worker kept its own cache between builds
    assert again.outputs == first.outputs


def test_a_builds_worker_ends_when_its_share_is_done() -> None:
    worker = parallel.Worker(one_task=True)
    pid = worker.submit(os.getpid).result()
    for _ in range(200):  # it ends on its own, without close()
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.01)
    else:
        pytest.fail("the worker is still running")
    worker.close()


def test_without_screen_products_no_worker_is_started(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A deck of points only (no checklist) and no poster: nothing to share."""
    deck = small_deck()
    deck["cards"] = [{"id": "c0", "kind": "points", "heading": "Wat werkt", "source": "Bron",
                      "points": [{"id": "p0", "text": "Samen plannen."}]}]  # fmt: skip
    (tmp_path / "cards").mkdir()
    path = tmp_path / "cards" / "deck.yaml"
    path.write_text(yaml.safe_dump(deck, allow_unicode=True), encoding="utf-8")
    started: list[bool] = []
    monkeypatch.setattr(pipeline, "Worker", lambda **options: started.append(True))
    made = produce(Project(tmp_path / "cards", LAYOUTS, tmp_path / "out"))
    assert made.outputs and started == []
