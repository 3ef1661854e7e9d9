"""A line on the terminal while a long build draws its pages; nothing elsewhere.

Builds that end within a couple of seconds show nothing; a long one (a deck of a thousand
cards, say) says how many pages it has drawn and of what. Not on a terminal (make in CI, a
pipe, a test), it stays quiet.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from generator.core.i18n import _
from generator.render.document import PAGE_LISTENERS

DELAY_S = 2.0  # builds shorter than this show nothing
EVERY = 20  # pages between updates of the line


class PageCounter:
    """Counts drawn pages and, after the delay, keeps one line up to date."""

    def __init__(self, stream: TextIO, delay_s: float = DELAY_S) -> None:
        self.stream, self.delay_s = stream, delay_s
        self.started = time.monotonic()
        self.pages = 0
        self.shown = False

    def page(self, title: str) -> None:
        self.pages += 1
        if self.pages % EVERY == 0 and time.monotonic() - self.started >= self.delay_s:
            drawing = _("drawing {title}: {count:,} pages").format(title=title, count=self.pages)
            self.stream.write(f"\r\033[K{drawing}")
            self.stream.flush()
            self.shown = True

    def close(self) -> None:
        if self.shown:
            self.stream.write("\r\033[K")  # the line goes: what follows is the build's report
            self.stream.flush()
            self.shown = False


_counter: PageCounter | None = None


def page_drawn(title: str) -> None:
    """Told of every page drawn (render.document's listener); shows progress only inside
    `shown_on`."""
    if _counter is not None:
        _counter.page(title)


PAGE_LISTENERS.append(page_drawn)


def make_room() -> None:
    """Clear the progress line so that a message can take it (the next page redraws it)."""
    if _counter is not None:
        _counter.close()


@contextmanager
def shown_on(stream: TextIO | None, delay_s: float = DELAY_S) -> Iterator[None]:
    """Show progress on stream while the block runs, if stream is a terminal."""
    global _counter
    if stream is None or not stream.isatty():
        yield
        return
    _counter = PageCounter(stream, delay_s)
    try:
        yield
    finally:
        _counter.close()
        _counter = None
