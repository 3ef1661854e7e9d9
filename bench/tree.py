"""The memory a process and all its descendants hold together, sampled from /proc (Linux).

A sample walks the tree down from the measured process through /proc/<pid>/task/*/children
(where the kernel has no such files: the parent field of every /proc/<pid>/stat) and adds up
each process's PSS from /proc/<pid>/smaps_rollup: a page that n processes share, as after a
fork, counts 1/n in each, so once in the sum. Where smaps_rollup cannot be read, VmRSS from
/proc/<pid>/status stands in (shared pages then count in every process that maps them).
A process that ends while it is read counts 0; one that starts and ends between two samples
is not seen, so a caller keeps the largest single process's ru_maxrss as a lower bound.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

PROC = Path("/proc")
CHILDREN_FILES = (PROC / "thread-self" / "children").exists()  # CONFIG_PROC_CHILDREN
INTERVAL_S = 0.005  # a sample every 5 ms ...
MAX_SHARE = 0.2  # ... or less often, so the sampler takes at most a fifth of one core


def _read(path: Path) -> str:
    """The file's text; empty when it cannot be read (the process ended, or no permission)."""
    try:
        return path.read_text(encoding="ascii", errors="replace")
    except OSError:
        return ""


def _kib(text: str, name: str) -> int | None:
    """The number on the line `name:` of a /proc file (kB there are KiB), None if absent."""
    for line in text.splitlines():
        if line.startswith(f"{name}:"):
            return int(line.split()[1])
    return None


def memory_kib(pid: int) -> int:
    """The process's PSS in KiB; its RSS where PSS cannot be read; 0 when it is gone."""
    pss = _kib(_read(PROC / str(pid) / "smaps_rollup"), "Pss")
    if pss is not None:
        return pss
    return _kib(_read(PROC / str(pid) / "status"), "VmRSS") or 0


def children(pid: int) -> list[int]:
    """The process's children, from every one of its threads; none when it is gone."""
    try:
        tasks = list((PROC / str(pid) / "task").iterdir())
    except OSError:
        return []
    return [int(child) for task in tasks for child in _read(task / "children").split()]


def _children_by_stat() -> Callable[[int], list[int]]:
    """children() for kernels without the children files: every process's parent, read now."""
    table: dict[int, list[int]] = {}
    for entry in os.listdir(PROC):
        stat = _read(PROC / entry / "stat") if entry.isdigit() else ""
        if stat:  # "pid (comm) state ppid ...": comm may hold spaces and parentheses
            table.setdefault(int(stat.rsplit(")", 1)[1].split()[1]), []).append(int(entry))
    return lambda pid: table.get(pid, [])


def tree(root: int) -> list[int]:
    """root and every process descended from it, as now."""
    of = children if CHILDREN_FILES else _children_by_stat()
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += of(pid)
    return found


def tree_kib(root: int) -> int:
    """The memory of root and all its descendants together, in KiB (see the module)."""
    return sum(memory_kib(pid) for pid in tree(root))


class PeakSampler:
    """A thread sampling tree_kib(pid) until stop(); peak_kib is the largest sum it saw."""

    def __init__(self, pid: int, interval_s: float = INTERVAL_S) -> None:
        self.pid = pid
        self.interval_s = interval_s
        self.peak_kib = 0
        self.samples = 0
        self._error: BaseException | None = None
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"memory of {pid}", daemon=True)

    def __enter__(self) -> PeakSampler:
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def stop(self) -> int:
        """Stop sampling and return the peak; a bug in the sampler is raised here rather than
        lost with its thread."""
        self._stopped.set()
        if self._thread.is_alive():
            self._thread.join()
        if self._error is not None:
            raise self._error
        return self.peak_kib

    def _run(self) -> None:
        try:
            while True:
                start = time.perf_counter()
                self.peak_kib = max(self.peak_kib, tree_kib(self.pid))
                self.samples += 1
                took = time.perf_counter() - start
                if self._stopped.wait(max(self.interval_s - took, took / MAX_SHARE - took)):
                    return
        except BaseException as error:  # handed to stop(), not lost with the thread
            self._error = error
