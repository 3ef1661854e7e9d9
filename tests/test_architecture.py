"""The pipeline's shape: each stage package imports only from earlier stages, directly or
through a shared module; no module grows past 400 lines."""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "generator"
STAGES = ("load", "validate", "render", "impose", "write")  # in pipeline order
MAX_LINES = 400


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in PACKAGE.rglob("*.py")}


def imports(module: str) -> set[str]:
    """The generator modules a module imports (also inside functions)."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        found |= {name for name in names if name in MODULES and name != module}
    return found


def own_stage(module: str) -> int | None:
    """The index of the stage package a module is in, or None for a shared module."""
    parts = module.split(".")
    return STAGES.index(parts[1]) if len(parts) > 2 and parts[1] in STAGES else None


@cache
def reaches(module: str) -> int:
    """The latest stage a module depends on, directly or through other modules (-1: none)."""
    stage = own_stage(module)
    deepest = -1 if stage is None else stage
    for imported in imports(module):
        if imported != "generator" and not module.startswith(imported + "."):
            deepest = max(deepest, reaches(imported))
    return deepest


def leaks(module: str) -> list[str]:
    """What a stage module imports from a later stage, directly or through a shared module."""
    stage = own_stage(module)
    if stage is None:
        return []
    return sorted(
        f"{module} → {imported} (reaches {STAGES[reaches(imported)]})"
        for imported in imports(module)
        if imported != "generator" and reaches(imported) > stage
    )


def test_every_stage_imports_only_from_earlier_stages() -> None:
    assert [leak for module in sorted(MODULES) for leak in leaks(module)] == []


def test_the_check_finds_a_leak(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A check of validate that imported a renderer would be named."""
    leaky = tmp_path / "leaky.py"
    leaky.write_text("from generator.render.fonts import register_family\n", encoding="utf-8")
    monkeypatch.setitem(MODULES, "generator.validate.leaky", leaky)
    reaches.cache_clear()
    try:
        assert leaks("generator.validate.leaky") == [
            "generator.validate.leaky → generator.render.fonts (reaches render)"
        ]
    finally:
        reaches.cache_clear()


def test_no_module_is_longer_than_the_limit() -> None:
    lengths = {name: len(path.read_text(encoding="utf-8").splitlines())
               for name, path in MODULES.items()}  # fmt: skip
    assert {name: n for name, n in lengths.items() if n > MAX_LINES} == {}
