"""`python -m bench`: measure every row, print the table and write bench/results.md."""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from bench.context import Bench
from bench.machine import describe
from bench.report import as_markdown, as_text
from bench.rows import ROWS, Row

REPO = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results.md"
QUICK_CARDS = 200


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "--quick",
        action="store_true",
        help=f"a fast check: {QUICK_CARDS} synthetic cards, no 10,000-card deck",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="exit 1 when a target is missed or a measurement fails",
    )
    parser.add_argument(
        "--results",
        type=Path,
        help=f"where to write the Markdown table (default: {RESULTS.relative_to(REPO)}; "
        "with --quick: nowhere)",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the temporary folder (synthetic decks, outputs)"
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    options = parse(argv)
    bench = Bench(
        REPO, small=QUICK_CARDS if options.quick else 1000, large=None if options.quick else 10_000
    )
    machine = describe(REPO)
    try:
        rows: list[Row] = [measure(bench) for measure in ROWS]
    finally:
        if options.keep:
            bench.say(f"kept {bench.scratch}")
        else:
            shutil.rmtree(bench.scratch, ignore_errors=True)
    sys.stdout.write(as_text(rows, machine))
    results = options.results or (None if options.quick else RESULTS)
    if results is not None:
        results.write_text(as_markdown(rows, machine), encoding="utf-8")
        bench.say(f"wrote {results}")
    missed = [row for row in rows if row.ok is False]
    if missed:
        bench.say(f"{len(missed)} target(s) missed or not measurable")
    return 1 if options.strict and missed else 0
