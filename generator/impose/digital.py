"""The complete digital PDF: cards and poster merged with pypdf, bookmarked and linked."""

from __future__ import annotations

import hashlib
import io
import string
from collections.abc import Sequence

from pypdf import PdfReader, PdfWriter
from pypdf.annotations import Link
from pypdf.generic import DictionaryObject, Fit, NameObject, TextStringObject

from generator.model import Deck
from generator.poster_model import Poster
from generator.render.document import RenderedDocument

LINK_TARGET_QUESTIONS = "questions"


def complete_pdf(
    deck: Deck,
    cards: RenderedDocument,
    poster: Poster,
    sheet: RenderedDocument,
    more: Sequence[tuple[Deck, RenderedDocument]] = (),
) -> bytes:
    """Every card (front, back) and the poster, cut to their trim, as one document; then the
    other decks in the same language, each with its own bookmarks."""
    writer = PdfWriter()
    for document in (cards, sheet, *(rendered for _, rendered in more)):
        for page in PdfReader(io.BytesIO(document.pdf)).pages:
            # A screen shows the trimmed card: one box, no bleed.
            page.mediabox = page.cropbox = page.bleedbox = page.trimbox
            writer.add_page(page)
    _unique_subset_tags(writer)

    _bookmark_deck(writer, deck, 0)
    poster_index = len(cards.pages)
    writer.add_outline_item(title=poster.title, page_number=poster_index)
    start = poster_index + len(sheet.pages)
    for other, rendered in more:
        _bookmark_deck(writer, other, start)
        start += len(rendered.pages)

    first_questions = next(
        (2 * i for i, card in enumerate(deck.cards) if card.kind == "questions"), 0
    )
    poster_page = sheet.pages[0]
    for box, target in poster_page.links:
        if target == LINK_TARGET_QUESTIONS:
            fit, page_index = Fit.fit(), first_questions
        else:
            left, _, _, top = poster_page.anchors[target]
            fit, page_index = Fit.xyz(left, top), poster_index
        writer.add_annotation(poster_index, Link(rect=box, target_page_index=page_index, fit=fit))

    writer.add_metadata({
        "/Title": f"{deck.title} – {poster.title}",
        "/Author": deck.source,
        "/Subject": f"{deck.title}: cards and poster, edition {deck.edition.version}",
    })  # fmt: skip
    writer.root_object[NameObject("/Lang")] = TextStringObject(deck.language)
    writer.page_mode = "/UseOutlines"
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _bookmark_deck(writer: PdfWriter, deck: Deck, first_page: int) -> None:
    """The deck's title, with a bookmark per card (at its front) under it."""
    root = writer.add_outline_item(title=deck.title, page_number=first_page)
    for number, card in enumerate(deck.cards):
        title = (
            card.heading
            or (card.level.name if card.level else None)
            or (card.sections[0].heading if card.sections else deck.title)
        )
        writer.add_outline_item(title=title, page_number=first_page + 2 * number, parent=root)


def _unique_subset_tags(writer: PdfWriter) -> None:
    """Give every embedded subset a tag of its own.

    Each ReportLab file names its subsets AAAAAA+…, so two merged files hold different
    subsets under one name, which some viewers mix up. The new tag is derived from the
    subset's bytes: the same subset keeps the same tag, build after build.
    """
    seen: set[int] = set()
    for page in writer.pages:
        fonts = page.get("/Resources", DictionaryObject()).get("/Font", DictionaryObject())
        for reference in fonts.values():
            font = reference.get_object()
            if id(font) in seen or "/FontDescriptor" not in font:
                continue
            seen.add(id(font))
            descriptor = font["/FontDescriptor"].get_object()
            data = descriptor["/FontFile2"].get_object().get_data()
            name = str(font["/BaseFont"]).lstrip("/").split("+", 1)[-1]
            tagged = NameObject(f"/{_tag(data)}+{name}")
            font[NameObject("/BaseFont")] = tagged
            descriptor[NameObject("/FontName")] = tagged


def _tag(data: bytes) -> str:
    digest = hashlib.sha256(data).digest()
    return "".join(string.ascii_uppercase[byte % 26] for byte in digest[:6])
