"""Editors get completion and underlines from the schemas; `validate` checks without drawing."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import jsonschema_rs
import pytest
import yaml

from tests.projects import CARDS, LAYOUTS

YAML_FILES = sorted([*CARDS.rglob("*.yaml"), *LAYOUTS.glob("*/*.yaml")])
SETTINGS_SCHEMAS = {
    "page.yaml": "html-page",
    "form.yaml": "checklist-form",
    "report.yaml": "report",
}
SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda path: path.name)
def test_every_file_names_a_schema_that_accepts_it(path: Path) -> None:
    """As an editor sees it: the first line names the schema, and the file passes it."""
    match = SCHEMA_LINE.match(path.read_text(encoding="utf-8").splitlines()[0])
    assert match, f"{path.name} does not name its schema on its first line"
    schema_path = (path.parent / match.group(1)).resolve()
    folders = {"editions": "edition", "hyphenation": "hyphenation", "glossary": "glossary",
               "printers": "printer"}  # fmt: skip
    kind = folders.get(path.parent.name)
    kind = kind or ("layout" if path.name == "layout.yaml" else SETTINGS_SCHEMAS.get(path.name))
    # Dates stay text, as for our loader and an editor's schema check.
    document = yaml.load(path.read_text(encoding="utf-8"), Loader=_TextDates)
    kind = kind or ("poster" if "poster" in document else "deck")
    assert schema_path.name == f"{kind}.schema.json"
    schema = yaml.safe_load(schema_path.read_text(encoding="utf-8"))
    errors = [error.message for error in jsonschema_rs.validator_for(schema).iter_errors(document)]
    assert errors == []


class _TextDates(yaml.SafeLoader):
    pass


_TextDates.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def test_validate_passes_the_shipped_content(run_cli: Callable) -> None:
    run = run_cli(CARDS.parent, "validate")
    assert run.exit_code == 0 and "no problems" in run.output


def test_validate_gives_the_same_message_as_build(workspace: Path, run_cli: Callable) -> None:
    path = workspace / "cards" / "editions" / "midden-holland.yaml"
    path.write_text(path.read_text().replace("  poster: continuum", "  poster: kontinuum"))
    checked, built = run_cli(workspace, "validate"), run_cli(workspace, "build")
    assert checked.exit_code == built.exit_code == 1
    assert "no poster with id 'kontinuum'" in checked.output
    # build also notes text it set smaller while drawing the other products; the errors agree,
    # and the summaries differ: validate writes nothing, build changed nothing
    errors = [line for line in built.output.splitlines() if not line.startswith("note:")]
    assert checked.output.splitlines()[:-1] == errors[:-1]
    assert checked.output.endswith("1 problem; fix it before building.\n")
    assert built.output.endswith("1 problem; no output was changed.\n")
    assert list((workspace / "output").iterdir()) == []
