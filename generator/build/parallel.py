"""The second core: one worker process makes the screen products while this one makes the
print files. Build and watch use this one mechanism, routed by products.SCREEN_KINDS.

The worker is the standard library's process pool of one, started by 'fork' on Linux: it
begins with this process's memory (content read, layouts checked, caches warm), so nothing
has to be sent to it and it starts at once; measured against 'forkserver' and 'spawn' (see
README, Performance), only fork pays at the shipped content's size. Descriptors it inherits
other than the pool's own pipes are closed as it starts. Elsewhere 'spawn' starts a fresh
interpreter, and the work goes to it pickled. Results come back pickled; a user's mistake
comes back as problems in the result, a bug as the exception.
"""

from __future__ import annotations

import gc
import os
import signal
import stat
import sys
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing import get_context
from typing import Any, TypeVar

from generator.core import i18n

T = TypeVar("T")
START_METHOD = "fork" if sys.platform == "linux" else "spawn"
FIRST_INHERITED = 3  # after standard input, output and error


class Worker:
    """One worker process. one_task: it ends as soon as its task is done, giving its memory
    back while this process goes on (a build); otherwise it stays, with its caches, until
    closed (a watch session)."""

    def __init__(self, one_task: bool = False) -> None:
        self._pool = ProcessPoolExecutor(1, mp_context=get_context(START_METHOD),
                                         initializer=_start_clean,
                                         initargs=(i18n.current(),))  # fmt: skip
        self.one_task = one_task

    def submit(self, function: Callable[..., T], *arguments: Any) -> Future[T]:
        """Start function(*arguments) in the worker; the future holds its result."""
        # Neither collector touches what the two processes share, so its pages stay shared:
        # 11 MB less at 1,000 cards. A build's task unfreezes when closed; a watch session's
        # worker lives long, so this process unfreezes at once (the worker keeps them frozen).
        gc.freeze()
        if self.one_task and START_METHOD == "fork":
            future = self._hand_over(function, arguments)
        else:
            future = self._pool.submit(function, *arguments)
        if self.one_task:
            future.add_done_callback(lambda _: self._pool.shutdown(wait=False))
        else:
            gc.unfreeze()
        return future

    def _hand_over(self, function: Callable[..., T], arguments: tuple[Any, ...]) -> Future[T]:
        """The pool forks its worker in its first submit: the work is in the worker's memory
        then, and nothing is pickled (the content of 1,000 cards would be 16 MB again)."""
        global _handed_over
        _handed_over = function, arguments
        try:
            return self._pool.submit(_run_handed_over)
        finally:
            _handed_over = None

    def close(self) -> None:
        self._pool.shutdown(cancel_futures=True)
        if self.one_task:
            gc.unfreeze()


_handed_over: tuple[Callable[..., Any], tuple[Any, ...]] | None = None  # see Worker._hand_over


def _run_handed_over() -> Any:
    assert _handed_over is not None, "a forked worker's first task"
    function, arguments = _handed_over
    return function(*arguments)


def _start_clean(language: str) -> None:
    """Ctrl-C is for the main process; files it had open are not the worker's; its messages
    are in the language of the main process (a spawned worker would take the locale's)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    i18n.use(language)
    if START_METHOD == "fork":
        close_inherited_files()


def close_inherited_files() -> None:
    """Close every descriptor but standard input, output and error and the pipes the pool
    talks through (a forked process holds whatever its parent had open)."""
    for descriptor in _descriptors():
        try:
            if not stat.S_ISFIFO(os.fstat(descriptor).st_mode):
                os.close(descriptor)
        except OSError:  # gone already (the one listing the folder, say)
            continue


def _descriptors() -> list[int]:
    folder = "/proc/self/fd" if os.path.isdir("/proc/self/fd") else "/dev/fd"
    return [int(name) for name in os.listdir(folder) if int(name) >= FIRST_INHERITED]
