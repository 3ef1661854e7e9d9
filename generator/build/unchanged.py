"""A build with nothing to do. When every input a build reads is as it was at the last
successful build into the same folder — the content, the layouts, the generator's own files,
the versions of its packages, the options — and every file that build wrote is still there as
it was written, a build would write the same bytes again: it is skipped, and the last build's
summary and notes are told again. Its preflight too, when it passed with the same profile.

The record is `output/.voorwie-state.json`; anything else writing into the folder (watch,
serve, changes, a person) changes a file's size or time, and the next build builds.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path

import generator
from generator.core.project import Project, shipped_layouts

STATE_NAME = ".voorwie-state.json"
DISTRIBUTION = "voorwie-generator"
SKIPPED_PARTS = {"__pycache__", ".git"}


@dataclass
class LastBuild:
    """What the last successful build read (hashed) and left, and what it told."""

    digest: str
    files: dict[str, list[int]]  # each file it left, relative to the folder: [size, mtime_ns]
    paths: list[str] = field(default_factory=list)  # as Written has them, relative
    revision: list[str] = field(default_factory=list)
    to_send: list[str] = field(default_factory=list)
    partial: bool = False
    notes: list[tuple[int, str, str]] = field(default_factory=list)  # level, message, prefix
    checked: list[str] = field(default_factory=list)  # printer profiles whose preflight passed


def inputs_digest(project: Project, options: object) -> str:
    """Everything a build of the project with these options reads, hashed."""
    digest = hashlib.sha256(repr(options).encode())
    digest.update(sys.version.encode())
    package = Path(generator.__file__).parent
    folders = dict.fromkeys(
        [project.cards, project.layouts, shipped_layouts(), package], None
    )  # fmt: skip
    for folder in folders:
        for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
            if path.is_file() and not SKIPPED_PARTS & set(path.parts):
                digest.update(str(path.relative_to(folder)).encode() + b"\0")
                digest.update(path.read_bytes())
    for requirement in metadata.requires(DISTRIBUTION) or []:
        if "extra ==" not in requirement:
            name = requirement.split(";")[0].split("=")[0].split("<")[0].split(">")[0].strip()
            digest.update(f"{name}={metadata.version(name)}".encode())
    return digest.hexdigest()


def unchanged(project: Project, digest: str) -> LastBuild | None:
    """The last build, if a build now would write what it wrote."""
    try:
        last = LastBuild(**json.loads((project.output / STATE_NAME).read_text("utf-8")))
    except (OSError, ValueError, TypeError):
        return None
    if last.digest != digest:
        return None
    for name, (size, mtime) in last.files.items():
        try:
            stat = (project.output / name).stat()
        except OSError:
            return None
        if stat.st_size != size or stat.st_mtime_ns != mtime:
            return None
    return last


def record(project: Project, last: LastBuild) -> None:
    """Keep what this build read and left (the files' sizes and times as they are now). A
    record that cannot be written is no error: the next build builds."""
    try:
        files = {}
        for name in [*last.paths, *last.revision]:
            stat = (project.output / name).stat()
            files[name] = [stat.st_size, stat.st_mtime_ns]
        last.files = files
        target = project.output / STATE_NAME
        temporary = target.with_name(f"{STATE_NAME}.{os.getpid()}")
        temporary.write_text(json.dumps(asdict(last), indent=1, sort_keys=True), "utf-8")
        os.replace(temporary, target)
    except OSError:
        (project.output / STATE_NAME).unlink(missing_ok=True)  # no stale record either
