"""A printer profile's file-name pattern names the files in the print-shop folder (only
there: output/ keeps the product names), and the order note lists them by those names."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.model.press import FILE_NAME_FIELDS
from tests.messages import said
from tests.projects import Run, deck_versions

PROFILE = "standard: PDF/X-1a:2003\ncondition: FOGRA39\nink_limit_pct: 300\n"


def with_pattern(workspace: Path, pattern: str) -> None:
    (workspace / "layouts" / "printers" / "named.yaml").write_text(
        PROFILE + f"file_name: '{pattern}'\n", encoding="utf-8"
    )


def test_the_pattern_names_the_files_the_print_shop_gets(
    workspace: Path, run_cli: Callable[..., Run]
) -> None:
    with_pattern(workspace, "{date}_v{version}_{name}")
    assert run_cli(workspace, "build", "--printer", "named").exit_code == 0
    deck = deck_versions(workspace / "cards" / "voor-wie-doen-we-wat.yaml")[0]
    folder = workspace / "output" / "naar-de-drukker"
    expected = f"{deck.edition.date}_v{deck.edition.version}_voor-wie-doen-we-wat_print.pdf"
    assert (folder / expected).is_file()
    assert not (folder / "voor-wie-doen-we-wat_print.pdf").exists()
    assert (workspace / "output" / "voor-wie-doen-we-wat_print.pdf").is_file()  # output/ as ever
    note = (folder / "opdracht.txt").read_text("utf-8")
    assert expected in note
    sent = [p.name for p in folder.glob("*.pdf") if p.name != "opdracht.pdf"]
    assert sent and all(name in note for name in sent)


@pytest.mark.parametrize("pattern", ["{date}", "{nam}_{date}", "x{name}{edition}", "x_{name"])
def test_a_pattern_without_name_or_with_an_unknown_field_is_refused(
    pattern: str, workspace: Path, run_cli: Callable[..., Run]
) -> None:
    with_pattern(workspace, pattern)
    run = run_cli(workspace, "build", "--printer", "named")
    assert run.exit_code == 1
    assert "Traceback" not in run.output
    assert "layouts/printers/named.yaml:4" in run.output
    message = (
        "the file-name pattern must contain the field name and may contain only the fields {fields}"
    )
    assert said(message, fields=", ".join(FILE_NAME_FIELDS)) in run.output
    assert not list((workspace / "output").iterdir())


def test_a_pattern_that_would_make_a_folder_is_refused(
    workspace: Path, run_cli: Callable[..., Run]
) -> None:
    with_pattern(workspace, "../{name}")
    run = run_cli(workspace, "build", "--printer", "named")
    assert run.exit_code == 1
    assert "layouts/printers/named.yaml:4" in run.output
    assert not list((workspace / "output").iterdir())
