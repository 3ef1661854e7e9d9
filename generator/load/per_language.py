"""Content lists kept per language, one YAML file each: `cards/<folder>/<language>.yaml`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from generator.core.errors import Problem, UserError
from generator.load.yaml_file import read_yaml

T = TypeVar("T")


def read_per_language(
    folder: Path, parse: Callable[[Path, Any], tuple[T, list[Problem]]]
) -> dict[str, T]:
    """Each language's parsed list, by the file's name; every problem of every file at once."""
    found: dict[str, T] = {}
    problems: list[Problem] = []
    for path in sorted(folder.glob("*.yaml")):
        try:
            found[path.stem], file_problems = parse(path, read_yaml(path))
        except UserError as error:
            problems.extend(error.problems)
            continue
        problems += file_problems
    if problems:
        raise UserError(problems)
    return found
