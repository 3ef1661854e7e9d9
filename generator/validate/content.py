"""collect(): every content file read and checked, into decks, posters and editions by id."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from generator.core.cache import RenderCache, fingerprint
from generator.core.errors import Location, UserError, fail
from generator.core.i18n import _
from generator.core.project import Project
from generator.load.yaml_file import Mapping, read_yaml
from generator.model.deck import Deck
from generator.model.item_names import shown
from generator.model.poster import Poster
from generator.validate.deck import validate_deck
from generator.validate.edition import RegionalEdition, apply_edition, validate_edition
from generator.validate.glossary import read_glossaries, reserved_words
from generator.validate.hyphenation import read_exceptions
from generator.validate.localize import language_versions
from generator.validate.poster import validate_poster

T = TypeVar("T")


@dataclass
class Content:
    """Every checked content file, by id."""

    decks: dict[str, Deck] = field(default_factory=dict)
    posters: dict[str, Poster] = field(default_factory=dict)
    editions: dict[str, RegionalEdition] = field(default_factory=dict)


# What a content file is, told by its first key; how to check it; and what else changes for
# another language (a poster's deck is the deck in that language).
FILE_KINDS = {
    "deck": ("decks", validate_deck, lambda item, language: {}),
    "poster": (
        "posters",
        validate_poster,
        lambda item, language: {"deck": f"{item.deck}-{language}"},
    ),
}


def collect(
    project: Project, files: list[Path] | None = None, cache: RenderCache | None = None
) -> Content:
    """Load and check content files; raise one UserError listing every problem of every file.

    With a cache, a file whose size and modification time did not change is not read again.
    """
    cache = cache or RenderCache(max_entries=0)
    content, problems = Content(), []
    for path in files or project.content_files():
        try:
            bucket, items = _kept(cache, path, partial(_read_content, path))
            for item in items:
                _add_unique(getattr(content, bucket), item.id, item, path)
        except UserError as error:
            problems.extend(error.problems)
    for path in project.edition_files():
        try:
            edition = _kept(cache, path, partial(_read_edition, path))
            _add_unique(content.editions, edition.region.id, edition, path)
        except UserError as error:
            problems.extend(error.problems)
    try:
        exceptions = read_exceptions(project.cards)
        problems += reserved_words([*content.decks.values(), *content.posters.values()],
                                   read_glossaries(project.cards))  # fmt: skip
    except UserError as error:
        problems.extend(error.problems)
    if problems:
        raise UserError(problems)
    for ident, deck in content.decks.items():
        content.decks[ident] = replace(deck, hyphenation=exceptions.get(deck.language, ()))
    for ident, poster in content.posters.items():
        content.posters[ident] = replace(poster, hyphenation=exceptions.get(poster.language, ()))
    return content


def regional_poster(content: Content, edition: RegionalEdition) -> Poster:
    """The poster an edition adapts, with the edition applied."""
    if edition.poster not in content.posters:
        raise fail(
            edition.locations[f"edition '{edition.region.id}' › name"],
            _("{item}: no poster with id '{poster}'").format(
                item=shown(f"edition '{edition.region.id}'"), poster=edition.poster
            ),
            _("posters: {ids}").format(ids=", ".join(sorted(content.posters)) or _("none")),
        )
    return apply_edition(content.posters[edition.poster], edition)


def _kept(cache: RenderCache, path: Path, read: Callable[[], T]) -> T:
    """What read() gives for this file, kept while the file is unchanged."""
    try:
        status = path.stat()
    except OSError:
        return read()  # reading names the problem
    return cache.memo(fingerprint("file", path.resolve(), status.st_size, status.st_mtime_ns), read)


def _read_content(path: Path) -> tuple[str, list[Any]]:
    """A deck or poster file: its bucket in Content, and its item in every language."""
    document = read_yaml(path)
    kind = _file_kind(document, path)
    bucket, validate, retarget = FILE_KINDS[kind]
    return bucket, language_versions(document, path, kind, validate, retarget)


def _read_edition(path: Path) -> RegionalEdition:
    return validate_edition(read_yaml(path), path)


def _file_kind(document: Any, path: Path) -> str:
    if isinstance(document, Mapping):
        for kind in FILE_KINDS:
            if kind in document:
                return kind
    raise fail(
        Location(path, getattr(document, "line", 0)),
        _("the file is neither a deck nor a poster"),
        _("a deck starts with 'deck:', a poster with 'poster:'"),
    )


def _add_unique(items: dict[str, Any], ident: str, item: Any, path: Path) -> None:
    if ident in items:
        raise fail(
            Location(path),
            _("the id '{id}' is also used by {file}").format(id=ident, file=items[ident].path.name),
            _("give each file its own id: it names the output files"),
        )
    items[ident] = item
