"""Write files atomically: every file to a temporary file beside it first, then renames.

What a build that is stopped part-way leaves (killed, power cut, disk full):
- while the temporary files are written (nearly all of the time): every previous output as
  it was, byte for byte; at most hidden `.<name>.<pid>.<random>.tmp` files, which the next
  write into that folder removes once their process has gone;
- during the renames that follow (a few system calls, one per file, no data written): each
  file either its complete old bytes or its complete new bytes, never a mix within a file.
  Products of one build may then be of two builds (say, a new print file beside old A4
  sheets); a folder-wide swap would need output/ to become a link, which people and print
  shops do not expect, so this short window is accepted. Building again repairs it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import tempfile
from pathlib import Path

from generator.core.errors import Location, fail
from generator.core.i18n import _

TEMPORARY = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.[^.]+\.tmp$")


def output_paths(folder: Path, outputs: dict[str, bytes]) -> dict[Path, bytes]:
    """Each output at its name directly in folder. Names come from ids the schemas check; a
    name that is not a plain, visible file name ('../x', 'a/b', '.x') is a bug to stop at,
    never a path to follow (ValueError: an internal error, not the user's)."""
    paths = {}
    for name, data in outputs.items():
        plain = Path(name).name == name and not name.startswith(".")
        if not plain or not name or any(char in name for char in "\\\x00\n"):
            raise ValueError(f"{name!r} is not a plain file name for an output")
        paths[folder / name] = data
    return paths


def write_atomically(outputs: dict[Path, bytes], durable: bool = True) -> None:
    """Write every file: all to temporary files (synced to disk), then each renamed over its
    target, so each target holds its old or its complete new bytes. A failure to write is a
    UserError naming the file; the temporary files written so far are removed.

    durable=False skips the syncs: a killed process still leaves old or new files, but a power
    cut may not (for `watch`, whose files are rewritten at the next save anyway)."""
    umask = os.umask(0)
    os.umask(umask)
    written: dict[Path, Path] = {}
    try:
        for folder in dict.fromkeys(path.parent for path in outputs):
            try:
                folder.mkdir(parents=True, exist_ok=True)
                remove_stale_temporaries(folder)
            except (FileExistsError, NotADirectoryError):
                raise fail(
                    Location(folder),
                    _("cannot write here: this folder, or one above it, is a file"),
                    _("choose another output folder (--out), or move the file away"),
                ) from None
            except OSError as error:
                raise _cannot_write(folder, error) from None
        for path, data in outputs.items():
            try:
                if path.is_dir():
                    raise IsADirectoryError(errno.EISDIR, "a folder has its name")
                written[path] = _write_temporary(path, data, 0o666 & ~umask, durable)
            except OSError as error:
                raise _cannot_write(path, error) from None
        for path, temporary in written.items():
            try:
                os.replace(temporary, path)
            except OSError as error:  # not seen: the same folder, and checked above
                raise fail(
                    Location(path),
                    _("cannot replace the file: {error}").format(error=error),
                    _("build again; files before this one are new"),
                ) from None
        for folder in {path.parent for path in written} if durable else ():
            _sync_folder(folder)
    finally:
        for temporary in written.values():
            temporary.unlink(missing_ok=True)  # only those not renamed are still there


def _write_temporary(path: Path, data: bytes, mode: int, durable: bool = True) -> Path:
    """A hidden file beside path, named after it and this process, holding data on disk."""
    handle, name = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp"
    )
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            if durable:
                os.fsync(file.fileno())
        os.chmod(temporary, mode)  # mkstemp makes files private
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Remove the temporary files of writes whose process no longer runs (a killed build);
    those of a write still going on are left alone. Returns what was removed."""
    removed = []
    for path in folder.glob(".*.tmp"):
        match = TEMPORARY.match(path.name)
        if match and not _running(int(match["pid"])):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
                removed.append(path)
    return removed


def _running(pid: int) -> bool:
    if os.name != "posix":
        return True  # os.kill(pid, 0) tests for a process on POSIX only
    if pid == os.getpid():
        return True  # an earlier write of this process that failed has cleaned up after itself
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def _sync_folder(folder: Path) -> None:
    """Make the renames in folder durable (POSIX); not possible, or needed, everywhere."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(handle)
    finally:
        os.close(handle)


def _cannot_write(path: Path, error: OSError) -> Exception:
    return fail(
        Location(path),
        _("cannot write here: {error}").format(error=error.strerror or error),
        _(
            "check that the output folder is a folder you may write to, with space left on the "
            "disk; the previous files are unchanged"
        ),
    )
