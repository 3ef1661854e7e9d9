"""Find and check a layout, and check that a deck can be laid out with it."""

from __future__ import annotations

import difflib
import importlib.util
from pathlib import Path
from typing import Any, cast

from generator.core.errors import Location, Problem, UserError
from generator.core.geometry import PAPER_MM, parse_size
from generator.core.i18n import _, number
from generator.load.layout_files import LayoutFile, read_layout_file
from generator.load.yaml_file import Mapping
from generator.model.deck import Deck
from generator.model.item_names import shown
from generator.model.layout import Layout
from generator.model.poster import Poster
from generator.validate.dimensions import dimension_problems
from generator.validate.places import line_of
from generator.validate.schema_check import check_schema

# A card's sides, in mm, as the deck schema allows them for {width_mm, height_mm}; a written
# size ("10x10") is held to the same.
TRIM_MM = (40, 420)


def load_layout(name: str, layouts_dir: Path, asked_at: Location) -> Layout:
    """The checked layout called name; asked_at is where a deck names it."""
    return checked_layout(read_layout_file(name, layouts_dir, asked_at))


def checked_layout(source: LayoutFile) -> Layout:
    """A layout file, checked: its base on its own first, then the whole as it sees it."""
    doc: Any = source.document  # whatever the YAML holds: the schema check says what is wrong
    if source.base is not None:
        checked_layout(source.base)
        doc = _inherit(doc, cast(Mapping, source.base.document))  # checked on its own above
    problems = check_schema(doc, "layout", source.path)
    if problems:
        raise UserError(problems)
    problems = _references(doc, source.path)
    problems += dimension_problems(cast(Mapping, source.document), doc["dimensions"], source.path)
    if problems:
        raise UserError(problems)
    return Layout.from_document(doc, source.path)


# Keys whose entries a layout adds to its base's, rather than replacing them whole.
MERGED_KEYS = ("colors", "styles", "dimensions", "tags")


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
                _("unknown colour '{color}'").format(color=color),
                _("did you mean '{option}'?").format(option=close[0])
                if close
                else _("define it under colors:"),
            )
    for kind, faces in doc["kinds"].items():
        for side, template in faces.items():
            if not (path.parent / template).is_file():
                problem(
                    ["kinds", kind, side],
                    _("the template '{template}' is not in {folder}/").format(
                        template=template, folder=path.parent
                    ),
                    _("create it, or correct the name"),
                )
    if "default_trim" in doc and doc["default_trim"] not in PAPER_MM:
        problem(
            ["default_trim"],
            _("unknown paper size '{size}'").format(size=doc["default_trim"]),
            _("use one of {sizes}").format(sizes=", ".join(PAPER_MM)),
        )
    for weight in ("regular", "bold", "italic", "bold_italic"):
        font = doc["font"]
        spec = importlib.util.find_spec(font["package"])
        if spec is None or spec.origin is None:
            problem(
                ["font", "package"],
                _("the font package '{package}' is not installed").format(package=font["package"]),
                _("run `make` to install the project's dependencies"),
            )
            break
        if not (Path(spec.origin).parent / font["folder"] / font[weight]).is_file():
            problem(
                ["font", weight],
                _("the font file '{file}' is not in package '{package}'").format(
                    file=font[weight], package=font["package"]
                ),
                _("check the file name in the package's folder"),
            )
    for name in doc.get("tags", {}):
        if name not in doc["styles"]:
            close = difflib.get_close_matches(name, list(doc["styles"]), n=1)
            problem(
                ["tags", name],
                _("tags: there is no style '{style}'").format(style=name),
                _("did you mean '{option}'?").format(option=close[0])
                if close
                else _("name a style of styles:"),
            )
    for name, style in doc["styles"].items():
        if style["min_size"] > style["size"]:
            problem(
                ["styles", name, "min_size"],
                _("style '{style}': min_size is larger than size").format(style=name),
                _("min_size is the smallest size text may shrink to"),
            )
    return problems


def check_deck_against_layout(deck: Deck, layout: Layout) -> list[Problem]:
    """Problems that only show when a deck meets its layout: kinds, levels and labels."""
    problems = [
        Problem(
            Location(layout.path),
            _("layout '{layout}' has no {key}, which a deck of cards needs").format(
                layout=layout.name, key=key
            ),
            _("add {key}: to {file}, or choose a card layout").format(
                key=key, file=layout.path.name
            ),
        )
        for key in ("default_trim", "neutral", "imposition")
        if getattr(layout, key) is None
    ]
    problems += [
        Problem(
            Location(layout.path),
            _("kind '{kind}' has no back").format(kind=kind),
            _("add back: with a template"),
        )
        for kind, faces in layout.kinds.items()
        if "back" not in faces
    ]
    for card in deck.cards:
        if card.kind not in layout.kinds:
            problems.append(
                Problem(
                    deck.location(card.ref),
                    _("{item}: layout '{layout}' has no kind '{kind}'").format(
                        item=shown(card.ref), layout=layout.name, kind=card.kind
                    ),
                    _("kinds in this layout: {kinds}").format(kinds=", ".join(layout.kinds)),
                )
            )
    problems += _one_card_problems(deck, layout)
    if deck.trim is not None:
        trim = parse_size(deck.trim)
        if not all(TRIM_MM[0] <= side <= TRIM_MM[1] for side in (trim.w, trim.h)):
            problems.append(
                Problem(
                    deck.location("deck › trim"),
                    _(
                        "deck › trim: a {width} x {height} mm card; a card is {least} to "
                        "{most} mm a side"
                    ).format(
                        width=number(trim.w),
                        height=number(trim.h),
                        least=TRIM_MM[0],
                        most=TRIM_MM[1],
                    ),
                    _('choose a trim such as A6 or A7, or a size in mm such as "85x55"'),
                )
            )
    if len(deck.levels) > len(layout.levels):
        problems.append(
            Problem(
                deck.location(deck.levels[len(layout.levels)].ref),
                _("the deck has {count} levels; layout '{layout}' styles only {styled}").format(
                    count=len(deck.levels), layout=layout.name, styled=len(layout.levels)
                ),
                _("add a colour and symbol under levels: in {file}").format(file=layout.path),
            )
        )
    return problems + _missing_labels(deck.labels, layout, deck.location("labels"))


# The layout's kind that draws each form of a deck's one-card (`one_card:` in the deck).
ONE_CARD_KINDS = {"card": "one-card", "folded": "one-card-folded"}


def _one_card_problems(deck: Deck, layout: Layout) -> list[Problem]:
    """A deck that asks for the one-card needs question cards, and a layout that draws it."""
    if not deck.one_card:
        return []
    where = deck.location("deck › one_card")
    problems = []
    kind = ONE_CARD_KINDS[deck.one_card]
    if kind not in layout.kinds:
        problems.append(Problem(
            where,
            _("deck › one_card: layout '{layout}' has no kind '{kind}' to draw the one-card")
            .format(layout=layout.name, kind=kind),
            _("add {kind}: {{front: ..., back: ...}} under kinds: in {file}, or remove "
              "`one_card:`").format(kind=kind, file=layout.path.name),
        ))  # fmt: skip
    if not deck.has_checklist:
        problems.append(Problem(
            where,
            _("deck › one_card: the deck has no question cards to put on one card"),
            _("remove `one_card:`, or give the deck cards of kind: questions"),
        ))  # fmt: skip
    return problems


def check_poster_layout(poster: Poster, layout: Layout) -> list[Problem]:
    """A poster needs a design size, a look per intensity, both faces and its labels."""
    where = Location(layout.path)
    problems = []
    if layout.design_mm is None:
        problems.append(
            Problem(
                where,
                _("layout '{layout}' has no design_mm, which a poster needs").format(
                    layout=layout.name
                ),
                _("add design_mm: [width, height]"),
            )
        )
    steps = int(layout.dimensions.get("flow_boxes", 0)) - 1  # the first box: the start question
    if len(poster.flow) != steps:
        problems.append(
            Problem(
                poster.location(f"step '{poster.flow[-1].id}'") if poster.flow else where,
                _(
                    "poster '{poster}' has {count} flowchart step(s); layout '{layout}' draws "
                    "{steps} (flow_boxes: {boxes}, the start question and the steps)"
                ).format(
                    poster=poster.id,
                    count=len(poster.flow),
                    layout=layout.name,
                    steps=steps,
                    boxes=steps + 1,
                ),
                _("give the flowchart {steps} step(s), or change flow_boxes in {file}").format(
                    steps=steps, file=layout.path.name
                ),
            )
        )
    if len(layout.steps) < len(poster.intensities):
        problems.append(
            Problem(
                where,
                _(
                    "poster '{poster}' has {count} intensities; layout '{layout}' styles {styled}"
                ).format(
                    poster=poster.id,
                    count=len(poster.intensities),
                    layout=layout.name,
                    styled=len(layout.steps),
                ),
                _("add a look under steps:"),
            )
        )
    problems += [
        Problem(
            where,
            _("layout '{layout}' has no kind '{kind}', which a poster needs").format(
                layout=layout.name, kind=kind
            ),
            _("add {kind}: {{front: ...}} under kinds:").format(kind=kind),
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
            hint = _("add '{label}: ...' under labels:").format(label=label)
            if close:
                hint = _("add '{label}: ...' under labels: (is '{option}' a typo for it?)").format(
                    label=label, option=close[0]
                )
            problems.append(Problem(
                where,
                _("labels: the label '{label}' is missing; layout '{layout}' prints it").format(
                    label=label, layout=layout.name
                ),
                hint,
            ))  # fmt: skip
    return problems
