"""What changed since an earlier manifest or git revision: a report, and the cards to reprint.

Items are compared by id across a whole deck, so a question that moved to another card is
'moved', not 'changed'; a card whose content hash changed is reprinted.
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

from generator.errors import Location, fail

ITEM_NOUNS = {"question": "question", "point": "point", "section": "section"}


@dataclass
class DeckChanges:
    deck: str
    added: list[tuple[str, str]] = field(default_factory=list)  # (item, text)
    removed: list[tuple[str, str]] = field(default_factory=list)
    changed: list[tuple[str, str, str]] = field(default_factory=list)  # (item, old, new)
    moved: list[tuple[str, str, str]] = field(default_factory=list)  # (item, from card, to card)
    reprint: list[str] = field(default_factory=list)  # card ids

    def __bool__(self) -> bool:
        return any((self.added, self.removed, self.changed, self.moved, self.reprint))


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
                "this is not a manifest file",
                "give output/manifest.json of an earlier build, or a git revision",
            )
        return document
    archive = subprocess.run(["git", "archive", "--format=tar", reference, "cards", "layouts"],
                             capture_output=True)  # fmt: skip
    if archive.returncode != 0:
        raise fail(
            Location(Path(reference)),
            "neither a manifest file nor a git revision",
            "give output/manifest.json of an earlier build, or a revision such as HEAD~1",
        )
    with tempfile.TemporaryDirectory() as folder:
        with tarfile.open(fileobj=BytesIO(archive.stdout)) as tar:
            tar.extractall(folder, filter="data")
        return json.loads(build_manifest(Path(folder) / "cards", Path(folder) / "layouts"))


def _items(deck: dict) -> dict[str, tuple[str, str]]:
    """item key → (card id, text), for questions, points and sections."""
    return {
        key: (card["id"], text)
        for card in deck["cards"]
        for key, text in card["texts"].items()
        if key.split(":")[0] in ITEM_NOUNS and not key.endswith(":heading")
    }


def compare(old: dict, new: dict) -> list[DeckChanges]:
    report = []
    for deck_id, deck in sorted(new["decks"].items()):
        before = old.get("decks", {}).get(deck_id, {"cards": []})
        changes = DeckChanges(deck_id)
        was, now = _items(before), _items(deck)
        for key in sorted(now.keys() - was.keys()):
            changes.added.append((key, now[key][1]))
        for key in sorted(was.keys() - now.keys()):
            changes.removed.append((key, was[key][1]))
        for key in sorted(was.keys() & now.keys()):
            if was[key][1] != now[key][1]:
                changes.changed.append((key, was[key][1], now[key][1]))
            if was[key][0] != now[key][0]:
                changes.moved.append((key, was[key][0], now[key][0]))
        hashes = {card["id"]: card["hash"] for card in before["cards"]}
        changes.reprint = [c["id"] for c in deck["cards"] if hashes.get(c["id"]) != c["hash"]]
        if changes:
            report.append(changes)
    return report


def as_markdown(report: list[DeckChanges], since: str) -> str:
    lines = [f"# Changes since {since}", ""]
    if not report:
        lines.append("No changes.")
    for changes in report:
        lines += [f"## {changes.deck}", ""]
        lines += [f"- added {key}: {text}" for key, text in changes.added]
        lines += [f"- removed {key}: {text}" for key, text in changes.removed]
        for key, old, new in changes.changed:
            lines += [f"- changed {key}", f"  - was: {old}", f"  - now: {new}"]
        lines += [f"- moved {key}: from card {a} to card {b}" for key, a, b in changes.moved]
        if changes.reprint:
            lines += ["", f"Reprint: {', '.join(changes.reprint)}"]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
