"""The desk: after every save, build through the watch engine, draw the pictures of the print
files that changed, and publish the page's new version."""

from __future__ import annotations

import time
from dataclasses import dataclass

from generator.core.errors import Problem, UserError
from generator.desk.serve.feed import Feed
from generator.desk.serve.listing import listing
from generator.desk.serve.page import page_html, products_html
from generator.desk.serve.pictures import Pictures
from generator.desk.watch import Session


@dataclass(frozen=True)
class Update:
    seconds: float  # from the build's start to the new version published
    rebuilt: list[str]  # products drawn again, e.g. "deck proef"
    problems: list[Problem]  # none: it built; else the pictures stay those of the last build
    pictures: int  # pictures drawn new


class Desk:
    """What the server shows: the feed of versions and the pictures, kept by one session."""

    def __init__(self, session: Session, language: str) -> None:
        self.session, self.language = session, language
        self.output = session.project.output
        self.pictures = Pictures()
        self.feed = Feed()

    def update(self) -> Update:
        """Build from the files as they are now and publish what the page shows."""
        start = time.perf_counter()
        try:
            rebuilt, problems = self.session.rebuild().products, []
        except UserError as error:  # nothing was written: the last good files stay
            rebuilt, problems = [], list(error.problems)
        shown = listing(self.output)
        fresh = self.pictures.refresh(pdf for item in shown for pdf in item.pictured)
        milliseconds = (time.perf_counter() - start) * 1000
        marked = fresh if self.feed.latest().number else set()  # at first all are new
        self.feed.publish(products_html(shown, self.pictures, problems, marked, milliseconds))
        return Update(time.perf_counter() - start, rebuilt, problems, len(fresh))

    def page(self) -> str:
        return page_html(self.language, self.feed.latest())
