"""Pictures of the print files for the page: each page of a PDF as a PNG cut to the trim.
A file is read again only when it changed on disk, and in it only the pages that draw
something new are drawn: a picture is named by its page's fingerprint (what the page draws),
so a page that looks the same keeps its name (and the browser its copy)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from generator.desk.preview import page_images, pdf_text, png
from generator.desk.serve.fingerprint import page_fingerprints

DPI = 126  # 1.75 pixels per point: an A6 card face is 734 pixels high
MAX_SIDE_PX = 2100  # an A3 poster at the same scale; larger posters are drawn smaller
KEPT_OLD = 200  # pictures no longer shown, kept for a page that asks late or an undo


@dataclass(frozen=True)
class Picture:
    name: str  # "proef_print-1a2b3c4d5e6f7a8b9c0d1e2f.png": unique for what its page draws
    width: int
    height: int
    text: str  # the words on the page, from the PDF's text layer


@dataclass(frozen=True)
class Drawn:
    """A PDF's pictures, one per page, and its title."""

    title: str
    pages: list[Picture]
    stamp: tuple[int, int, int]  # the file's inode, size and time written, when read


class Pictures:
    """The pictures of every PDF asked for; the server's threads read them while the next
    version is drawn."""

    def __init__(self) -> None:
        self._drawn: dict[Path, Drawn] = {}
        self._kept: OrderedDict[str, tuple[Picture, bytes]] = OrderedDict()  # shown ones last
        self._lock = threading.Lock()

    def refresh(self, pdfs: Iterable[Path]) -> set[str]:
        """Read each PDF that is new or changed since it was read; forget the others. Returns
        the names of the pictures shown now that were not before."""
        before = self.shown()
        drawn = {}
        for pdf in pdfs:
            try:
                stamp = _stamp(pdf)
            except FileNotFoundError:  # removed since the build listed it
                continue
            known = self._drawn.get(pdf)
            drawn[pdf] = known if known and known.stamp == stamp else self._draw(pdf, stamp)
        with self._lock:
            self._drawn = drawn
            shown = self.shown()
            for name in shown:
                self._kept.move_to_end(name)
            while len(self._kept) > len(shown) + KEPT_OLD:
                self._kept.popitem(last=False)
        return shown - before

    def _draw(self, pdf: Path, stamp: tuple[int, int, int]) -> Drawn:
        """The PDF's pictures: those of pages drawn before are kept, the others drawn."""
        names = [f"{pdf.stem}-{digest}.png" for digest in page_fingerprints(pdf)]
        missing = [index for index, name in enumerate(names) if name not in self._kept]
        text = pdf_text(pdf)
        images = page_images(pdf, DPI, trimmed=True, max_side=MAX_SIDE_PX, only=missing)
        for index, image in zip(missing, images, strict=True):
            picture = Picture(names[index], image.width, image.height, text.pages[index])
            with self._lock:
                self._kept[picture.name] = (picture, png(image, fast=True))
        return Drawn(text.title, [self._kept[name][0] for name in names], stamp)

    def shown(self) -> set[str]:
        return {picture.name for drawn in self._drawn.values() for picture in drawn.pages}

    def of(self, pdf: Path) -> Drawn | None:
        return self._drawn.get(pdf)

    def png(self, name: str) -> bytes | None:
        """A picture's PNG: one shown, or one shown shortly before."""
        with self._lock:
            kept = self._kept.get(name)
        return kept[1] if kept else None


def _stamp(pdf: Path) -> tuple[int, int, int]:
    status = pdf.stat()
    return (status.st_ino, status.st_size, status.st_mtime_ns)
