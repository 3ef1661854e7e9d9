"""A preflight report a reader can take in: the same problem on many pages is one line, with
how often and where ("an image at 144 ppi: 1,200 times, on pages 25–117")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.core.i18n import _, number
from generator.preflight.findings import Finding, shown_where

_PAGE = re.compile(r"^page (\d+)")


@dataclass(frozen=True)
class Repeated:
    """A problem and every place it was found, in the order found."""

    finding: Finding
    wheres: tuple[str, ...]

    @property
    def place(self) -> str:
        """Where, as a reader is told: the one place, or how often and on which pages."""
        if len(self.wheres) == 1:
            return shown_where(self.wheres[0])
        pages = sorted({int(found[1]) for w in self.wheres if (found := _PAGE.match(w))})
        elsewhere = [shown_where(w) for w in dict.fromkeys(self.wheres) if not _PAGE.match(w)]
        places = [_page_ranges(pages)] if pages else []
        return _("{count} times, on {places}").format(
            count=number(len(self.wheres)), places=", ".join(places + elsewhere)
        )


def grouped(problems: list[Finding]) -> list[Repeated]:
    """The problems, those alike (the same rule, message and fix) as one, in first-found order."""
    places: dict[tuple[str, str, str], list[Finding]] = {}
    for finding in problems:
        places.setdefault((finding.rule, finding.message, finding.fix), []).append(finding)
    return [Repeated(alike[0], tuple(f.where for f in alike)) for alike in places.values()]


def _page_ranges(pages: list[int]) -> str:
    """[1, 2, 3, 7, 9, 10] as 'pages 1–3, 7, 9–10'; one page as 'page 7'."""
    if len(pages) == 1:
        return _("page {number}").format(number=pages[0])
    runs: list[list[int]] = []
    for page in pages:
        if runs and page == runs[-1][-1] + 1:
            runs[-1].append(page)
        else:
            runs.append([page])
    shown = [f"{run[0]}–{run[-1]}" if len(run) > 1 else str(run[0]) for run in runs]
    return _("pages {ranges}").format(ranges=", ".join(shown))
