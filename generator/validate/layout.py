"""Find and check a layout, and check that a deck can be laid out with it."""

from __future__ import annotations

import difflib
import importlib.util
from pathlib import Path

from generator.errors import Location, Problem, UserError
from generator.geometry import PAPER_MM, parse_size
from generator.layout_model import Layout
from generator.load.layout_files import LayoutFile, read_layout_file
from generator.load.yaml_file import Mapping
from generator.model import Deck
from generator.poster_model import Poster
from generator.validate.schema_check import check_schema, line_of

# A card's sides, in mm, as the deck schema allows them for {width_mm, height_mm}; a written
# size ("10x10") is held to the same.
TRIM_MM = (40, 420)


def load_layout(name: str, layouts_dir: Path, asked_at: Location) -> Layout:
    """The checked layout called name; asked_at is where a deck names it."""
    return checked_layout(read_layout_file(name, layouts_dir, asked_at))


def checked_layout(source: LayoutFile) -> Layout:
    """A layout file, checked: its base on its own first, then the whole as it sees it."""
    doc = source.document
    if source.base is not None:
        checked_layout(source.base)
        doc = _inherit(doc, source.base.document)
    problems = check_schema(doc, "layout", source.path)
    if problems:
        raise UserError(problems)
    problems = _references(doc, source.path)
    if problems:
        raise UserError(problems)
    return Layout.from_document(doc, source.path)


# Keys whose entries a layout adds to its base's, rather than replacing them whole.
MERGED_KEYS = ("colors", "styles", "dimensions")


def _inherit(doc: Mapping, base: Mapping) -> Mapping:
    """doc on top of its base: doc's keys win; colours, styles and dimensions are merged."""
    merged = Mapping({**base, **doc})
    merged.line, merged.key_lines = doc.line, {**base.key_lines, **doc.key_lines}
    for key in MERGED_KEYS:
        if key in base and key in doc:
            entries = Mapping({**base[key], **doc[key]})
            entries.line, entries.key_lines = (
                doc[key].line,
                {**base[key].key_lines, **doc[key].key_lines},
            )
            merged[key] = entries
    merged.pop("base")  # the whole stands on its own now: the schema requires everything
    return merged


def _references(doc: dict, path: Path) -> list[Problem]:
    """Colours, templates, trim and font files a layout names must exist."""
    problems: list[Problem] = []

    def problem(where: list, message: str, hint: str) -> None:
        problems.append(Problem(Location(path, line_of(doc, where)), message, hint))

    colors = list(doc["colors"])
    uses = [(["levels", i, "color"], look["color"]) for i, look in enumerate(doc.get("levels", []))]
    if "neutral" in doc:
        uses.append((["neutral", "color"], doc["neutral"]["color"]))
    uses += [(["styles", name, "color"], style["color"]) for name, style in doc["styles"].items()]
    for i, step in enumerate(doc.get("steps", [])):
        uses += [(["steps", i, "color"], step["color"]), (["steps", i, "text"], step["text"])]
    for where, color in uses:
        if color not in colors:
            close = difflib.get_close_matches(color, colors, n=1)
            problem(
                where,
                f"unknown colour '{color}'",
                f"did you mean '{close[0]}'?" if close else "define it under colors:",
            )
    for kind, faces in doc["kinds"].items():
        for side, template in faces.items():
            if not (path.parent / template).is_file():
                problem(
                    ["kinds", kind, side],
                    f"the template '{template}' is not in {path.parent}/",
                    "create it, or correct the name",
                )
    if "default_trim" in doc and doc["default_trim"] not in PAPER_MM:
        problem(
            ["default_trim"],
            f"unknown paper size '{doc['default_trim']}'",
            f"use one of {', '.join(PAPER_MM)}",
        )
    for weight in ("regular", "bold", "italic", "bold_italic"):
        font = doc["font"]
        spec = importlib.util.find_spec(font["package"])
        if spec is None or spec.origin is None:
            problem(
                ["font", "package"],
                f"the font package '{font['package']}' is not installed",
                "run `make` to install the project's dependencies",
            )
            break
        if not (Path(spec.origin).parent / font["folder"] / font[weight]).is_file():
            problem(
                ["font", weight],
                f"the font file '{font[weight]}' is not in package '{font['package']}'",
                "check the file name in the package's folder",
            )
    for name, style in doc["styles"].items():
        if style["min_size"] > style["size"]:
            problem(
                ["styles", name, "min_size"],
                f"style '{name}': min_size is larger than size",
                "min_size is the smallest size text may shrink to",
            )
    return problems


def check_deck_against_layout(deck: Deck, layout: Layout) -> list[Problem]:
    """Problems that only show when a deck meets its layout: kinds, levels and labels."""
    problems = [
        Problem(
            Location(layout.path),
            f"layout '{layout.name}' has no {key}, which a deck of cards needs",
            f"add {key}: to {layout.path.name}, or choose a card layout",
        )
        for key in ("default_trim", "neutral", "imposition")
        if getattr(layout, key) is None
    ]
    problems += [
        Problem(Location(layout.path), f"kind '{kind}' has no back", "add back: with a template")
        for kind, faces in layout.kinds.items()
        if "back" not in faces
    ]
    for card in deck.cards:
        if card.kind not in layout.kinds:
            problems.append(
                Problem(
                    deck.location(card.ref),
                    f"{card.ref}: layout '{layout.name}' has no kind '{card.kind}'",
                    f"kinds in this layout: {', '.join(layout.kinds)}",
                )
            )
    if deck.trim is not None:
        trim = parse_size(deck.trim)
        if not all(TRIM_MM[0] <= side <= TRIM_MM[1] for side in (trim.w, trim.h)):
            problems.append(
                Problem(
                    deck.location("deck › trim"),
                    f"deck › trim: a {trim.w:g} x {trim.h:g} mm card; a card is "
                    f"{TRIM_MM[0]} to {TRIM_MM[1]} mm a side",
                    'choose a trim such as A6 or A7, or a size in mm such as "85x55"',
                )
            )
    if len(deck.levels) > len(layout.levels):
        problems.append(
            Problem(
                deck.location(deck.levels[len(layout.levels)].ref),
                f"the deck has {len(deck.levels)} levels; layout '{layout.name}' styles only "
                f"{len(layout.levels)}",
                f"add a colour and symbol under levels: in {layout.path}",
            )
        )
    return problems + _missing_labels(deck.labels, layout, deck.location("labels"))


def check_poster_layout(poster: Poster, layout: Layout) -> list[Problem]:
    """A poster needs a design size, a look per intensity, both faces and its labels."""
    where = Location(layout.path)
    problems = []
    if layout.design_mm is None:
        problems.append(
            Problem(
                where,
                f"layout '{layout.name}' has no design_mm, which a poster needs",
                "add design_mm: [width, height]",
            )
        )
    steps = int(layout.dimensions.get("flow_boxes", 0)) - 1  # the first box: the start question
    if len(poster.flow) != steps:
        problems.append(
            Problem(
                poster.location(f"step '{poster.flow[-1].id}'") if poster.flow else where,
                f"poster '{poster.id}' has {len(poster.flow)} flowchart step(s); layout "
                f"'{layout.name}' draws {steps} (flow_boxes: {steps + 1}, the start question "
                "and the steps)",
                f"give the flowchart {steps} step(s), or change flow_boxes in {layout.path.name}",
            )
        )
    if len(layout.steps) < len(poster.intensities):
        problems.append(
            Problem(
                where,
                f"poster '{poster.id}' has {len(poster.intensities)} "
                f"intensities; layout '{layout.name}' styles "
                f"{len(layout.steps)}",
                "add a look under steps:",
            )
        )
    problems += [
        Problem(
            where,
            f"layout '{layout.name}' has no kind '{kind}', which a poster needs",
            f"add {kind}: {{front: ...}} under kinds:",
        )
        for kind in ("poster", "workshop")
        if kind not in layout.kinds
    ]
    return problems + _missing_labels(poster.labels, layout, poster.location("labels"))


def _missing_labels(labels: dict[str, str], layout: Layout, where: Location) -> list[Problem]:
    problems = []
    for label in layout.labels:
        if label not in labels:
            close = difflib.get_close_matches(label, list(labels), n=1)
            hint = f"add '{label}: ...' under labels:"
            if close:
                hint += f" (is '{close[0]}' a typo for it?)"
            problems.append(Problem(
                where,
                f"labels: the label '{label}' is missing; layout '{layout.name}' prints it",
                hint,
            ))  # fmt: skip
    return problems
