"""Make each product: render its documents, then impose and finish them (PDF/X, sheets, the
digital PDF). Content and layouts come checked (validate); what was made before from the same
inputs comes from the cache, whose keys hash the content item and the layout files read."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial

from generator.core.cache import ItemKeys, RenderCache, fingerprint
from generator.core.project import PrinterSettings
from generator.impose.digital import complete_pdf
from generator.impose.marks import card_job, sheet_job
from generator.impose.pdfx import mark_pdfx
from generator.impose.plan import plan_sheets
from generator.impose.products import Product
from generator.impose.sheets import impose, print_file_and_sheets
from generator.impose.tagged import finish_tagged
from generator.model.deck import Deck
from generator.model.poster import Poster
from generator.model.press import PressProfile
from generator.model.product_kinds import Input, Kind
from generator.render.deck_faces import render_calibration, render_deck
from generator.render.document import RenderedDocument
from generator.render.fillable import render_fillable_checklist
from generator.render.html.page import render_html
from generator.render.one_card import render_one_card
from generator.render.poster_faces import render_poster
from generator.render.views import shown_of_deck
from generator.validate.against_layouts import layout_of
from generator.validate.content import Content
from generator.validate.settings import Settings


@dataclass
class Maker:
    """Makes products; a product whose inputs did not change comes from the cache."""

    content: Content
    settings: Settings
    printer: PrinterSettings = field(default_factory=PrinterSettings)
    cache: RenderCache = field(default_factory=RenderCache)
    face_cache: RenderCache | None = None  # laid-out faces (default: none kept)
    rebuilt: list[str] = field(default_factory=list)  # products drawn, not taken from the cache
    keys: ItemKeys = field(default_factory=ItemKeys)  # the content items' hashes

    def key(self, product: Product) -> str:
        """What the product is made from, hashed: its content item, sizes and inputs."""
        item = self.keys.of(product.item)
        return fingerprint(product.kind, item, product.sizes, *self._inputs(product))

    def make(self, product: Product) -> dict[str, bytes]:
        """The product's files by name (its kind names them; its maker makes them by role)."""
        key = self.key(product)
        kept = self.cache.get(key)
        if kept is None:
            made = MAKERS[product.kind](self, product)
            kept = {name: made[role] for role, name in product.file_names().items()}
            self.cache.put(key, kept)
            self.rebuilt.append(product.label)
        return kept

    def check(self, product: Product) -> None:
        """Draw what the product prints, as its maker does, without finishing it (no sheets,
        no PDF/X): a text that does not fit or a glyph the font lacks raises UserError, as in
        a build. For a check of edited texts (exchange/round_trip.py)."""
        CHECKS[product.kind](self, product)

    @property
    def press(self) -> PressProfile:
        """The print shop's printer profile the print files are made for."""
        return self.settings.press(self.printer.press)

    def _inputs(self, product: Product) -> tuple[object, ...]:
        """What its kind's cache key reads besides its content item (ProductKind.reads)."""
        return tuple(INPUTS[source](self, product) for source in product.definition.reads)

    def _layout(self, product: Product) -> object:
        return self.settings.layout_key(product.item.layout)

    def _deck_shown(self, product: Product) -> object:
        """What a poster shows of its deck (so a question edited elsewhere in the deck does
        not redraw it)."""
        poster = product.poster
        return shown_of_deck(poster, self.content.decks[poster.deck])

    def _decks_of_language(self, product: Product) -> object:
        decks = self._same_language(product.poster)
        return [self.keys.of(d) for d in decks], [self.settings.layout_key(d.layout) for d in decks]

    def _same_language(self, poster: Poster) -> list[Deck]:
        return [deck for deck in self.content.decks.values() if deck.language == poster.language]

    # Each maker returns its product's files by role (see product_kinds.KINDS).

    def deck(self, product: Product) -> dict[str, bytes]:
        """The print-shop file, the office's A4 sheets and their calibration sheet."""
        deck, product_inputs = product.deck, self._inputs(product)
        layout = layout_of(deck, self.settings)
        document = render_deck(deck, layout, cache=self.face_cache)
        imposition = layout.deck_imposition
        if self.printer.duplex:
            imposition = replace(imposition, duplex=self.printer.duplex)
        plan = plan_sheets(document.trim, document.bleed_mm, imposition,
                           deck.location("deck › trim"), self.printer.back_offset_mm)  # fmt: skip
        job = card_job(deck.title, deck.edition, deck.language, len(document.pages), layout.font)
        print_file, sheets = print_file_and_sheets(
            document, deck.edition.date, plan, imposition, self.press, job
        )
        # The calibration sheet shows no card: it stays while the rest of the deck does.
        calibration_sheets = self.cache.memo(
            fingerprint("calibration", replace(deck, cards=(), texts={}, locations={}),
                        product_inputs, plan, imposition),
            lambda: impose(render_calibration(deck, layout, plan.card_axes(), plan.per_sheet,
                                              self.face_cache), plan, imposition),
        )  # fmt: skip
        return {"print": print_file, "sheets": sheets, "calibration": calibration_sheets}

    def one_card(self, product: Product) -> dict[str, bytes]:
        """Every question of the deck on one card: the print-shop file (one card, front and
        back) and an office sheet with as many copies as fit, crop marks around each."""
        deck = product.deck
        layout = layout_of(deck, self.settings)
        imposition = layout.deck_imposition
        if self.printer.duplex:
            imposition = replace(imposition, duplex=self.printer.duplex)
        card = render_one_card(deck, layout, cache=self.face_cache)
        plan = plan_sheets(card.trim, card.bleed_mm, imposition,
                           deck.location("deck › trim"), self.printer.back_offset_mm)  # fmt: skip
        copies = render_one_card(deck, layout, plan.per_sheet, self.face_cache)
        job = card_job(deck.title, deck.edition, deck.language, len(card.pages), layout.font)
        return {
            "print": mark_pdfx(card.pdf, deck.edition.date, self.press, job),
            "sheets": impose(copies, plan, imposition),
        }

    def checklist(self, product: Product) -> dict[str, bytes]:
        """The fillable checklist, for a tablet."""
        deck = product.deck
        form = render_fillable_checklist(deck, layout_of(deck, self.settings), self.settings.form)
        return {"checklist": finish_tagged(form)}

    def poster(self, product: Product) -> dict[str, bytes]:
        """The poster and the workshop sheet at every size, marked PDF/X."""
        poster = product.poster
        layout = layout_of(poster, self.settings)
        deck = self.content.decks[poster.deck]
        outputs = {}
        for role in product.file_names():
            kind, size = role.split(" ")
            document = render_poster(poster, deck, layout, kind, size, cache=self.face_cache)
            job = sheet_job(poster.title, poster.edition, poster.language, f"{kind} {size}",
                            len(document.pages), layout.font)  # fmt: skip
            outputs[role] = self.cache.memo(
                fingerprint("pdfx", document.key, poster.edition.date, self.press, job),
                partial(mark_pdfx, document.pdf, poster.edition.date, self.press, job),
            )
        return outputs

    def digital(self, product: Product) -> dict[str, bytes]:
        """The complete digital PDF (poster, its deck and the other decks of its language)
        and the HTML page."""
        poster, [size] = product.poster, product.sizes
        layout = layout_of(poster, self.settings)
        deck = self.content.decks[poster.deck]
        on_screen = self.cache.memo(
            fingerprint("screen-poster", self.keys.of(poster), size, shown_of_deck(poster, deck),
                        self.settings.layout_key(poster.layout)),
            lambda: render_poster(poster, deck, layout, "poster", size, "rgb", self.face_cache),
        )  # fmt: skip
        others = [(other, self.screen_deck(other)) for other in self._same_language(poster)
                  if other.id != deck.id]  # fmt: skip
        pdf = complete_pdf(deck, self.screen_deck(deck), poster, on_screen, others)
        return {"digital": pdf, "html": render_html(poster, deck, layout, self.settings.html)}

    def screen_deck(self, deck: Deck) -> RenderedDocument:
        """The deck in RGB, for the digital PDF; drawn once while the deck is unchanged."""
        return self.cache.memo(
            fingerprint("screen", self.keys.of(deck), self.settings.layout_key(deck.layout)),
            lambda: render_deck(deck, layout_of(deck, self.settings), "rgb", self.face_cache),
        )


INPUTS: dict[Input, Callable[[Maker, Product], object]] = {
    Input.LAYOUT: Maker._layout,
    Input.PRINTER: lambda maker, _product: (maker.printer, maker.press),
    Input.FORM: lambda maker, _product: maker.settings.form_key,
    Input.DECK_SHOWN: Maker._deck_shown,
    Input.HTML: lambda maker, _product: maker.settings.html_key,
    Input.DECKS_OF_LANGUAGE: Maker._decks_of_language,
}


def _check_poster(maker: Maker, product: Product) -> None:
    poster = product.poster
    layout, deck = layout_of(poster, maker.settings), maker.content.decks[poster.deck]
    for role in product.file_names():
        kind, size = role.split(" ")
        render_poster(poster, deck, layout, kind, size)


# What each printed kind draws, for Maker.check: the same documents its maker draws first.
CHECKS: dict[Kind, Callable[[Maker, Product], object]] = {
    Kind.DECK: lambda maker, p: render_deck(p.deck, layout_of(p.deck, maker.settings)),
    Kind.ONE_CARD: lambda maker, p: render_one_card(p.deck, layout_of(p.deck, maker.settings)),
    Kind.POSTER: _check_poster,
}

MAKERS: dict[Kind, Callable[[Maker, Product], dict[str, bytes]]] = {
    Kind.DECK: Maker.deck,
    Kind.CHECKLIST: Maker.checklist,
    Kind.POSTER: Maker.poster,
    Kind.DIGITAL: Maker.digital,
    Kind.ONE_CARD: Maker.one_card,
}
