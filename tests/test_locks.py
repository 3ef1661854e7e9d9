"""Two locks: `make` installs the runtime's (requirements.lock), the tests and tools install
the development lock on top. Both pin the runtime's packages alike (the bytes of our PDFs
depend on them), and the generator imports nothing the runtime lock lacks."""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

from tests.projects import ROOT

RUNTIME, DEVELOPMENT = ROOT / "requirements.lock", ROOT / "requirements-dev.lock"
PIN = re.compile(r"(?m)^([A-Za-z0-9_.\-]+)==([^ \\\n]+)")
# The import name of each package the generator imports, where it is not the package's name.
IMPORT_NAMES = {
    "PIL": "pillow",
    "yaml": "pyyaml",
    "jsonschema_rs": "jsonschema-rs",
    "ruamel": "ruamel-yaml",
}
DEVELOPMENT_ONLY = {"generator/cli/compile_messages.py"}  # make messages: Babel


def pins(lock: Path) -> dict[str, str]:
    return {name.lower(): version for name, version in PIN.findall(lock.read_text("utf-8"))}


def test_the_runtime_lock_pins_what_the_development_lock_pins() -> None:
    runtime, development = pins(RUNTIME), pins(DEVELOPMENT)
    assert runtime, RUNTIME
    assert {name: (v, development.get(name)) for name, v in runtime.items()
            if development.get(name) != v} == {}  # fmt: skip
    assert len(development) > len(runtime)  # the tools are not installed by `make`


def third_party_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
             for alias in node.names}  # fmt: skip
    names |= {node.module for node in ast.walk(tree)
              if isinstance(node, ast.ImportFrom) and node.module and node.level == 0}  # fmt: skip
    tops = {name.split(".")[0] for name in names}
    return {top for top in tops if top not in sys.stdlib_module_names and top != "generator"}


def missing_from(lock: dict[str, str], files: list[Path]) -> list[str]:
    return sorted(
        f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: {top}"
        for path in files
        for top in third_party_imports(path)
        if IMPORT_NAMES.get(top, top).lower().replace("_", "-") not in lock
    )


def test_the_generator_imports_only_what_make_installs() -> None:
    files = [p for p in sorted((ROOT / "generator").rglob("*.py"))
             if str(p.relative_to(ROOT)) not in DEVELOPMENT_ONLY]  # fmt: skip
    assert missing_from(pins(RUNTIME), files) == []


def test_an_import_of_a_development_package_is_named(tmp_path: Path) -> None:
    module = tmp_path / "generator" / "uses_pypdf.py"
    module.parent.mkdir()
    module.write_text("import pypdf\nfrom babel.numbers import format_decimal\n", "utf-8")
    found = missing_from(pins(RUNTIME), [module])
    assert [line.rsplit(": ", 1)[1] for line in found] == ["babel", "pypdf"]
