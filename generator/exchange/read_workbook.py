"""A reviewed workbook read back: the texts an editor changed, and the new questions, each with
the sheet and cell it came from. Everything else must be as exported; what is not (an id
changed, a row moved or deleted, a formula or a number where text belongs, merged cells, an
empty Dutch text, an extra sheet, a file that is no workbook) is a problem naming the sheet
and the cell, and nothing is read."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.worksheet import Worksheet

from generator.core.errors import Location, Problem, UserError, fail
from generator.core.i18n import N_, _, speaking
from generator.exchange.places import LANGUAGE_NAMES, FilePlaces, TextPlace
from generator.exchange.workbook import (
    COLUMN_OF,
    COLUMNS,
    POSTERS_SHEET,
    header,
    row_id,
    texts_stamp,
)

# A sheet the exported workbook did not have, and one it had: (message, fix).
SHEET_PROBLEMS = {
    "extra": (N_("this sheet was not in the exported workbook"),
              N_("remove the sheet; texts are changed in the sheets of their deck")),
    "missing": (N_("the sheet is missing from the workbook"),
                N_("export the workbook again, or put the sheet back")),
}  # fmt: skip
NEW_QUESTION = N_("new question")  # what the kind column says of a new row (translated)
NOT_TEXT = {"f": N_("formula"), "n": N_("number"), "b": N_("yes/no value"), "d": N_("date"),
            "e": N_("error")}  # fmt: skip


@dataclass(frozen=True)
class Edit:
    """One text changed in the workbook, or a new question (place None, after: the question
    it follows)."""

    places: FilePlaces
    place: TextPlace | None
    texts: dict[str, str]  # the new texts, by language (a change: only those that changed)
    cell: str  # "sheet 'praatplaat', row 12"
    after: TextPlace | None = None


def read_workbook(path: Path, files: list[FilePlaces]) -> list[Edit]:
    """The changes in the workbook at path, made from these content files."""
    book = _open(path)
    sheets = {f.item_id[:31]: [f] for f in files if f.kind == "deck"}
    posters = [f for f in files if f.kind == "poster"]
    if posters:
        sheets[POSTERS_SHEET] = posters
    names = book.sheetnames[1:]  # the first sheet is the guide
    extra = [(name, SHEET_PROBLEMS["extra"]) for name in names if name not in sheets]
    missing = [(name, SHEET_PROBLEMS["missing"]) for name in sheets if name not in names]
    problems = [Problem(Location(path, cell=_sheet_place(name)), _(message), _(hint))
                for name, (message, hint) in [*extra, *missing]]  # fmt: skip
    edits: list[Edit] = []
    for name in [n for n in names if n in sheets]:
        found, wrong = _read_sheet(book[name], sheets[name], path)
        edits += found
        problems += wrong
    if problems:
        raise UserError(problems)
    return edits


def _open(path: Path) -> Any:
    try:
        return load_workbook(path)  # formulas kept as formulas: they are refused below
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise fail(
            Location(path),
            _("this is not a workbook that can be read ({reason})").format(
                reason=type(error).__name__
            ),
            _("save it as an Excel workbook (.xlsx), or export it again with voorwie export"),
        ) from None


def _read_sheet(
    sheet: Worksheet, files: list[FilePlaces], path: Path
) -> tuple[list[Edit], list[Problem]]:
    problems: list[Problem] = []

    def problem(row: int, column: str, message: str, hint: str) -> None:
        where = _cell(sheet.title, column, row) if row else _sheet_place(sheet.title)
        problems.append(Problem(Location(path, row, cell=where), message, hint))

    for merged in sheet.merged_cells.ranges:
        problem(
            0,
            "",
            _("cells {cells} are merged").format(cells=merged.coord),
            _("unmerge them (Format › Merge cells › Unmerge): each text has its own cell"),
        )
    headers = [sheet.cell(1, index).value for index in range(1, len(COLUMNS) + 1)]
    if headers not in [_headers(language) for language in LANGUAGE_NAMES]:
        problem(
            1,
            "A",
            _("the first row is not the workbook's header row"),
            _("put back the header row as exported"),
        )
    if problems:
        return [], problems
    expected = [(f, place) for f in files for place in f.places]
    by_id = {row_id(f, place): (f, place) for f, place in expected}
    rows = list(_rows(sheet))
    given = [(row, values) for row, values in rows if values["id"]]
    seen = [values["id"] for _row, values in given]
    for row, values in given:
        if values["id"] not in by_id:
            problem(
                row,
                "id",
                _("the id '{id}' is not one this workbook was made with").format(id=values["id"]),
                _("put back the id as exported: change only the texts"),
            )
    for wanted in [row_id(f, p) for f, p in expected if row_id(f, p) not in seen]:
        problem(
            0,
            "",
            _("the row of '{id}' is missing").format(id=wanted),
            _("put the row back as exported (to leave a text out, change it in the YAML)"),
        )
    order = [value for value in seen if value in by_id]
    wanted_order = [row_id(f, p) for f, p in expected if row_id(f, p) in order]
    moved = next(((i, value) for i, value in enumerate(order) if value != wanted_order[i]), None)
    if moved is not None:
        row = next(row for row, values in given if values["id"] == moved[1])
        problem(
            row,
            "id",
            _("this row was moved: '{id}' stood elsewhere when exported").format(id=moved[1]),
            _("move the row back; the order of texts is changed in the YAML"),
        )
    if problems:
        return [], problems
    edits: list[Edit] = []
    previous: tuple[FilePlaces, TextPlace] | None = None
    for row, values in rows:
        if values["id"]:
            previous = by_id[values["id"]]
            edit = _changed(sheet.title, row, values, *previous, problem)
        else:
            edit = _new_question(sheet.title, row, values, previous, problem)
        if edit is not None:
            edits.append(edit)
    return edits, problems


def _rows(sheet: Worksheet) -> Any:
    """(row number, values by column key) of each row below the header that is not empty;
    a text cell holding no text is given as the kind of value it holds ('formula')."""
    for row in range(2, sheet.max_row + 1):
        values: dict[str, Any] = {}
        for column in COLUMNS:
            cell = sheet.cell(row, COLUMN_OF[column.key])
            if cell.value is None:
                values[column.key] = ""
            elif cell.data_type in NOT_TEXT and column.key in (*LANGUAGE_NAMES, "id", "kind"):
                values[column.key] = NotText(NOT_TEXT[cell.data_type])
            else:
                values[column.key] = str(cell.value).strip()
        if any(values[key] for key in values if key != "comment"):
            yield row, values


class NotText(str):
    """A cell that holds a formula, a number or another value that is no text; the string is
    what kind of value it is (untranslated, N_)."""

    @property
    def kind(self) -> str:
        return str(self)


def _changed(
    sheet: str, row: int, values: dict, places: FilePlaces, place: TextPlace, problem: Any
) -> Edit | None:
    texts = _texts(sheet, row, values, tuple(place.texts), problem)
    changed = {
        lang: text for lang, text in texts.items() if same_words(place.texts.get(lang, "")) != text
    }
    if not changed:
        return None
    if values["exported"] != texts_stamp(place.texts):
        problem(
            row,
            next(iter(changed)),
            _("this text changed in {file} since the workbook was exported: the row would "
              "undo that").format(file=places.file.name),
            _("export the workbook again and make the change there, or make it in the YAML"),
        )  # fmt: skip
        return None
    return Edit(places, place, changed, _row_place(sheet, row))


def _new_question(sheet: str, row: int, values: dict, previous: Any, problem: Any) -> Edit | None:
    kind = values["kind"]
    new_words = {speaking_word(language) for language in LANGUAGE_NAMES}
    if kind.casefold() not in new_words:
        problem(
            row,
            "id",
            _("this row has no id"),
            _("put back its id; a new question says 'new question' in the column 'kind of text'"),
        )
        return None
    places, after = previous if previous else (None, None)
    if after is None or places is None or after.noun != "question":
        problem(
            row,
            "kind",
            _("a new question must come right below a question of its card"),
            _("move the row below the question it follows"),
        )
        return None
    texts = _texts(sheet, row, values, places.languages, problem)
    if len(texts) < len(places.languages):
        return None
    return Edit(places, None, texts, _row_place(sheet, row), after=after)


def speaking_word(language: str) -> str:
    with speaking(language):
        return _(NEW_QUESTION).casefold()


def _texts(
    sheet: str, row: int, values: dict, languages: tuple[str, ...], problem: Any
) -> dict[str, str]:
    """The row's texts in the languages the text has, each checked; a text in a language it
    does not have (a text one for all languages, or a deck without that edition) is a
    problem."""
    texts = {}
    for language, name in LANGUAGE_NAMES.items():
        value = values[language]
        if isinstance(value, NotText):
            problem(
                row,
                language,
                _("a {what} where a text belongs").format(what=_(value.kind)),
                _("type the text itself into the cell"),
            )
        elif language not in languages:
            if value:
                problem(
                    row,
                    language,
                    _("this text has no {language} of its own: the cell must stay empty").format(
                        language=name
                    ),
                    _("empty the cell; a text is given per language in the YAML"),
                )
        elif not value:
            problem(
                row,
                language,
                _("the {language} text is empty").format(language=name),
                _("write the text; to leave a text out, change it in the YAML"),
            )
        else:
            texts[language] = same_words(value)
    return texts


def same_words(text: str) -> str:
    """The text as a folded YAML scalar reads it: lines joined by single spaces."""
    return " ".join(text.split())


def _headers(language: str) -> list[str]:
    with speaking(language):
        return [header(column) for column in COLUMNS]


def _sheet_place(sheet: str) -> str:
    return _("sheet '{sheet}'").format(sheet=sheet)


def _row_place(sheet: str, row: int) -> str:
    return _("sheet '{sheet}', row {row}").format(sheet=sheet, row=row)


def _cell(sheet: str, column: str, row: int) -> str:
    letter = get_column_letter(COLUMN_OF[column]) if column in COLUMN_OF else column
    return _("sheet '{sheet}', cell {cell}").format(sheet=sheet, cell=f"{letter}{row}")
