"""Releases: each deck's and poster's edition as it went to the printer, kept with the content.

`release` writes one small JSON file per product and edition, `cards/releases/<id>/<version>.json`,
made to be committed beside the YAML: the edition, every printed text by where it comes
from, and for a deck every card's id, content hash and texts, as in the manifest. `changes`
compares with the latest release of each deck; a product whose texts differ from its latest
release under the same edition is drift: `build` and `changes` warn, `release` refuses.

A release file is read for its texts: an edited one is compared as it now reads (its card
hashes are worked out again from the texts).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from generator.core.errors import Location, Problem, UserError, display_path, fail
from generator.core.i18n import N_, _, current, written_date
from generator.model.deck import Deck, Edition
from generator.model.item_names import kind_name
from generator.model.poster import Poster
from generator.model.product_kinds import KINDS, Kind
from generator.revise.manifest import card_entry, card_hash

RELEASES_FOLDER = "releases"
# A version as a file name: what editors write ("1.0", "2024-2", "1.1b"), nothing else.
VERSION_NAME = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._-]{0,39}$")
LATEST = N_("the latest release of each deck and poster")
RESTORE = N_("restore it from git (git checkout -- {file}), or delete it and run release again")


@dataclass(frozen=True)
class Product:
    """A deck or poster as it would be released now."""

    kind: str  # "deck" or "poster"
    id: str  # the name its files start with
    title: str
    file: Path  # its content file
    edition: Edition
    edition_at: Location  # the line of `edition:`
    texts: dict[str, str]  # every printed text, by where it comes from
    print_files: tuple[str, ...]  # what goes to the print shop
    cards: list[dict] = field(default_factory=list)  # a deck's cards, as in the manifest
    language: str = "nl"

    @property
    def stamp(self) -> str:
        """Its edition as printed on it: "1.2 (7 december 2026)"."""
        return f"{self.edition.version} ({written_date(self.edition.date, self.language)})"

    def document(self) -> dict:
        """The release file's content."""
        return {
            "release": {
                "kind": self.kind,
                "id": self.id,
                "title": self.title,
                "file": self.file.name,
                "edition": {"version": self.edition.version, "date": self.edition.date},
            },
            "texts": self.texts,
            "cards": self.cards,
        }


@dataclass(frozen=True)
class Release:
    """A release file as read."""

    path: Path
    kind: str
    id: str
    edition: Edition
    texts: dict[str, str]
    cards: list[dict]

    @property
    def name(self) -> str:
        return _("release {version} of {date}").format(
            version=self.edition.version, date=written_date(self.edition.date, current())
        )


@dataclass(frozen=True)
class Drift:
    """A product whose texts differ from its latest release, under the same edition."""

    product: Product
    release: Release

    def message(self) -> str:
        return _(
            "{kind} '{id}', edition {version}: its texts differ from {release} ({file}), which "
            "has the same version"
        ).format(
            kind=kind_name(self.product.kind),
            id=self.product.id,
            version=self.product.edition.version,
            release=self.release.name,
            file=display_path(self.release.path),
        )

    @staticmethod
    def fix() -> str:
        return _(
            "give `edition:` a new version and today's date, so the printed cards tell the two "
            "apart"
        )


def deck_product(deck: Deck) -> Product:
    texts = {**deck.texts, "edition": stamp(deck.edition)}
    cards = [card_entry(card, deck) for card in deck.cards]
    return Product(
        "deck",
        deck.id,
        deck.title,
        deck.path,
        deck.edition,
        deck.location("deck › edition"),
        texts,
        KINDS[Kind.DECK].print_shop_names(deck.id),
        cards,
        deck.language,
    )


def poster_product(poster: Poster, deck: Deck | None, print_files: tuple[str, ...]) -> Product:
    """A poster (or a regional edition of one), with what it shows of its deck."""
    texts = {**poster.texts, "edition": stamp(poster.edition)}
    if deck is not None:
        start = f"question '{poster.start_question}'"
        texts[f"deck › {start}"] = deck.texts.get(start, "")
        texts.update({f"deck › level '{level.id}'": level.name for level in deck.levels})
    return Product(
        "poster",
        poster.product_id,
        poster.title,
        poster.path,
        poster.edition,
        poster.location("poster › edition"),
        texts,
        print_files,
        language=poster.language,
    )


def stamp(edition: Edition) -> str:
    """The edition as printed: its version and date."""
    return f"{edition.version} ({edition.date})"


def release_path(cards: Path, product_id: str, version: str) -> Path:
    return cards / RELEASES_FOLDER / product_id / f"{version}.json"


def read_releases(cards: Path) -> dict[str, list[Release]]:
    """Every release file, by product id, oldest first (by date, then version); every
    problem of every file at once."""
    found: dict[str, list[Release]] = {}
    problems: list[Problem] = []
    for path in sorted((cards / RELEASES_FOLDER).glob("*/*.json")):
        try:
            release = _read_release(path)
        except UserError as error:
            problems.extend(error.problems)
            continue
        found.setdefault(release.id, []).append(release)
    if problems:
        raise UserError(problems)
    for releases in found.values():
        releases.sort(key=lambda r: (r.edition.date, _natural(r.edition.version)))
    return found


def _read_release(path: Path) -> Release:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise fail(
            Location(path, error.lineno),
            _("this release file is not valid JSON: {error}").format(error=error.msg),
            _(RESTORE).format(file=display_path(path)),
        ) from None
    except (OSError, UnicodeDecodeError) as error:
        raise fail(
            Location(path),
            _("this release file cannot be read: {error}").format(error=error),
            _(RESTORE).format(file=display_path(path)),
        ) from None
    try:
        head = document["release"]
        release = Release(
            path=path,
            kind=_text(head["kind"]),
            id=_text(head["id"]),
            edition=Edition(_text(head["edition"]["version"]), _text(head["edition"]["date"])),
            texts={_text(k): _text(v) for k, v in document["texts"].items()},
            cards=[_card(card) for card in document.get("cards", [])],
        )
    except (KeyError, TypeError, AttributeError, ValueError) as error:
        raise fail(
            Location(path),
            _("this release file lacks or garbles {part}").format(part=error),
            _(RESTORE).format(file=display_path(path)),
        ) from None
    if path.parent.name != release.id or path.stem != release.edition.version:
        raise fail(
            Location(path),
            _("this file records {id} {version}, not its own name").format(
                id=release.id, version=release.edition.version
            ),
            _("keep release files as {folder}/<id>/<version>.json; {restore}").format(
                folder=RELEASES_FOLDER, restore=_(RESTORE).format(file=display_path(path))
            ),
        )
    return release


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise ValueError(_("a text: {value}").format(value=repr(value)))
    return value


def _card(card: dict) -> dict:
    """A card of a release, its hash worked out again from what it now says."""
    texts = {_text(k): _text(v) for k, v in card["texts"].items()}
    kind = _text(card["kind"])
    return {"id": _text(card["id"]), "kind": kind, "hash": card_hash(kind, texts), "texts": texts}


def _natural(version: str) -> tuple:
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", version))


def latest(releases: dict[str, list[Release]], product_id: str) -> Release | None:
    found = releases.get(product_id)
    return found[-1] if found else None


def drift(products: Iterable[Product], releases: dict[str, list[Release]]) -> list[Drift]:
    """Products whose printed texts changed since their latest release, which has the same
    version: two different prints would carry one edition stamp."""
    found = []
    for product in products:
        release = latest(releases, product.id)
        same = release is not None and release.edition.version == product.edition.version
        if release is not None and same and release.texts != product.texts:
            found.append(Drift(product, release))
    return found


def record(cards: Path, products: list[Product]) -> tuple[dict[Path, bytes], list[str]]:
    """The release files to write for products whose edition is new, and the ids of those
    released as they are; refuses (UserError, nothing written) when texts changed under a
    released version."""
    releases = read_releases(cards)
    problems = [
        Problem(d.product.edition_at, d.message(), d.fix()) for d in drift(products, releases)
    ]
    files, unchanged = {}, []
    for product in products:
        version = product.edition.version
        if not VERSION_NAME.match(version):
            problems.append(
                Problem(
                    product.edition_at,
                    _("the version '{version}' cannot name a release file").format(version=version),
                    _("use letters, digits, dots and dashes, such as 1.1"),
                )
            )
            continue
        path = release_path(cards, product.id, version)
        known = {r.edition.version: r for r in releases.get(product.id, [])}
        if version in known and known[version].texts == product.texts:
            unchanged.append(product.id)
        elif version in known:  # an older release with this version: the same stamp again
            if latest(releases, product.id) is not known[version]:
                problems.append(
                    Problem(
                        product.edition_at,
                        _("{kind} '{id}': version {version} was released before ({file})").format(
                            kind=kind_name(product.kind),
                            id=product.id,
                            version=version,
                            file=display_path(path),
                        ),
                        Drift.fix(),
                    )
                )
        else:
            files[path] = as_json(product.document())
    if problems:
        raise UserError(problems)
    return files, unchanged


def as_json(document: dict) -> bytes:
    """Stable JSON: the same release gives the same bytes."""
    return (json.dumps(document, indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode()
