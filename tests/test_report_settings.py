"""The order note and the review report take their page, margins and styles from
layouts/report/report.yaml: a designer changes them there, and a mistake there is named."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pdfplumber
import yaml
from pypdf import PdfReader

from tests.messages import nothing_changed, problem, said
from tests.projects import Run

REPORT = "layouts/report/report.yaml"
MM = 72 / 25.4


def report_of(workspace: Path) -> dict:
    return yaml.safe_load((workspace / REPORT).read_text(encoding="utf-8"))


def test_the_reports_follow_their_settings(workspace: Path, run_cli: Callable[..., Run]) -> None:
    """A larger title and wider margins in report.yaml: both reports set the title at that
    size, and every word stands inside the new margin."""
    settings = report_of(workspace)
    settings["styles"]["title"]["size"] = title_size = settings["styles"]["title"]["size"] + 5
    settings["styles"]["title"]["leading_pt"] = title_size * 1.2
    settings["margin_mm"] = margin = settings["margin_mm"] + 7
    path = workspace / REPORT
    header = path.read_text(encoding="utf-8").splitlines()[0]
    path.write_text(header + "\n" + yaml.safe_dump(settings), encoding="utf-8")

    assert run_cli(workspace, "build").exit_code == 0

    for name in ("changes.pdf", "naar-de-drukker/opdracht.pdf"):
        with pdfplumber.open(workspace / "output" / name) as pdf:
            page = pdf.pages[0]
            trim = [float(v) for v in PdfReader(workspace / "output" / name).pages[0].trimbox]
            sizes = [round(char["size"], 1) for char in page.chars]
            assert max(sizes) == round(title_size, 1), name
            inside = (trim[0] + margin * MM - 0.5, trim[2] - margin * MM + 0.5)
            assert all(inside[0] <= c["x0"] and c["x1"] <= inside[1] for c in page.chars), name


def test_a_misspelt_key_in_the_report_settings_is_named_and_nothing_is_written(
    workspace: Path, run_cli: Callable[..., Run]
) -> None:
    path = workspace / REPORT
    text = path.read_text(encoding="utf-8")
    assert len(re.findall(r"^margin_mm:", text, flags=re.M)) == 1
    path.write_text(re.sub(r"^margin_mm:", "margn_mm:", text, flags=re.M), encoding="utf-8")

    result = run_cli(workspace, "build")

    assert result.exit_code == 1
    assert "Traceback" not in result.output
    line = next(n for n, t in enumerate(path.read_text().splitlines(), 1) if t.startswith("margn"))
    assert (
        problem(
            f"{REPORT}:{line}",
            said("{item}: unknown key '{key}'", item=said("the file"), key="margn_mm"),
            said("did you mean '{option}'?", option="margin_mm"),
        )
        in result.output
    )
    assert nothing_changed(1) in result.output
    assert not list((workspace / "output").iterdir())


def test_missing_report_settings_say_which_file_to_restore(
    workspace: Path, run_cli: Callable[..., Run]
) -> None:
    (workspace / REPORT).unlink()

    result = run_cli(workspace, "build")

    assert result.exit_code == 1
    assert (
        problem(
            REPORT,
            said("the reports' settings are missing"),
            said("restore {file}", file="report.yaml"),
        )
        in result.output
    )
