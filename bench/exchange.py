"""The editors' workbook: `export` of the whole project, and `import` of that workbook with one
question edited (the warm rebuild's: read, checked as a build checks it, written into the
YAML), each a new
process as an editor runs it; best of RUNS, each import on a fresh copy of the cards."""

from __future__ import annotations

import shutil
from pathlib import Path

from openpyxl import load_workbook

from bench.context import RUNS, Bench
from bench.measure import Run, check, python, run_once
from bench.warm import MAIN_DECK, chosen_questions
from generator.exchange.workbook import COLUMN_OF

SHEET = "voor-wie-doen-we-wat"  # the main deck: the one with an English edition


def export_run(bench: Bench) -> Run:
    def measure() -> Run:
        bench.say(f"export of the whole project to a workbook ({RUNS} runs)")
        return min((_export(bench, bench.folder("export") / "texts.xlsx") for _ in range(RUNS)),
                   key=lambda run: run.wall_s)  # fmt: skip

    return bench._once("export", measure)


def import_run(bench: Bench) -> Run:
    def measure() -> Run:
        bench.say(f"import of the workbook with one question edited ({RUNS} runs)")
        runs = []
        for _ in range(RUNS):
            folder = bench.folder("import")
            cards = folder / "cards"
            shutil.copytree(bench.repo / "cards", cards)
            workbook = folder / "texts.xlsx"
            _export(bench, workbook, cards)
            _edit_question(workbook, chosen_questions(bench.repo / "cards" / MAIN_DECK)["warm_s"])
            args = python("-m", "generator", "import", "-q", workbook, "--cards", cards)
            run = run_once(args, bench.repo)
            check(run, args)
            runs.append(run)
        return min(runs, key=lambda run: run.wall_s)

    return bench._once("import", measure)


def _export(bench: Bench, target: Path, cards: Path | None = None) -> Run:
    args = python(
        "-m", "generator", "export", "-q", target, "--cards", cards or bench.repo / "cards"
    )
    run = run_once(args, bench.repo)
    check(run, args)
    return run


def _edit_question(path: Path, question: str) -> None:
    """The question's Dutch text with a word added (bench.warm's question: on a level card,
    not on the posters)."""
    book = load_workbook(path)
    sheet = book[SHEET]
    for row in range(2, sheet.max_row + 1):
        if f"/questions/{question}/text" in str(sheet.cell(row, COLUMN_OF["id"]).value):
            cell = sheet.cell(row, COLUMN_OF["nl"])
            cell.value = f"{cell.value} (herzien)"
            break
    book.save(path)
