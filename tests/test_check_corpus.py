"""`check` on PDFs other tools made (tests/fixtures/corpus): each gets a report and an exit
code, never a traceback, and its report groups what repeats."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.messages import said
from tests.projects import ROOT, Run

CORPUS = sorted((ROOT / "tests" / "fixtures" / "corpus").glob("*.pdf"))


def test_the_corpus_is_there() -> None:
    assert len(CORPUS) >= 15


@pytest.mark.parametrize("path", CORPUS, ids=lambda path: path.stem)
def test_each_file_gets_a_report_and_no_traceback(
    path: Path, tmp_path: Path, run_cli: Callable[..., Run]
) -> None:
    run = run_cli(tmp_path, "check", "--profile", "print", str(path))
    assert "Traceback" not in run.output
    assert run.exit_code == 1  # none of them is a print-shop file
    verdict = f"{path.name} (print): {said('FAIL')}"
    assert verdict in run.output
    findings = [line.strip() for line in run.output.splitlines() if line.startswith("  FAIL ")]
    assert findings, run.output
    # Grouped: no problem line is printed twice.
    assert [line for line, count in Counter(findings).items() if count > 1] == []


def test_a_password_protected_file_from_libreoffice_is_named_as_such(
    tmp_path: Path, run_cli: Callable[..., Run]
) -> None:
    [protected] = [path for path in CORPUS if "password" in path.name]
    run = run_cli(tmp_path, "check", str(protected))
    assert f"{said('is protected by a password')} [unreadable]" in run.output
