"""The package's shape: every module sits in a layer package, and imports only from its own
layer or an earlier one, directly or through another module; no module grows past 400 lines.

The layers, lowest first: core (errors, messages, geometry, cache, project paths) and model
(the typed content) under the pipeline's stages load → validate → render → impose → write;
revise (the record of a revision) sits before render, because the print-shop folder and the
written outputs read it; preflight checks what impose made; build runs the pipeline; desk is
the live preview; cli is the command line on top.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "generator"
LAYERS = (
    "core", "model", "load", "validate", "revise", "render", "impose", "preflight", "write",
    "build", "exchange", "desk", "cli",
)  # fmt: skip
ROOT_MODULES = {"generator": -1, "generator.__main__": len(LAYERS)}  # below and above all
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


def layer(module: str) -> int | None:
    """The index of a module's layer; None for a module outside every layer package."""
    if module in ROOT_MODULES:
        return ROOT_MODULES[module]
    parts = module.split(".")
    return LAYERS.index(parts[1]) if len(parts) > 1 and parts[1] in LAYERS else None


def outside_layers(modules: dict[str, Path]) -> list[str]:
    return sorted(module for module in modules if layer(module) is None)


def leaks(module: str) -> list[str]:
    """What a module imports from a later layer (each import is checked, so an indirect
    reach upwards is caught at the module that makes it)."""
    own = layer(module)
    assert own is not None, module
    return sorted(
        f"{module} → {imported} ({LAYERS[found]})"
        for imported in imports(module)
        if not module.startswith(imported + ".")  # a package's own __init__
        and (found := layer(imported)) is not None
        and found > own
    )


def test_every_module_is_in_a_layer() -> None:
    assert outside_layers(MODULES) == []


def test_every_layer_imports_only_from_itself_or_earlier_layers() -> None:
    assert [leak for module in sorted(MODULES) for leak in leaks(module)] == []


def test_every_layer_package_exists_and_says_what_it_owns() -> None:
    missing = [name for name in LAYERS if not ast.get_docstring(
        ast.parse((PACKAGE / name / "__init__.py").read_text(encoding="utf-8")))]  # fmt: skip
    assert missing == []


def test_the_check_finds_a_module_outside_the_layers(tmp_path: Path) -> None:
    assert outside_layers({"generator.loose": tmp_path / "loose.py"}) == ["generator.loose"]


def test_the_check_finds_a_leak(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A check of validate that imported a renderer would be named."""
    leaky = tmp_path / "leaky.py"
    leaky.write_text("from generator.render.fonts import register_family\n", encoding="utf-8")
    monkeypatch.setitem(MODULES, "generator.validate.leaky", leaky)
    assert leaks("generator.validate.leaky") == [
        "generator.validate.leaky → generator.render.fonts (render)"
    ]


def test_the_check_finds_a_leak_from_the_core(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The shared core importing the command line would be named too."""
    leaky = tmp_path / "leaky.py"
    leaky.write_text("def f():\n    from generator.cli import console\n", encoding="utf-8")
    monkeypatch.setitem(MODULES, "generator.core.leaky", leaky)
    assert leaks("generator.core.leaky") == [
        "generator.core.leaky → generator.cli (cli)",
        "generator.core.leaky → generator.cli.console (cli)",
    ]


def test_no_module_is_longer_than_the_limit() -> None:
    lengths = {name: len(path.read_text(encoding="utf-8").splitlines())
               for name, path in MODULES.items()}  # fmt: skip
    assert {name: n for name, n in lengths.items() if n > MAX_LINES} == {}
