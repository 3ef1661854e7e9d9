"""Find and check a printer profile: layouts/printers/NAME.yaml in the project's layouts,
else among the generator's own; the project's own profile of a name wins."""

from __future__ import annotations

import difflib
import re
import string
from pathlib import Path

from generator.core.errors import Location, fail
from generator.core.i18n import _
from generator.core.project import shipped_layouts
from generator.model.press import FILE_NAME_FIELDS, DieLine, PressProfile
from generator.validate.places import line_of
from generator.validate.schema_check import read_settings

PRINTERS_FOLDER = "printers"
DEFAULTS = PressProfile("", "PDF/X-1a:2003", "FOGRA39", 300, Path())  # what a key left out means
NAME = re.compile(r"[\w-]+")  # a profile is named by its file: layouts/printers/NAME.yaml


def press_file(name: str, layouts_dir: Path) -> Path:
    """The profile's file: the project's, else the shipped one; an unknown name is an error
    listing the names there are (a name is a file's stem: no folders, no dots)."""
    folders = () if NAME.fullmatch(name) is None else (layouts_dir, shipped_layouts())
    for folder in dict.fromkeys(folders):
        path = folder / PRINTERS_FOLDER / f"{name}.yaml"
        if path.is_file():
            return path
    known = press_names(layouts_dir)
    close = difflib.get_close_matches(name, known, n=1)
    raise fail(
        Location(layouts_dir / PRINTERS_FOLDER),
        _("there is no printer profile '{name}'").format(name=name),
        _("did you mean '{option}'?").format(option=close[0])
        if close
        else _("use one of: {names}").format(names=", ".join(known)),
    )


def press_names(layouts_dir: Path) -> list[str]:
    """Every profile a project can name, its own and the shipped ones."""
    folders = dict.fromkeys((layouts_dir, shipped_layouts()))
    return sorted({p.stem for f in folders for p in (f / PRINTERS_FOLDER).glob("*.yaml")})


def load_press(name: str, layouts_dir: Path) -> PressProfile:
    """The checked profile called name, or an error naming the file, the line and the key."""
    path = press_file(name, layouts_dir)
    doc = read_settings(path, "printer", _("the printer profile is missing"))
    die = doc.get("die_line")
    return PressProfile(
        name,
        doc["standard"],
        doc["condition"],
        float(doc["ink_limit_pct"]),
        path,
        bleed_mm=float(doc.get("bleed_mm", DEFAULTS.bleed_mm)),
        safe_mm=float(doc.get("safe_mm", DEFAULTS.safe_mm)),
        crop_marks=bool(doc.get("crop_marks", False)),
        slug=bool(doc.get("slug", False)),
        die_line=DieLine(float(die["corner_radius_mm"])) if die else None,
        file_name=_file_name(doc, path),
    )


def _file_name(doc: dict, path: Path) -> str:
    """The profile's file-name pattern: only the fields there are, {name} among them."""
    pattern = doc.get("file_name", DEFAULTS.file_name)
    try:
        fields = {field for _text, field, _spec, _conv in string.Formatter().parse(pattern)
                  if field is not None}  # fmt: skip
    except ValueError:
        fields = {""}
    if "name" not in fields or not fields <= set(FILE_NAME_FIELDS):
        raise fail(
            Location(path, line_of(doc, ["file_name"])),
            _("the file-name pattern must contain the field name and may contain only the "
              "fields {fields}").format(fields=", ".join(FILE_NAME_FIELDS)),
            _("put each field in braces, the name among them, as in: {example}").format(
                example="{date}_{name}"),
        )  # fmt: skip
    return pattern
