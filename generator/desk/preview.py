"""PNG previews of built PDFs: a thumbnail of every card and poster, one contact sheet with all
cards, and (for any given PDF) every page."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from generator.core.errors import Location, fail
from generator.core.i18n import _
from generator.model.product_kinds import KINDS, PRINT, Kind
from generator.revise.manifest import MANIFEST_NAME
from generator.write.atomic import write_atomically

if TYPE_CHECKING:
    from PIL import Image

# pypdfium2 and Pillow are imported where they are used: the CLI starts without them.

DEFAULT_DPI = 100
THUMBNAIL_DPI = 40  # the cards on the contact sheet
READABLE_PX = 600  # a card face's preview is at least this high, unless a resolution is asked
GUTTER_PX = 12
LABEL_PT = 18
BACKGROUND = "#8a8f98"
LABEL_COLOR = "#ffffff"
ALL_CARDS = "all-cards.png"


def page_images(
    pdf: Path,
    dpi: int = DEFAULT_DPI,
    trimmed: bool = False,
    max_side: int | None = None,
    only: Iterable[int] | None = None,
    min_height: int | None = None,
) -> list[Image.Image]:
    """Every page of a PDF as an image; trimmed: cut to the TrimBox (no bleed); max_side: a
    page whose longer side would have more pixels is drawn smaller (a poster beside cards);
    only: just the pages at these indexes (from 0), in this order; min_height: a page that
    would have fewer pixels from top to bottom is drawn larger (a card to read)."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        images = []
        for page in document if only is None else (document[index] for index in only):
            media = page.get_mediabox()
            box, crop = media, (0.0, 0.0, 0.0, 0.0)
            if trimmed:
                box = page.get_trimbox()
                crop = (box[0] - media[0], box[1] - media[1],
                        media[2] - box[2], media[3] - box[3])  # fmt: skip
            scale = dpi / 72
            if min_height:
                scale = max(scale, (min_height + 2) / (box[3] - box[1]))  # cropping rounds
            if max_side:
                scale = min(scale, max_side / max(box[2] - box[0], box[3] - box[1]))
            images.append(page.render(scale=scale, crop=crop).to_pil().convert("RGB"))
        return images
    finally:
        document.close()


@dataclass(frozen=True)
class PdfText:
    title: str  # the document's Title, or ''
    pages: list[str]  # the words on each page, as one line


def pdf_text(pdf: Path) -> PdfText:
    """The title and the words of every page, read from the PDF's text layer."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        title = document.get_metadata_value("Title") or ""
        pages = [_one_line(page.get_textpage().get_text_range()) for page in document]
        return PdfText(title, pages)
    finally:
        document.close()


def _one_line(text: str) -> str:
    """Lines joined by spaces; a word hyphenated at a line's end joined again."""
    text = re.sub(r"(\w)[-\u00ad\x02]\r?\n(?=[a-zà-ÿ])", r"\1", text)
    return " ".join(text.split())


def png(image: Image.Image, fast: bool = False) -> bytes:
    """The image as PNG; fast: less compressed, several times quicker (a picture per save)."""
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", **({"compress_level": 1} if fast else {"optimize": True}))
    return buffer.getvalue()


def contact_sheet(rows: Iterable[tuple[str | None, list[Image.Image]]]) -> Image.Image:
    """Rows of images on a grey ground, each row under its label (if any)."""
    from PIL import Image, ImageDraw, ImageFont

    rows = list(rows)
    font = ImageFont.load_default(size=LABEL_PT)
    label_height = LABEL_PT + GUTTER_PX
    width = max(sum(image.width + GUTTER_PX for image in images) for _label, images in rows)
    height = sum(
        (label_height if label else 0) + max(image.height for image in images) + GUTTER_PX
        for label, images in rows
    )
    sheet = Image.new("RGB", (width + GUTTER_PX, height + GUTTER_PX), BACKGROUND)
    draw = ImageDraw.Draw(sheet)
    y = GUTTER_PX
    for label, images in rows:
        if label:
            draw.text((GUTTER_PX, y), label, fill=LABEL_COLOR, font=font)
            y += label_height
        x = GUTTER_PX
        for image in images:
            sheet.paste(image, (x, y))
            x += image.width + GUTTER_PX
        y += max(image.height for image in images) + GUTTER_PX
    return sheet


def write_previews(pdfs: list[Path], folder: Path, dpi: int = DEFAULT_DPI) -> list[Path]:
    """One PNG per page of each PDF and a contact sheet per PDF (fronts above backs)."""
    outputs = {}
    for pdf in pdfs:
        pages = page_images(pdf, dpi)
        for number, image in enumerate(pages, start=1):
            outputs[folder / f"{pdf.stem}-{number:02d}.png"] = png(image)
        fronts, backs = pages[0::2], pages[1::2]
        outputs[folder / f"{pdf.stem}-contact.png"] = png(
            contact_sheet([(None, fronts), *([(None, backs)] if backs else [])])
        )
    write_atomically(outputs)
    return sorted(outputs)


@dataclass(frozen=True)
class DeckPages:
    title: str
    card_ids: list[str]
    pdf: Path
    id: str


def built_decks(output: Path) -> list[DeckPages]:
    """The decks of the last build, from its manifest, with their print-shop files."""
    path = output / MANIFEST_NAME
    if not path.is_file():
        raise fail(Location(path), _("there is no build to preview"),
                   _("run `make` (or build) first"))  # fmt: skip
    decks = json.loads(path.read_text(encoding="utf-8"))["decks"]
    pages = []
    for deck_id, deck in sorted(decks.items()):
        pdf = output / KINDS[Kind.DECK].name("print", deck_id)
        if pdf.is_file():
            title = f"{deck['title']} ({deck['language']})"
            pages.append(DeckPages(title, [card["id"] for card in deck["cards"]], pdf, deck_id))
    return pages


def write_product_previews(output: Path, folder: Path, dpi: int | None = None) -> list[Path]:
    """A picture of each card's front and back (at least READABLE_PX high) and of each poster,
    cut to the trim, and one contact sheet with all cards, small: per deck its fronts, and
    below them its backs. dpi: every picture at this resolution instead."""
    outputs: dict[Path, bytes] = {}
    rows: list[tuple[str | None, list[Image.Image]]] = []
    decks = built_decks(output)
    for deck in decks:
        pages = page_images(deck.pdf, dpi or THUMBNAIL_DPI, trimmed=True,
                            min_height=None if dpi else READABLE_PX)  # fmt: skip
        deck_id = deck.id
        for number, card_id in enumerate(deck.card_ids):
            sides = pages[2 * number : 2 * number + 2]
            for side, image in zip(("front", "back"), sides, strict=True):
                name = f"{number + 1:02d}-{card_id}-{side}.png"
                outputs[folder / deck_id / name] = png(image)
        if not dpi:  # small on the contact sheet
            size = trim_pixels(deck.pdf, THUMBNAIL_DPI)
            pages = [page.resize(size) for page in pages]
        rows += [(deck.title, pages[0::2]), (None, pages[1::2])]
        one_card = output / KINDS[Kind.ONE_CARD].name("print", deck_id)
        if one_card.is_file():  # both its sides, as a card's
            sides = page_images(one_card, dpi or DEFAULT_DPI, trimmed=True,
                                min_height=None if dpi else READABLE_PX)  # fmt: skip
            for side, image in zip(("front", "back"), sides, strict=True):
                outputs[folder / deck_id / f"one-card-{side}.png"] = png(image)
    if rows:
        outputs[folder / ALL_CARDS] = png(contact_sheet(rows))
    deck_files = {deck.pdf for deck in decks}
    deck_files |= {output / KINDS[Kind.ONE_CARD].name("print", deck.id) for deck in decks}
    for pdf in sorted(output.glob(f"*{PRINT.suffix}")):
        if pdf not in deck_files:
            poster = page_images(pdf, dpi or THUMBNAIL_DPI, True)[0]
            outputs[folder / "posters" / f"{pdf.stem}.png"] = png(poster)
    write_atomically(outputs)
    return sorted(outputs)


def trim_pixels(pdf: Path, dpi: int) -> tuple[int, int]:
    """The size of a PDF's first page, cut to its trim, drawn at dpi."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        box = document[0].get_trimbox()
    finally:
        document.close()
    return round((box[2] - box[0]) * dpi / 72), round((box[3] - box[1]) * dpi / 72)
