"""Installable anywhere: the layouts come with the package, and a project's own layouts/ wins."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from generator import project
from generator.project import default_layouts, shipped_layouts
from tests.conftest import LAYOUTS, ROOT

REFERENCE_DECK = ROOT / "tests" / "reference" / "proef.yaml"


@pytest.fixture
def own_project(tmp_path: Path) -> Path:
    """A folder of one's own with a small deck in cards/ and no layouts."""
    (tmp_path / "cards").mkdir()
    shutil.copy(REFERENCE_DECK, tmp_path / "cards")
    return tmp_path


# Where the layouts come from.


def test_in_this_repository_the_shipped_layouts_are_its_layouts_folder() -> None:
    assert shipped_layouts() == LAYOUTS


def test_the_package_s_own_copy_comes_before_the_repository_s(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    packaged, repository = tmp_path / "_layouts", tmp_path / "layouts"
    repository.mkdir()
    monkeypatch.setattr(project, "SHIPPED_LAYOUTS", (packaged, repository))
    assert shipped_layouts() == repository
    packaged.mkdir()
    assert shipped_layouts() == packaged


def test_a_project_s_own_layouts_folder_wins(own_project: Path, run_cli: Callable) -> None:
    (own_project / "layouts").mkdir()  # a project's layouts, without the one the deck names
    run = run_cli(own_project, "validate")
    assert run.exit_code == 1
    assert "there is no layout 'pocket-card' in layouts/" in run.output
    assert default_layouts() == Path("layouts")


def test_without_a_layouts_folder_the_shipped_layouts_are_used(
    own_project: Path, run_cli: Callable
) -> None:
    run = run_cli(own_project, "validate")
    assert run.exit_code == 0, run.output
    assert default_layouts() == shipped_layouts()


def test_the_layouts_option_overrides_the_project_s_folder(
    own_project: Path, run_cli: Callable
) -> None:
    (own_project / "layouts").mkdir()
    run = run_cli(own_project, "validate", "--layouts", str(LAYOUTS))
    assert run.exit_code == 0, run.output
