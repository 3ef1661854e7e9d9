"""One build at a time in an output folder: a second one that starts while the first runs
stops at once with a message, before it writes anything. The lock is held on a file in the
system's temporary folder named after the output folder, so the output folder holds nothing
but outputs, and a build that fails leaves no folder behind."""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from generator.core.errors import Location, fail
from generator.core.i18n import _


@contextlib.contextmanager
def output_lock(folder: Path) -> Iterator[None]:
    """Hold the folder's lock for the block; UserError when another process holds it."""
    try:
        handle = os.open(lock_path(folder), os.O_RDWR | os.O_CREAT, 0o666)
    except OSError:
        yield  # no temporary folder to lock in: build without the lock
        return
    try:
        if not _try_lock(handle):
            raise fail(
                Location(folder),
                _("another build is writing into this folder right now"),
                _("wait until it has finished (or stop it), then build again"),
            )
        yield
    finally:
        os.close(handle)  # closing releases the lock


def lock_path(folder: Path) -> Path:
    """The lock file of an output folder: one per folder, whatever it is called."""
    digest = hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"voorwie-{digest}.lock"


def _try_lock(handle: int) -> bool:
    if sys.platform == "win32":  # pragma: no cover - Windows
        import msvcrt

        try:
            msvcrt.locking(handle, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True
