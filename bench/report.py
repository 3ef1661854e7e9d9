"""The table as plain text for the terminal and as Markdown for bench/results.md."""

from __future__ import annotations

from bench.rows import Row

DIGITS = {"s": 2, "ms": 2, "MB": 1, "B": 0, "×": 2}
HOW = """\
How each figure is measured (`python -m bench`; details in the docstrings of bench/*.py):

- Every build and baseline runs in a new child process (the project's venv interpreter); time is
  the wall time from start to exit, interpreter start-up and imports included; CPU time is the
  user + system time of the child and of the worker processes it forks and waits for. Wall times
  depend on what else the machine runs: the header gives the load average at the start.
- Peak memory is that of the whole process tree: the child and every process it forks (the
  generator's workers). While the command runs, a thread of the bench samples the tree every
  5 ms, or less often when a sample itself takes longer, so that sampling takes at most a fifth
  of a core (at 1,000 cards a sample takes about 2 ms: one every 14 ms or so). A sample finds
  the descendants through /proc/<pid>/task/*/children and adds up each one's PSS from
  /proc/<pid>/smaps_rollup, in which a page shared after a fork counts once (VmRSS from
  /proc/<pid>/status where that cannot be read). The figure is the largest sum seen, and at
  least the largest single process's own peak, `ru_maxrss` of the `os.wait4` rusage, which
  catches a peak between two samples; that counts only when above the bench's own peak, which
  a child inherits when it starts. 1 MB = 1,048,576 bytes (MiB).
- Start-up: `python -m generator --version`, which imports the whole CLI and does no work.
- Cold build: `python -m generator build -q --out <empty temp folder>` on the repository's cards/
  and layouts/: every deck (print file, A4 sheets, calibration sheet), every poster and edition,
  the digital PDFs and the manifest; the fastest of 3 runs (with its own peak memory).
- Baseline: `python -m bench.baseline` draws the same texts with bare ReportLab: one Canvas per
  deck (invariant, compressed, the layout's Atkinson Hyperlegible regular and bold registered and
  embedded as subsets), each card a front page (its texts and footer) and a back page (notes
  label, source, edition), every text broken at a fixed number of characters and drawn with
  drawString; each poster's texts on one A3 page. No templates, fitting, hyphenation, colour,
  boxes, imposition or PDF/X marking. Its texts are read (not timed) by the generator's loader.
  "The shipped texts" are every card of every deck (the English edition included) and the two
  posters; fastest of 3 runs.
- Floor: `python -m bench.baseline --paragraphs` sets the same texts as ReportLab paragraphs
  (fragments made as the generator makes them, wrapped to the page width and drawn), with nothing
  else: no YAML read, templates, fitting, hyphenation, imposition or PDF/X marking. A build that
  sets its texts with ReportLab's Paragraph costs at least this, so the floor shows how much of
  each budget is left for everything else (the cold build's 2× the baseline; 1.2 ms per card).
- Synthetic decks: `bench/synthetic.py` writes Dutch question cards recombined from the shipped
  questions (seeded, every card different, about 16 % stepped down a size to fit, none
  overflowing) into a temporary project with a copy of layouts/, and builds it as above: the
  fastest of 3 builds at 1,000 cards, one build at 10,000. A deck holds at most 2,000 cards
  (deck.schema.json), so 10,000 cards are 5 decks of 2,000. Time per card = wall (or CPU) time
  ÷ cards, start-up included; each card makes two print pages, half of an A4 sheet (front and
  back), and an entry in the manifest.
- Bytes per card page beyond fonts: (size of the print file(s) − the stored length of every
  embedded font program, /FontFile, /FontFile2, /FontFile3 of every font descriptor on any page,
  each object counted once) ÷ pages; read with pypdf. 1 KB = 1,000 bytes.
- Linearity: time per card at 10,000 cards ÷ at 1,000; 1.0 is linear.
- Warm rebuild: `python -m bench.warm` copies cards/ and layouts/, builds once through a
  `generator.desk.watch.Session`, then edits one Dutch question of the main deck three times and
  times `Session.rebuild()` after each edit (in process, files written); the fastest of the three.
- Targets are upper bounds from issue 8 (peak memory at 1,000 cards: 150 MB for the whole process
  tree, which replaced 100 MB for its largest process); "ok" is blank for figures given for
  information.
"""


def value_text(row: Row) -> str:
    if row.value is None:
        return row.note or "not measured"
    digits = DIGITS.get(row.unit, 2)
    number = f"{row.value:,.{digits}f}"
    return f"{number}{row.unit}" if row.unit == "×" else f"{number} {row.unit}"


def target_text(row: Row) -> str:
    if row.target is None:
        return ""
    unit = row.unit if row.unit == "×" else f" {row.unit}"
    return f"≤ {row.target:,g}{unit}"


def ok_text(row: Row) -> str:
    return {True: "yes", False: "NO", None: ""}[row.ok]


def _cells(row: Row) -> list[str]:
    return [row.name, value_text(row), target_text(row), ok_text(row)]


HEADER = ["measure", "value", "target", "ok"]


def as_text(rows: list[Row], machine: str) -> str:
    """An aligned table for the terminal."""
    table = [HEADER, *(_cells(r) for r in rows)]
    widths = [max(len(line[i]) for line in table) for i in range(len(HEADER))]
    lines = [f"machine: {machine}"]
    for cells in table:
        lines.append("  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip())
    notes = [f"- {r.name}: {r.note}" for r in rows if r.note and r.value is not None]
    return "\n".join(lines + notes) + "\n"


def as_markdown(rows: list[Row], machine: str) -> str:
    """bench/results.md: the machine, the table, and how each figure is measured."""
    escape = str.maketrans({"|": "\\|"})
    lines = [
        "# Benchmark results",
        "",
        f"Machine: {machine}",
        "",
        f"| {' | '.join(HEADER)} |",
        "|---|---:|---:|---|",
    ]
    lines += [f"| {' | '.join(c.translate(escape) for c in _cells(r))} |" for r in rows]
    return "\n".join(lines) + "\n\n" + HOW
