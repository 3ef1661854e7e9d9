"""The page, in the reader's language: every product's pictures (a card's front beside its
back, in deck order; each poster), links to the files, and the problems of the last save above
them. The products' part is sent again after every save (see feed.py)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from generator.core.errors import Problem, display_path
from generator.core.i18n import _
from generator.desk.serve.feed import Version
from generator.desk.serve.listing import Shown
from generator.desk.serve.pictures import Drawn, Picture, Pictures

TEMPLATES = Path(__file__).parent / "templates"
PICTURES = "/pictures/"  # where the server answers with a picture
OUTPUT = "/output/"  # where it answers with a file of the output folder


@dataclass(frozen=True)
class Figure:
    picture: Picture
    caption: str
    alt: str
    href: str  # the PDF, at the picture's page
    changed: bool  # new in this version: the page marks it for a moment
    lang: str  # the language of its words, where known

    @property
    def src(self) -> str:
        return PICTURES + self.picture.name


@dataclass(frozen=True)
class Section:
    anchor: str
    title: str
    files: list[Path]
    rows: list[list[Figure]]  # a deck: one row per card, front and back; a poster: one each


@dataclass(frozen=True)
class ShownProblem:
    """A problem as the page shows it."""

    file: str
    line: int
    message: str
    fix: str


def shown_problem(problem: Problem) -> ShownProblem:
    where = problem.location
    return ShownProblem(display_path(where.file), where.line, problem.message, problem.hint)


@cache
def environment() -> Environment:
    templates = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    templates.globals["_"] = _  # it translates into the language of the moment
    return templates


def products_html(
    shown: list[Shown], pictures: Pictures, problems: list[Problem], fresh: set[str], ms: float
) -> str:
    """The products' part of the page: status, problems, contents, pictures."""
    sections = [section(item, pictures, fresh) for item in shown]
    return render(
        "products.html.j2",
        sections=[s for s in sections if s.rows or s.files],
        problems=[shown_problem(problem) for problem in problems],
        time=time.strftime("%H:%M:%S"),
        ms=round(ms),
        output=OUTPUT,
    )


def page_html(language: str, version: Version) -> str:
    """The whole page around the products' part of this version."""
    products = Markup(version.html)  # made by products_html, escaped there
    return render("page.html.j2", language=language, version=version.id, products=products)


def render(template: str, **values: object) -> str:
    return environment().get_template(template).render(**values)


def section(item: Shown, pictures: Pictures, fresh: set[str]) -> Section:
    drawn = [(pdf, pages) for pdf in item.pictured if (pages := pictures.of(pdf)) is not None]
    if item.is_deck:
        title = f"{item.title} ({item.language})"
        rows = [row for pdf, pages in drawn for row in card_rows(item, pdf, pages, fresh)]
    else:
        title = next((pages.title for _pdf, pages in drawn if pages.title), item.label)
        rows = [[poster_figure(pdf, pages, fresh)] for pdf, pages in drawn if pages.pages]
    return Section(item.label.replace(" ", "-"), title, item.files, rows)


def card_rows(item: Shown, pdf: Path, drawn: Drawn, fresh: set[str]) -> list[list[Figure]]:
    """A row per card: its front (odd pages of the print file) beside its back."""
    rows = []
    for index in range(0, len(drawn.pages), 2):
        number = index // 2 + 1
        card = item.cards[number - 1] if number <= len(item.cards) else str(number)
        sides = [(_("front"), _("Front of card {number}: {words}")),
                 (_("back"), _("Back of card {number}: {words}"))]  # fmt: skip
        row = []
        for page, (side, alt) in enumerate(sides, start=index):
            if page < len(drawn.pages):
                picture = drawn.pages[page]
                row.append(Figure(
                    picture,
                    _("Card {number} ({card}): {side}").format(number=number, card=card, side=side),
                    alt.format(number=number, words=picture.text),
                    f"{OUTPUT}{pdf.name}#page={page + 1}",
                    picture.name in fresh,
                    item.language,
                ))  # fmt: skip
        rows.append(row)
    return rows


def poster_figure(pdf: Path, drawn: Drawn, fresh: set[str]) -> Figure:
    picture = drawn.pages[0]
    return Figure(picture, pdf.name, picture.text or pdf.name, f"{OUTPUT}{pdf.name}",
                  picture.name in fresh, "")  # fmt: skip
