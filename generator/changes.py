"""What changed since the latest release, an earlier manifest or a git revision: a report,
and the cards to reprint.

Items are compared by id across a whole deck, so a question that moved to another card is
'moved', not 'changed'; a card whose content hash changed is reprinted. A poster is compared
text by text with its latest release, and reprinted whole.
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
from generator.i18n import _
from generator.item_names import kind_name

ITEM_NOUNS = {"question": "question", "point": "point", "subpoint": "sub-point",
              "section": "section"}  # fmt: skip


@dataclass
class DeckChanges:
    deck: str  # the product: a deck, or a poster (kind)
    edition: str = ""  # the edition compared, as printed: "1.1 (2026-12-01)"
    compared_with: str = ""  # "release 1.0 of 2026-11-23", a revision or manifest; "": none
    kind: str = "deck"
    added: list[tuple[str, str]] = field(default_factory=list)  # (item, text)
    removed: list[tuple[str, str]] = field(default_factory=list)
    changed: list[tuple[str, str, str]] = field(default_factory=list)  # (item, old, new)
    moved: list[tuple[str, str, str]] = field(default_factory=list)  # (item, from card, to card)
    reprint: list[str] = field(default_factory=list)  # card ids; a poster: its print files

    def __bool__(self) -> bool:
        return not self.compared_with or any(
            (self.added, self.removed, self.changed, self.moved, self.reprint)
        )


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


def _items(deck: dict) -> dict[str, tuple[str, str]]:
    """item key → (card id, text), for questions, points and sections."""
    return {
        key: (card["id"], text)
        for card in deck["cards"]
        for key, text in card["texts"].items()
        if key.split(":")[0] in ITEM_NOUNS and not key.endswith(":heading")
    }


def compare(old: dict, new: dict, compared_with: str) -> list[DeckChanges]:
    """Each deck of the new manifest against the same deck in the old one."""
    report = []
    for deck_id, deck in sorted(new["decks"].items()):
        before = old.get("decks", {}).get(deck_id, {"cards": []})
        changes = DeckChanges(deck_id, _stamp(deck), compared_with)
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


def compare_texts(
    product: str,
    edition: str,
    old: dict[str, str],
    new: dict[str, str],
    compared_with: str,
    print_files: list[str],
) -> DeckChanges:
    """A poster against its release, text by text: any change reprints it whole (its print
    files)."""
    changes = DeckChanges(product, edition, compared_with, kind="poster")
    changes.added = [(key, new[key]) for key in sorted(new.keys() - old.keys())]
    changes.removed = [(key, old[key]) for key in sorted(old.keys() - new.keys())]
    changes.changed = [(key, old[key], new[key]) for key in sorted(old.keys() & new.keys())
                       if old[key] != new[key]]  # fmt: skip
    if changes.added or changes.removed or changes.changed:
        changes.reprint = print_files
    return changes


def _stamp(deck: dict) -> str:
    edition = deck.get("edition", {})
    return f"{edition.get('version', '?')} ({edition.get('date', '?')})"


# A report as blocks of text, each with its role, for the Markdown and the PDF alike.
Block = tuple[str, str]  # (role: title, deck, about, item, text, reprint, body; text)


def report_blocks(report: list[DeckChanges], since: str) -> list[Block]:
    """The report in the reader's words; ids, keys and the content's texts as they are."""
    blocks: list[Block] = [("title", report_title(since))]
    if not report:
        blocks.append(("body", _("No changes.")))
    for changes in report:
        blocks.append(("deck", f"{kind_name(changes.kind)} {changes.deck}"))
        blocks.append(("about", _about(changes)))
        blocks += [("item", _("added {item}: {text}").format(item=k, text=text))
                   for k, text in changes.added]  # fmt: skip
        blocks += [("item", _("removed {item}: {text}").format(item=k, text=text))
                   for k, text in changes.removed]  # fmt: skip
        for key, old, new in changes.changed:
            blocks += [("item", _("changed {item}").format(item=key)),
                       ("text", _("was: {text}").format(text=old)),
                       ("text", _("now: {text}").format(text=new))]  # fmt: skip
        moved = _("moved {item}: from card {old} to card {new}")
        blocks += [("item", moved.format(item=k, old=a, new=b)) for k, a, b in changes.moved]
        if changes.reprint:
            reprint = _("Reprint: {files}").format(files=", ".join(changes.reprint))
            blocks.append(("reprint", reprint))
    return blocks


def report_title(since: str) -> str:
    return _("Changes since {since}").format(since=since)


def _about(changes: DeckChanges) -> str:
    if not changes.compared_with:
        return _("Edition {edition}, not released yet: nothing to compare with; the whole "
                 "{kind} is new. After printing it, run release.").format(
            edition=changes.edition, kind=kind_name(changes.kind))  # fmt: skip
    return _("Edition {edition}, compared with {earlier}.").format(
        edition=changes.edition, earlier=changes.compared_with
    )


# Each role in Markdown: (a blank line before it, its line, a blank line after it).
MARKDOWN = {"title": (False, "# {}", True), "deck": (True, "## {}", True),
            "about": (False, "{}", True), "item": (False, "- {}", False),
            "text": (False, "  - {}", False), "reprint": (True, "{}", False),
            "body": (False, "{}", False)}  # fmt: skip


def as_markdown(report: list[DeckChanges], since: str) -> str:
    lines: list[str] = []
    for role, text in report_blocks(report, since):
        before, line, after = MARKDOWN[role]
        if before and lines and lines[-1]:
            lines.append("")
        lines += [line.format(text), *([""] if after else [])]
    return "\n".join(lines).rstrip() + "\n"
