"""Installable anywhere: the layouts come with the package (a project's own layouts/ wins),
`voorwie new` writes a starter project that builds, and an installed wheel, away from this
repository, turns that project into PDFs."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
from collections.abc import Callable
from pathlib import Path

import jsonschema_rs
import pytest
import yaml
from pypdf import PdfReader

from generator.cli import new_project
from generator.cli.new_project import SCHEMA_LINE, STARTER, with_schema_line
from generator.core import project
from generator.core.i18n import use
from generator.core.project import default_layouts, shipped_layouts
from tests.projects import LAYOUTS, ROOT, CopyProject

REFERENCE_DECK = ROOT / "tests" / "reference" / "proef.yaml"


@pytest.fixture
def starter(tmp_path: Path, run_cli: Callable) -> Path:
    """A new project made by `voorwie new`, in a folder of its own."""
    run = run_cli(tmp_path, "new", "mijn-project")
    assert run.exit_code == 0, run.output
    return tmp_path / "mijn-project"


@pytest.fixture
def own_project(tmp_path: Path, copy_project: CopyProject) -> Path:
    """A folder of one's own with a small deck in cards/ and no layouts."""
    return copy_project(tmp_path, cards=[REFERENCE_DECK], layouts=False, output=False)


def yaml_files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.yaml"))


def schema_of(path: Path) -> Path:
    """The file its first line names as its schema."""
    match = SCHEMA_LINE.match(path.read_text(encoding="utf-8").splitlines()[0])
    assert match, f"{path.name} does not name its schema on its first line"
    return (path.parent / match["path"]).resolve()


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


# voorwie new


def test_new_refuses_a_folder_that_is_not_empty(tmp_path: Path, run_cli: Callable) -> None:
    folder = tmp_path / "kaarten"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    run = run_cli(tmp_path, "new", "kaarten")
    assert run.exit_code == 1
    assert "kaarten: this folder is not empty" in run.output
    assert "such as kaarten-2" in run.output
    assert [path.name for path in folder.iterdir()] == ["notes.txt"]


def test_new_says_so_in_dutch(tmp_path: Path, run_cli: Callable) -> None:
    (tmp_path / "kaarten").mkdir()
    (tmp_path / "kaarten" / "x.yaml").write_text("", encoding="utf-8")
    try:
        run = run_cli(tmp_path, "--lang", "nl", "new", "kaarten")
    finally:
        use(None)
    assert run.exit_code == 1
    assert "deze map is niet leeg" in run.output


def test_new_refuses_a_file(tmp_path: Path, run_cli: Callable) -> None:
    (tmp_path / "kaarten").write_text("mine", encoding="utf-8")
    run = run_cli(tmp_path, "new", "kaarten")
    assert run.exit_code == 1
    assert "there is a file with this name" in run.output
    assert (tmp_path / "kaarten").read_text(encoding="utf-8") == "mine"


def test_new_fills_an_empty_folder(tmp_path: Path, run_cli: Callable) -> None:
    (tmp_path / "leeg").mkdir()
    run = run_cli(tmp_path, "new", "leeg")
    assert run.exit_code == 0, run.output
    assert "next: cd leeg, then voorwie build" in run.output
    assert (tmp_path / "leeg" / "README.md").is_file()


def test_the_starter_s_schema_lines_resolve_and_accept_its_files(starter: Path) -> None:
    files = yaml_files(starter)
    assert {path.name for path in files} == {path.name for path in yaml_files(STARTER)}
    for path in files:
        schema = schema_of(path)
        assert schema.parent == (starter / "schemas").resolve(), path.name
        validator = jsonschema_rs.validator_for(json.loads(schema.read_text(encoding="utf-8")))
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert [error.message for error in validator.iter_errors(document)] == [], path.name


def test_the_starter_s_schema_lines_resolve_in_this_repository_too() -> None:
    assert yaml_files(STARTER)
    for path in yaml_files(STARTER):
        assert schema_of(path).is_file(), path.name


def test_a_schema_line_is_rewritten_and_line_ends_are_kept(tmp_path: Path) -> None:
    line = b"# yaml-language-server: $schema=../../validate/schemas/deck.schema.json"
    target, schemas = tmp_path / "p" / "cards" / "a.yaml", tmp_path / "p" / "schemas"
    rewritten = with_schema_line(line + b"\r\ndeck: {}\r\n", target, schemas)
    assert (
        rewritten == b"# yaml-language-server: $schema=../schemas/deck.schema.json\r\ndeck: {}\r\n"
    )
    assert (
        with_schema_line(b"# a comment\ndeck: {}\n", target, schemas) == b"# a comment\ndeck: {}\n"
    )


def test_the_starter_builds_into_pdfs(starter: Path, run_cli: Callable) -> None:
    run = run_cli(starter, "build", "--check")
    assert run.exit_code == 0, run.output
    deck = yaml.safe_load((starter / "cards" / "mijn-kaarten.yaml").read_text(encoding="utf-8"))
    output = starter / "output"
    cards = PdfReader(output / f"{deck['deck']['id']}_print.pdf")
    assert len(cards.pages) == 2 * len(deck["cards"])  # a front and a back per card
    assert deck["deck"]["title"]["nl"] in cards.pages[0].extract_text()
    for language in ("", "-en"):
        for pdf in output.glob(f"*{language}_*.pdf"):
            assert PdfReader(pdf).pages, pdf.name


def test_the_starter_readme_names_only_files_a_build_makes(
    starter: Path, run_cli: Callable
) -> None:
    assert run_cli(starter, "build", "-q").exit_code == 0
    readme = (starter / "README.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`([\w-]+\.(?:pdf|html))`", readme))
    assert len(named) >= 8
    assert named - {path.name for path in (starter / "output").rglob("*")} == set()


def test_new_writes_the_files_starter_files_lists(tmp_path: Path) -> None:
    written = new_project.create(tmp_path / "p")
    assert written == sorted(new_project.starter_files(tmp_path / "p"))
    assert all(path.is_file() for path in written)


# An installed wheel, away from this repository.

NOT_SOURCE = (".git", ".venv*", "*.egg-info", "node_modules", "__pycache__")
# What a build writes at the top of the repository only: generator/build/ is source.
NOT_SOURCE_AT_TOP = {"output", "build"}


def not_source(folder: str, names: list[str]) -> set[str]:
    """What a copy of the repository leaves out (shutil.copytree's ignore)."""
    ignored = shutil.ignore_patterns(*NOT_SOURCE)(folder, names)
    return ignored | (NOT_SOURCE_AT_TOP & set(names) if Path(folder) == ROOT else set())


@pytest.mark.slow
def test_an_installed_wheel_builds_a_new_project(tmp_path: Path) -> None:
    """sdist → wheel → a fresh venv (the project's dependencies on its path, the repository not):
    `voorwie new` and `voorwie build` from a folder outside the repository."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    env.update(LANG="C.UTF-8", LC_ALL="C.UTF-8")

    def run(*command: str | Path, cwd: Path = tmp_path) -> str:
        done = subprocess.run([str(part) for part in command], cwd=cwd, env=env,
                              capture_output=True, text=True)  # fmt: skip
        assert done.returncode == 0, f"{command}\n{done.stdout}\n{done.stderr}"
        return done.stdout

    source, dist = tmp_path / "source", tmp_path / "dist"  # a copy: builds write into the tree
    shutil.copytree(ROOT, source, ignore=not_source)
    sdist_command = f"from setuptools import build_meta; build_meta.build_sdist({str(dist)!r})"
    run(sys.executable, "-c", sdist_command, cwd=source)
    [sdist] = dist.glob("*.tar.gz")
    run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", dist, sdist)
    [wheel] = dist.glob("*.whl")

    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv)
    python = venv / ("Scripts" if os.name == "nt" else "bin") / "python"
    run(sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-deps",
        "--no-index", wheel)  # fmt: skip
    site = Path(
        run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])").strip()
    )
    # The dependencies from this project's venv: a path line only, its .pth files (the
    # editable install of this repository among them) are not run.
    (site / "dependencies.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8"
    )

    where = run(
        python, "-c", "import generator.core.project as p; print(p.__file__, p.shipped_layouts())"
    )
    module, layouts = where.split()
    assert Path(module).is_relative_to(venv) and Path(layouts).is_relative_to(venv), where
    assert (Path(layouts) / "pocket-card" / "layout.yaml").is_file()

    voorwie = python.parent / "voorwie"
    run(voorwie, "new", "mijn-project")
    folder = tmp_path / "mijn-project"
    run(voorwie, "build", cwd=folder)
    pdfs = sorted((folder / "output").glob("*.pdf"))
    assert {path.name for path in pdfs} >= {"mijn-kaarten_print.pdf", "mijn-poster_A3_print.pdf"}
    assert all(PdfReader(path).pages for path in pdfs)
