"""Write files atomically: a temporary file beside the target, then an atomic rename."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(outputs: dict[Path, bytes]) -> None:
    """Write every file; each target is either its old bytes or its complete new bytes."""
    umask = os.umask(0)
    os.umask(umask)
    for path, data in outputs.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
        )
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(data)
                file.flush()
                os.fsync(file.fileno())
            os.chmod(temporary, 0o666 & ~umask)  # mkstemp makes files private
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
