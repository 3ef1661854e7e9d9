"""The digital companion (HTML): content, escaping, self-containment; then, in a real headless
Chromium, links, click-through, checkboxes, phone width, print, and axe-core's verdict."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from generator.core.errors import Location, UserError
from generator.core.markup import plain
from generator.core.project import Project
from generator.model.deck import Deck
from generator.model.layout import Layout, PageSettings
from generator.model.poster import Poster
from generator.render.html.page import render_html
from generator.validate.content import collect, regional_poster
from generator.validate.layout import load_layout
from generator.validate.settings import HTML_FOLDER, load_page_settings, missing_labels
from tests.projects import CARDS, LAYOUTS, ROOT

PHONE = {"width": 375, "height": 667}
DESKTOP = {"width": 1280, "height": 900}


@dataclass(frozen=True)
class Edition:
    poster: Poster
    deck: Deck
    layout: Layout


@cache
def page_settings() -> PageSettings:
    return load_page_settings(LAYOUTS / HTML_FOLDER)


@cache
def editions() -> dict[str, Edition]:
    """Every poster product (each language, each region) with its deck and layout."""
    content = collect(Project(CARDS, LAYOUTS, ROOT / "output"))
    posters = [*content.posters.values()]
    posters += [regional_poster(content, edition) for edition in content.editions.values()]
    return {
        poster.product_id: Edition(
            poster,
            content.decks[poster.deck],
            load_layout(poster.layout, LAYOUTS, poster.location("poster › layout")),
        )
        for poster in posters
    }


EDITIONS = sorted(editions())


def web_only_labels() -> set[str]:
    """Refs of the poster's labels that only the HTML page prints: tests of the printed
    products leave them out."""
    poster_layout = load_layout("poster", LAYOUTS, Location(LAYOUTS))
    names = load_page_settings(LAYOUTS / HTML_FOLDER).labels
    return {f"labels › {name}" for name in names if name not in poster_layout.labels}


@cache
def page_html(product: str) -> str:
    edition = editions()[product]
    page = render_html(edition.poster, edition.deck, edition.layout, page_settings())
    return page.decode("utf-8")


def squeeze(text: str) -> str:
    """Text as compared: soft hyphens gone, white space folded."""
    return " ".join(text.replace("\u00ad", "").split())


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text outside <style> (unescaped)."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.texts: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        if not self.tags or self.tags[-1][0] != "style":
            self.texts.append(data)

    @property
    def text(self) -> str:
        return squeeze("".join(self.texts))

    def named(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]


# ---- without a browser ---------------------------------------------------------------------


@pytest.mark.parametrize("product", EDITIONS)
def test_same_input_gives_the_same_bytes(product: str) -> None:
    edition = editions()[product]
    first = render_html(edition.poster, edition.deck, edition.layout, page_settings())
    again = render_html(edition.poster, edition.deck, edition.layout, page_settings())
    assert first == again


@pytest.mark.parametrize("product", EDITIONS)
def test_structure_language_and_one_h1(product: str) -> None:
    edition, tags = editions()[product], Tags(page_html(product))
    assert tags.named("html") == [{"lang": edition.poster.language}]
    assert len(tags.named("h1")) == 1
    assert tags.named("main") and tags.named("nav") and tags.named("footer")
    ids = [attrs["id"] for _, attrs in tags.tags if "id" in attrs]
    assert len(ids) == len(set(ids)), "ids must be unique"
    boxes = tags.named("input")
    checked = [q for card in edition.deck.cards for q in card.all_questions() if q.check]
    assert len(boxes) == len(checked), "a checkbox for every question with a tick box"
    labelled = {attrs["for"] for attrs in tags.named("label")}
    assert {box["id"] for box in boxes} <= labelled, "every checkbox has a <label for>"
    assert all(box["type"] == "checkbox" for box in boxes)


@pytest.mark.parametrize("product", EDITIONS)
def test_self_contained(product: str) -> None:
    """Nothing is fetched: no scripts, no external sheets, images or fonts; links are anchors."""
    html = page_html(product)
    tags = Tags(html)
    assert not tags.named("script") and not tags.named("link") and not tags.named("img")
    assert all(attrs["href"].startswith("#") for attrs in tags.named("a"))
    assert not [attrs for _, attrs in tags.tags if "src" in attrs]
    urls = re.findall(r"url\(([^)]*)\)", html)
    assert urls and all(url.startswith("data:font/ttf;base64,") for url in urls)
    assert "@import" not in html


@pytest.mark.parametrize("product", EDITIONS)
def test_every_text_of_the_content_is_on_the_page(product: str) -> None:
    """The deck's and the poster's texts, word for word; labels: those the page prints (the
    contacts' only for a region). The poster's subtitle is left out: it repeats the deck's,
    which the page shows under its h1."""
    edition, page = editions()[product], Tags(page_html(product)).text
    settings = load_page_settings(LAYOUTS / HTML_FOLDER)
    texts = {**edition.deck.texts, **edition.poster.texts}
    wanted = {
        ref: text
        for ref, text in texts.items()
        if not ref.startswith("labels ›") and ref != "poster › subtitle"
    }
    labels = [n for n in settings.labels if edition.poster.region or n != "contacts"]
    wanted |= {f"labels › {name}": edition.poster.labels[name] for name in labels}
    missing = [ref for ref, text in wanted.items() if squeeze(plain(text)) not in page]
    assert not missing


def test_content_is_escaped_not_markup() -> None:
    """'<', '&' and quotes in a question are text; **bold** becomes <strong>."""
    edition = editions()["continuum"]
    tricky = 'Is 3 < 4 & "x" > 2? <script>alert(1)</script> **echt**'
    cards = list(edition.deck.cards)
    card = next(i for i, c in enumerate(cards) if c.level is not None)
    first = replace(cards[card].questions[0], text=tricky)
    cards[card] = replace(cards[card], questions=(first, *cards[card].questions[1:]))
    deck = replace(edition.deck, cards=tuple(cards))
    html = render_html(edition.poster, deck, edition.layout, page_settings()).decode("utf-8")
    assert "Is 3 &lt; 4 &amp; &#34;x&#34; &gt; 2? &lt;script&gt;alert(1)&lt;/script&gt; " in html
    assert "<strong>echt</strong>" in html
    assert not Tags(html).named("script")


def test_a_missing_label_is_named() -> None:
    edition = editions()["continuum"]
    labels = {k: v for k, v in edition.poster.labels.items() if k != "back_to_flowchart"}
    poster = replace(edition.poster, labels=labels)
    (problem,) = missing_labels(poster, page_settings())
    assert "'back_to_flowchart' is missing" in problem.message
    assert problem.location.file.name == "continuum.yaml" and problem.location.line > 0


# ---- in a real browser (the `browser` fixture: tests/browser_setup.py) ----------------------


@dataclass
class Opened:
    product: str
    page: Page
    url: str
    requests: list[str]


def open_page(browser: Browser, product: str, folder: Path, viewport: dict) -> Opened:
    """The page from a file, offline; every request the browser makes is recorded."""
    path = folder / f"{product}.html"
    path.write_text(page_html(product), encoding="utf-8")
    context = browser.new_context(viewport=viewport, offline=True)
    context.set_default_timeout(5000)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(path.as_uri())
    return Opened(product, page, path.as_uri(), requests)


@pytest.fixture(params=EDITIONS)
def opened(request: pytest.FixtureRequest, browser: Browser, tmp_path: Path) -> Iterator[Opened]:
    result = open_page(browser, request.param, tmp_path, DESKTOP)
    yield result
    result.page.context.close()


def test_no_network_requests(opened: Opened) -> None:
    opened.page.wait_for_load_state("networkidle")
    assert opened.requests == [opened.url]
    fonts = opened.page.evaluate(
        "document.fonts.ready.then(() => [...document.fonts].map(f => f.status))"
    )
    assert fonts and set(fonts) == {"loaded"}, "the embedded fonts load"


def test_every_question_is_in_the_page_text(opened: Opened) -> None:
    deck = editions()[opened.product].deck
    text = squeeze(opened.page.inner_text("body"))
    missing = [
        q.id
        for card in deck.cards
        for q in card.all_questions()
        if squeeze(plain(q.text)) not in text
    ]
    assert not missing


def test_every_internal_link_resolves(opened: Opened) -> None:
    broken = opened.page.evaluate(
        """[...document.querySelectorAll('a[href]')]
             .map(a => a.getAttribute('href'))
             .filter(h => !h.startsWith('#') || !document.getElementById(h.slice(1)))"""
    )
    assert broken == []


def _went_to(opened: Opened, href: str) -> None:
    """The address now ends in href (a click navigates a moment later) and its target shows."""
    expect(opened.page).to_have_url(opened.url + href)
    expect(opened.page.locator(href)).to_be_in_viewport()


def test_clicking_a_flowchart_step_goes_to_its_details(opened: Opened) -> None:
    """Anywhere in the box (here: its bottom right corner), not only on its heading."""
    page = opened.page
    steps = page.locator(".flow-step")
    assert steps.count() == 1 + len(editions()[opened.product].poster.flow)
    for i in range(steps.count()):
        step = steps.nth(i)
        href = step.locator("h3 a").get_attribute("href")
        page.evaluate("window.scrollTo(0, 0)")
        step.scroll_into_view_if_needed()
        box = step.bounding_box()
        page.mouse.click(box["x"] + box["width"] - 6, box["y"] + box["height"] - 6)
        _went_to(opened, href)


def test_clicking_an_intensity_goes_to_its_details(opened: Opened) -> None:
    page = opened.page
    poster = editions()[opened.product].poster
    links = page.locator(".scale a")
    assert links.count() == len(poster.intensities)
    for i, intensity in enumerate(poster.intensities):
        link = links.nth(i)
        assert squeeze(plain(intensity.name)) in squeeze(link.inner_text())
        assert str(i + 1) in link.inner_text(), "the step's number, not only its colour"
        link.click()
        _went_to(opened, f"#intensity-{intensity.id}")


def test_checkboxes_toggle_by_click_and_by_space(opened: Opened) -> None:
    page = opened.page
    boxes = page.locator("input[type=checkbox]")
    assert boxes.count() > 0
    for i in range(boxes.count()):
        box = boxes.nth(i)
        label = page.locator(f"label[for='{box.get_attribute('id')}']")
        assert not box.is_checked()
        label.click()
        assert box.is_checked()
        box.focus()
        page.keyboard.press("Space")
        assert not box.is_checked()


def test_skip_link_shows_on_focus_and_focus_is_visible(opened: Opened) -> None:
    page = opened.page
    page.keyboard.press("Tab")
    focused = page.evaluate(
        """(() => { const a = document.activeElement, s = getComputedStyle(a);
             return [a.getAttribute('href'), a.getBoundingClientRect().top, s.outlineStyle]; })()"""
    )
    assert focused[0] == "#main" and focused[1] >= 0
    page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", ""), "focus is visible"


def test_axe_finds_nothing_serious(opened: Opened, axe_script: str) -> None:
    page = opened.page
    page.add_script_tag(content=axe_script)
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    serious = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []


@pytest.mark.parametrize("product", EDITIONS)
def test_phone_width_has_no_horizontal_scroll(
    browser: Browser, tmp_path: Path, product: str
) -> None:
    opened = open_page(browser, product, tmp_path, PHONE)
    try:
        width, client = opened.page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert width <= client
    finally:
        opened.page.context.close()


def test_print_hides_navigation_and_keeps_boxes(browser: Browser, tmp_path: Path) -> None:
    opened = open_page(browser, "continuum", tmp_path, DESKTOP)
    page = opened.page
    try:
        page.emulate_media(media="print")
        assert page.locator("nav.contents").is_hidden()
        assert page.locator(".back").first.is_hidden()
        border = page.evaluate(
            "getComputedStyle(document.querySelector('input[type=checkbox]')).borderTopStyle"
        )
        assert border == "solid", "checkboxes print as boxes"
        assert page.pdf(format="A4")[:5] == b"%PDF-"
    finally:
        page.context.close()


def test_a_mistyped_page_setting_is_named_with_the_key_meant(tmp_path: Path) -> None:
    folder = tmp_path / HTML_FOLDER
    shutil.copytree(LAYOUTS / HTML_FOLDER, folder)
    settings = folder / "page.yaml"
    settings.write_text(settings.read_text("utf-8").replace("\nlabels:", "\nlables:"), "utf-8")
    with pytest.raises(UserError) as caught:
        load_page_settings(folder)
    (problem,) = caught.value.problems
    assert problem.message.endswith("unknown key 'lables'")
    assert problem.hint == "did you mean 'labels'?"
    assert problem.location.file == settings and problem.location.line > 1


# --- Dutch names in the English page -------------------------------------------------------


def test_dutch_names_in_the_english_page_are_marked_dutch(built: dict[str, Path]) -> None:
    """Each name the poster keeps in Dutch is a <span lang="nl"> wherever the English page
    prints it; the Dutch page needs no such mark."""
    content = collect(Project(CARDS, LAYOUTS, Path("output")))
    english = content.posters["continuum-en"]
    assert english.names and english.names_language == "nl"
    page = built["continuum-en.html"].read_text(encoding="utf-8")
    body = page[page.index("<body") :]
    for name in english.names:
        marked = f'<span lang="nl">{name}</span>'
        assert marked in body, name
        bare = re.sub(r"<span lang=\"nl\">.*?</span>", "", body)
        assert not re.search(rf"(?<!\w){re.escape(name)}(?!\w)", bare), f"{name} unmarked"
    dutch = built["continuum.html"].read_text(encoding="utf-8")
    assert "<span lang=" not in dutch


def test_a_name_is_marked_only_as_a_whole_word() -> None:
    from generator.render.html.markup import inline_html

    names = {"PAST": "nl", "Beter Thuis": "nl"}
    assert str(inline_html("the teams PAST and **Beter Thuis**", names)) == (
        'the teams <span lang="nl">PAST</span> and <strong><span lang="nl">Beter Thuis</span>'
        "</strong>"
    )
    assert str(inline_html("PASTA, the PASTE", names)) == "PASTA, the PASTE"
