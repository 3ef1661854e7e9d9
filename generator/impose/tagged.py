"""A screen PDF finished as tagged PDF/UA-1: its marked content (render/tags.py) given its
structure tree and the document's marks (impose/structure.py), saved reproducibly."""

from __future__ import annotations

import io

import pikepdf

from generator.impose.identity import own_id
from generator.impose.structure import tag_document
from generator.render.tags import TaggedPdf


def finish_tagged(drawn: TaggedPdf) -> bytes:
    """The drawn PDF, tagged."""
    with pikepdf.open(io.BytesIO(drawn.pdf)) as pdf:
        tag_document(pdf, drawn.tags, drawn.title, drawn.language)
        own_id(pdf)
        buffer = io.BytesIO()
        pdf.save(buffer, deterministic_id=True, compress_streams=False,
                 stream_decode_level=pikepdf.StreamDecodeLevel.none)  # fmt: skip
        return buffer.getvalue()
