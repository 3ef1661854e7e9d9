"""What the content makes: its products (each of a kind, see product_kinds.py) and the plan
of a build. A product's kind says where it is made: print files in the main process, screen
products (RGB, for screens and tablets) in the worker (see parallel.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.core.errors import Location, Problem, UserError, fail
from generator.core.geometry import PAPER_MM
from generator.core.i18n import _
from generator.core.project import EDITIONS_FOLDER
from generator.model.deck import Deck
from generator.model.poster import Poster
from generator.model.product_kinds import DECK_KINDS, KINDS, SCREEN_KINDS, Kind, ProductKind
from generator.revise.order_note import Dispatch
from generator.revise.releases import Product as Recorded
from generator.revise.releases import deck_product, poster_product
from generator.validate.content import Content, regional_poster

__all__ = ["SCREEN_KINDS", "Kind", "Made", "Plan", "Product", "plan", "printed_products"]


@dataclass(frozen=True)
class Product:
    """One product of a deck or a poster (a regional poster has its edition applied)."""

    kind: Kind
    item: Deck | Poster = field(repr=False)
    sizes: tuple[str, ...] = ()  # a poster's sizes

    @property
    def id(self) -> str:
        return self.item.product_id if isinstance(self.item, Poster) else self.item.id

    @property
    def deck(self) -> Deck:
        """The deck a deck kind's product is made of."""
        if not isinstance(self.item, Deck):
            raise TypeError(f"{self.label} is made of a poster, not a deck")
        return self.item

    @property
    def poster(self) -> Poster:
        """The poster a poster kind's product is made of."""
        if not isinstance(self.item, Poster):
            raise TypeError(f"{self.label} is made of a deck, not a poster")
        return self.item

    @property
    def definition(self) -> ProductKind:
        return KINDS[self.kind]

    def file_names(self) -> dict[str, str]:
        """Its files by role; a poster's by (page, size) role: 'poster A3'."""
        if self.kind is not Kind.POSTER:
            return self.definition.names(self.id)
        return {f"{role} {size}": name for size in self.sizes
                for role, name in self.definition.names(self.id, size).items()}  # fmt: skip

    @property
    def label(self) -> str:
        """How notes and watch name it, e.g. 'deck voor-wie-doen-we-wat'."""
        return f"{self.kind} {self.id}"

    def drawn_from(self, content: Content) -> list[Deck | Poster]:
        """The decks and posters whose layouts draw it: a digital PDF holds every deck of
        its poster's language."""
        if self.kind is not Kind.DIGITAL:
            return [self.item]
        language = self.item.language
        return [self.item, *(d for d in content.decks.values() if d.language == language)]

    @property
    def source(self) -> str:
        """The content it is made of, as the manifest records it: 'deck …', 'one-card …',
        'poster …' or, for a regional poster, 'edition …'."""
        item = self.item
        if isinstance(item, Deck):  # the one-card apart: its files go when one_card: does
            return f"{Kind.ONE_CARD if self.kind is Kind.ONE_CARD else 'deck'} {item.id}"
        return f"edition {item.region.id}" if item.region else f"poster {item.id}"


@dataclass
class Plan:
    """The products to make, in order, and the problems found planning them."""

    products: list[Product] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def items(self) -> list[Deck | Poster]:
        """The decks and posters the products are made of, each once, in order."""
        return list({id(p.item): p.item for p in self.products}.values())


@dataclass
class Made:
    """What one process made: files by name, problems, and the products it drew (by label)."""

    outputs: dict[str, bytes] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    rebuilt: list[str] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)  # file name → the content it is of
    content: Content | None = None  # what it was made from (set by the pipeline)
    sources_now: set[str] | None = None  # every source the content has; None: some files read
    dispatch: Dispatch | None = None  # the print-shop folder and the review (set by the pipeline)

    def add(self, other: Made) -> None:
        """The other process's share; a problem both found is said once."""
        self.outputs.update(other.outputs)
        self.sources.update(other.sources)
        said = {str(problem) for problem in self.problems}
        self.problems += [problem for problem in other.problems if str(problem) not in said]
        self.rebuilt += other.rebuilt


def plan(
    content: Content, edition: str | None = None, sizes: tuple[str, ...] | None = None,
    some_files: bool = False, made_before: dict[str, tuple[str, ...]] | None = None,
) -> Plan:  # fmt: skip
    """Every product of the content, or those of one regional edition. When only some content
    files were read, editions of posters not among them are left out. made_before: the sizes
    of each poster (by product id) whose files an earlier build made, made again so that no
    size keeps old text."""
    if edition is not None and edition not in content.editions:
        raise fail(
            Location(Path(EDITIONS_FOLDER)),
            _("there is no edition '{name}'").format(name=edition),
            _("editions: {names}").format(names=", ".join(sorted(content.editions)) or _("none")),
        )
    made = Plan()
    posters = []
    if edition is None:
        for deck in content.decks.values():
            made.products += [Product(k.kind, deck) for k in DECK_KINDS if k.has_one(deck)]
        posters = list(content.posters.values())
    editions = [content.editions[edition]] if edition else [
        e for e in content.editions.values() if not some_files or e.poster in content.posters
    ]  # fmt: skip
    for region in editions:
        try:
            posters.append(regional_poster(content, region))
        except UserError as error:
            made.problems.extend(error.problems)
    for poster in posters:
        again = (made_before or {}).get(poster.product_id, ())
        chosen = tuple(dict.fromkeys([*(sizes or poster.sizes), *again]))
        made.products += [Product(Kind.POSTER, poster, chosen),
                          Product(Kind.DIGITAL, poster, chosen[:1])]  # fmt: skip
    return made


def sizes_made(recorded: dict[str, str], folder: Path) -> dict[str, tuple[str, ...]]:
    """The poster sizes whose print files an earlier build recorded and that are still in the
    folder, by product id (the stem of 'continuum_A2_print.pdf')."""
    found: dict[str, list[str]] = {}
    for name in recorded:
        parts = name.rsplit("_", 2)
        if len(parts) == 3 and parts[2] == "print.pdf" and (folder / name).is_file():
            found.setdefault(parts[0], []).append(parts[1])
    return {stem: tuple(sorted(sizes, key=size_order)) for stem, sizes in found.items()}


def size_order(size: str) -> tuple[float, str]:
    """Smaller paper first (A3 before A2)."""
    width, height = PAPER_MM.get(size, (0, 0))
    return (width * height, size)


def poster_print_names(poster: Poster, sizes: tuple[str, ...]) -> tuple[str, ...]:
    """The print-shop files of a poster at these sizes (each size's pages in turn)."""
    return tuple(Product(Kind.POSTER, poster, sizes).file_names().values())


def printed_products(content: Content) -> list[Recorded]:
    """Every deck, poster and regional poster, as a release would record it."""
    releases = [deck_product(deck) for deck in content.decks.values()]
    posters = [*content.posters.values()]
    posters += [regional_poster(content, e) for e in content.editions.values()
                if e.poster in content.posters]  # fmt: skip
    releases += [
        poster_product(p, content.decks.get(p.deck), poster_print_names(p, p.sizes))
        for p in posters
    ]
    return releases
