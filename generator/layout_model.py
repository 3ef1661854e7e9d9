"""The layout model: geometry, fonts, colours and styles a layout declares."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

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


@dataclass(frozen=True)
class TextStyle:
    name: str
    weight: str
    size: float
    leading: float  # multiple of size
    min_size: float
    color: str
    space_after_mm: float


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
class Layout:
    name: str
    folder: Path
    path: Path
    bleed_mm: float
    safe_mm: float
    default_trim: str
    font: FontSpec
    colors: dict[str, Cmyk]
    levels: tuple[Look, ...]
    neutral: Look
    styles: dict[str, TextStyle]
    dimensions: dict[str, float]
    kinds: dict[str, dict[str, str]]  # kind -> {'front': template, 'back': template}
    labels: tuple[str, ...]
    imposition: Imposition

    @staticmethod
    def from_document(doc: dict[str, Any], path: Path) -> Layout:
        font = doc["font"]
        return Layout(
            name=doc["name"],
            folder=path.parent,
            path=path,
            bleed_mm=doc["bleed_mm"],
            safe_mm=doc["safe_mm"],
            default_trim=doc["default_trim"],
            font=FontSpec(
                family=font["family"],
                package=font["package"],
                folder=font["folder"],
                licence=font["licence"],
                files=tuple((w, font[w]) for w in ("regular", "bold", "italic", "bold_italic")),
            ),
            colors={name: tuple(v / 100 for v in cmyk) for name, cmyk in doc["colors"].items()},
            levels=tuple(Look(**look) for look in doc["levels"]),
            neutral=Look(**doc["neutral"]),
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
            imposition=Imposition(**doc["imposition"]),
        )

    def look(self, level_index: int | None) -> Look:
        return self.neutral if level_index is None else self.levels[level_index]
