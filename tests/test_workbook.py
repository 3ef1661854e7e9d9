"""The editors' workbook: exported, edited with openpyxl as a reviewer's spreadsheet program
would, imported back into the YAML (only the changed texts change) and found in the PDFs;
every bad workbook is refused with its sheet and cell, and nothing is written."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from generator.exchange.workbook import COLUMN_OF
from generator.load.yaml_file import read_yaml
from tests.imports import fingerprints, refused
from tests.messages import said
from tests.projects import Run

pytestmark = pytest.mark.slow
MAIN = "voor-wie-doen-we-wat"  # the deck with an English edition
PLAIN = "praatplaat"  # a deck in Dutch only


@pytest.fixture
def exported(workspace: Path, run_cli: Callable[..., Run]) -> Path:
    run = run_cli(workspace, "export", "review.xlsx")
    assert run.exit_code == 0, run.output
    return workspace / "review.xlsx"


def rows_of(path: Path, sheet: str) -> list[dict]:
    book = load_workbook(path)
    return [{key: book[sheet].cell(row, column).value for key, column in COLUMN_OF.items()}
            | {"row": row} for row in range(2, book[sheet].max_row + 1)]  # fmt: skip


def question_row(path: Path, sheet: str, n: int = 0) -> dict:
    """The n-th row of a question (not a sub-question) of the sheet."""
    rows = [r for r in rows_of(path, sheet) if "/questions/" in r["id"] and "/sub/" not in r["id"]]
    return rows[n]


def edit(path: Path, sheet: str, row: int, column: str, value: object) -> None:
    book = load_workbook(path)
    book[sheet].cell(row, COLUMN_OF[column]).value = value
    book.save(path)


def test_an_exported_workbook_imported_unchanged_changes_no_byte(
    workspace: Path, exported: Path, run_cli: Callable[..., Run]
) -> None:
    before = fingerprints(workspace)
    run = run_cli(workspace, "import", str(exported))
    assert run.exit_code == 0, run.output
    assert said("No text changed: nothing to write.") in run.output
    assert fingerprints(workspace) == before


def test_the_workbook_has_a_guide_a_sheet_per_deck_and_the_posters(exported: Path) -> None:
    book = load_workbook(exported)
    decks = {str(read_yaml(p)["deck"]["id"]) for p in exported.parent.glob("cards/*.yaml")
             if "deck" in read_yaml(p)}  # fmt: skip
    assert set(book.sheetnames[1:]) == decks | {"posters"}
    sheet = book[MAIN]
    assert sheet.protection.sheet  # the id column cannot be typed over by mistake
    first = question_row(exported, MAIN)
    assert sheet.cell(first["row"], COLUMN_OF["id"]).protection.locked
    for column in ("nl", "en", "comment"):
        assert not sheet.cell(first["row"], COLUMN_OF[column]).protection.locked
    plain = question_row(exported, PLAIN)
    assert book[PLAIN].cell(plain["row"], COLUMN_OF["en"]).protection.locked  # no English


def test_every_printed_question_is_a_row(exported: Path) -> None:
    document = read_yaml(exported.parent / "cards" / f"{PLAIN}.yaml")
    texts = {q["text"] for card in document["cards"] for q in card.get("questions", [])}
    rows = {r["nl"] for r in rows_of(exported, PLAIN)}
    assert texts <= rows


def test_the_same_content_exports_the_same_bytes(
    workspace: Path, exported: Path, run_cli: Callable[..., Run]
) -> None:
    assert run_cli(workspace, "export", "again.xlsx").exit_code == 0
    assert (workspace / "again.xlsx").read_bytes() == exported.read_bytes()


def test_an_edited_question_is_written_into_the_yaml_alone_and_printed(
    workspace: Path, exported: Path, run_cli: Callable[..., Run]
) -> None:
    path = workspace / "cards" / f"{MAIN}.yaml"
    before_text, before_data = path.read_text("utf-8"), read_yaml(path)
    row = question_row(exported, MAIN, 1)
    new = row["nl"].rstrip("?") + " & <herzien>?"
    edit(exported, MAIN, row["row"], "nl", new)
    run = run_cli(workspace, "import", str(exported))
    assert run.exit_code == 0, run.output
    assert new in run.output  # the change is shown, old → new
    after_text = path.read_text("utf-8")
    changed = [line for line in after_text.splitlines() if line not in before_text.splitlines()]
    assert any("<herzien>" in line for line in changed) and len(changed) <= 3  # the scalar
    assert len(after_text.splitlines()) - len(before_text.splitlines()) in (-1, 0, 1)
    # the data differ in that one text only
    after_data = read_yaml(path)
    card, question = row["id"].split("/")[1], row["id"].split("/")[3]
    [card_before] = [c for c in before_data["cards"] if c["id"] == card]
    [card_after] = [c for c in after_data["cards"] if c["id"] == card]
    [q] = [q for q in card_after["questions"] if q["id"] == question]
    assert q["text"]["nl"] == new
    q["text"]["nl"] = next(x for x in card_before["questions"] if x["id"] == question)["text"]["nl"]
    assert after_data == before_data
    assert run_cli(workspace, "build").exit_code == 0
    text = " ".join(page.extract_text() for page in PdfReader(workspace / "output" /
                    f"{MAIN}_print.pdf").pages)  # fmt: skip
    assert "<herzien>" in " ".join(text.split()).replace("- ", "")


def test_a_dry_run_shows_the_change_and_writes_nothing(
    workspace: Path, exported: Path, run_cli: Callable[..., Run]
) -> None:
    row = question_row(exported, PLAIN)
    edit(exported, PLAIN, row["row"], "nl", row["nl"] + " Nu.")
    before = fingerprints(workspace)
    run = run_cli(workspace, "import", "--dry-run", str(exported))
    assert run.exit_code == 0, run.output
    assert row["nl"] + " Nu." in run.output
    assert said("Dry run: checked, nothing written.") in run.output
    assert fingerprints(workspace) == before


def test_a_new_question_row_becomes_a_question_after_the_one_above(
    workspace: Path, exported: Path, run_cli: Callable[..., Run]
) -> None:
    row = question_row(exported, PLAIN)
    book = load_workbook(exported)
    sheet = book[PLAIN]
    sheet.insert_rows(row["row"] + 1)
    sheet.cell(row["row"] + 1, COLUMN_OF["kind"]).value = said("new question")
    sheet.cell(row["row"] + 1, COLUMN_OF["nl"]).value = "Wie belt de huisarts terug?"
    book.save(exported)
    run = run_cli(workspace, "import", str(exported))
    assert run.exit_code == 0, run.output
    card, question = row["id"].split("/")[1], row["id"].split("/")[3]
    [found] = [c for c in read_yaml(workspace / "cards" / f"{PLAIN}.yaml")["cards"]
               if c["id"] == card]  # fmt: skip
    ids = [q["id"] for q in found["questions"]]
    assert ids[ids.index(question) + 1] == "wie-belt-de-huisarts"
    assert found["questions"][ids.index(question) + 1]["text"] == "Wie belt de huisarts terug?"


def test_a_changed_id_is_refused_at_its_cell(
    workspace: Path, exported: Path, run_cli: Callable[..., Run]
) -> None:
    row = question_row(exported, PLAIN)
    edit(exported, PLAIN, row["row"], "id", row["id"] + "-x")
    changed = said("the id '{id}' is not one this workbook was made with", id=row["id"] + "-x")
    cell = said("sheet '{sheet}', cell {cell}", sheet=PLAIN, cell=f"A{row['row']}")
    output = refused(workspace, exported, run_cli, changed, cell)
    assert said("the row of '{id}' is missing", id=row["id"]) in output


def test_a_row_moved_to_another_card_is_refused(
    workspace: Path, exported: Path, run_cli: Callable[..., Run]
) -> None:
    rows = [r for r in rows_of(exported, PLAIN) if "/questions/" in r["id"]]
    first = rows[0]
    other = next(r for r in rows if r["id"].split("/")[1] != first["id"].split("/")[1])
    book = load_workbook(exported)
    sheet = book[PLAIN]
    for column in COLUMN_OF.values():  # swap the two rows' cells
        a, b = sheet.cell(first["row"], column), sheet.cell(other["row"], column)
        a.value, b.value = b.value, a.value
    book.save(exported)
    refused(workspace, exported, run_cli, said("this row was moved: '{id}' stood elsewhere when "
                                               "exported", id=other["id"]))  # fmt: skip


def test_a_deleted_row_is_refused(
    workspace: Path, exported: Path, run_cli: Callable[..., Run]
) -> None:
    row = question_row(exported, PLAIN)
    book = load_workbook(exported)
    book[PLAIN].delete_rows(row["row"])
    book.save(exported)
    refused(workspace, exported, run_cli, said("the row of '{id}' is missing", id=row["id"]))


@pytest.mark.parametrize(("value", "what"), [('=A1&"x"', "formula"), (42, "number")])
def test_a_formula_or_a_number_where_text_belongs_is_refused(
    value: object, what: str, workspace: Path, exported: Path, run_cli: Callable[..., Run]
) -> None:
    row = question_row(exported, PLAIN)
    edit(exported, PLAIN, row["row"], "nl", value)
    refused(workspace, exported, run_cli,
            said("a {what} where a text belongs", what=said(what)),
            said("sheet '{sheet}', cell {cell}", sheet=PLAIN, cell=f"E{row['row']}"))  # fmt: skip


def test_merged_cells_are_refused(
    workspace: Path, exported: Path, run_cli: Callable[..., Run]
) -> None:
    book = load_workbook(exported)
    book[PLAIN].merge_cells("E3:F3")
    book.save(exported)
    refused(workspace, exported, run_cli, said("cells {cells} are merged", cells="E3:F3"))


def test_an_empty_dutch_text_is_refused(
    workspace: Path, exported: Path, run_cli: Callable[..., Run]
) -> None:
    row = question_row(exported, MAIN)
    edit(exported, MAIN, row["row"], "nl", None)
    refused(workspace, exported, run_cli,
            said("the {language} text is empty", language="Nederlands"))  # fmt: skip


def test_english_in_a_deck_without_an_english_edition_is_refused(
    workspace: Path, exported: Path, run_cli: Callable[..., Run]
) -> None:
    row = question_row(exported, PLAIN)
    edit(exported, PLAIN, row["row"], "en", "A question")
    refused(workspace, exported, run_cli,
            said("this text has no {language} of its own: the cell must stay empty",
                 language="English"))  # fmt: skip


def test_an_extra_sheet_is_refused(
    workspace: Path, exported: Path, run_cli: Callable[..., Run]
) -> None:
    book = load_workbook(exported)
    book.create_sheet("notes")
    book.save(exported)
    refused(workspace, exported, run_cli, said("this sheet was not in the exported workbook"))


def test_a_file_that_is_no_workbook_is_refused(
    workspace: Path, run_cli: Callable[..., Run]
) -> None:
    fake = workspace / "review.xlsx"
    fake.write_text("id;text\n", encoding="utf-8")
    output = refused(workspace, fake, run_cli)
    assert said("save it as an Excel workbook (.xlsx), or export it again with voorwie export") \
        in output  # fmt: skip


def test_a_text_that_does_not_fit_is_refused_as_a_build_refuses_it(
    workspace: Path, exported: Path, run_cli: Callable[..., Run]
) -> None:
    row = question_row(exported, PLAIN)
    edit(exported, PLAIN, row["row"], "nl", " ".join([row["nl"]] * 40))
    output = refused(workspace, exported, run_cli)
    assert f"cards/{PLAIN}.yaml" in output  # the project's file, not the trial copy's
    assert "voorwie-import-" not in output


@pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"
)
def test_a_workbook_saved_by_libreoffice_reads_back(
    workspace: Path, exported: Path, run_cli: Callable[..., Run], tmp_path: Path
) -> None:
    """Edited as ODS in LibreOffice, saved back as .xlsx: the edit arrives, nothing else."""
    row = question_row(exported, PLAIN)
    edit(exported, PLAIN, row["row"], "nl", row["nl"] + " Echt?")
    convert = ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
               "--convert-to"]  # fmt: skip
    subprocess.run([*convert, "ods", "--outdir", str(tmp_path), str(exported)], check=True,
                   capture_output=True, timeout=180)  # fmt: skip
    back = [*convert, "xlsx", "--outdir", str(tmp_path / "back"), str(tmp_path / "review.ods")]
    subprocess.run(back, check=True, capture_output=True, timeout=180)
    run = run_cli(workspace, "import", str(tmp_path / "back" / "review.xlsx"))
    assert run.exit_code == 0, run.output
    document = read_yaml(workspace / "cards" / f"{PLAIN}.yaml")
    texts = {q["text"] for card in document["cards"] for q in card.get("questions", [])}
    assert row["nl"] + " Echt?" in texts


def test_a_file_the_round_trip_would_reformat_is_not_written_into(
    workspace: Path, exported: Path, run_cli: Callable[..., Run]
) -> None:
    """A deck laid out its own way (spaces lined up after a key): ruamel would rewrite that
    line, so the import refuses to write into the file rather than change more than a text."""
    path = workspace / "cards" / f"{PLAIN}.yaml"
    before = read_yaml(path)
    path.write_text(path.read_text("utf-8").replace("kind: questions", "kind:   questions", 1))
    assert read_yaml(path) == before  # the same content, another layout
    assert run_cli(workspace, "export", "review.xlsx").exit_code == 0
    row = question_row(exported, PLAIN)
    edit(exported, PLAIN, row["row"], "nl", row["nl"] + " Echt?")
    message = said("the texts cannot be written into this file without changing its layout")
    refused(workspace, exported, run_cli, message)


def test_a_content_file_of_the_wrong_shape_is_named_not_a_traceback(
    workspace: Path, run_cli: Callable[..., Run]
) -> None:
    (workspace / "cards" / "kapot.yaml").write_text("deck: [1, 2]\n", encoding="utf-8")
    run = run_cli(workspace, "export", "review.xlsx")
    assert run.exit_code == 1
    assert "Traceback" not in run.output and "cards/kapot.yaml" in run.output
    assert said("this content file is not a deck or poster as the schema describes it") \
        in run.output  # fmt: skip
    assert not (workspace / "review.xlsx").exists()


def test_a_text_changed_in_the_yaml_since_the_export_is_not_undone(
    workspace: Path, exported: Path, run_cli: Callable[..., Run]
) -> None:
    """Two reviewers get the same export; the first one's change is imported; the second's
    workbook still holds the old text of that question, which would put it back: refused."""
    stale = workspace / "stale.xlsx"
    shutil.copy(exported, stale)
    row = question_row(exported, PLAIN)
    edit(exported, PLAIN, row["row"], "nl", row["nl"] + " Nu.")
    assert run_cli(workspace, "import", str(exported)).exit_code == 0
    other = question_row(stale, PLAIN, 1)
    edit(stale, PLAIN, other["row"], "nl", other["nl"] + " Ook.")  # an edit of its own
    refused(workspace, stale, run_cli,
            said("this text changed in {file} since the workbook was exported: the row would "
                 "undo that", file=f"{PLAIN}.yaml"))  # fmt: skip


def test_a_changed_header_row_and_a_missing_sheet_are_refused(
    workspace: Path, exported: Path, run_cli: Callable[..., Run]
) -> None:
    book = load_workbook(exported)
    book[PLAIN].cell(1, COLUMN_OF["nl"]).value = "Tekst"
    del book[MAIN]
    book.save(exported)
    refused(workspace, exported, run_cli,
            said("the first row is not the workbook's header row"),
            said("the sheet is missing from the workbook"))  # fmt: skip
