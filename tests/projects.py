"""Where the tests find the project, and what they read of it: its folders, the main deck, the
frozen fixture decks, a deck file read as the build reads it, and a command line run's result.
Plain names to import; the fixtures that make copies of the project are in tests/conftest.py."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from generator.build.unchanged import STATE_NAME
from generator.core.project import Project
from generator.load.yaml_file import read_yaml
from generator.model.deck import Deck
from generator.validate.deck import validate_deck
from generator.validate.localize import language_versions

ROOT = Path(__file__).resolve().parent.parent
# The content the tests read: the shipped cards/, or a revised copy of it
# (tests/test_revision_proof.py points here to prove no test needs the shipped wording).
CARDS = Path(os.environ.get("VOORWIE_TEST_CARDS") or ROOT / "cards").resolve()
LAYOUTS = ROOT / "layouts"
MAIN_DECK = CARDS / "voor-wie-doen-we-wat.yaml"
# Decks with frozen texts that a copy of the project puts in place of the shipped ones, so
# that a test may name their words (see the `copy_project` fixture).
FIXTURE_CARDS = ROOT / "tests" / "fixtures" / "cards"
FROZEN = (CARDS, FIXTURE_CARDS)


def deck_versions(path: Path) -> list[Deck]:
    """A deck file's decks, one per language, as the build reads them."""
    document = read_yaml(path)
    return language_versions(document, path, "deck", validate_deck, lambda item, language: {})


@dataclass
class Run:
    """What a command line run gave (the `run_cli` fixture)."""

    exit_code: int
    output: str  # stdout and stderr together


def project_in(folder: Path) -> Project:
    """The project whose cards/, layouts/ and output/ are in folder."""
    return Project(folder / "cards", folder / "layouts", folder / "output")


class CopyProject(Protocol):
    """The `copy_project` fixture (tests/conftest.py): makes a project to edit."""

    def __call__(
        self,
        where: str | Path = "project",
        *,
        cards: Sequence[Path] = FROZEN,
        releases: bool = False,
        layouts: bool = True,
        output: bool = True,
    ) -> Path: ...


def output_tree(folder: Path) -> dict[str, bytes]:
    """Every file below an output folder, hidden ones included (a temporary file left behind
    shows), by relative path; but the build's own record (build/unchanged.py), which holds
    the files' times and so differs between two folders by design."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != STATE_NAME}  # fmt: skip
