"""`make lint` checks generator/ with mypy at zero errors, with the project's configuration:
a module that breaks its own annotations is named."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.projects import ROOT

pytestmark = pytest.mark.slow  # mypy reads the whole package once


def test_mypy_names_a_module_that_breaks_its_annotations(tmp_path: Path) -> None:
    api = pytest.importorskip("mypy.api")
    broken = tmp_path / "broken_annotation.py"
    broken.write_text('def pages() -> int:\n    return "twelve"\n', encoding="utf-8")
    config = ["--config-file", str(ROOT / "pyproject.toml"), "--no-incremental"]
    report, _errors, status = api.run([*config, str(broken)])
    assert status == 1
    assert "broken_annotation.py:2: error: Incompatible return value type" in report
