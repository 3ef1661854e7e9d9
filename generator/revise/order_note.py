"""What the print-shop folder says, and the review report: blocks of text in the reader's
words (titles, printed card numbers, kinds of text), each with its role, for the text file, the
terminal and the PDF alike.

The order note is for the print shop: per product its title, edition, file, cards, paper and,
in short, why. The review report is for colleagues: every text that changed, old and new.
Each product's part is in that product's language.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from generator.core.i18n import N_, _, ngettext, speaking
from generator.model.item_names import listed
from generator.revise.changes import CardChange, ProductChanges, Reason, TextChange

PRINT_SHOP_FOLDER = "naar-de-drukker"
NOTE_NAME = "opdracht"  # opdracht.txt and opdracht.pdf
# A block: (role, text); roles: title, product, line, item, text.
Block = tuple[str, str]
KIND_TITLES = {"deck": N_("Card deck “{title}”"), "poster": N_("Poster “{title}”")}


@dataclass(frozen=True)
class Shipment:
    """What goes to the printer for one product."""

    changes: ProductChanges
    files: tuple[str, ...]  # in the print-shop folder
    paper: str  # "A6 (105 × 148 mm)"; a poster: every size
    pages: int
    one_card: str = ""  # a deck's one-card print file among the files, when it goes too


@dataclass
class Dispatch:
    """A build's revision files by their path in the output folder, and its report."""

    files: dict[str, bytes] = field(default_factory=dict)
    report: list[ProductChanges] = field(default_factory=list)
    shipments: list[Shipment] = field(default_factory=list)
    partial: bool = False  # only some products were built: the folder says it is out of date
    press: str = ""  # the printer profile the print files are made for, as the note says it


def order_blocks(
    shipments: list[Shipment],
    language: str,
    partial: bool = False,
    press: str = "",
    marks: Sequence[str] = (),
) -> list[Block]:
    """The order note; partial: the last build made only some products, so the folder holds
    nothing to send until everything is built again; press: the printer profile the print
    files are made for ('default (PDF/X-1a:2003, FOGRA39, 300 %)'), marks: the printer's
    marks on their pages, untranslated ('crop marks')."""
    with speaking(language):
        blocks: list[Block] = [("title", _("Order for the print shop: this is no print file"))]
        if partial:
            blocks.append(("line", _("This folder is out of date: the last build made only some "
                                     "products. Build everything (make, or voorwie build) "
                                     "before sending anything.")))  # fmt: skip
            return blocks
        if not shipments:
            blocks.append(("line", _("Nothing to send: every deck and poster is as it was "
                                     "last released.")))  # fmt: skip
            return blocks
        files = sum(len(s.files) for s in shipments)
        please = ngettext(
            "This folder holds {count} file to print, as described below.",
            "This folder holds {count} files to print, as described below.",
            files,
        )
        blocks.append(("line", please.format(count=files)))
        if press:
            blocks.append(("line", _("Made for: {press}").format(press=press)))
        if marks:
            names = ", ".join(_(name) for name in marks)
            blocks.append(("line", _("On the pages: {marks}").format(marks=names)))
    for shipment in shipments:
        with speaking(shipment.changes.product.language):
            blocks += _shipment_blocks(shipment)
    return blocks


def _shipment_blocks(shipment: Shipment) -> list[Block]:
    changes, product = shipment.changes, shipment.changes.product
    blocks: list[Block] = [
        ("product", _(KIND_TITLES[product.kind]).format(title=product.title)),
        ("line", _("Edition {edition}").format(edition=product.stamp)),
        ("line", _("Files: {files}").format(files=", ".join(shipment.files))),
        ("line", _("What: {what}").format(what=what_to_print(changes))),
        *([("line", _("Also: {file}: one card, front and back, with every question of the "
                      "deck").format(file=shipment.one_card))] if shipment.one_card else []),
        ("line", _("Paper size: {paper}; {pages}").format(paper=shipment.paper, pages=ngettext(
            "{count} page", "{count} pages", shipment.pages).format(count=shipment.pages))),
    ]  # fmt: skip
    if product.kind == "deck":
        blocks.append(("line", _("Double-sided: each odd page is a card's front, the page "
                                 "after it its back.")))  # fmt: skip
    blocks += [("item", line) for line in why_lines(changes)]
    return blocks


def what_to_print(changes: ProductChanges) -> str:
    """'kaart 3 en 6 van 6', 'alle 6 kaarten', 'de hele poster'."""
    if changes.product.kind != "deck":
        return _("the whole poster")
    if changes.is_new or len(changes.cards) == changes.count:
        return ngettext("card {count} of {count}", "all {count} cards", changes.count).format(
            count=changes.count
        )
    numbers = [str(card.number) for card in changes.cards]
    return ngettext("card {numbers} of {count}", "cards {numbers} of {count}", len(numbers)).format(
        numbers=listed(numbers), count=changes.count
    )


def why_lines(changes: ProductChanges) -> list[str]:
    """Why it is printed, in short: a line per card, or for the product."""
    if changes.is_new:
        return [_("new: not released before, so printed whole")]
    if changes.product.kind != "deck":
        return [_("changed since {release}: {texts}").format(
            release=changes.compared_with, texts=_texts_in_short(changes.texts))]  # fmt: skip
    common = set.intersection(*(set(card.reasons) for card in changes.cards)) if len(
        changes.cards) > 1 else set()  # fmt: skip
    lines = (
        [
            _("every card: {why}").format(
                why="; ".join(str(r) for r in changes.cards[0].reasons if r in common)
            )
        ]
        if common
        else []
    )
    for card in changes.cards:
        why = _card_reasons(card, common)
        if why:
            lines.append(_("card {number} ({title}): {why}").format(
                number=card.number, title=card.title, why="; ".join(why)))  # fmt: skip
    return lines


def _card_reasons(card: CardChange, common: set[Reason]) -> list[str]:
    """A card's reasons but those every card has (said once, above the cards)."""
    own = [str(reason) for reason in card.reasons if reason not in common]
    return [*own, *([_texts_in_short(card.texts)] if card.texts else [])]


def _texts_in_short(texts: Iterable[TextChange]) -> str:
    """'vraag gewijzigd, punt toegevoegd'."""
    return ", ".join(dict.fromkeys(_verb(change).format(text=change.noun) for change in texts))


def _verb(change: TextChange) -> str:
    if change.other_card is not None:
        return _("{text} moved")
    if change.old is None:
        return _("{text} added")
    if change.new is None:
        return _("{text} removed")
    return _("{text} changed")


def review_blocks(report: list[ProductChanges], since: str, language: str) -> list[Block]:
    """Every change of every product, old and new texts in full."""
    with speaking(language):
        blocks: list[Block] = [("title", _("Changes since {since}").format(since=since))]
        if not any(report):
            blocks.append(("line", _("No changes.")))
    for changes in report:
        if changes:
            with speaking(changes.product.language):
                blocks += _review_product(changes)
    return blocks


def _review_product(changes: ProductChanges) -> list[Block]:
    product = changes.product
    blocks: list[Block] = [("product", _(KIND_TITLES[product.kind]).format(title=product.title))]
    if changes.is_new:
        blocks.append(("line", _("Edition {edition}, not released yet: nothing to compare with; "
                                 "all of it is new. After printing it, run release.").format(
            edition=product.stamp)))  # fmt: skip
        return blocks
    blocks.append(("line", _("Edition {edition}, compared with {earlier}.").format(
        edition=product.stamp, earlier=changes.compared_with)))  # fmt: skip
    if changes.texts:
        heading = _("On every card") if product.kind == "deck" else _("Texts")
        blocks.append(("item", heading))
        blocks += [block for change in changes.texts for block in _change_blocks(change)]
    for card in changes.cards:
        blocks.append(("item", _("Card {number} of {count} ({title}): print again").format(
            number=card.number, count=changes.count, title=card.title)))  # fmt: skip
        blocks += [("text", str(reason)) for reason in card.reasons]
        blocks += [block for change in card.texts for block in _change_blocks(change)]
    gone = _("Card “{title}” is no longer in the deck: take it out of the printed decks")
    blocks += [("item", gone.format(title=title)) for title in changes.removed_cards]
    return blocks


def _change_blocks(change: TextChange) -> list[Block]:
    if change.other_card is not None:
        moved = _("{text} moved here from card {number}") if change.old is None else _(
            "{text} moved to card {number}")  # fmt: skip
        said = change.new if change.old is None else change.old
        return [("text", moved.format(text=change.noun, number=change.other_card) + f": {said}")]
    if change.old is None:
        return [("text", _("added {text}: {new}").format(text=change.noun, new=change.new))]
    if change.new is None:
        return [("text", _("removed {text}: {old}").format(text=change.noun, old=change.old))]
    return [
        ("text", _("changed {text}").format(text=change.noun)),
        ("quote", _("was: {text}").format(text=change.old)),
        ("quote", _("now: {text}").format(text=change.new)),
    ]


# Each role as plain text: (a blank line before it, the line's form).
PLAIN = {
    "title": (False, "{}"),
    "product": (True, "{}"),
    "line": (False, "{}"),
    "item": (False, "- {}"),
    "text": (False, "    {}"),
    "quote": (False, "      {}"),
}


def as_text(blocks: list[Block]) -> str:
    """The blocks as plain text, for the terminal and the order note's text file."""
    lines: list[str] = []
    for role, text in blocks:
        before, form = PLAIN[role]
        if before and lines:
            lines.append("")
        lines.append(form.format(text))
        if role == "title":
            lines.append("=" * len(text))
    return "\n".join(lines) + "\n"
