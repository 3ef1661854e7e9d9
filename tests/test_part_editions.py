"""Each deck and each poster has its own edition, and every output says each part's own edition
where that part is: the HTML page (the deck's checklist beside the poster's continuum), the
digital PDF (the deck's cards, the poster, the other decks) and the fillable checklist.

The content is the shipped one with an edition of its own given to every part, so that a page
showing another part's edition is caught whatever the shipped editions say."""

from __future__ import annotations

import io
from dataclasses import dataclass, replace
from functools import cache
from html.parser import HTMLParser

import pytest
from pypdf import PdfReader

from generator.core.i18n import written_date
from generator.core.markup import plain
from generator.core.project import Project
from generator.impose.maker import Maker
from generator.impose.products import Kind, Product
from generator.model.deck import Deck, Edition
from generator.model.poster import Poster
from generator.validate.content import Content, collect
from generator.validate.settings import Settings
from tests.pdf_tools import squeeze
from tests.projects import CARDS, LAYOUTS, ROOT

POSTER_EDITION = Edition("3.2", "2029-06-30")
DECK_EDITION = Edition("9.4", "2031-03-07")


def other_edition(number: int) -> Edition:
    return Edition(f"6.{number}", f"2033-01-{number + 10:02d}")


@dataclass(frozen=True)
class Parts:
    content: Content
    poster: Poster
    deck: Deck  # the poster's
    others: tuple[Deck, ...]  # the other decks of the poster's language

    @property
    def all(self) -> tuple[Deck | Poster, ...]:
        return (self.deck, self.poster, *self.others)


@cache
def parts() -> Parts:
    """The shipped content, its first poster, deck and every other deck of their language each
    with an edition no other part has."""
    content = collect(Project(CARDS, LAYOUTS, ROOT / "output"))
    poster = replace(min(content.posters.values(), key=lambda p: p.product_id),
                     edition=POSTER_EDITION)  # fmt: skip
    decks = {}
    for number, deck in enumerate(content.decks.values()):
        if deck.id == poster.deck:
            decks[deck.id] = replace(deck, edition=DECK_EDITION)
        elif deck.language == poster.language:
            decks[deck.id] = replace(deck, edition=other_edition(number))
        else:
            decks[deck.id] = deck
    changed = replace(content, decks=decks, posters={**content.posters, poster.product_id: poster})
    deck = decks[poster.deck]
    others = tuple(d for d in decks.values() if d.language == poster.language and d != deck)
    assert others, "the test needs a second deck in the poster's language"
    return Parts(changed, poster, deck, others)


@cache
def digital() -> dict[str, bytes]:
    found = parts()
    maker = Maker(found.content, Settings(LAYOUTS))
    return maker.make(Product(Kind.DIGITAL, found.poster, found.poster.sizes[:1]))


def written(part: Deck | Poster) -> str:
    """The part's edition date as its products print it ("30 juni 2029")."""
    return written_date(part.edition.date, part.language)


def shows(text: str, part: Deck | Poster) -> bool:
    """Whether a text names the part's edition (its version and its date as printed)."""
    squeezed = squeeze(text)
    return squeeze(written(part)) in squeezed and part.edition.version in squeezed


def dates_in(text: str) -> set[str]:
    """The dates of the parts' editions that a text names (ISO or as printed)."""
    squeezed = squeeze(text)
    return {
        p.edition.date
        for p in parts().all
        if squeeze(written(p)) in squeezed or squeeze(p.edition.date) in squeezed
    }


# -- the HTML page ----------------------------------------------------------------------------


class Blocks(HTMLParser):
    """The text of each section, header, footer and paragraph of a page."""

    CONTAINERS = frozenset({"section", "header", "footer", "p"})

    def __init__(self, html: str) -> None:
        super().__init__()
        self.open: list[dict] = []
        self.blocks: list[dict] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.CONTAINERS:
            block = {"tag": tag, **{k: v or "" for k, v in attrs}, "text": ""}
            self.open.append(block)
            self.blocks.append(block)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.CONTAINERS:
            self.open.pop()

    def handle_data(self, data: str) -> None:
        for block in self.open:
            block["text"] += data

    def one(self, tag: str, **attrs: str) -> dict:
        [found] = [b for b in self.blocks if b["tag"] == tag and attrs.items() <= b.items()]
        return found


@pytest.fixture(scope="module")
def page() -> Blocks:
    return Blocks(digital()[f"{parts().poster.product_id}.html"].decode("utf-8"))


def test_the_masthead_names_the_decks_and_the_posters_edition_each_after_its_title(
    page: Blocks,
) -> None:
    header = page.one("header", **{"class": "masthead"})["text"]
    lines = [b["text"] for b in page.blocks if b.get("class") == "meta"]
    for part in (parts().deck, parts().poster):
        assert shows(header, part)
        [line] = [text for text in lines if written(part) in text]
        assert squeeze(line).startswith(squeeze(part.title)), line
        assert dates_in(line) == {part.edition.date}, line


def test_the_checklist_shows_the_decks_edition_and_the_continuum_the_posters(
    page: Blocks,
) -> None:
    found = parts()
    checklist = page.one("section", id="questions")["text"]
    continuum = page.one("section", id="continuum")["text"]
    assert shows(checklist, found.deck)
    assert dates_in(checklist) == {found.deck.edition.date}
    assert shows(continuum, found.poster)
    assert dates_in(continuum) == {found.poster.edition.date}


def test_the_colophon_names_both_editions(page: Blocks) -> None:
    footer = page.one("footer")["text"]
    assert shows(footer, parts().deck) and shows(footer, parts().poster)


# -- the digital PDF --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def reader() -> PdfReader:
    return PdfReader(io.BytesIO(digital()[f"{parts().poster.product_id}_digital.pdf"]))


def part_pages(reader: PdfReader) -> dict[str, range]:
    """Each part's pages, by its title, from the top-level bookmarks."""
    starts = [(item.title, reader.get_destination_page_number(item))
              for item in reader.outline if not isinstance(item, list)]  # fmt: skip
    ends = [start for _, start in starts[1:]] + [len(reader.pages)]
    return {title: range(start, end) for (title, start), end in zip(starts, ends, strict=True)}


def test_every_page_of_the_digital_pdf_shows_only_its_own_parts_edition(
    reader: PdfReader,
) -> None:
    pages = part_pages(reader)
    for part in parts().all:
        texts = [reader.pages[number].extract_text() for number in pages[part.title]]
        assert any(shows(text, part) for text in texts), part.title
        for text in texts:
            assert dates_in(text) <= {part.edition.date}, (part.title, text)


def test_the_digital_pdfs_subject_names_each_part_with_its_own_edition(
    reader: PdfReader,
) -> None:
    subject = reader.metadata.subject
    named = subject.split("; ")
    assert len(named) == len(parts().all)
    for part, text in zip(parts().all, named, strict=True):
        assert squeeze(text).startswith(squeeze(part.title)), text
        assert shows(text, part) and dates_in(text) == {part.edition.date}, text
    assert reader.metadata.author == plain(parts().deck.source)


# -- the fillable checklist -------------------------------------------------------------------


def test_the_checklist_form_shows_its_decks_edition_on_every_page() -> None:
    found = parts()
    maker = Maker(found.content, Settings(LAYOUTS))
    [form] = maker.make(Product(Kind.CHECKLIST, found.deck)).values()
    reader = PdfReader(io.BytesIO(form))
    for page in reader.pages:
        text = page.extract_text()
        assert shows(text, found.deck) and dates_in(text) == {found.deck.edition.date}
    assert found.deck.edition.version in reader.metadata.subject


def test_the_parts_have_editions_of_their_own() -> None:
    """The premise of the tests above: no two parts share an edition's date."""
    dates = [part.edition.date for part in parts().all]
    assert len(set(dates)) == len(dates)
