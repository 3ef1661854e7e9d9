"""What each kind of product is, in one place: what it is made from, which decks have one,
where it is made, the files it writes (with their preflight profile) and which of them go to
the print shop. Build, watch, serve, preview, the release record and the print-shop folder ask
these definitions; impose/maker.py says how each kind is drawn and reads what `reads` names
for its cache key, keyed by the same kinds.

A new kind is one `ProductKind` in KINDS, its maker in impose/maker.py and its templates.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from generator.model.deck import Deck


class Kind(StrEnum):
    DECK = "deck"
    CHECKLIST = "checklist"
    POSTER = "poster"
    DIGITAL = "digital"
    ONE_CARD = "one-card"


class Profile(StrEnum):
    """The preflight profile a file is checked against (see generator/preflight/rules.py)."""

    PRINT = "print"  # a print shop's intake: PDF/X, CMYK, bleed and boxes
    OFFICE = "office"  # an office printer: A4 sheets with crop marks
    SCREEN = "screen"  # a screen or tablet: RGB, tagged, links
    NONE = ""  # not a PDF we check (the HTML page)


class Input(StrEnum):
    """What a product is made of besides its own content item: its cache key reads each, so
    a change in any of them makes it again (and a change elsewhere does not)."""

    LAYOUT = "layout"  # the files of the item's layout
    PRINTER = "printer"  # the project's printer settings (duplex, back offset)
    FORM = "form"  # the checklist form's settings
    DECK_SHOWN = "deck shown"  # what a poster shows of its deck (start question, levels)
    HTML = "html"  # the HTML page's settings
    DECKS_OF_LANGUAGE = "decks of its language"  # every deck in the poster's language, with
    # its layout: the digital PDF and the page show them all


POSTER_PAGES = ("poster", "workshop")  # the kinds of poster page, each its own print file


@dataclass(frozen=True)
class ProductFile:
    """One file a product writes: its role (what the maker returns it as), its name pattern
    ({id}: the deck's or poster's product id) and its preflight profile."""

    role: str
    pattern: str
    profile: Profile

    def name(self, product_id: str, size: str = "") -> str:
        return self.pattern.format(id=product_id, size=size)

    @property
    def suffix(self) -> str:
        """What every name of this file ends with: '_print.pdf'."""
        return self.pattern.rsplit("}", 1)[1]


@dataclass(frozen=True)
class ProductKind:
    """One kind of product."""

    kind: Kind
    summary: str
    made_from: str  # 'deck' or 'poster': the content item it is one product of
    has_one: Callable[[Deck], bool]  # which decks have one (posters: each has every kind)
    screen: bool  # RGB for screens and tablets, made in the worker (see parallel.py)
    files: tuple[ProductFile, ...]
    reads: tuple[Input, ...]  # what its cache key reads besides its content item
    to_print_shop: tuple[str, ...] = ()  # the roles of the files the print shop gets

    def names(self, product_id: str, size: str = "") -> dict[str, str]:
        """Its file names by role (a poster's at one size)."""
        return {file.role: file.name(product_id, size) for file in self.files}

    def name(self, role: str, product_id: str, size: str = "") -> str:
        return self.names(product_id, size)[role]

    def print_shop_names(self, product_id: str, size: str = "") -> tuple[str, ...]:
        """The names of the files the print shop gets."""
        names = self.names(product_id, size)
        return tuple(names[role] for role in self.to_print_shop)


def _every(_deck: Deck) -> bool:
    return True


PRINT = ProductFile("print", "{id}_print.pdf", Profile.PRINT)
REPRINT = ProductFile("reprint", "{id}_reprint_print.pdf", Profile.PRINT)  # changed cards only

KINDS: dict[Kind, ProductKind] = {
    kind.kind: kind
    for kind in (
        ProductKind(
            Kind.DECK, "the print-shop file, the office's A4 sheets and their calibration sheet",
            "deck", _every, screen=False,
            files=(PRINT, ProductFile("sheets", "{id}_a4-duplex.pdf", Profile.OFFICE),
                   ProductFile("calibration", "{id}_duplex-calibration.pdf", Profile.OFFICE)),
            reads=(Input.LAYOUT, Input.PRINTER), to_print_shop=("print",),
        ),
        ProductKind(
            Kind.CHECKLIST, "the fillable checklist, for a tablet",
            "deck", lambda deck: deck.has_checklist, screen=True,
            files=(ProductFile("checklist", "{id}_checklist.pdf", Profile.SCREEN),),
            reads=(Input.LAYOUT, Input.FORM),
        ),
        ProductKind(
            Kind.ONE_CARD, "every question of a deck on one card: print file and A4 sheet",
            "deck", lambda deck: bool(deck.one_card), screen=False,
            files=(ProductFile("print", "{id}_one-card_print.pdf", Profile.PRINT),
                   ProductFile("sheets", "{id}_one-card_a4-duplex.pdf", Profile.OFFICE)),
            reads=(Input.LAYOUT, Input.PRINTER), to_print_shop=("print",),
        ),
        ProductKind(
            Kind.POSTER, "the poster and the workshop sheet at every size",
            "poster", _every, screen=False,
            files=tuple(ProductFile(page, "{id}" + ("" if page == "poster" else f"-{page}")
                                    + "_{size}_print.pdf", Profile.PRINT)
                        for page in POSTER_PAGES),
            reads=(Input.LAYOUT, Input.DECK_SHOWN, Input.PRINTER), to_print_shop=POSTER_PAGES,
        ),
        ProductKind(
            Kind.DIGITAL, "the complete digital PDF and the HTML page",
            "poster", _every, screen=True,
            files=(ProductFile("digital", "{id}_digital.pdf", Profile.SCREEN),
                   ProductFile("html", "{id}.html", Profile.NONE)),
            reads=(Input.LAYOUT, Input.HTML, Input.DECKS_OF_LANGUAGE),
        ),
    )
}  # fmt: skip

DECK_KINDS = tuple(kind for kind in KINDS.values() if kind.made_from == "deck")
SCREEN_KINDS = frozenset(kind.kind for kind in KINDS.values() if kind.screen)


def profile_suffixes() -> dict[str, Profile]:
    """Each kind of file's name ending and the profile it is checked against; the longest
    ending first, so '_a4-duplex.pdf' is not taken for another's."""
    found = {file.suffix: file.profile for kind in KINDS.values() for file in kind.files}
    found |= {REPRINT.suffix: REPRINT.profile}
    return {suffix: found[suffix] for suffix in sorted(found, key=len, reverse=True)
            if found[suffix] is not Profile.NONE}  # fmt: skip
