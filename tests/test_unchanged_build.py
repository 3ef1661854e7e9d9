"""A build whose inputs are all as they were at the last one, and whose files are all still
as it left them, is skipped: it would write the same bytes. Anything that could change a byte
(content, layouts, options, language, a file in the output touched or gone) builds again."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.build.unchanged import STATE_NAME
from generator.cli import build as build_command
from tests.messages import said
from tests.projects import Run

PRINT = "voor-wie-doen-we-wat_print.pdf"


@pytest.fixture
def built_once(workspace: Path, run_cli: Callable[..., Run]) -> Run:
    run = run_cli(workspace, "build", "--check")
    assert run.exit_code == 0, run.output
    return run


def times(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.stat().st_mtime_ns
            for p in folder.rglob("*") if p.is_file()}  # fmt: skip


def refuse_to_build(monkeypatch: pytest.MonkeyPatch) -> None:
    def no(*_args: object) -> None:
        raise AssertionError("built although nothing changed")

    monkeypatch.setattr(build_command, "build", no)
    monkeypatch.setattr(build_command, "run_preflight", no)


def test_nothing_changed_nothing_is_built_and_the_same_is_said(
    workspace: Path, built_once: Run, run_cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = times(workspace / "output")
    refuse_to_build(monkeypatch)
    run = run_cli(workspace, "build", "--check")
    assert run.exit_code == 0, run.output
    after = times(workspace / "output")
    assert {k: v for k, v in after.items() if k != STATE_NAME} == \
        {k: v for k, v in before.items() if k != STATE_NAME}  # fmt: skip  # nothing written
    notes = [line for line in built_once.output.splitlines() if line.startswith(said("note"))]
    assert notes == [line for line in run.output.splitlines() if line.startswith(said("note"))]
    assert said("preflight passed") in run.output


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda w: _edit(w / "cards" / "praatplaat.yaml"), id="content"),
        pytest.param(lambda w: _edit(w / "layouts" / "pocket-card" / "layout.yaml"), id="layout"),
        pytest.param(lambda w: (w / "output" / PRINT).write_bytes(b"%PDF-1.4 spoilt"), id="output"),
        pytest.param(lambda w: (w / "output" / PRINT).unlink(), id="gone"),
    ],
)
def test_a_change_anywhere_builds_again(
    change: Callable[[Path], None], workspace: Path, built_once: Run,
    run_cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    good = (workspace / "output" / PRINT).read_bytes()
    calls = counting(monkeypatch)
    change(workspace)
    run = run_cli(workspace, "build")
    assert run.exit_code == 0, run.output
    assert len(calls) == 1
    assert (workspace / "output" / PRINT).read_bytes() == good  # a spoilt or lost file is back


def counting(monkeypatch: pytest.MonkeyPatch) -> list:
    """The builds the command runs from now on (each still builds)."""
    calls: list = []
    real = build_command.build

    def counted(*args: object) -> object:
        calls.append(args)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(build_command, "build", counted)
    return calls


def _edit(path: Path) -> None:
    path.write_text(path.read_text("utf-8") + "\n# edited\n", "utf-8")


def test_other_options_or_language_build_again(
    workspace: Path, built_once: Run, run_cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = counting(monkeypatch)
    assert run_cli(workspace, "build", "--check").exit_code == 0
    assert calls == []  # as before: not built
    assert run_cli(workspace, "build", "--printer", "online").exit_code == 0
    assert len(calls) == 1
    assert run_cli(workspace, "--lang", "nl", "build", "--printer", "online").exit_code == 0
    assert len(calls) == 2  # the notes are said in the language asked


def test_a_record_that_cannot_be_written_is_no_error(
    workspace: Path, run_cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The build succeeds and says so; with no record, the next build builds."""
    real = Path.write_text

    def full(self: Path, *args: object, **kwargs: object) -> int:
        if self.name.startswith(STATE_NAME):
            raise OSError(28, "No space left on device")
        return real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "write_text", full)
    run = run_cli(workspace, "build")
    assert run.exit_code == 0 and "Traceback" not in run.output
    assert not (workspace / "output" / STATE_NAME).exists()
    monkeypatch.undo()
    calls = counting(monkeypatch)
    assert run_cli(workspace, "build").exit_code == 0
    assert len(calls) == 1
