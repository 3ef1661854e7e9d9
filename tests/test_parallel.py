"""The second core: screen products are made in a clean worker process, in build and in watch
alike; the worker inherits none of this process's open files; what it makes comes back."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator import parallel, pipeline
from generator.pipeline import Request, SessionState, produce
from generator.products import SCREEN_KINDS, Kind
from generator.project import Project
from tests.conftest import CARDS, LAYOUTS


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
    with marker.open("w"), parallel.start_worker() as worker:
        assert str(marker) in _open_files()  # this process holds it
        theirs = worker.submit(_open_files).result()
        assert worker.submit(os.getpid).result() != os.getpid()
    assert theirs and str(marker) not in theirs


def _refuse_here(*arguments: object, **options: object) -> bytes:
    raise AssertionError("a screen product was made in the main process")


def test_a_build_makes_the_screen_products_in_the_worker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The renderers of checklists and HTML pages fail in this process only; the worker, a
    fresh process, has the real ones: the build succeeds only if it made them there."""
    monkeypatch.setattr("generator.impose.products.render_fillable_checklist", _refuse_here)
    monkeypatch.setattr("generator.impose.products.render_html", _refuse_here)
    made = produce(Project(CARDS, LAYOUTS, tmp_path))
    assert any(name.endswith("_checklist.pdf") for name in made.outputs)
    assert any(name.endswith(".html") for name in made.outputs)
    assert {label.split()[0] for label in made.rebuilt} == {kind.value for kind in Kind}


def test_a_watch_session_routes_products_as_a_build_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Watch keeps one worker for its session; the same kinds go to it."""
    monkeypatch.setattr("generator.impose.products.render_fillable_checklist", _refuse_here)
    monkeypatch.setattr("generator.impose.products.render_html", _refuse_here)
    state = SessionState(worker=parallel.start_worker())
    try:
        project = Project(CARDS, LAYOUTS, tmp_path)
        first = produce(project, Request(), state)
        again = produce(project, Request(), state)
    finally:
        state.worker.shutdown()
    screen = {label for label in first.rebuilt if Kind(label.split()[0]) in SCREEN_KINDS}
    assert screen and again.rebuilt == []  # the worker kept its own cache between builds
    assert again.outputs == first.outputs


def test_without_screen_products_no_worker_is_started(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A deck with no questions (no checklist) and no poster: nothing to share."""
    started: list[bool] = []
    monkeypatch.setattr(pipeline, "start_worker", lambda: started.append(True))
    made = produce(Project(CARDS, LAYOUTS, tmp_path), Request(files=[CARDS / "wat-werkt.yaml"]))
    assert made.outputs and started == []
