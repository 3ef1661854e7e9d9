"""Find a layout's folder by name and read its files: layout.yaml (and its base's), and a
fingerprint of every file a layout's products are drawn from."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from generator.core.cache import fingerprint
from generator.core.errors import Location, fail
from generator.core.i18n import _
from generator.load.yaml_file import Mapping, read_yaml

LAYOUT_FILE = "layout.yaml"


@dataclass(frozen=True)
class LayoutFile:
    """A layout.yaml as written, and the file its `base:` names (read the same way)."""

    path: Path
    document: object
    base: LayoutFile | None = None


def read_layout_file(name: str, layouts_dir: Path, asked_at: Location) -> LayoutFile:
    """layouts_dir/name/layout.yaml and its base; asked_at is where a deck names the layout."""
    available = sorted(p.parent.name for p in layouts_dir.glob(f"*/{LAYOUT_FILE}"))
    if name not in available:
        close = difflib.get_close_matches(name, available, n=1)
        raise fail(
            asked_at,
            _("there is no layout '{name}' in {folder}/").format(name=name, folder=layouts_dir),
            _("did you mean '{option}'?").format(option=close[0])
            if close
            else _("layouts available: {names}").format(names=", ".join(available) or _("none")),
        )
    path = layouts_dir / name / LAYOUT_FILE
    document = read_yaml(path)
    if isinstance(document, Mapping) and isinstance(document.get("base"), str):
        line = document.key_lines.get("base", document.line)
        base = read_layout_file(document["base"], layouts_dir, Location(path, line))
        return LayoutFile(path, document, base)
    return LayoutFile(path, document)


def folder_fingerprint(*folders: Path) -> str:
    """A hash of the names and bytes of every file in the folders: what a layout's products
    are drawn from (its layout.yaml, templates and settings)."""
    files = sorted(path for folder in folders for path in folder.rglob("*") if path.is_file())
    return fingerprint(*((str(path), path.read_bytes()) for path in files))
