"""Work in forked processes that start with this one's memory (content read, caches warm),
so nothing has to be sent to them; only results come back, pickled. They put the second core
to work, and keep work that leaves much memory behind (reading YAML, qpdf's rewrites) out of
the main process: what a child allocates is given back when it ends.

A user's mistake in a worker comes back as the same UserError; a bug as a RuntimeError
naming it.
"""

from __future__ import annotations

import gc
import os
import signal
import traceback
from collections.abc import Callable
from functools import partial
from multiprocessing import Pipe
from multiprocessing.connection import Connection
from typing import Any, Generic, TypeVar

from generator.errors import UserError

T = TypeVar("T")
CAN_FORK = hasattr(os, "fork")


def _outcome(work: Callable[[], Any]) -> tuple[str, Any]:
    try:
        return ("done", work())
    except UserError as error:
        return ("mistake", error.problems)
    except BaseException:  # a bug: reported by the parent
        return ("bug", traceback.format_exc())


def _result(outcome: tuple[str, Any]) -> Any:
    kind, value = outcome
    if kind == "mistake":
        raise UserError(value)
    if kind == "bug":
        raise RuntimeError(f"in the second worker process:\n{value}")
    return value


def _fork() -> int:
    gc.freeze()  # the child's collector leaves the shared objects alone: fewer pages copied
    pid = os.fork()
    gc.unfreeze()
    return pid


def start_in_child(work: Callable[[], T]) -> Callable[[], T]:
    """Start work in a forked child; the function returned waits for and returns its result.
    Call it exactly once, also when the parent's own work failed (the child waits for it)."""
    if not CAN_FORK:
        return lambda: work()
    parent_end, child_end = Pipe()
    pid = _fork()
    if pid == 0:  # the child: work, send the outcome, leave without running the parent's exits
        try:
            parent_end.close()
            child_end.send(_outcome(work))
        finally:
            os._exit(0)  # never return into the parent's code, even if sending failed
    child_end.close()

    def result() -> T:
        try:
            outcome = parent_end.recv()
        except EOFError:
            raise RuntimeError("the second worker process ended without a result") from None
        finally:
            parent_end.close()
            os.waitpid(pid, 0)
        return _result(outcome)

    return result


class Worker(Generic[T]):
    """A forked process that runs work(*arguments) each time it is asked, keeping its own
    memory (its caches) from one time to the next; it ends when this process closes it or
    ends. Arguments go to it pickled."""

    def __init__(self, work: Callable[..., T]) -> None:
        self._connection, child_end = Pipe()
        self._pid = _fork()
        if self._pid == 0:
            try:
                self._connection.close()
                signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the parent
                self._serve(child_end, work)
            finally:
                os._exit(0)  # never return into the parent's code
        child_end.close()

    @staticmethod
    def _serve(connection: Connection, work: Callable[..., T]) -> None:
        """Answer every request until the parent closes the connection (or ends)."""
        while True:
            try:
                arguments = connection.recv()
            except (EOFError, OSError):
                return
            connection.send(_outcome(partial(work, *arguments)))

    def ask(self, *arguments: Any) -> None:
        """Start the work (and go on with your own)."""
        self._connection.send(arguments)

    def answer(self) -> T:
        """Wait for the work asked for; its result, or its UserError."""
        try:
            outcome = self._connection.recv()
        except EOFError:
            raise RuntimeError("the second worker process ended without a result") from None
        return _result(outcome)

    def __call__(self, *arguments: Any) -> T:
        """Ask and wait for the answer."""
        self.ask(*arguments)
        return self.answer()

    def close(self) -> None:
        if not self._connection.closed:
            self._connection.close()
            os.waitpid(self._pid, 0)


def call(function: Callable[..., T], *arguments: Any) -> T:
    """function(*arguments): what a Worker that runs functions is given."""
    return function(*arguments)
