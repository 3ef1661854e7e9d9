"""The editors' workbook (openpyxl): a first sheet that says what may be changed, then one sheet
per deck and one for the posters, a row per printed text in reading order. The id, card and
kind columns are locked (the sheet is protected without a password); the texts and the
comment column are open. The same content gives the same bytes (fixed dates in the file and
in its zip)."""

from __future__ import annotations

import hashlib
import io
import json
import math
import re
import zipfile
from dataclasses import dataclass
from datetime import datetime

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from generator.core.i18n import N_, _
from generator.exchange.places import LANGUAGE_NAMES, FilePlaces, TextPlace

POSTERS_SHEET = "posters"
FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the zip's entries' time: the earliest a zip can say
LOCKED_FILL = PatternFill("solid", fgColor="EEEEEE")
HEADER_FILL = PatternFill("solid", fgColor="073763")
LINE_PT = 15.0  # a line of 11 pt text, as a row's height
CHARS_PER_WIDTH = 1.1  # characters of running text per unit of column width


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # untranslated (N_), or a language's own name
    width: float
    open: bool  # an editor may change it


COLUMNS = (
    Column("id", N_("id (do not change)"), 30, False),
    Column("card", N_("card"), 7, False),
    Column("where", N_("card or part"), 30, False),
    Column("kind", N_("kind of text"), 20, False),
    *(Column(language, name, 70, True) for language, name in LANGUAGE_NAMES.items()),
    Column("comment", N_("comment"), 40, True),
    Column("exported", N_("as exported (do not change)"), 14, False),  # hidden: texts_stamp
)
COLUMN_OF = {column.key: index + 1 for index, column in enumerate(COLUMNS)}
GUIDE = (
    N_("Reviewing the texts of the cards and posters"),
    N_("Each sheet after this one is a deck; the sheet 'posters' holds the posters. Each row "
       "is one printed text, in the order the cards are read."),
    N_("Change only the columns Nederlands and English (where the deck has an English "
       "edition), and write remarks in the column 'comment'. **bold** stays written as "
       "**bold**, as in the content files."),
    N_("Leave the id column as it is; do not move or delete rows, add sheets or merge cells. "
       "A formula or a number in a text cell is refused: write the text itself."),
    N_("A new question: insert a row right below a question of the same card, leave its id "
       "empty and write 'new question' in the column 'kind of text'."),
    N_("Read the workbook back with: voorwie import FILE.xlsx (first with --dry-run to see "
       "the changes). Everything is checked as a build checks it (does the text fit on its "
       "card, the glossary, the characters, the sources) before anything is written."),
)  # fmt: skip


def texts_stamp(texts: dict[str, str]) -> str:
    """A row's texts as exported, hashed: an import tells an edit in the workbook from a text
    that changed in its content file since (which the row would otherwise undo)."""
    return hashlib.sha256(json.dumps(texts, sort_keys=True).encode()).hexdigest()[:16]


def header(column: Column) -> str:
    return column.header if column.key in LANGUAGE_NAMES else _(column.header)


def workbook(files: list[FilePlaces], stamp: datetime) -> bytes:
    """The workbook of these content files (decks first, in the order given)."""
    book = Workbook()
    guide = book.active
    assert guide is not None  # a new workbook has its first sheet
    guide.title = _("read me")
    _guide(guide)
    for places in [f for f in files if f.kind == "deck"]:
        _sheet(book.create_sheet(places.item_id[:31]), [places])
    posters = [f for f in files if f.kind == "poster"]
    if posters:
        _sheet(book.create_sheet(POSTERS_SHEET), posters)
    book.properties.creator = "voorwie"
    book.properties.created = book.properties.modified = stamp
    buffer = io.BytesIO()
    book.save(buffer)
    return _fixed_zip(buffer.getvalue(), stamp)


def row_id(places: FilePlaces, place: TextPlace) -> str:
    """A row's id: the place's; on the posters sheet with the poster's id before it."""
    return f"{places.item_id}:{place.id}" if places.kind == "poster" else place.id


def where(places: FilePlaces, place: TextPlace) -> str:
    """The card's heading (a deck-wide text: the whole deck); a poster's id and first part."""
    if places.kind == "poster":
        return places.item_id
    if place.card_id:
        return places.card_titles.get(place.card_id, place.card_id)
    return _("the whole deck")


def _guide(sheet: Worksheet) -> None:
    sheet.column_dimensions["A"].width = 100
    for row, text in enumerate(GUIDE, start=1):
        cell = sheet.cell(row, 1, _(text))
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if row == 1:
            cell.font = Font(bold=True, size=14)


def _sheet(sheet: Worksheet, files: list[FilePlaces]) -> None:
    for index, column in enumerate(COLUMNS, start=1):
        cell = sheet.cell(1, index, header(column))
        cell.font, cell.fill = Font(bold=True, color="FFFFFF"), HEADER_FILL
        sheet.column_dimensions[cell.column_letter].width = column.width
    row = 2
    for places in files:
        for place in places.places:
            values: dict[str, str | int] = {"id": row_id(places, place), "card": place.card or "",
                      "where": where(places, place), "kind": _(place.noun),
                      "exported": texts_stamp(place.texts), **place.texts}  # fmt: skip
            for index, column in enumerate(COLUMNS, start=1):
                cell = sheet.cell(row, index, values.get(column.key, "") or None)
                editable = column.open and (column.key not in LANGUAGE_NAMES
                                            or column.key in place.texts)  # fmt: skip
                cell.protection = Protection(locked=not editable)
                cell.alignment = Alignment(wrap_text=column.open or column.key == "where",
                                           vertical="top")  # fmt: skip
                if not editable:
                    cell.fill = LOCKED_FILL
            sheet.row_dimensions[row].height = LINE_PT * _lines(values)
            row += 1
    sheet.column_dimensions[get_column_letter(COLUMN_OF["exported"])].hidden = True
    sheet.freeze_panes = "E2"
    # Printed for a meeting: landscape, as wide as the paper, the header on every page.
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.print_title_rows = "1:1"
    sheet.protection.sheet = True  # no password: it guards against slips, not people
    sheet.protection.formatRows = False  # rows may be made taller, and inserted
    sheet.protection.insertRows = False


def _lines(values: dict[str, str | int]) -> int:
    """How many lines the row's longest wrapped text takes (spreadsheet programs do not fit a
    row's height to its text when they open a file)."""
    wrapped = [(str(values.get(c.key) or ""), c.width) for c in COLUMNS if c.width >= 30]
    return max(1, *(math.ceil(len(text) / (width * CHARS_PER_WIDTH)) for text, width in wrapped))


def _fixed_zip(data: bytes, stamp: datetime) -> bytes:
    """The same zip with every entry dated FIXED_TIME and the workbook modified at stamp
    (openpyxl dates it when it is saved): the same content, the same bytes."""
    modified = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")
    when = stamp.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:  # fmt: skip
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, FIXED_TIME)
            fixed.compress_type, fixed.external_attr = zipfile.ZIP_DEFLATED, info.external_attr
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = modified.sub(rb"\g<1>" + when + rb"\g<2>", content)
            target.writestr(fixed, content)
    return out.getvalue()
