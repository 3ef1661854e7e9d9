"""The complete digital PDF: cards and poster merged, bookmarked and linked.

Merged with pikepdf (qpdf): it copies pages between files in C++, which keeps a rebuild in
`watch` within its budget where pypdf spent ~40 ms per file re-reading every deck.
"""

from __future__ import annotations

import hashlib
import io
import string
from collections.abc import Callable, Sequence
from typing import Any

import pikepdf
from pikepdf import Array, Dictionary, Name, OutlineItem, Pdf

from generator.core.i18n import written_date
from generator.core.markup import plain
from generator.impose.identity import own_id
from generator.impose.structure import tag_document
from generator.model.deck import Card, Deck
from generator.model.poster import Poster
from generator.render.document import RenderedDocument

LINK_TARGET_QUESTIONS = "questions"
LINK_TARGET_START = "start"


def complete_pdf(
    deck: Deck,
    cards: RenderedDocument,
    poster: Poster,
    sheet: RenderedDocument,
    more: Sequence[tuple[Deck, RenderedDocument]] = (),
) -> bytes:
    """Every card (front, back) and the poster, cut to their trim, as one document; then the
    other decks in the same language, each with its own bookmarks. The document info names
    each part with its own edition (each page prints its own already)."""
    merged = Pdf.new()
    sources = [Pdf.open(io.BytesIO(document.pdf)) for document in (cards, sheet)]
    sources += [Pdf.open(io.BytesIO(rendered.pdf)) for _, rendered in more]
    for source in sources:  # screen documents: drawn without bleed, page = trim
        merged.pages.extend(source.pages)
    _unique_subset_tags(merged)

    poster_index = len(cards.pages)
    with merged.open_outline() as outline:
        outline.root.append(_deck_outline(deck, 0))
        outline.root.append(OutlineItem(plain(poster.title), poster_index))
        start = poster_index + len(sheet.pages)
        for other, rendered in more:
            outline.root.append(_deck_outline(other, start))
            start += len(rendered.pages)

    _link_poster(merged, deck, poster.start_question, sheet, poster_index)

    merged.docinfo[Name.Title] = f"{plain(deck.title)} – {plain(poster.title)}"
    merged.docinfo[Name.Author] = plain(deck.source)  # plain str, as the outline's titles
    parts: list[Deck | Poster] = [deck, poster, *(other for other, _ in more)]
    merged.docinfo[Name.Subject] = "; ".join(edition_of(part) for part in parts)
    merged.docinfo[Name.Creator] = sources[0].docinfo.get(Name.Creator, "")
    merged.Root.PageMode = Name.UseOutlines
    tags = [*cards.tags, *sheet.tags, *(tag for _, rendered in more for tag in rendered.tags)]
    tag_document(merged, tags, str(merged.docinfo[Name.Title]), deck.language)
    own_id(merged)
    buffer = io.BytesIO()
    merged.save(
        buffer,
        deterministic_id=True,
        # Streams stay as ReportLab wrote them: recompressing them cost 15 ms for 6 % fewer bytes.
        compress_streams=False,
        stream_decode_level=pikepdf.StreamDecodeLevel.none,
    )
    for source in sources:
        source.close()
    return buffer.getvalue()


def _link_poster(merged: Pdf, deck: Deck, start: str, sheet: RenderedDocument, first: int) -> None:
    """Make every link the poster's pages draw: to the deck's cards ('questions': the first
    question card; 'start': the card with the start question) or to an anchor on any of the
    poster's pages (the front's steps and intensities link to their explanations on the back).
    """
    cards = {LINK_TARGET_QUESTIONS: _first_card(deck, lambda card: card.kind == "questions")}
    cards[LINK_TARGET_START] = _first_card(
        deck, lambda card: any(q.id == start for q in card.questions)
    )
    anchors = {
        name: (first + number, box)
        for number, page in enumerate(sheet.pages)
        for name, box in page.anchors.items()
    }
    for number, page in enumerate(sheet.pages):
        links = []
        for box, target in page.links:
            destination: list[Any]
            if target in cards:
                destination = [merged.pages[cards[target]].obj, Name.Fit]
            else:
                index, (left, _, _, top) = anchors[target]
                destination = [merged.pages[index].obj, Name.XYZ, left, top, 0]
            link = Dictionary(
                Type=Name.Annot, Subtype=Name.Link, Rect=list(box), Border=[0, 0, 0],
                Dest=Array(destination), F=4,  # printed as shown (the Print flag)
            )  # fmt: skip
            links.append(merged.make_indirect(link))
        if links:
            merged.pages[first + number].obj.Annots = Array(links)


def _first_card(deck: Deck, wanted: Callable[[Card], bool]) -> int:
    """The page of the front of the deck's first card that is wanted (each card: front, back)."""
    return next((2 * i for i, card in enumerate(deck.cards) if wanted(card)), 0)


def edition_of(part: Deck | Poster) -> str:
    """A deck's or poster's edition as its own pages print it: title · Editie 1.1 (date)."""
    edition, label = part.edition, plain(part.labels["edition"])
    date = written_date(edition.date, part.language)
    return f"{plain(part.title)} · {label} {edition.version} ({date})"


def _deck_outline(deck: Deck, first_page: int) -> OutlineItem:
    """The deck's title, with a bookmark per card (at its front) under it.

    Titles go in as plain str: pikepdf writes a str subclass (a translated text) as an array.
    """
    root = OutlineItem(plain(deck.title), first_page)
    for number, card in enumerate(deck.cards):
        title = (
            card.heading
            or (card.level.name if card.level else None)
            or (card.sections[0].heading if card.sections else deck.title)
        )
        root.children.append(OutlineItem(plain(title), first_page + 2 * number))
    return root


def _unique_subset_tags(merged: Pdf) -> None:
    """Give every embedded subset a tag of its own.

    Each ReportLab file names its subsets AAAAAA+…, so two merged files hold different
    subsets under one name, which some viewers mix up. The new tag is derived from the
    subset's bytes: the same subset keeps the same tag, build after build.
    """
    seen: set[tuple[int, int]] = set()
    for page in merged.pages:
        fonts = page.obj.get("/Resources", Dictionary()).get("/Font", Dictionary())
        for _, font in fonts.items():
            if font.objgen in seen or "/FontDescriptor" not in font:
                continue
            seen.add(font.objgen)
            descriptor = font.FontDescriptor
            data = descriptor.FontFile2.read_bytes()
            name = str(font.BaseFont).lstrip("/").split("+", 1)[-1]
            tagged = Name(f"/{_tag(data)}+{name}")
            font.BaseFont = tagged
            descriptor.FontName = tagged


def _tag(data: bytes) -> str:
    digest = hashlib.sha256(data).digest()
    return "".join(string.ascii_uppercase[byte % 26] for byte in digest[:6])
