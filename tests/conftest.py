"""Fixtures and hooks only (plain names to import are in tests/projects.py): copies of the
project to edit, a built copy of every product, a CLI runner, the test's language, and the
markers a test gets by what it needs."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.build.pipeline import build
from generator.cli.main import main
from generator.core import i18n
from generator.core.project import Project
from generator.revise.releases import RELEASES_FOLDER
from tests.projects import CARDS, FROZEN, LAYOUTS, CopyProject, Run

# The browser tests' chromium and axe-core, found (or their tests skipped) in one place.
pytest_plugins = ["tests.browser_setup"]


@pytest.fixture(scope="session")
def copy_project(tmp_path_factory: pytest.TempPathFactory) -> CopyProject:
    """Makes a project to edit and returns its folder: `copy_project(tmp_path)`, or
    `copy_project("name")` for a new temporary folder (for fixtures wider than one test).

    cards: what goes into cards/, in order (a folder's files, or one file); by default the
    shipped content with the frozen decks of tests/fixtures/cards in place of the shipped ones
    (tests may name their words); () leaves cards/ empty. releases: the content's releases/
    too; by default a copy has none, as they record the shipped texts (tests that need one
    make it with `release`). layouts: a copy of layouts/. output: an empty output/."""

    def make(
        where: str | Path = "project",
        *,
        cards: Sequence[Path] = FROZEN,
        releases: bool = False,
        layouts: bool = True,
        output: bool = True,
    ) -> Path:
        folder = tmp_path_factory.mktemp(where) if isinstance(where, str) else where
        content = folder / "cards"
        content.mkdir(parents=True, exist_ok=True)
        ignore = None if releases else shutil.ignore_patterns(RELEASES_FOLDER)
        for source in cards:
            if source.is_dir():
                shutil.copytree(source, content, ignore=ignore, dirs_exist_ok=True)
            else:
                shutil.copy(source, content / source.name)
        if layouts:
            shutil.copytree(LAYOUTS, folder / "layouts")
        if output:
            (folder / "output").mkdir()
        return folder

    return make


@pytest.fixture
def workspace(tmp_path: Path, copy_project: CopyProject) -> Path:
    """The usual project to break: copy_project's default, in the test's tmp_path."""
    return copy_project(tmp_path)


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every shipped product, built once into a temporary folder, by product name."""
    output = tmp_path_factory.mktemp("output")
    written = build(Project(cards=CARDS, layouts=LAYOUTS, output=output))
    return {path.name: path for path in written}


@pytest.fixture(autouse=True)
def english_unless_asked(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Messages in English whatever the machine's locale says (LC_MESSAGES=C), unless a test
    asks for a language (`lang`)."""
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.setenv("LC_MESSAGES", "C")
    i18n.use("en")
    yield
    i18n.use("en")


@pytest.fixture(params=i18n.LANGUAGES)
def lang(request: pytest.FixtureRequest) -> str:
    """The test runs once in each language: run_cli passes --lang, and tests.messages.said()
    gives what the generator says in it."""
    i18n.use(request.param)
    return request.param


@pytest.fixture
def run_cli(monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> Callable[..., Run]:
    """Run the command line in a folder, as a user would: `run_cli(folder, 'build')`; in the
    test's language if it has one (`lang`)."""
    language = request.getfixturevalue("lang") if "lang" in request.fixturenames else None

    def run(folder: Path, *args: str) -> Run:
        monkeypatch.chdir(folder)
        options = ["--lang", language] if language else []
        result = CliRunner().invoke(main, [*options, *args], catch_exceptions=False)
        return Run(result.exit_code, result.output)

    return run


# Markers by what a test needs, so a quick run can leave the slow ones out:
# `pytest -m "not slow and not browser and not property"`.
MARKERS_BY_FIXTURE = {
    "workspace": "slow",  # copies the project and builds it again
    "browser": "browser",  # a chromium through playwright (tests/browser_setup.py)
    "axe_script": "browser",
    "opened": "browser",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        for fixture, marker in MARKERS_BY_FIXTURE.items():
            if fixture in getattr(item, "fixturenames", ()):
                item.add_marker(marker)
        if getattr(getattr(item, "obj", None), "is_hypothesis_test", False):
            item.add_marker("property")
