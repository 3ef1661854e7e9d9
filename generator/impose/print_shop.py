"""The print-shop folder (`output/naar-de-drukker/`), derived by every build from the content
as it is now against each product's latest release: what to send, and nothing else.

- a deck with changed cards: its reprint file, those cards' pages taken from the deck's own
  print file (so each is that card exactly: its number, its edition, its faces);
- a new deck: its whole print file; a new or changed poster: its print files at every size made;
- a deck's one-card (every question on one card), whole, when a text it prints changed;
- the order note, `opdracht.txt` and `opdracht.pdf`: per product its title, edition, files,
  cards by their printed number, paper size and why; when nothing is to be sent, it says so.

Beside the folder, the review report for colleagues (`changes.txt`, `changes.pdf`): every text
that changed, old and new.
"""

from __future__ import annotations

import io
from functools import lru_cache

from pikepdf import Name, Pdf, String

from generator.core.geometry import PAPER_MM, PT_PER_MM
from generator.core.i18n import _, speaking
from generator.impose.pdfx import mark_pdfx, save_marked
from generator.model.layout import FontSpec, ReportSettings
from generator.model.press import PressProfile
from generator.model.product_kinds import KINDS, REPRINT, Kind
from generator.render.one_card import SHOWN_KIND
from generator.render.report_pdf import report_pdf
from generator.revise.changes import (
    CALIBRATION_LABELS,
    DECK_WIDE,
    EDITION,
    ProductChanges,
    card_titles,
    compare_product,
)
from generator.revise.order_note import (
    NOTE_NAME,
    PRINT_SHOP_FOLDER,
    Dispatch,
    Shipment,
    as_text,
    order_blocks,
    review_blocks,
    what_to_print,
)
from generator.revise.releases import LATEST, Product, Release, latest
from generator.validate.content import Content

REVIEW_NAME = "changes"  # changes.txt and changes.pdf, beside the folder
PAPER = {(round(w), round(h)): name for name, (w, h) in PAPER_MM.items()}  # by (short, long)


def dispatch(
    content: Content,
    products: list[Product],
    releases: dict[str, list[Release]],
    outputs: dict[str, bytes],
    font: FontSpec,
    look: ReportSettings,
    press: PressProfile,
) -> Dispatch:
    """The print-shop folder and the review report for these products, whose print files are
    among outputs."""
    report = [
        compare_product(p, latest(releases, p.id), card_titles(content.decks.get(p.id)))
        for p in products
    ]
    sent = [_shipment(changes, outputs, press) for changes in report if changes.to_send]
    shipments = [shipment for shipment, _files in sent]
    language = next((p.language for p in products), "nl")
    date = max((p.edition.date for p in products), default="2000-01-01")
    note = order_blocks(shipments, language, press=press.label, marks=press.mark_names)
    with speaking(language):
        review = review_blocks(report, _(LATEST), language)
        note_title, review_title = note[0][1], review[0][1]
    files = {f"{PRINT_SHOP_FOLDER}/{name}": data for _s, own in sent for name, data in own.items()}
    files |= _note_files(
        f"{PRINT_SHOP_FOLDER}/{NOTE_NAME}", note, note_title, (font, look, press), date
    )
    files |= _note_files(REVIEW_NAME, review, review_title, (font, look, press), date)
    return Dispatch(files, report, shipments, press=press.label)


def out_of_date(
    language: str, font: FontSpec, look: ReportSettings, press: PressProfile, date: str
) -> Dispatch:
    """A build of some products only: the folder keeps just a note that it is out of date."""
    note = order_blocks([], language, partial=True)
    files = _note_files(
        f"{PRINT_SHOP_FOLDER}/{NOTE_NAME}", note, note[0][1], (font, look, press), date
    )
    return Dispatch(files, partial=True)


# The cards' font, the reports' page and styles, and the press the notes are marked PDF/X for.
Look = tuple[FontSpec, ReportSettings, PressProfile]


def _note_files(
    stem: str, blocks: list[tuple[str, str]], title: str, look: Look, date: str
) -> dict[str, bytes]:
    return {
        f"{stem}.txt": as_text(blocks).encode(),
        f"{stem}.pdf": _note_pdf(tuple(blocks), title, look, date),
    }


@lru_cache(maxsize=8)
def _note_pdf(blocks: tuple[tuple[str, str], ...], title: str, look: Look, date: str) -> bytes:
    """The note as a print-shop PDF; a watch session's rebuild reuses an unchanged one."""
    font, settings, press = look
    return mark_pdfx(report_pdf(list(blocks), title, font, settings), date, press)


def _shipment(
    changes: ProductChanges, outputs: dict[str, bytes], press: PressProfile
) -> tuple[Shipment, dict]:
    """What to send of a product, and its files' bytes by name."""
    product = changes.product
    if product.kind == "deck":
        name = KINDS[Kind.DECK].name("print", product.id)
        whole = changes.is_new or len(changes.cards) == changes.count
        numbers = [card.number for card in changes.cards]
        files = ({name: outputs[name]} if whole else
                 {REPRINT.name(product.id): reprint(outputs[name], numbers,
                                                    _subject(changes), press)})  # fmt: skip
    else:
        files = {name: outputs[name] for name in poster_files(product, outputs)}
    one_card = KINDS[Kind.ONE_CARD].name("print", product.id) if product.kind == "deck" else ""
    one_card = one_card if one_card in outputs and one_card_changed(changes) else ""
    if one_card:
        files[one_card] = outputs[one_card]
    papers = dict.fromkeys(paper_of(data) for data in files.values())
    pages = sum(_page_count(data) for data in files.values())
    edition = product.edition
    named = {press.shop_name(name, edition.version, edition.date): data
             for name, data in files.items()}  # fmt: skip
    one_card = press.shop_name(one_card, edition.version, edition.date) if one_card else ""
    return Shipment(changes, tuple(named), ", ".join(papers), pages, one_card), named


def one_card_changed(changes: ProductChanges) -> bool:
    """Whether a deck's one-card prints other texts than at its release: any text of its
    question cards, their order, or a text every card prints (new deck: yes)."""
    if changes.release is None:
        return changes.is_new
    release = changes.release
    was = one_card_texts(release.cards, release.texts)
    return was != one_card_texts(changes.product.cards, changes.product.texts)


def one_card_texts(cards: list[dict], texts: dict[str, str]) -> list[tuple[str, str]]:
    """What a deck's one-card prints: the deck-wide texts, then each question card's texts
    (by card id and key; within a card by key, as its hash has them), cards in order."""
    wide = sorted((key, text) for key, text in texts.items() if key.startswith(DECK_WIDE)
                  and key not in CALIBRATION_LABELS and key != EDITION)  # fmt: skip
    return wide + [
        (f"{card['id']} › {key}", text)
        for card in cards
        if card["kind"] == SHOWN_KIND
        for key, text in sorted(card["texts"].items())
    ]


def poster_files(product: Product, outputs: dict[str, bytes]) -> list[str]:
    """A poster's print files at every size this build made (of each kind: the poster, the
    workshop sheet): 'continuum_A2_print.pdf' beside 'continuum_A3_print.pdf'."""
    stems = {name.rsplit("_", 2)[0] for name in product.print_files}
    return sorted(
        name for name in outputs
        if name.endswith("_print.pdf") and len(parts := name.rsplit("_", 2)) == 3
        and parts[0] in stems
    )  # fmt: skip


def _subject(changes: ProductChanges) -> str:
    with speaking(changes.product.language):
        return _("Reprint of {what}: {title}, edition {edition}, compared with {earlier}").format(
            what=what_to_print(changes),
            title=changes.product.title,
            edition=changes.product.stamp,
            earlier=changes.compared_with,
        )


def reprint(print_file: bytes, numbers: list[int], subject: str, press: PressProfile) -> bytes:
    """The pages of these cards (by printed number: front, back) of a deck's print file."""
    keep = {2 * (number - 1) + side for number in numbers for side in (0, 1)}
    with Pdf.open(io.BytesIO(print_file)) as document:
        for index in reversed(range(len(document.pages))):
            if index not in keep:
                del document.pages[index]
        document.remove_unreferenced_resources()
        document.docinfo[Name.Subject] = String(subject)
        return save_marked(document, press)


def paper_of(pdf: bytes) -> str:
    """The trim of a PDF's first page: 'A6 (105 × 148 mm)'."""
    with Pdf.open(io.BytesIO(pdf)) as document:
        page = document.pages[0]
        box = [float(v) for v in page.obj.get(Name.TrimBox, page.mediabox)]
    width, height = (round(abs(box[2] - box[0]) / PT_PER_MM), round(abs(box[3] - box[1]) /
                     PT_PER_MM))  # fmt: skip
    name = PAPER.get((min(width, height), max(width, height)))
    size = f"{width} × {height} mm"
    return f"{name} ({size})" if name else size


def _page_count(pdf: bytes) -> int:
    with Pdf.open(io.BytesIO(pdf)) as document:
        return len(document.pages)
