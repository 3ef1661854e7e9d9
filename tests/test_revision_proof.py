"""An editor's ordinary revision keeps the suite green.

A copy of the shipped content gets the revision of tests/revise.py in every deck it applies to
(questions reworded, one added, one removed, the edition bumped); then the tests that read the
shipped content run against that copy, in a new process (VOORWIE_TEST_CARDS, tests/projects.py).
They are the tests not marked slow, browser, property or sources: the slow ones edit a copy of
the project whose main deck is the frozen fixture (copy_project), which no revision reaches.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.load.yaml_file import read_yaml
from tests.projects import CARDS, LAYOUTS, MAIN_DECK, ROOT, CopyProject, deck_versions
from tests.revise import ADDED, Revision, revisable, revise_deck

pytestmark = pytest.mark.slow  # processes, builds and sessions: not in make test-quick

QUICK = "not slow and not browser and not property and not sources"


@pytest.fixture(scope="module")
def revised(copy_project: CopyProject) -> tuple[Path, dict[str, Revision]]:
    """The revised copy's content folder, and what was revised in each deck file by name."""
    # The shipped content as it is, releases too; the layouts linked, not copied.
    project = copy_project("revised", cards=[CARDS], releases=True, layouts=False, output=False)
    # Beside cards/ as in the repository: the files' `$schema` lines name ../generator/….
    (project / "generator").symlink_to(ROOT / "generator")
    (project / "layouts").symlink_to(LAYOUTS)
    files = [p for p in sorted((project / "cards").glob("*.yaml")) if revisable(read_yaml(p))]
    return project / "cards", {path.name: revise_deck(path) for path in files}


def test_the_revision_reaches_the_decks(revised: tuple[Path, dict[str, Revision]]) -> None:
    """What the tests will read: the new and removed questions, the new texts and editions."""
    cards, revisions = revised
    assert MAIN_DECK.name in revisions
    for name, revision in revisions.items():
        shipped = {deck.language: deck for deck in deck_versions(CARDS / name)}
        for deck in deck_versions(cards / name):
            texts = {q.id: q.text for card in deck.cards for q in card.all_questions()}
            before = {
                q.id: q.text for card in shipped[deck.language].cards for q in card.all_questions()
            }
            assert texts[revision.added] == ADDED.get(deck.language, ADDED["en"])
            assert revision.removed in before and revision.removed not in texts
            assert all(texts[ref] != before[ref] for ref in revision.reworded)
            assert (deck.edition.version, deck.edition.date) == (revision.version, revision.date)
            assert revision.version != shipped[deck.language].edition.version


def test_the_tests_read_the_content_they_are_given(tmp_path: Path) -> None:
    code = "from tests.projects import CARDS, MAIN_DECK; print(CARDS); print(MAIN_DECK)"
    env = {**os.environ, "VOORWIE_TEST_CARDS": str(tmp_path)}
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                         capture_output=True, text=True, check=True)  # fmt: skip
    assert run.stdout.splitlines() == [str(tmp_path), str(tmp_path / MAIN_DECK.name)]


def test_the_suite_passes_on_revised_content(revised: tuple[Path, dict[str, Revision]]) -> None:
    cards, _ = revised
    env = {**os.environ, "VOORWIE_TEST_CARDS": str(cards)}
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", QUICK,
               f"--ignore={Path(__file__).relative_to(ROOT)}"]  # fmt: skip
    run = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    summary = run.stdout.strip().splitlines()[-1] if run.stdout.strip() else run.stderr
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    assert " passed" in summary and "failed" not in summary, summary
