"""The second core: one worker process makes the screen products while this one makes the
print files. Build and watch use the same mechanism, routed by products.SCREEN_KINDS.

The worker is started by the standard library's 'forkserver' method where the system has it
('spawn' elsewhere): a clean process, with the generator imported beforehand, that inherits
neither this process's memory nor its open files. Work goes to it, and results come back,
pickled; a user's mistake comes back as problems in the result, a bug as the exception.
"""

from __future__ import annotations

import logging
import multiprocessing
import signal
from concurrent.futures import ProcessPoolExecutor

START_METHOD = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
PRELOADED = ["generator.pipeline"]  # imported once by the fork server, not by every worker


def start_worker() -> ProcessPoolExecutor:
    """One worker process, kept until shut down (a watch session keeps its caches in it)."""
    context = multiprocessing.get_context(START_METHOD)
    if START_METHOD == "forkserver":
        context.set_forkserver_preload(PRELOADED)
    return ProcessPoolExecutor(1, mp_context=context, initializer=_quiet)


def _quiet() -> None:
    """The worker says nothing (this process notes what both draw, once) and leaves Ctrl-C
    to this process."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    logging.getLogger("generator").setLevel(logging.ERROR)
