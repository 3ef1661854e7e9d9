"""The faces of a poster: the continuum with its flowchart, and the blank workshop sheet."""

from __future__ import annotations

from collections.abc import Callable

from generator.core.cache import RenderCache
from generator.core.errors import Location
from generator.core.geometry import PAPER_MM, Size
from generator.model.deck import Deck, printed
from generator.model.layout import Layout
from generator.model.poster import Poster
from generator.model.product_kinds import POSTER_PAGES
from generator.render.document import DocumentInfo, RenderedDocument, render_document
from generator.render.faces import Face, FacePainter
from generator.render.views import poster_view

POSTER_KINDS = POSTER_PAGES  # the kinds of poster page


def printed_size(size: str, design: Size) -> Size:
    """An ISO size in the design's orientation."""
    short, long = sorted(PAPER_MM[size])
    return Size(long, short) if design.w > design.h else Size(short, long)


def places(poster: Poster, deck: Deck) -> Callable[[str], Location]:
    """Where a poster's texts stand: its own in the poster file, the start question and the
    levels it shows in the deck's."""

    def locate(ref: str) -> Location:
        for where in (poster.locations, deck.locations):
            if ref in where:
                return where[ref]
        return Location(poster.path)

    return locate


def poster_face(
    poster: Poster, deck: Deck, layout: Layout, kind: str, size: str, side: str = "front"
) -> Face:
    """One side of a poster page of the given kind (the poster, the workshop sheet)."""
    view = poster_view(poster, deck, layout)
    values = {
        "poster": printed(poster),
        "labels": poster.labels,
        "start": view.start,
        "levels": view.deck.levels,
        "steps": view.steps,
        "region": poster.region,
        "route": poster.route,
        "looks": view.looks,
        "names": view.names,
    }
    return Face(
        layout.kinds[kind][side],
        values,
        f"poster '{poster.product_id}' ({kind}{'' if side == 'front' else ', ' + side}, {size})",
        "intro",
    )


def poster_faces(poster: Poster, deck: Deck, layout: Layout, kind: str, size: str) -> list[Face]:
    """The pages of one poster print file: the front, and the back where the layout has one
    (the poster's companion, printed duplex)."""
    sides = [side for side in ("front", "back") if side in layout.kinds[kind]]
    return [poster_face(poster, deck, layout, kind, size, side) for side in sides]


def render_poster(
    poster: Poster,
    deck: Deck,
    layout: Layout,
    kind: str,
    size: str,
    color_model: str = "cmyk",
    cache: RenderCache | None = None,
) -> RenderedDocument:
    """One poster page of the given kind, at an ISO size, scaled from the layout's design."""
    if layout.design_mm is None:  # validate.layout requires it of a poster's layout
        raise ValueError(f"the poster layout {layout.name} has no design_mm")
    design = Size(*layout.design_mm)
    trim = printed_size(size, design)
    scale = min(trim.w / design.w, trim.h / design.h)
    slack = max(trim.w - design.w * scale, trim.h - design.h * scale) / 2
    painter = FacePainter(layout, poster.language, design, places(poster, deck), scale, slack,
                          color_model, cache, poster.hyphenation)  # fmt: skip
    faces = poster_faces(poster, deck, layout, kind, size)
    title = poster.title if poster.region is None else f"{poster.title} ({poster.region.name})"
    info = DocumentInfo(
        title=title,
        author=poster.source,
        subject=f"{title}, edition {poster.edition.version} ({poster.edition.date})",
        language=poster.language,
        passages=poster.passages,
    )
    return render_document(faces, painter, info, trim)
