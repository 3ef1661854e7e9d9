"""Shared fixtures: the project's own folders, a built copy of every product, a CLI runner."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.build.pipeline import build
from generator.cli.main import main
from generator.core import i18n
from generator.core.project import Project
from generator.load.yaml_file import read_yaml
from generator.model.deck import Deck
from generator.revise.releases import RELEASES_FOLDER
from generator.validate.deck import validate_deck
from generator.validate.localize import language_versions

# The browser tests' chromium and axe-core, found (or their tests skipped) in one place.
pytest_plugins = ["tests.browser_setup"]

ROOT = Path(__file__).resolve().parent.parent
# The content the tests read: the shipped cards/, or a revised copy of it
# (tests/test_revision_proof.py points here to prove no test needs the shipped wording).
CARDS = Path(os.environ.get("VOORWIE_TEST_CARDS") or ROOT / "cards").resolve()
LAYOUTS = ROOT / "layouts"
MAIN_DECK = CARDS / "voor-wie-doen-we-wat.yaml"
FIXTURE_CARDS = ROOT / "tests" / "fixtures" / "cards"


def deck_versions(path: Path) -> list[Deck]:
    """A deck file's decks, one per language, as the build reads them."""
    document = read_yaml(path)
    return language_versions(document, path, "deck", validate_deck, lambda item, language: {})


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every shipped product, built once into a temporary folder, by product name."""
    output = tmp_path_factory.mktemp("output")
    written = build(Project(cards=CARDS, layouts=LAYOUTS, output=output))
    return {path.name: path for path in written}


@dataclass
class Run:
    exit_code: int
    output: str  # stdout and stderr together


def copy_project(folder: Path) -> Path:
    """A project to edit, in folder: the shipped content with the decks of tests/fixtures/cards
    in their place (frozen texts, which tests may name), and the layouts. It has no releases:
    they record the shipped texts (tests that need one make it with `release`)."""
    shutil.copytree(CARDS, folder / "cards", ignore=shutil.ignore_patterns(RELEASES_FOLDER))
    shutil.copytree(FIXTURE_CARDS, folder / "cards", dirs_exist_ok=True)
    shutil.copytree(LAYOUTS, folder / "layouts")
    return folder


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A copy of the project to break (copy_project), with an empty output/ folder."""
    copy_project(tmp_path)
    (tmp_path / "output").mkdir()
    return tmp_path


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
