"""Printer profiles (layouts/printers/NAME.yaml): the print files are made for the profile a
build names, recorded where the print shop reads it, and `check --printer` holds a file to
the same profile. Read back with pypdf."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader

from generator.preflight.document import read_pdf
from generator.preflight.rules import preflight
from generator.validate.press import load_press, press_names
from tests.messages import said
from tests.projects import LAYOUTS, Run

SHIPPED = ("default", "online", "uncoated-x4", "coated-marks", "die-cut")
PRINT = "voor-wie-doen-we-wat_print.pdf"


def rules_failed(path: Path, press: str) -> set[str]:
    findings = preflight(read_pdf(path), "print", load_press(press, LAYOUTS))
    return {finding.rule for finding in findings if not finding.ok}


def test_the_shipped_profiles_are_there() -> None:
    assert set(SHIPPED) <= set(press_names(LAYOUTS))


@pytest.mark.slow
@pytest.mark.parametrize("press", SHIPPED)
def test_each_shipped_profile_builds_print_files_that_pass_its_check(
    press: str, workspace: Path, run_cli: Callable[..., Run]
) -> None:
    run = run_cli(workspace, "build", "--printer", press, "--check")
    assert run.exit_code == 0, run.output
    profile = load_press(press, LAYOUTS)
    prints = sorted((workspace / "output").glob("*_print.pdf"))
    assert len(prints) >= 5
    for path in prints:
        reader = PdfReader(path)
        assert reader.metadata["/GTS_PDFXVersion"] == profile.standard, path.name
        assert reader.pdf_header == f"%PDF-{profile.rules.pdf_version}", path.name
        [intent] = reader.trailer["/Root"]["/OutputIntents"]
        assert intent.get_object()["/OutputConditionIdentifier"] == profile.condition
        assert rules_failed(path, press) == set(), path.name
    note = (workspace / "output" / "naar-de-drukker" / "opdracht.txt").read_text("utf-8")
    with_profile = [line for line in note.splitlines() if profile.label in line]
    assert with_profile, note  # the order note says which profile the files are made for
    assert profile.label in (workspace / "output" / "manifest.json").read_text("utf-8")


def x4_file(built: dict[str, Path], folder: Path) -> Path:
    """Our print file, marked again for the uncoated PDF/X-4 profile."""
    from generator.impose.pdfx import mark_pdfx

    path = folder / "x4.pdf"
    press = load_press("uncoated-x4", LAYOUTS)
    path.write_bytes(mark_pdfx(built[PRINT].read_bytes(), "2026-01-01", press))
    return path


def test_a_pdf_x4_file_names_itself_in_xmp_as_in_its_info(
    built: dict[str, Path], tmp_path: Path
) -> None:
    path = x4_file(built, tmp_path)
    xmp = PdfReader(path).xmp_metadata
    assert xmp is not None
    names = xmp.rdf_root.getElementsByTagNameNS(
        "http://www.npes.org/pdfx/ns/id/", "GTS_PDFXVersion"
    )
    assert [node.firstChild.data for node in names] == ["PDF/X-4"]
    assert xmp.dc_title == {"x-default": PdfReader(path).metadata.title}
    assert rules_failed(path, "uncoated-x4") == set()


def test_an_x4_file_without_its_xmp_fails_the_xmp_rule(
    built: dict[str, Path], tmp_path: Path
) -> None:
    path = x4_file(built, tmp_path)
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        del pdf.Root.Metadata
        pdf.save(path)
    assert rules_failed(path, "uncoated-x4") == {"xmp"}


def test_a_file_checked_with_another_profile_names_what_differs(
    built: dict[str, Path], tmp_path: Path, run_cli: Callable[..., Run]
) -> None:
    assert rules_failed(built[PRINT], "default") == set()
    assert {"pdfx-version", "output-intent"} <= rules_failed(built[PRINT], "uncoated-x4")
    run = run_cli(tmp_path, "check", "--printer", "uncoated-x4", str(built[PRINT]))
    assert run.exit_code == 1
    made_for = said(
        "the file is made for {found}, the printer profile prints {wanted}",
        found="FOGRA39",
        wanted="FOGRA52",
    )
    assert made_for in run.output


def test_an_unknown_profile_is_named_with_the_likely_one(
    workspace: Path, run_cli: Callable[..., Run]
) -> None:
    run = run_cli(workspace, "build", "--printer", "uncoated-x5")
    assert run.exit_code == 1
    assert "Traceback" not in run.output
    assert said("there is no printer profile '{name}'", name="uncoated-x5") in run.output
    assert said("did you mean '{option}'?", option="uncoated-x4") in run.output
    assert not list((workspace / "output").iterdir())


def test_a_profile_name_cannot_reach_outside_the_printers_folder(
    workspace: Path, run_cli: Callable[..., Run]
) -> None:
    (workspace / "layouts" / "outside.yaml").write_text(
        "standard: PDF/X-1a:2003\ncondition: FOGRA39\nink_limit_pct: 300\n", encoding="utf-8"
    )
    run = run_cli(workspace, "build", "--printer", "../outside")
    assert run.exit_code == 1
    assert said("there is no printer profile '{name}'", name="../outside") in run.output
    assert not list((workspace / "output").iterdir())


def test_a_projects_own_profile_is_used_and_checked(
    workspace: Path, run_cli: Callable[..., Run]
) -> None:
    own = workspace / "layouts" / "printers" / "house.yaml"
    own.write_text(
        "standard: PDF/X-1a:2003\ncondition: FOGRA47\nink_limit_pct: 300\n", encoding="utf-8"
    )
    assert run_cli(workspace, "build", "--printer", "house").exit_code == 0
    reader = PdfReader(workspace / "output" / PRINT)
    [intent] = reader.trailer["/Root"]["/OutputIntents"]
    assert intent.get_object()["/OutputConditionIdentifier"] == "FOGRA47"

    own.write_text(own.read_text(encoding="utf-8").replace("condition:", "conditon:"))
    run = run_cli(workspace, "build", "--printer", "house")
    assert run.exit_code == 1
    assert "layouts/printers/house.yaml:2" in run.output
    assert said("did you mean '{option}'?", option="condition") in run.output
