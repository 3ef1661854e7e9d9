"""Where the browser tests find chromium and axe-core, and what happens when they cannot: one
skip line that says `make browser`, or on CI a failure that says what to install."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests import browser_setup
from tests.browser_setup import CHROMIUM_NAMES, CHROMIUM_VARIABLE, chromium_path, required
from tests.projects import ROOT

THIS_FILE = str(Path(__file__).relative_to(ROOT))


def program(folder: Path, name: str) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text("#!/bin/sh\n", encoding="utf-8")
    path.chmod(0o755)
    return path


@pytest.mark.parametrize("name", CHROMIUM_NAMES)
def test_chromium_is_found_on_path_by_each_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    found = program(tmp_path / "bin", name)
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    monkeypatch.delenv(CHROMIUM_VARIABLE, raising=False)
    assert chromium_path() == found


def test_the_variable_wins_over_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    program(tmp_path / "bin", "chromium")
    chosen = program(tmp_path / "elsewhere", "my-chrome")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    monkeypatch.setenv(CHROMIUM_VARIABLE, str(chosen))
    assert chromium_path() == chosen


def test_a_variable_naming_no_program_finds_none_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    program(tmp_path / "bin", "chromium")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    monkeypatch.setenv(CHROMIUM_VARIABLE, str(tmp_path / "nothing"))
    assert chromium_path() is None
    hint = browser_setup.parts()["chromium"].install
    assert f"{CHROMIUM_VARIABLE}={tmp_path / 'nothing'} is not a program" in hint


@pytest.mark.parametrize(
    ("ci", "require", "expected"),
    [(None, None, False), ("false", None, False), ("0", "", False),
     ("true", None, True), ("1", None, True), (None, "1", True)],
)  # fmt: skip
def test_ci_or_make_browser_requires_the_browser(
    monkeypatch: pytest.MonkeyPatch, ci: str | None, require: str | None, expected: bool
) -> None:
    for name, value in (("CI", ci), (browser_setup.REQUIRE_VARIABLE, require)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    assert required() is expected


# ---- in a browser: the small file that the tests below run without one -----------------------


def test_chromium_opens_a_page(browser: Browser) -> None:
    page = browser.new_page()
    try:
        page.set_content("<title>voorwie</title><p>gevonden</p>")
        assert page.title() == "voorwie" and page.inner_text("p") == "gevonden"
    finally:
        page.close()


def test_axe_core_runs_in_a_page(browser: Browser, axe_script: str) -> None:
    page = browser.new_page()
    try:
        page.set_content('<html lang="nl"><title>t</title><main><h1>Kop</h1></main></html>')
        page.add_script_tag(content=axe_script)
        assert page.evaluate("axe.run(document).then(r => r.violations.length)") == 0
    finally:
        page.close()


# ---- without apt-get, npm or a browser -------------------------------------------------------


def run_without_tools(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    """Run in an environment whose PATH holds nothing (no apt-get, npm, make or chromium), with
    no axe-core and no CI: as a fresh clone on a machine with only Python."""
    empty = tmp_path / "empty-bin"
    empty.mkdir(exist_ok=True)
    names = ("CI", CHROMIUM_VARIABLE, browser_setup.REQUIRE_VARIABLE)
    clean = {k: v for k, v in os.environ.items() if k not in names and k != "PATH"}
    clean |= {"PATH": str(empty), browser_setup.AXE_VARIABLE: str(tmp_path / "no-axe.js"), **env}
    return subprocess.run(args, cwd=ROOT, env=clean, capture_output=True, text=True)


def browser_tests(tmp_path: Path, **env: str) -> subprocess.CompletedProcess:
    return run_without_tools(
        tmp_path, sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", "browser",
        THIS_FILE, **env,
    )  # fmt: skip


@pytest.mark.slow
def test_without_a_browser_its_tests_are_skipped_under_one_line(tmp_path: Path) -> None:
    run = browser_tests(tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr
    skips = [line for line in run.stdout.splitlines() if line.startswith("SKIPPED")]
    assert len(skips) == 1, run.stdout
    assert skips[0].startswith("SKIPPED [2] tests/browser_setup.py:")
    assert "no chromium and no axe-core" in skips[0] and "`make browser`" in skips[0]
    assert run.stdout.splitlines()[-1].startswith("2 skipped")


@pytest.mark.slow
def test_on_ci_a_missing_browser_fails_and_says_what_to_install(tmp_path: Path) -> None:
    run = browser_tests(tmp_path, CI="true")
    assert run.returncode == 1
    assert run.stdout.splitlines()[-1].startswith("2 errors") or ", 2 errors" in run.stdout
    assert "chromium is missing: install chromium (Debian: apt-get install chromium" in run.stdout
    assert "axe-core is missing: install it with `npm ci --prefix tests/browser`" in run.stdout


@pytest.mark.slow
def test_make_test_needs_no_apt_get_npm_or_browser(tmp_path: Path) -> None:
    """What `make test` would run, from a Makefile: none of these tools."""
    make = "/usr/bin/make"
    if not Path(make).exists():
        pytest.skip("no make at /usr/bin/make")
    run = run_without_tools(tmp_path, make, "--dry-run", "--always-make", "test")
    assert run.returncode == 0, run.stderr
    assert not [w for w in ("apt-get", "npm", "chromium") if w in run.stdout], run.stdout
