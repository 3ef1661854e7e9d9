"""What changed since each product's latest release (or an earlier manifest or git revision):
per deck the cards to reprint, by the number they print, each with why; per poster its texts.

A deck's items are compared by id across the whole deck, so a question that moved to another
card is 'moved', not 'changed'. A card is reprinted when anything it prints changed: its own
texts, its number or the deck's count ("Kaart 3 van 6"), or a text every card prints (the
deck's title, its credits, a fixed label). A poster is compared text by text and reprinted whole.
The edition itself is no reason: a reprinted card carries the new edition, the others keep theirs.
"""

from __future__ import annotations

import json
import subprocess
import tarfile
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

from generator.core.errors import Location, fail
from generator.core.i18n import N_, _
from generator.model.deck import Card, Deck
from generator.model.item_names import shown
from generator.model.printed_texts import KINDS_OF_TEXT, MOVABLE, kind_of
from generator.revise.releases import Product, Release

EDITION = "edition"  # the key of a product's edition stamp among its texts
# Labels only the office's calibration sheet prints: no card is reprinted for them.
CALIBRATION_LABELS = frozenset(
    f"labels › {name}"
    for name in ("calibration_title", "calibration_howto", "front_side", "back_side")
)
LABELS = "labels › "  # the key of a fixed text: "labels › levels"
# Texts of a deck that are not any one card's: every card may print them.
DECK_WIDE = ("deck › ", "labels › ", "level '")
DECK_TEXT_NOUNS = {
    "deck › title": N_("title of the deck"),
    "deck › subtitle": N_("subtitle of the deck"),
    "deck › source": N_("credits"),
    "deck › digital_version_url": N_("address of the digital version"),
}


@dataclass(frozen=True)
class TextChange:
    """One printed text added, removed or changed (old or new is None when there is none)."""

    key: str  # where it comes from: "question:x" on a card, "deck › title", a poster's ref
    naming: Callable[[str], str] = field(repr=False, compare=False)
    old: str | None
    new: str | None
    # It moved: the card it came from (old is None) or went to (new is None), by number.
    other_card: int | None = None

    @property
    def noun(self) -> str:
        """What kind of text it is, in the language spoken now: "vraag", "inleiding". A fixed
        text (a label) is named by its words as printed before (its key means nothing to the
        print shop): 'de vaste tekst “Drie niveaus”'."""
        if self.key.removeprefix("deck › ").startswith(LABELS):
            words = self.old if self.old is not None else self.new
            return _("the fixed text “{text}”").format(text=words)
        return self.naming(self.key)


@dataclass(frozen=True)
class Reason:
    """Why a card is printed again, said in the language spoken when it is shown."""

    template: str  # marked with N_()
    number: int = 0
    change: TextChange | None = None
    count: int = 0

    def __str__(self) -> str:
        text = self.change.noun if self.change else ""
        return _(self.template).format(number=self.number, text=text, count=self.count)


@dataclass(frozen=True)
class CardChange:
    """A card to print again, by its number in the deck, with every reason."""

    number: int
    id: str
    title: str  # its heading, its level, else its id
    reasons: tuple[Reason, ...]  # besides its texts
    texts: tuple[TextChange, ...] = ()


@dataclass
class ProductChanges:
    """A deck or poster against what it is compared with."""

    product: Product
    since: str = ""  # what it is compared with: a revision or manifest; "": its release
    release: Release | None = None  # the release it is compared with
    count: int = 0  # the deck's cards now
    cards: list[CardChange] = field(default_factory=list)  # a deck's cards to reprint
    texts: list[TextChange] = field(default_factory=list)  # deck-wide texts; a poster's texts
    removed_cards: list[str] = field(default_factory=list)  # titles of cards gone since

    @property
    def is_new(self) -> bool:
        """Nothing to compare with: the whole product goes to the printer."""
        return self.release is None and not self.since

    @property
    def compared_with(self) -> str:
        """'release 1.0 of 2026-11-23', or the revision or manifest, in the reader's words."""
        return self.release.name if self.release else self.since

    @property
    def to_send(self) -> bool:
        if self.is_new:
            return True
        return bool(self.cards) if self.product.kind == "deck" else bool(self.texts)

    def __bool__(self) -> bool:
        return self.to_send or bool(self.texts or self.removed_cards)


def compare_product(
    product: Product, release: Release | None, titles: dict[str, str] | None = None
) -> ProductChanges:
    """A product against its latest release (None: it is new). titles: each card's title."""
    if release is None:
        return ProductChanges(product, count=len(product.cards))
    if product.kind == "deck":
        return compare_cards(product, release.cards, release.texts, titles, release=release)
    found = ProductChanges(product, release=release)
    changed = _text_changes(release.texts, product.texts, poster_text_noun)
    found.texts = [change for _key, change in changed]
    return found


def compare_cards(
    product: Product,
    old_cards: list[dict],
    old_texts: dict[str, str] | None,
    titles: dict[str, str] | None = None,
    since: str = "",
    release: Release | None = None,
) -> ProductChanges:
    """A deck's cards against earlier ones (old_texts None: its deck-wide texts are unknown,
    as in a manifest)."""
    titles = titles or {}
    found = ProductChanges(product, since, release, count=len(product.cards))
    keyed: list[tuple[str, TextChange]] = []
    if old_texts is not None:
        wide = {k: v for k, v in product.texts.items() if k.startswith(DECK_WIDE)}
        was = {k: v for k, v in old_texts.items() if k.startswith(DECK_WIDE)}
        keyed = _text_changes(was, wide, _deck_text_noun)
    found.texts = [change for _key, change in keyed]
    on_every_card = [
        Reason(N_("{text} changed, and every card prints it"), change=change)
        for key, change in keyed
        if key not in CALIBRATION_LABELS
    ]
    if old_cards and len(old_cards) != len(product.cards):
        on_every_card.append(Reason(N_("the deck now has {count} cards instead of {number}, and "
                                       "every card says its number of the count"),
                                    len(old_cards), count=len(product.cards)))  # fmt: skip
    before = {card["id"]: (number, card) for number, card in enumerate(old_cards, start=1)}
    place_was = _places(old_cards)
    place_now = _places(product.cards)
    for number, card in enumerate(product.cards, start=1):
        reasons = list(on_every_card)
        texts: tuple[TextChange, ...] = ()
        if card["id"] not in before:
            reasons.insert(0, Reason(N_("a new card")))
        else:
            old_number, old = before[card["id"]]
            if old_number != number:
                reasons.insert(0, Reason(N_("it was card {number}"), old_number))
            if old["hash"] != card["hash"]:
                texts = tuple(_card_text_changes(old["texts"], card["texts"],
                                                  (place_was, place_now), number))  # fmt: skip
        if reasons or texts:
            title = titles.get(card["id"], card["id"])
            found.cards.append(CardChange(number, card["id"], title, tuple(reasons), texts))
    now = {card["id"] for card in product.cards}
    found.removed_cards = [_title_of(c) for c in old_cards if c["id"] not in now]
    return found


def _text_changes(
    old: dict[str, str], new: dict[str, str], noun: Callable[[str], str]
) -> list[tuple[str, TextChange]]:
    """Added, removed, then changed texts (the edition stamp aside), by key, each with its
    noun."""
    old = {k: v for k, v in old.items() if k != EDITION}
    new = {k: v for k, v in new.items() if k != EDITION}
    keys = [*sorted(new.keys() - old.keys()), *sorted(old.keys() - new.keys()),
            *sorted(k for k in old.keys() & new.keys() if old[k] != new[k])]  # fmt: skip
    return [(key, TextChange(key, noun, old.get(key), new.get(key))) for key in keys]


def _places(cards: list[dict]) -> dict[str, int]:
    """Each item's card, by its printed number."""
    return {key: number for number, card in enumerate(cards, start=1) for key in card["texts"]}


def _card_text_changes(
    old: dict[str, str], new: dict[str, str], places: tuple[dict[str, int], dict[str, int]],
    number: int,
) -> list[TextChange]:  # fmt: skip
    """A card's texts against its earlier texts; a text that moved from or to another card
    (places: each item's card before and now) says so."""
    was, now = places
    found = []
    for key, change in _text_changes(old, new, card_text_noun):
        other = was.get(key) if change.old is None else now.get(key) if change.new is None else None
        if other is not None and other != number and kind_of(key) in MOVABLE:
            change = TextChange(key, card_text_noun, change.old, change.new, other)
        found.append(change)
    return found


def card_text_noun(key: str) -> str:
    """'question:gezin-draagkracht' → 'vraag'; 'section:x:heading' → 'kop van een tekst'."""
    kind = kind_of(key)
    return _(KINDS_OF_TEXT[kind].noun) if kind else key


def poster_text_noun(ref: str) -> str:
    """A poster's text, its deck's too ("deck › question 'start'" → "vraag 'start'")."""
    return shown(ref.removeprefix("deck › "))


def _deck_text_noun(ref: str) -> str:
    if ref in DECK_TEXT_NOUNS:
        return _(DECK_TEXT_NOUNS[ref])
    return shown(ref)


def _title_of(card: dict) -> str:
    texts = card.get("texts", {})
    heading = texts.get("heading") or next(
        (text for key, text in texts.items() if key.startswith("level:")), None
    )
    return heading or card["id"]


def earlier_manifest(reference: str, build_manifest: Callable[[Path, Path], bytes]) -> dict:
    """A manifest file, or the manifest of the content at a git revision."""
    path = Path(reference)
    if path.is_file():
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError):
            document = None
        if not (isinstance(document, dict) and isinstance(document.get("decks"), dict)):
            raise fail(
                Location(path),
                _("this is not a manifest file"),
                _("give output/manifest.json of an earlier build, or a git revision"),
            )
        return document
    archive = subprocess.run(["git", "archive", "--format=tar", reference, "cards", "layouts"],
                             capture_output=True)  # fmt: skip
    if archive.returncode != 0:
        raise fail(
            Location(Path(reference)),
            _("neither a manifest file nor a git revision"),
            _("give output/manifest.json of an earlier build, or a revision such as HEAD~1"),
        )
    with tempfile.TemporaryDirectory() as folder:
        with tarfile.open(fileobj=BytesIO(archive.stdout)) as tar:
            extract_files(tar, Path(folder))
        return json.loads(build_manifest(Path(folder) / "cards", Path(folder) / "layouts"))


def extract_files(tar: tarfile.TarFile, folder: Path) -> None:
    """The archive's files and folders (no links, nothing outside folder) into folder; with
    tarfile's data filter too where Python has it (3.11.4 and later)."""
    members = [m for m in tar.getmembers() if (m.isfile() or m.isdir())
               and not Path(m.name).is_absolute() and ".." not in Path(m.name).parts]  # fmt: skip
    if hasattr(tarfile, "data_filter"):
        tar.extractall(folder, members=members, filter="data")
    else:
        tar.extractall(folder, members=members)


def card_titles(deck: Deck | None) -> dict[str, str]:
    """Each card's title as a reader knows it: its heading, its level, or the deck's title."""
    if deck is None:
        return {}
    return {card.id: _card_title(card, deck) for card in deck.cards}


def _card_title(card: Card, deck: Deck) -> str:
    if card.heading:
        return card.heading
    if card.level:
        return card.level.name
    return deck.title if card.kind == "cover" else card.id
