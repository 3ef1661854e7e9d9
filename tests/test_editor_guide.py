"""The editors' guide (docs/redacteuren.md) runs as written: every command in its code blocks,
in order, on a copy of the project after an edit; and the starter project's README carries the
same steps."""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable
from pathlib import Path

from tests.editing import reword_question, set_version

ROOT = Path(__file__).parent.parent
GUIDE = ROOT / "docs" / "redacteuren.md"
STARTER = ROOT / "generator" / "starter" / "README.md"
BLOCK = re.compile(r"```sh\n(.*?)```", re.S)
LONG_RUNNING = {"serve"}  # runs until Ctrl+C: tests/test_serve*.py start and stop it


def commands(path: Path) -> list[list[str]]:
    """The command lines of a Markdown file's sh blocks, each as its words."""
    found = []
    for block in BLOCK.findall(path.read_text(encoding="utf-8")):
        for line in block.splitlines():
            line = line.strip()
            if line:
                found.append(shlex.split(line))
    return found


def test_the_guide_has_one_route_of_voorwie_commands() -> None:
    found = commands(GUIDE)
    assert found and all(words[0] == "voorwie" for words in found)
    steps = [words[1] for words in found]
    assert steps.index("build") < steps.index("changes") < steps.index("release")


def test_the_starter_readme_carries_the_same_steps() -> None:
    def shape(path: Path) -> list[list[str]]:
        return [[re.sub(r"^cards/.+\.yaml$", "FILE", w) for w in words] for words in commands(path)]

    assert shape(STARTER) == shape(GUIDE)


def test_the_readme_links_the_guide_in_its_first_lines() -> None:
    head = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()[:12]
    assert any("docs/redacteuren.md" in line for line in head)


def test_the_guides_steps_run_as_written(workspace: Path, run_cli: Callable) -> None:
    assert run_cli(workspace, "release").exit_code == 0  # as the shipped content is
    deck = workspace / "cards" / "voor-wie-doen-we-wat.yaml"
    reword_question(deck)  # step 1: an edit, and a new edition
    set_version(deck, "9.1")
    folder = workspace / "output" / "naar-de-drukker"
    for words in commands(GUIDE):
        if words[1] in LONG_RUNNING:
            continue
        if words[1] == "release" and "--dry-run" not in words:
            assert any(p.name.endswith("_reprint_print.pdf") for p in folder.iterdir())
        run = run_cli(workspace, *words[1:])
        assert run.exit_code == 0, (words, run.output)
    assert {p.name for p in folder.iterdir()} == {"opdracht.txt", "opdracht.pdf"}
