"""The parts of `serve` without a server: request paths, the page's problems and language, the
change feed, the listing, and pictures drawn only for pages that changed, known by what they
draw."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.build.pipeline import build
from generator.core import i18n
from generator.core.errors import Location, Problem
from generator.desk.serve.feed import Feed, Version
from generator.desk.serve.fingerprint import page_fingerprints
from generator.desk.serve.listing import listing
from generator.desk.serve.page import page_html, products_html
from generator.desk.serve.pictures import Pictures
from generator.desk.serve.server import request_parts
from tests.projects import CopyProject, project_in
from tests.serving import DECK_ID, FIXTURE, replace_in

QUESTION = "Wie zit er vandaag aan tafel?"
PRINT_FILE = f"{DECK_ID}_print.pdf"


@pytest.mark.parametrize(
    ("target", "parts"),
    [
        ("/", [""]),
        ("/?x=1", [""]),
        ("/output/a.pdf", ["output", "a.pdf"]),
        ("/output/a%20b.pdf#page=2", ["output", "a b.pdf"]),
        ("/output/../a", None),
        ("/output/%2e%2e/a", None),
        ("/output/.", None),
        ("/output//a", None),
        ("/output/a%5cb", None),
        ("/output/a:b", None),
        ("/output/%ff", None),
        ("output/a", None),
        ("*", None),
    ],
)
def test_request_parts(target: str, parts: list[str] | None) -> None:
    assert request_parts(target) == parts


@pytest.fixture
def dutch() -> Iterator[None]:
    i18n.use("nl")
    yield
    i18n.use(None)


def test_a_problem_shows_its_file_line_message_and_fix_escaped(dutch: None) -> None:
    problem = Problem(Location(Path("cards/proef.yaml"), 7), "<b>unknown</b> key", "use 'title'")
    html = products_html([], Pictures(), [problem], set(), 12.0)
    assert "<code>cards/proef.yaml</code>, regel 7" in html
    assert "&lt;b&gt;unknown&lt;/b&gt; key" in html and "<b>" not in html
    assert "oplossing:</strong> use &#39;title&#39;" in html
    assert 'role="alert"' in html


def test_the_page_speaks_the_language_asked_for(dutch: None) -> None:
    html = page_html("nl", Version(3, "<p>products</p>", "run"))
    assert '<html lang="nl">' in html and "Alle kaarten en posters" in html
    assert 'data-version="run-3"' in html and "<p>products</p>" in html


def test_the_feed_waits_for_a_newer_version_and_lets_go_when_closed() -> None:
    feed = Feed()
    first = feed.publish("one")
    assert feed.wait(0, timeout=1) == first
    assert feed.wait(first.number, timeout=0.05) == first  # nothing newer: the same again
    feed.close()
    assert feed.wait(first.number, timeout=1) is None


def test_nothing_is_listed_before_a_first_build(tmp_path: Path) -> None:
    assert listing(tmp_path) == []


def test_only_pages_that_changed_are_drawn_again(
    tmp_path: Path, copy_project: CopyProject, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.desk.serve import pictures as module

    project = project_in(copy_project(tmp_path, cards=[FIXTURE], output=False))
    deck = project.cards / FIXTURE.name
    build(project)
    pdfs = sorted(project.output.glob("*.pdf"))
    drawn: list[tuple[str, int]] = []
    draw = module.page_images

    def counted(pdf: Path, *args, only, **options):
        drawn.extend((pdf.name, index) for index in only)
        return draw(pdf, *args, only=only, **options)

    monkeypatch.setattr(module, "page_images", counted)
    store = Pictures()
    first = store.refresh(pdfs)
    assert len(drawn) == len(first) == sum(len(store.of(pdf).pages) for pdf in pdfs)
    drawn.clear()
    assert store.refresh(pdfs) == set() and drawn == []  # nothing changed: nothing read
    printed = project.output / PRINT_FILE
    printed.write_bytes(printed.read_bytes())  # written again, the same: read, not drawn
    assert store.refresh(pdfs) == set() and drawn == []

    replace_in(deck, QUESTION, "Wie schuift er vandaag aan?")
    build(project)
    fresh = store.refresh(pdfs)
    assert (PRINT_FILE, 2) in drawn  # the front of the edited card: page 3
    assert (PRINT_FILE, 0) not in drawn and (PRINT_FILE, 1) not in drawn  # the cover: not
    assert fresh == {name for pdf in pdfs for name in names(store, pdf)} - set(first)
    assert "Wie schuift er vandaag aan?" in store.of(printed).pages[2].text


def names(store: Pictures, pdf: Path) -> list[str]:
    return [picture.name for picture in store.of(pdf).pages]


def test_a_page_is_known_by_what_it_draws_not_by_its_object_numbers(
    tmp_path: Path, copy_project: CopyProject
) -> None:
    import pikepdf

    project = project_in(copy_project(tmp_path, cards=[FIXTURE], output=False))
    build(project)
    original = project.output / PRINT_FILE
    renumbered = tmp_path / "renumbered.pdf"
    with pikepdf.open(original) as document:
        document.Root.Unused = document.make_indirect(pikepdf.Dictionary(First=1))
        document.save(renumbered, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    fingerprints = page_fingerprints(original)
    assert page_fingerprints(renumbered) == fingerprints
    assert len(set(fingerprints)) == len(fingerprints)  # every face differs from the others


INHERITABLE = ("/MediaBox", "/Rotate", "/Resources")


@pytest.mark.parametrize("key", INHERITABLE)
def test_what_a_page_inherits_from_the_page_tree_counts(tmp_path: Path, key: str) -> None:
    import pikepdf

    values = {
        "/MediaBox": ([0, 0, 100, 100], [0, 0, 100, 200]),
        "/Rotate": (0, 90),
        "/Resources": (pikepdf.Dictionary(), pikepdf.Dictionary(ProcSet=[pikepdf.Name.PDF])),
    }
    fingerprints = []
    for number, value in enumerate(values[key]):
        document = pikepdf.new()
        document.add_blank_page(page_size=(100, 100))
        page = document.pages[0].obj
        for inheritable in INHERITABLE:
            if inheritable in page:
                del page[inheritable]
        document.Root.Pages.MediaBox = [0, 0, 100, 100]
        document.Root.Pages[key] = value
        document.save(tmp_path / f"{number}.pdf")
        fingerprints.append(page_fingerprints(tmp_path / f"{number}.pdf")[0])
    assert fingerprints[0] != fingerprints[1]


def test_decks_come_first_with_their_cards_and_a_poster_before_its_variants(
    tmp_path: Path,
) -> None:
    import json

    outputs = {
        "continuum-workshop_A3_print.pdf": "poster continuum",
        "continuum.html": "poster continuum",
        "continuum_A3_print.pdf": "poster continuum",
        "proef_a4-duplex.pdf": "deck proef",
        "proef_print.pdf": "deck proef",
    }
    deck = {"title": "Proef", "language": "nl", "cards": [{"id": "a"}, {"id": "b"}]}
    manifest = {"decks": {"proef": deck}, "outputs": outputs}
    (tmp_path / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    deck_item, poster = listing(tmp_path)
    assert deck_item.is_deck and deck_item.cards == ["a", "b"] and deck_item.title == "Proef"
    assert [p.name for p in deck_item.pictured] == ["proef_print.pdf"]
    assert [p.name for p in poster.pictured] == [
        "continuum_A3_print.pdf",
        "continuum-workshop_A3_print.pdf",
    ]
    assert not poster.is_deck and len(poster.files) == 3
