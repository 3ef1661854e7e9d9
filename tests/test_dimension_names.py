"""A misspelt dimension is named where it is written and where it is read, with the likely
name: in layout.yaml it would otherwise be ignored, in a template fail only when drawn."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import yaml

from tests.messages import nothing_changed, problem, said
from tests.projects import Run

LAYOUT = "layouts/pocket-card/layout.yaml"
TEMPLATE = "layouts/pocket-card/notes.xml.j2"


def line_with(path: Path, fragment: str) -> int:
    """The first line of the file holding fragment, counted from 1."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if fragment in line)


def a_dimension_read_by(template: Path) -> str:
    """A dimension the template reads as dim.NAME, and only once in layout.yaml's folder."""
    names = re.findall(r"\bdim\.(\w+)", template.read_text(encoding="utf-8"))
    assert names, f"{template} reads no dimension"
    return names[0]


def dimensions_of(layout: Path) -> dict[str, float]:
    return yaml.safe_load(layout.read_text(encoding="utf-8"))["dimensions"]


def test_a_renamed_dimension_is_named_in_the_layout_and_in_each_template_reading_it(
    workspace: Path, run_cli: Callable[..., Run]
) -> None:
    layout = workspace / LAYOUT
    name = a_dimension_read_by(workspace / TEMPLATE)
    typo = name + "x"
    text = layout.read_text(encoding="utf-8")
    assert len(re.findall(rf"^  {name}:", text, flags=re.M)) == 1
    layout.write_text(re.sub(rf"^  {name}:", f"  {typo}:", text, flags=re.M), encoding="utf-8")

    result = run_cli(workspace, "build")

    assert result.exit_code == 1
    assert "Traceback" not in result.output
    written = problem(
        f"{LAYOUT}:{line_with(layout, f'  {typo}:')}",
        said(
            "dimension '{name}' is read by no template in {folder}/",
            name=typo,
            folder="layouts/pocket-card",
        ),
        said("did you mean '{option}'?", option=name),
    )
    assert written in result.output
    template = workspace / TEMPLATE
    read = problem(
        f"{TEMPLATE}:{line_with(template, f'dim.{name}')}",
        said(
            "the template reads {dim}.{name}, which {file} does not define",
            dim="dim",
            name=name,
            file="layout.yaml",
        ),
        said("did you mean '{option}'?", option=typo),
    )
    assert read in result.output
    readers = [
        path
        for path in (workspace / "layouts/pocket-card").glob("*.j2")
        if re.search(rf"\bdim\.{name}\b", path.read_text(encoding="utf-8"))
    ]
    assert result.output.count(f"dim.{name},") == len(readers)
    assert not list((workspace / "output").iterdir())  # nothing was written


def test_a_template_reading_an_undefined_dimension_is_named_before_anything_is_drawn(
    workspace: Path, run_cli: Callable[..., Run]
) -> None:
    template = workspace / TEMPLATE
    existing = dimensions_of(workspace / LAYOUT)
    typo = "qqq_nowhere"  # close to no dimension a layout has
    assert typo not in existing
    template.write_text(
        template.read_text(encoding="utf-8") + f"{{# {{{{ dim.{typo} }}}} #}}\n"
        f"{{% if false %}}{{{{ dim.{typo} }}}}{{% endif %}}\n"
        f"{{% if false %}}{{{{ dim['{typo}_keyed'] }}}}{{% endif %}}\n",
        encoding="utf-8",
    )  # read where no build would draw it

    result = run_cli(workspace, "build")

    assert result.exit_code == 1
    assert (
        problem(
            f"{TEMPLATE}:{line_with(template, '{% if false %}')}",
            said(
                "the template reads {dim}.{name}, which {file} does not define",
                dim="dim",
                name=typo,
                file="layout.yaml",
            ),
            said("add it under dimensions: in {file}", file="layout.yaml"),
        )
        in result.output
    )
    keyed = said(
        "the template reads {dim}.{name}, which {file} does not define",
        dim="dim",
        name=f"{typo}_keyed",
        file="layout.yaml",
    )
    assert keyed in result.output  # written as dim['name']
    assert nothing_changed(2) in result.output


def test_a_dimension_no_template_reads_is_named_with_what_to_do(
    workspace: Path, run_cli: Callable[..., Run]
) -> None:
    layout = workspace / LAYOUT
    layout.write_text(
        layout.read_text(encoding="utf-8").replace(
            "dimensions:\n", "dimensions:\n  spare_room: 4\n", 1
        ),
        encoding="utf-8",
    )

    result = run_cli(workspace, "build")

    assert result.exit_code == 1
    assert (
        problem(
            f"{LAYOUT}:{line_with(layout, 'spare_room:')}",
            said(
                "dimension '{name}' is read by no template in {folder}/",
                name="spare_room",
                folder="layouts/pocket-card",
            ),
            said("remove it, or read it in a template"),
        )
        in result.output
    )
    assert nothing_changed(1) in result.output
