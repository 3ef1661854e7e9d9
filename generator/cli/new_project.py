"""`voorwie new FOLDER`: a starter project to edit and build, anywhere the generator is installed.

The starter's files are data in generator/starter/ (a small deck and a poster that uses it, in
Dutch and English, and a README for editors). Each YAML file names its JSON Schema on its
first line; in the package that line points into generator/validate/schemas, so a new project
gets a copy of the schemas in schemas/ and its lines point there.
"""

from __future__ import annotations

import os
import re
from pathlib import Path, PurePosixPath

from generator.core.errors import Location, fail
from generator.core.i18n import _
from generator.write.atomic import write_atomically

PACKAGE = Path(__file__).resolve().parent.parent
STARTER = PACKAGE / "starter"
SCHEMAS = PACKAGE / "validate" / "schemas"
SCHEMAS_FOLDER = "schemas"  # in the new project
SCHEMA_LINE = re.compile(r"^(?P<prefix># yaml-language-server: \$schema=)(?P<path>\S+)$")


def create(folder: Path) -> list[Path]:
    """Write a new project into folder (made if missing); the files written, sorted. Refuses a
    folder that holds anything: a new project never overwrites or mixes with other files."""
    if folder.exists() and not folder.is_dir():
        raise fail(
            Location(folder),
            _("there is a file with this name, so no project folder can be made here"),
            _("choose another name for the new project"),
        )
    if folder.is_dir() and any(folder.iterdir()):
        raise fail(
            Location(folder),
            _("this folder is not empty: a new project starts in an empty folder"),
            _("choose a name for a new folder, such as {example}, or empty this one first").format(
                example=f"{folder.name}-2"
            ),
        )
    files = starter_files(folder)
    write_atomically(files)
    return sorted(files)


def starter_files(folder: Path) -> dict[Path, bytes]:
    """Every file of a new project in folder: the starter's, and the schemas its YAML files
    name, each YAML file's first line pointing at the project's copy."""
    schemas = folder / SCHEMAS_FOLDER
    files = {schemas / path.name: path.read_bytes() for path in sorted(SCHEMAS.glob("*.json"))}
    for path in sorted(path for path in STARTER.rglob("*") if path.is_file()):
        target = folder / path.relative_to(STARTER)
        data = path.read_bytes()
        files[target] = with_schema_line(data, target, schemas) if path.suffix == ".yaml" else data
    return files


def with_schema_line(data: bytes, target: Path, schemas: Path) -> bytes:
    """The file's bytes with its `$schema` line pointing, relative to target, at the schema
    of the same name in the folder schemas (unchanged if its first line names none)."""
    first, newline, rest = data.partition(b"\n")
    line = first.decode("utf-8")
    match = SCHEMA_LINE.match(line.rstrip("\r"))
    if not match:
        return data
    schema = schemas / PurePosixPath(match["path"]).name
    relative = Path(os.path.relpath(schema, target.parent)).as_posix()
    ending = line[len(line.rstrip("\r")) :]  # a checkout with Windows line ends keeps them
    return f"{match['prefix']}{relative}{ending}".encode() + newline + rest
