"""What the import tests share: the content files' hashes, and an import that must be refused
with its messages and write nothing."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from tests.projects import Run


def fingerprints(workspace: Path) -> dict[str, str]:
    """Every content file's hash, by its path in the project."""
    return {str(p.relative_to(workspace)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted((workspace / "cards").rglob("*.yaml"))}  # fmt: skip


def refused(workspace: Path, path: Path, run_cli: Callable[..., Run], *messages: str) -> str:
    """`import path` fails with each message, no traceback, and no content file changed."""
    before = fingerprints(workspace)
    run = run_cli(workspace, "import", str(path))
    assert run.exit_code == 1, run.output
    assert "Traceback" not in run.output
    for message in messages:
        assert message in run.output, run.output
    assert fingerprints(workspace) == before
    return run.output
