"""The texts a build prints, per page, as a job for the bare ReportLab baseline."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from generator.core.errors import Location
from generator.core.geometry import PAPER_MM, mm, parse_size
from generator.core.markup import plain
from generator.core.project import Project
from generator.model.deck import Card, Deck
from generator.model.printed_texts import TextKind, printed_on
from generator.validate.content import collect
from generator.validate.layout import load_layout

BLEED_MM = 3.0
POSTER_PAPER = "A3"


def card_pages(deck: Deck, number: int, card: Card) -> list[list[str]]:
    """A card's front (its own texts and the footer) and back (notes label, source, edition)."""
    labels = deck.labels
    front = [
        plain(t.text) for t in printed_on(card, deck) if t.kind is not TextKind.DIGITAL_VERSION_URL
    ]
    front.append(
        f"{deck.title} · {labels.get('card', '')} {number} {labels.get('of', '')} {len(deck.cards)}"
    )
    back = [
        labels.get("notes", ""),
        f"{labels.get('source', '')}: {plain(deck.source)}",
        f"{deck.title} · {labels.get('edition', '')} {deck.edition.version} ({deck.edition.date})",
    ]
    return [front, back]


def _page(width_mm: float, height_mm: float) -> dict[str, float]:
    return {"width_pt": mm(width_mm + 2 * BLEED_MM), "height_pt": mm(height_mm + 2 * BLEED_MM)}


def baseline_job(cards: Path, layouts: Path, with_posters: bool = True) -> dict[str, Any]:
    """Every deck's cards (two pages each) and, if asked, each poster's texts on one A3 page,
    with the paths of the layout's regular and bold font."""
    content = collect(Project(cards=cards, layouts=layouts, output=Path("unused")))
    documents = []
    for deck in content.decks.values():
        trim = parse_size(deck.trim or "A6")
        pages = [
            page
            for number, card in enumerate(deck.cards, start=1)
            for page in card_pages(deck, number, card)
        ]
        documents.append({"name": deck.id, **_page(trim.w, trim.h), "pages": pages})
    if with_posters:
        for poster in content.posters.values():
            texts = [plain(t) for t in poster.texts.values()]
            documents.append(
                {"name": poster.id, **_page(*PAPER_MM[POSTER_PAPER]), "pages": [texts]}
            )
    first = next(iter(content.decks.values()))
    font = load_layout(first.layout, layouts, Location(first.path)).font
    fonts = {weight: str(font.path(weight)) for weight in ("regular", "bold")}
    return {"fonts": fonts, "documents": documents}


def card_count(job: dict[str, Any]) -> int:
    """Cards in a job: two pages per card in the deck documents (the posters are one page)."""
    return sum(len(d["pages"]) // 2 for d in job["documents"] if len(d["pages"]) > 1)


def write_job(job: dict[str, Any], path: Path) -> Path:
    path.write_text(json.dumps(job, ensure_ascii=False), encoding="utf-8")
    return path
