"""What a page of a PDF draws, as a digest: its content and every object it reaches (fonts,
forms, images, and what it inherits from the page tree), whatever their object numbers. Pages
with the same digest look the same, so an edited card's file is drawn again only where it
changed: one page, not the whole deck."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pikepdf

INHERITED = ("/Resources", "/MediaBox", "/CropBox", "/Rotate")  # ISO 32000-1, table 30
BACK_UP = {"/Parent", "/P"}  # links up the tree (to the pages, an annotation's page): not drawn
ENCODING = {"/Length", "/Filter", "/DecodeParms"}  # how a stream is stored, not what it holds


def page_fingerprints(pdf: Path) -> list[str]:
    """A digest of each page of the PDF, in order."""
    with pikepdf.open(pdf) as document:
        digests = Digests()
        return [digests.page(page.obj) for page in document.pages]


class Digests:
    """Digests of a document's objects, each indirect object's made once."""

    def __init__(self) -> None:
        self._done: dict[tuple[int, int], bytes] = {}
        self._open: set[tuple[int, int]] = set()  # being made: a link back is a cycle

    def page(self, page: pikepdf.Dictionary) -> str:
        digest = hashlib.blake2b(self.of(page), digest_size=12)
        for key in INHERITED:
            if key not in page and (value := inherited(page, key)) is not None:
                digest.update(key.encode() + self.of(value))
        return digest.hexdigest()

    def of(self, item: object) -> bytes:
        key = item.objgen if isinstance(item, pikepdf.Object) and item.is_indirect else None
        if key in self._done:
            return self._done[key]
        if key in self._open:
            return b"cycle"
        if key:
            self._open.add(key)
        digest = hashlib.blake2b(digest_size=16)
        skipped = BACK_UP
        if isinstance(item, pikepdf.Stream):
            digest.update(item.read_bytes())  # decoded: the same however it is compressed
            skipped = BACK_UP | ENCODING
        if isinstance(item, (pikepdf.Dictionary, pikepdf.Stream)):
            for name in sorted(set(item.keys()) - skipped):
                digest.update(name.encode() + self.of(item[name]))
        elif isinstance(item, pikepdf.Array):
            for element in item:
                digest.update(self.of(element))
        elif isinstance(item, pikepdf.Object):  # a name, a string, null
            digest.update(item.unparse())
        else:  # pikepdf gives numbers and booleans as Python's
            digest.update(repr(item).encode())
        if key:
            self._open.discard(key)
            self._done[key] = digest.digest()
        return digest.digest()


def inherited(page: pikepdf.Dictionary, key: str) -> object | None:
    """The value a page takes from its ancestors in the page tree, if any."""
    node = page.get("/Parent")
    while node is not None:
        if key in node:
            return node[key]
        node = node.get("/Parent")
    return None
