"""What the browser tests need, found once for every test file: a chromium and axe-core.

A pytest plugin (tests/conftest.py loads it). A test that opens a browser asks for the `browser`
fixture (a playwright Browser), or calls `need(...)` first. When something is missing the test
is skipped, all of them under one line of the summary that says to run `make browser`; on CI
(`CI=true`) or with VOORWIE_REQUIRE_BROWSER=1 (`make browser`), it fails instead, naming what to
install. `python -m tests.browser_setup` prints the chromium found, or exits 1.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_VARIABLE = "VOORWIE_CHROMIUM"
AXE_VARIABLE = "VOORWIE_AXE"
REQUIRE_VARIABLE = "VOORWIE_REQUIRE_BROWSER"
# The names chromium and Chrome have on PATH (Debian, Ubuntu, Google's packages).
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
AXE = ROOT / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
LAUNCH_ARGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
)  # fmt: skip
FALSE = {"", "0", "false", "no", "off"}


@dataclass(frozen=True)
class Part:
    name: str
    found: Path | None
    install: str  # how to get it, in a sentence


def chromium_path() -> Path | None:
    """The chromium to drive: VOORWIE_CHROMIUM if set, else the first of CHROMIUM_NAMES on
    PATH; None if there is none (or the variable names no program)."""
    named = os.environ.get(CHROMIUM_VARIABLE)
    if named:
        path = Path(named).expanduser()
        return path if path.is_file() and os.access(path, os.X_OK) else None
    found = next(filter(None, map(shutil.which, CHROMIUM_NAMES)), None)
    return Path(found) if found else None


def axe_path() -> Path | None:
    """axe-core's script: VOORWIE_AXE if set, else where `npm ci` in tests/browser puts it."""
    path = Path(os.environ.get(AXE_VARIABLE) or AXE)
    return path if path.is_file() else None


def required() -> bool:
    """Whether a missing part fails the tests instead of skipping them: on CI, and in
    `make browser`."""
    return any(
        os.environ.get(name, "").strip().lower() not in FALSE for name in ("CI", REQUIRE_VARIABLE)
    )


def parts() -> dict[str, Part]:
    named = os.environ.get(CHROMIUM_VARIABLE)
    chromium_hint = (
        f"{CHROMIUM_VARIABLE}={named} is not a program: point it at a chromium or Chrome"
        if named
        else f"install chromium (Debian: apt-get install chromium; `make browser` does so as "
        f"root), or set {CHROMIUM_VARIABLE} to a chromium or Chrome; looked on PATH for "
        + ", ".join(CHROMIUM_NAMES)
    )
    axe_hint = "install it with `npm ci --prefix tests/browser` (`make browser` does so)"
    return {
        "chromium": Part("chromium", chromium_path(), chromium_hint),
        "axe-core": Part("axe-core", axe_path(), axe_hint),
    }


def skip_reason() -> str:
    """One reason for every skipped browser test, so that the summary folds them into one line:
    what is missing of all the parts, not only of those the test needs."""
    missing = [part.name for part in parts().values() if part.found is None]
    return (
        f"browser tests skipped (no {' and no '.join(missing)}): "
        "`make browser` installs what they need and runs them"
    )


def need(*names: str) -> None:
    """Skip the calling test (or fail it, when required) unless these parts are there; a
    failure names every part that is missing, so that one run says all there is to install."""
    found = parts()
    if all(found[name].found for name in names):
        return
    if required():
        lines = [f"{p.name} is missing: {p.install}" for p in found.values() if p.found is None]
        pytest.fail("the browser tests are required here; " + "; ".join(lines), pytrace=False)
    pytest.skip(skip_reason())


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> pytest.TestReport:
    """A skip for want of a browser is reported at need(), not at each test: pytest's summary
    folds equal places and reasons into one line."""
    report = yield
    if report.skipped and isinstance(report.longrepr, tuple):
        reason = report.longrepr[2].removeprefix("Skipped: ")
        if reason == skip_reason():
            report.longrepr = (__file__, need.__code__.co_firstlineno, reason)
    return report


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """A headless chromium, driven by playwright (which downloads no browser of its own)."""
    need("chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(chromium_path()), args=list(LAUNCH_ARGS)
        )
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def axe_script() -> str:
    """axe-core's script, to inject into a page."""
    need("chromium", "axe-core")
    return axe_path().read_text(encoding="utf-8")


def main() -> int:
    found = chromium_path()
    if found is None:
        print(parts()["chromium"].install, file=sys.stderr)
        return 1
    print(found)
    return 0


if __name__ == "__main__":
    sys.exit(main())
