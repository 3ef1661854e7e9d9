"""The English edition keeps the intensities' names for the intensities (cards/glossary/)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.core.errors import UserError
from generator.validate.glossary import read_glossaries
from tests.editing import load, save


def _english_description(workspace: Path, intensity: int) -> tuple[Path, dict, dict]:
    path = workspace / "cards" / "continuum.yaml"
    document = load(path)
    return path, document, document["intensities"][intensity]["description"]


def test_a_reserved_word_where_the_dutch_has_none_is_an_error(
    workspace: Path, run_cli: Callable
) -> None:
    path, document, description = _english_description(workspace, 0)
    description.update(nl="Professionals stemmen af.", en="Professionals coordinate.")
    save(path, document)
    run = run_cli(workspace, "validate")
    assert run.exit_code == 1
    assert "cards/continuum.yaml:" in run.output and "(en): 'coordinate' is reserved" in run.output
    assert "fix: say it with an ordinary word (such as alignment" in run.output
    assert "Traceback" not in run.output


def test_a_reserved_word_where_the_dutch_says_the_term_is_fine(
    workspace: Path, run_cli: Callable
) -> None:
    path, document, description = _english_description(workspace, 0)
    description.update(nl="Coördinatie kost tijd.", en="Coordination takes time.")
    save(path, document)
    assert run_cli(workspace, "validate").exit_code == 0


def test_the_shipped_glossary_reserves_the_five_intensities() -> None:
    terms = read_glossaries(Path(__file__).parent.parent / "cards")["en"]
    reserved = {word for term in terms for word in term.reserved}
    # the names of the continuum's steps in its literature (Ahgren & Axelsson, 2005)
    assert {"segregation", "linkage", "coordination", "cooperation", "integration"} <= reserved


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("woorden: []\n", "this glossary has no list of terms"),
        ("terms:\n  - en: [coordination]\n", "this term is not two lists of words"),
        ("terms:\n  - en: coordination\n    nl: [coördinatie]\n", "not two lists of words"),
    ],
)
def test_a_mistake_in_the_glossary_is_named(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "glossary").mkdir()
    (tmp_path / "glossary" / "en.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(UserError) as raised:
        read_glossaries(tmp_path)
    [problem] = raised.value.problems
    assert message in problem.message and problem.hint and problem.location.line > 0
