"""Translation drift: a text changed in the file's own language since its release while its
translation did not. Each is a warning naming both lines; once a translator has checked the
translation, `voorwie translations-checked` records it (in cards/releases/), and the warning
stays away until the text changes again.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from generator.core.errors import Location, Problem, display_path
from generator.core.i18n import _
from generator.model.deck import Deck
from generator.model.item_names import language_name, shown
from generator.model.poster import Poster
from generator.revise.releases import RELEASES_FOLDER, Product, Release, latest
from generator.validate.content import Content

CHECKED_NAME = "translations-checked.json"
EDITION = "edition"
LOOK_AHEAD = 12  # lines below a text's key where its languages stand


@dataclass(frozen=True)
class Untranslated:
    """A text whose source changed while its translation stayed as released."""

    product: Product  # the translated product
    ref: str
    source_at: Location
    translation_at: Location
    source_language: str
    digest: str  # of the source text now: what a check records

    def __str__(self) -> str:
        return str(Problem(self.source_at, self.message(), self.fix()))

    def message(self) -> str:
        return _(
            "{item}: the {source} text changed since its release, but the {target} one "
            "(line {line}) did not"
        ).format(
            item=shown(self.ref),
            source=language_name(self.source_language),
            target=language_name(self.product.language),
            line=self.translation_at.line,
        )

    def fix(self) -> str:
        return _(
            "update the {target} text; if it is still right, say so with: voorwie "
            "translations-checked {file}"
        ).format(target=language_name(self.product.language),
                 file=display_path(self.source_at.file))  # fmt: skip


def untranslated(
    content: Content, products: list[Product], releases: dict[str, list[Release]], cards: Path
) -> list[Untranslated]:
    """Every text, of every translated deck and poster, whose source changed alone."""
    checked = read_checked(cards)
    items: dict[str, Deck | Poster] = {**content.decks, **content.posters}
    by_file: dict[tuple[str, Path], list[Product]] = {}
    for product in products:
        by_file.setdefault((product.kind, product.file), []).append(product)
    found = []
    for group in by_file.values():
        source = min(group, key=lambda p: len(p.id))  # "x" before its translation "x-en"
        for target in group:
            if target is source or target.id not in items or source.id not in items:
                continue
            found += _drifted(source, target, releases, items, checked.get(target.id, {}))
    return found


def _drifted(
    source: Product, target: Product, releases: dict[str, list[Release]],
    items: dict[str, Deck | Poster], checked: dict[str, str],
) -> list[Untranslated]:  # fmt: skip
    was_source, was_target = latest(releases, source.id), latest(releases, target.id)
    if was_source is None or was_target is None:
        return []
    found = []
    for ref, text in source.texts.items():
        before = was_source.texts.get(ref)
        if ref == EDITION or before is None or before == text:
            continue
        if target.texts.get(ref) != was_target.texts.get(ref):
            continue  # translated too
        digest = digest_of(text)
        if checked.get(ref) == digest:
            continue
        at = items[source.id].location(ref)
        found.append(Untranslated(
            target, ref, _language_line(at, source.language),
            _language_line(items[target.id].location(ref), target.language),
            source.language, digest))  # fmt: skip
    return found


def digest_of(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _language_line(at: Location, language: str) -> Location:
    """The line where a text's version in `language` stands (`nl: …` under `text:`), else
    the text's own line."""
    if not at.line:
        return at
    try:
        lines = at.file.read_text(encoding="utf-8").splitlines()
    except OSError:
        return at
    pattern = re.compile(rf"(^|[{{,\s]){re.escape(language)}\s*:")
    for number in range(at.line, min(at.line + LOOK_AHEAD, len(lines)) + 1):
        if pattern.search(lines[number - 1]):
            return Location(at.file, number)
    return at


def checked_path(cards: Path) -> Path:
    return cards / RELEASES_FOLDER / CHECKED_NAME


def read_checked(cards: Path) -> dict[str, dict[str, str]]:
    """What translators confirmed: by translated product, each text's source digest."""
    try:
        document = json.loads(checked_path(cards).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(document, dict):
        return {}
    return {k: v for k, v in document.items() if isinstance(v, dict)}


def with_checked(cards: Path, found: list[Untranslated]) -> bytes:
    """The record of checked translations with these added, as stable JSON."""
    checked = read_checked(cards)
    for item in found:
        checked.setdefault(item.product.id, {})[item.ref] = item.digest
    return (json.dumps(checked, indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode()
