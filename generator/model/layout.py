"""The layout model: geometry, fonts, colours and styles a layout declares."""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass, field, fields
from functools import cache
from pathlib import Path
from typing import Any

from reportlab.pdfbase.ttfonts import TTFontFile

Cmyk = tuple[float, float, float, float]  # each 0..1


@dataclass(frozen=True)
class FontSpec:
    family: str
    package: str
    folder: str
    licence: str
    files: tuple[tuple[str, str], ...]  # (weight, file name): 'regular', 'bold', ...

    def file(self, weight: str) -> str:
        return dict(self.files)[weight]

    def path(self, weight: str) -> Path:
        """The font file of a weight, in its installed package (checked by validate.layout)."""
        spec = importlib.util.find_spec(self.package)
        if spec is None or spec.origin is None:
            raise ModuleNotFoundError(f"the font package {self.package} is not installed")
        return Path(spec.origin).parent / self.folder / self.file(weight)

    def covered_characters(self, weight: str) -> frozenset[int]:
        """The code points the given weight has a glyph for."""
        return _covered_characters(self.path(weight))


@dataclass(frozen=True)
class TextStyle:
    name: str
    weight: str
    size: float
    leading: float  # multiple of size
    min_size: float
    color: str
    space_after_mm: float
    align: str = "left"
    hyphenate: bool = True  # titles, headings and names are not broken (a typesetter's rule)
    indent_mm: float = 0.0  # from the frame's left edge (a sub-point's bullet)
    one_line: bool = False  # a footer: never wraps; a text too long for its line is an error
    # "even": titles and headings in lines of even length; "widow": questions never leave one
    # word alone on their last line (where the frame has room to carry the one before down)
    balance: str = ""


@dataclass(frozen=True)
class Look:
    """How a level (or a card without one) is told apart: colour and symbol."""

    color: str
    symbol: str


@dataclass(frozen=True)
class Imposition:
    sheet: str
    sheet_margin_mm: float
    mark_offset_mm: float
    mark_length_mm: float
    mark_width_pt: float
    duplex: str
    card_turn: str


@dataclass(frozen=True)
class Step:
    """The look of one step of an intensity scale: fill colour and the colour of text on it."""

    color: str
    text: str


@dataclass(frozen=True)
class Layout:
    name: str
    folder: Path
    path: Path
    bleed_mm: float
    safe_mm: float
    font: FontSpec
    colors: dict[str, Cmyk]
    styles: dict[str, TextStyle]
    dimensions: dict[str, float]
    kinds: dict[str, dict[str, str]]  # kind -> {'front': template[, 'back': template]}
    labels: tuple[str, ...]
    default_trim: str | None = None
    levels: tuple[Look, ...] = ()
    neutral: Look | None = None
    steps: tuple[Step, ...] = ()
    imposition: Imposition | None = None
    design_mm: tuple[float, float] | None = None  # posters: the size templates are drawn at
    tags: dict[str, str] = field(default_factory=dict)  # a style's role in a tagged PDF

    @staticmethod
    def from_document(doc: dict[str, Any], path: Path) -> Layout:
        font = doc["font"]
        return Layout(
            name=doc["name"],
            folder=path.parent,
            path=path,
            bleed_mm=doc["bleed_mm"],
            safe_mm=doc["safe_mm"],
            font=FontSpec(
                family=font["family"],
                package=font["package"],
                folder=font["folder"],
                licence=font["licence"],
                files=tuple((w, font[w]) for w in ("regular", "bold", "italic", "bold_italic")),
            ),
            colors={name: tuple(v / 100 for v in cmyk) for name, cmyk in doc["colors"].items()},
            styles={
                name: TextStyle(
                    name=name,
                    space_after_mm=s.get("space_after_mm", 0),
                    **{k: v for k, v in s.items() if k != "space_after_mm"},
                )
                for name, s in doc["styles"].items()
            },
            dimensions=dict(doc["dimensions"]),
            kinds={kind: dict(faces) for kind, faces in doc["kinds"].items()},
            labels=tuple(doc["labels"]),
            default_trim=doc.get("default_trim"),
            levels=tuple(Look(**look) for look in doc.get("levels", [])),
            neutral=Look(**doc["neutral"]) if "neutral" in doc else None,
            steps=tuple(Step(**step) for step in doc.get("steps", [])),
            imposition=Imposition(**doc["imposition"]) if "imposition" in doc else None,
            design_mm=tuple(doc["design_mm"]) if "design_mm" in doc else None,
            tags=dict(doc.get("tags", {})),
        )

    @property
    def deck_imposition(self) -> Imposition:
        """How a deck's cards go on office sheets (a deck layout has it: checked by
        check_deck_against_layout)."""
        assert self.imposition is not None, "checked by check_deck_against_layout"
        return self.imposition

    def trim_of(self, own: str | dict[str, float] | None) -> str | dict[str, float]:
        """A deck's trim: its own, else the layout's default (a deck layout has one: checked
        by check_deck_against_layout)."""
        spec = own or self.default_trim
        assert spec is not None, "checked by check_deck_against_layout"
        return spec

    def look(self, level_index: int | None) -> Look:
        if level_index is None:
            assert self.neutral is not None, "checked by check_deck_against_layout"
            return self.neutral
        return self.levels[level_index]


@dataclass(frozen=True)
class FormSettings:
    """layouts/checklist-form/form.yaml: the template that draws the form (in folder), the
    page, measures in mm, and the layout style each part of the form uses (by role)."""

    folder: Path
    template: str
    page: str
    styles: dict[str, str]
    margin_mm: float
    header_pad_mm: float
    title_gap_mm: float
    band_mm: float
    band_symbol_mm: float
    band_pad_mm: float
    band_radius_mm: float
    band_gap_mm: float
    box_mm: float
    sub_box_mm: float
    box_gap_mm: float
    sub_indent_mm: float
    item_gap_mm: float
    group_gap_mm: float
    notes_mm: float
    notes_gap_mm: float
    notes_font_pt: float
    field_border_pt: float
    footer_mm: float


FORM_KEYS = ("folder", "template", "page", "styles")  # the others are measures
MEASURES = tuple(f.name for f in fields(FormSettings) if f.name not in FORM_KEYS)


@dataclass(frozen=True)
class ReportStyle:
    """A kind of line in a report (layouts/report/report.yaml): sizes in pt, spaces in mm."""

    size: float
    leading_pt: float
    weight: str = "regular"
    indent_mm: float = 0
    space_before_mm: float = 0
    space_after_mm: float = 0


@dataclass(frozen=True)
class ReportSettings:
    """layouts/report/report.yaml: the page of the order note and the review report, and a
    style per kind of line (role)."""

    page: str
    bleed_mm: float
    margin_mm: float
    styles: tuple[tuple[str, ReportStyle], ...]  # (role, style): hashable, for a cached note


@dataclass(frozen=True)
class PageSettings:
    """What layouts/html/page.yaml says: the template, embedded weights, labels printed."""

    folder: Path
    template: str
    font_weights: dict[str, int]
    labels: tuple[str, ...]


@cache
def _covered_characters(font_file: Path) -> frozenset[int]:
    return frozenset(TTFontFile(str(font_file)).charToGlyph)
