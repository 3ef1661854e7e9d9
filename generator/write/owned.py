"""What the generator owns in its output folder: the files it made, each with the product it
came from, recorded in the manifest. A build removes the files of products whose content is
gone (a deck deleted or renamed, a translation dropped); nothing else in the folder is
touched, and a build that read only some content files removes nothing."""

from __future__ import annotations

import json
from pathlib import Path

from generator.core.errors import display_path
from generator.core.i18n import _
from generator.revise.manifest import MANIFEST_NAME


def recorded(folder: Path) -> dict:
    """The manifest an earlier build left in folder ({} if none, or not one of ours)."""
    try:
        document = json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return document if isinstance(document, dict) else {}


def recorded_outputs(document: dict) -> dict[str, str]:
    outputs = document.get("outputs")
    if not isinstance(outputs, dict):
        return {}
    return {name: label for name, label in outputs.items()
            if isinstance(name, str) and isinstance(label, str)}  # fmt: skip


def settle(
    earlier: dict[str, str], made: dict[str, str], products: set[str] | None
) -> tuple[dict[str, str], list[str]]:
    """The record of what the folder now holds, and the files to remove.

    earlier: the files an earlier build recorded, with their product; made: this build's;
    products: every product the content now has (None: only some content was read, so what
    is gone cannot be told, and nothing is removed)."""
    if products is None:
        return {**earlier, **made}, []
    gone = sorted(name for name, product in earlier.items()
                  if product not in products and name not in made)  # fmt: skip
    kept = {name: product for name, product in earlier.items() if product in products}
    return {**kept, **made}, gone


def remove(folder: Path, names: list[str]) -> tuple[list[Path], list[str]]:
    """Remove these files of ours from folder (plain names only); those already gone are
    skipped. Returns what was removed, and a message for each file that could not be (the
    new files are written by then: that is worth saying, not an error)."""
    removed, failed = [], []
    for name in names:
        path = folder / name
        if Path(name).name != name or name.startswith(".") or name == MANIFEST_NAME:
            continue
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as error:
            message = _("{file}: could not remove this old output ({error}); remove it by hand")
            failed.append(message.format(file=display_path(path), error=error.strerror))
            continue
        removed.append(path)
    return removed, failed
