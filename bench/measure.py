"""Run a command in a child process and measure it: wall time, CPU time and the peak memory of
the whole process tree (the child and every process it starts; see bench/tree.py)."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.tree import PeakSampler

TIME_LIMIT_S = 600.0  # a measurement that takes longer is stopped and reported as such


@dataclass(frozen=True)
class Run:
    """One child process: how long it took and how much memory its process tree held at most.
    Memory in MB of 1,048,576 bytes (MiB)."""

    wall_s: float
    cpu_s: float  # user + system time of the child and the descendants it waited for
    # ru_maxrss: the largest single process (the child or a descendant it waited for); 0 when
    # not above the bench's own peak, which a child inherits when it starts (see run_once)
    maxrss_mb: float
    tree_mb: float  # the largest sampled sum of the whole tree's PSS
    returncode: int
    stderr: str
    timed_out: bool = False
    stdout: str = ""

    @property
    def peak_mb(self) -> float:
        """The tree's peak: the largest sum sampled, at least the largest single process's
        own peak (which may fall between two samples)."""
        return max(self.tree_mb, self.maxrss_mb)

    @property
    def ok(self) -> bool:
        return self.returncode == 0 and not self.timed_out


class MeasureError(RuntimeError):
    """A measured command failed, or ran past the time limit."""


def run_once(args: Sequence[str | Path], cwd: Path, time_limit_s: float = TIME_LIMIT_S) -> Run:
    """Start the command and sample its process tree's memory until it ends; then reap exactly
    this child with os.wait4 and read its rusage."""
    stopped = threading.Event()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        child = subprocess.Popen([str(a) for a in args], cwd=cwd, stdout=out, stderr=log)

        def stop() -> None:
            stopped.set()
            child.kill()

        timer = threading.Timer(time_limit_s, stop)
        timer.start()
        try:
            with PeakSampler(child.pid) as sampler:
                # Ended but not reaped: its pid cannot be reused while the sampler reads it.
                os.waitid(os.P_PID, child.pid, os.WEXITED | os.WNOWAIT)
                wall = time.perf_counter() - start
        except BaseException:  # interrupted, or a bug in the sampler: leave no child behind
            child.kill()
            child.wait()
            raise
        finally:
            timer.cancel()
        _, status, usage = os.wait4(child.pid, 0)
        own_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        child.returncode = os.waitstatus_to_exitcode(status)  # Popen must not wait again
        out.seek(0)
        log.seek(0)
        stdout, stderr = (f.read().decode("utf-8", "replace") for f in (out, log))
    return Run(
        wall_s=wall,
        cpu_s=usage.ru_utime + usage.ru_stime,
        # exec() keeps the high-water mark of the memory it replaces, this process's (fork or
        # vfork): only a figure above our own peak is surely the child's tree's. Linux: KiB.
        maxrss_mb=(usage.ru_maxrss if usage.ru_maxrss > own_kib else 0) / 1024,
        tree_mb=sampler.peak_kib / 1024,
        returncode=child.returncode,
        stderr=stderr,
        timed_out=stopped.is_set(),
        stdout=stdout,
    )


def best_of(
    n: int, args: Sequence[str | Path], cwd: Path, time_limit_s: float = TIME_LIMIT_S
) -> Run:
    """The fastest of n runs (with its own peak memory); raise MeasureError if one fails."""
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
