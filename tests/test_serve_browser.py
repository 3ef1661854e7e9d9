"""`serve` in chromium (playwright): fronts beside backs, large enough to read; a saved edit
appears without a reload; an error appears above the last good pictures, and goes once fixed."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.projects import CopyProject, project_in
from tests.serving import FIXTURE, Serving, replace_in, serving

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 900}
MIN_FACE_PX = 600
QUESTION = "Wie zit er vandaag aan tafel?"
EDITED = "Wie schuift er vandaag aan?"
SHOWN_WITHIN_S = 5.0  # generous for a loaded machine; `make bench` measures the real time


@pytest.fixture
def desk(
    tmp_path: Path, copy_project: CopyProject, browser: Browser
) -> Iterator[tuple[Serving, Page, Path]]:
    """The fixture deck served and open in a page; the deck's file to edit."""
    project = project_in(copy_project(tmp_path, cards=[FIXTURE], output=False))
    with serving(project) as served:
        context = browser.new_context(viewport=DESKTOP)
        context.set_default_timeout(10_000)
        page = context.new_page()
        page.goto(f"http://127.0.0.1:{served.port}/")
        yield served, page, project.cards / FIXTURE.name
        context.close()


def test_each_front_is_beside_its_back_and_large_enough_to_read(desk) -> None:
    _, page, _ = desk
    rows = page.locator(".product .row")
    expect(rows).to_have_count(2)
    for row in rows.all():
        front, back = (img.bounding_box() for img in row.locator("img").all())
        assert front and back
        assert back["x"] > front["x"] + front["width"] and abs(back["y"] - front["y"]) < 1
        assert min(front["height"], back["height"]) >= MIN_FACE_PX
    loaded = page.eval_on_selector_all("img", "imgs => imgs.map(i => i.complete && i.naturalWidth)")
    assert len(loaded) == 4 and all(loaded)


def test_a_save_shows_without_a_reload_an_error_shows_and_its_fix_recovers(desk) -> None:
    served, page, deck = desk
    front = page.locator(".product .row").nth(1).locator("img").first
    expect(front).to_have_attribute("alt", re.compile(re.escape(QUESTION)))  # its words
    old_src = front.get_attribute("src")
    page.evaluate("window.notReloaded = true")

    replace_in(deck, QUESTION, EDITED)
    start = time.monotonic()
    edited = page.locator(f"img[alt*='{EDITED}']")
    expect(edited).to_be_visible(timeout=SHOWN_WITHIN_S * 1000)
    assert time.monotonic() - start < SHOWN_WITHIN_S
    new_src = edited.get_attribute("src")
    assert new_src != old_src  # a new picture, with other pixels
    assert served.get(new_src)[2] != served.get(old_src)[2]
    expect(page.locator(f"img[alt*='{QUESTION}']")).to_have_count(0)
    assert page.evaluate("window.notReloaded") is True

    line = deck.read_text(encoding="utf-8").split("\n").index("  title: Proefdeck voor de pagina")
    replace_in(deck, "  title: Proefdeck", "  titel: Proefdeck")
    problems = page.locator(".problems")
    expect(problems).to_be_visible()
    expect(problems.locator(".where")).to_contain_text(f"{FIXTURE.name}, line {line + 1}")
    expect(problems.locator(".message")).to_contain_text("titel")
    expect(problems.locator(".fix")).to_contain_text("title")
    pictures = page.locator(".product img")
    expect(pictures).to_have_count(4)  # the last good pictures stay, below the problems
    assert problems.bounding_box()["y"] < pictures.first.bounding_box()["y"]
    expect(page.locator(f"img[alt*='{EDITED}']")).to_be_visible()

    replace_in(deck, "  titel: Proefdeck", "  title: Proefdeck")
    expect(problems).to_have_count(0)
    expect(page.locator(".status")).to_contain_text("Up to date")
    expect(pictures).to_have_count(4)
    assert page.evaluate("window.notReloaded") is True


def test_the_page_says_when_serve_has_stopped(
    tmp_path: Path, copy_project: CopyProject, browser: Browser
) -> None:
    with serving(project_in(copy_project(tmp_path, cards=[FIXTURE], output=False))) as served:
        page = browser.new_page()
        page.goto(f"http://127.0.0.1:{served.port}/")
        expect(page.locator("#lost")).to_be_hidden()
    expect(page.locator("#lost")).to_be_visible()
    page.context.close()
