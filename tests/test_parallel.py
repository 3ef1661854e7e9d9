"""The second core: a forked child's result, mistake or bug comes back; a worker keeps state."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.errors import Location, UserError, fail
from generator.load.yaml_file import read_yaml
from generator.parallel import Worker, call, start_in_child


def test_a_child_returns_its_result_computed_in_another_process() -> None:
    assert start_in_child(lambda: {"file.pdf": b"%PDF"})() == {"file.pdf": b"%PDF"}
    assert start_in_child(os.getpid)() != os.getpid()


def test_a_mistake_in_the_child_is_the_same_user_error() -> None:
    def mistake() -> None:
        raise fail(Location(Path("cards/x.yaml"), 3), "something is wrong", "fix it")

    with pytest.raises(UserError) as raised:
        start_in_child(mistake)()
    assert str(raised.value.problems[0]).startswith("cards/x.yaml:3: something is wrong")


def test_a_bug_in_the_child_is_named() -> None:
    with pytest.raises(RuntimeError, match="ZeroDivisionError"):
        start_in_child(lambda: 1 / 0)()


def test_a_worker_keeps_its_memory_between_asks_and_ends_when_closed() -> None:
    seen: list[int] = []

    def count() -> tuple[int, int]:
        seen.append(len(seen))  # in the worker's memory, not this process's
        return os.getpid(), len(seen)

    worker = Worker(count)
    answers = []
    for _ in range(3):
        worker.ask()
        answers.append(worker.answer())
    worker.close()
    assert [n for _, n in answers] == [1, 2, 3] and seen == []
    pid = answers[0][0]
    assert pid != os.getpid()
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def test_a_result_that_cannot_be_sent_is_a_named_bug_not_a_second_parent() -> None:
    """If the child cannot send its result, it still ends; the parent names the failure."""
    parent = os.getpid()
    with pytest.raises(RuntimeError, match="ended without a result"):
        start_in_child(lambda: lambda: None)()  # a function cannot be pickled
    assert os.getpid() == parent


def test_a_worker_runs_functions_it_is_given_with_their_arguments() -> None:
    """What the build uses for qpdf's rewrites: module functions and arguments, pickled."""
    worker = Worker(call)
    try:
        assert worker(divmod, 17, 5) == (3, 2)
        assert worker(os.getpid) != os.getpid()
        with pytest.raises(UserError, match="the file does not exist"):
            worker(read_yaml, Path("cards/nergens.yaml"))
        assert worker(max, [4, 9, 2]) == 9  # still serving after a mistake
    finally:
        worker.close()


def test_a_one_off_build_gives_qpdfs_work_to_a_short_lived_process(tmp_path: Path) -> None:
    """The print files are rewritten (PDF/X, imposition) in another process, which is gone
    after the build; the files are the same as those made in one process."""
    from generator.build import Project, produce
    from tests.conftest import CARDS, LAYOUTS

    project = Project(CARDS, LAYOUTS, tmp_path)
    in_processes = produce(project).outputs
    in_one = produce(project, only=lambda label: True).outputs
    assert in_processes.keys() == in_one.keys()
    assert all(in_processes[name] == in_one[name] for name in in_one)
