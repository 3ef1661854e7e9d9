"""A layout says what each style is in a tagged PDF (layout.yaml `tags:`), and a template may
give one paragraph another role (`<p tag="Artifact">`); a typo in either is named."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.messages import said
from tests.projects import Run


def validated_with(workspace: Path, run_cli: Callable[..., Run], tag: str) -> Run:
    """`validate` with the pocket card layout's tag for questions written as `tag`."""
    path = workspace / "layouts" / "pocket-card" / "layout.yaml"
    path.write_text(path.read_text("utf-8").replace("  question: LI1", tag), "utf-8")
    return run_cli(workspace, "validate")


def test_a_tag_for_a_style_the_layout_lacks_is_named(
    workspace: Path, run_cli: Callable[..., Run]
) -> None:
    run = validated_with(workspace, run_cli, "  questoin: LI1")
    assert run.exit_code == 1
    assert said("tags: there is no style '{style}'", style="questoin") in run.output
    assert said("did you mean '{option}'?", option="question") in run.output


def test_a_role_that_does_not_exist_is_named(workspace: Path, run_cli: Callable[..., Run]) -> None:
    run = validated_with(workspace, run_cli, "  question: LIST")
    assert run.exit_code == 1
    assert "layouts/pocket-card/layout.yaml" in run.output and "LIST" in run.output


def test_a_template_giving_a_paragraph_an_unknown_role_is_named(
    workspace: Path, run_cli: Callable[..., Run]
) -> None:
    path = workspace / "layouts" / "pocket-card" / "_footer.xml.j2"
    path.write_text(path.read_text("utf-8").replace('tag="Artifact"', 'tag="Artefact"'), "utf-8")
    run = run_cli(workspace, "build")
    assert run.exit_code == 1
    assert said("<{tag} tag='{role}'>: there is no such role", tag="p", role="Artefact") \
        in run.output  # fmt: skip
