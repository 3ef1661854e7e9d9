"""Run a command in a child process and measure it: wall time, CPU time and peak memory."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

TIME_LIMIT_S = 600.0  # a measurement that takes longer is stopped and reported as such


@dataclass(frozen=True)
class Run:
    """One child process: how long it took and how much memory it held at most."""

    wall_s: float
    cpu_s: float  # user + system time of the child
    peak_rss_mb: float  # the child's maximum resident set size, in MiB
    returncode: int
    stderr: str
    timed_out: bool = False
    stdout: str = ""

    @property
    def ok(self) -> bool:
        return self.returncode == 0 and not self.timed_out


class MeasureError(RuntimeError):
    """A measured command failed, or ran past the time limit."""


def run_once(args: Sequence[str | Path], cwd: Path, time_limit_s: float = TIME_LIMIT_S) -> Run:
    """Start the command, wait for exactly this child with os.wait4 and read its rusage."""
    stopped = threading.Event()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        child = subprocess.Popen([str(a) for a in args], cwd=cwd, stdout=out, stderr=log)

        def stop() -> None:
            stopped.set()
            child.kill()

        timer = threading.Timer(time_limit_s, stop)
        timer.start()
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        timer.cancel()
        child.returncode = os.waitstatus_to_exitcode(status)  # Popen must not wait again
        out.seek(0)
        log.seek(0)
        stdout, stderr = (f.read().decode("utf-8", "replace") for f in (out, log))
    return Run(
        wall_s=wall,
        cpu_s=usage.ru_utime + usage.ru_stime,
        peak_rss_mb=usage.ru_maxrss / 1024,  # Linux reports KiB
        returncode=child.returncode,
        stderr=stderr,
        timed_out=stopped.is_set(),
        stdout=stdout,
    )


def best_of(
    n: int, args: Sequence[str | Path], cwd: Path, time_limit_s: float = TIME_LIMIT_S
) -> Run:
    """The fastest of n runs (its own peak memory); raise MeasureError if one fails."""
    runs = []
    for _ in range(n):
        run = run_once(args, cwd, time_limit_s)
        check(run, args)
        runs.append(run)
    return min(runs, key=lambda r: r.wall_s)


def check(run: Run, args: Sequence[str | Path]) -> None:
    """Raise MeasureError when the run failed or was stopped."""
    command = " ".join(str(a) for a in args)
    if run.timed_out:
        raise MeasureError(f"stopped after {run.wall_s:.0f} s: {command}")
    if run.returncode != 0:
        tail = "\n".join(run.stderr.strip().splitlines()[-10:])
        raise MeasureError(f"exit code {run.returncode}: {command}\n{tail}")


def python(*args: str | Path) -> list[str | Path]:
    """A command line running this interpreter (the project's venv)."""
    return [sys.executable, *args]
