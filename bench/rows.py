"""The table: one small function per row, in order. Add a row by adding a function to ROWS.

Each function takes the Bench context and returns a Row; `measured(...)` turns a function that
returns a bare number into one that returns its Row, and reports a failed or missing
measurement as a row without a value. Every target is an upper bound.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps

from bench import exchange, nochange, serve, typst_deck
from bench.baseline import PARAGRAPHS
from bench.context import RUNS, Bench
from bench.measure import MeasureError

# Targets of issue 8, on the 2-core reference machine.
COLD_RATIO_MAX = 2.0  # cold build of every shipped product ÷ the bare ReportLab baseline
MS_PER_CARD_MAX = 1.2  # at 1,000 cards, imposition included
PEAK_MB_MAX = 150.0  # at 1,000 cards, the whole process tree (1 MB = 1,048,576 bytes, MiB)
BYTES_PER_PAGE_MAX = 1500.0  # 1.5 KB per card page beyond the fonts (1 KB = 1,000 bytes)
LINEARITY_MAX = 1.25  # ms/card at 10,000 ÷ at 1,000: 1.0 is linear; within 25 %
WARM_REBUILD_MS_MAX = 100.0
CHECK_RATIO_MAX = 2.0  # issue 14: `build --check` ÷ `build`, the preflight costs no more
SERVE_MS_MAX = 500.0  # issue 18: a save shows on the open page within half a second
EXCHANGE_S_MAX = 1.0  # issue 26: export, and import of one edited question, each within 1 s
NO_CHANGE_S_MAX = 1.5  # issue 28: `make` with nothing changed, rewriting nothing


@dataclass(frozen=True)
class Row:
    name: str
    value: float | None  # None: not measured (see note)
    unit: str
    target: float | None  # an upper bound; None: for information
    ok: bool | None  # None: no target, or not measured
    note: str = ""


class NotMeasured(Exception):
    """A row that cannot be measured yet; its message says why."""


Measure = Callable[[Bench], Row]


def measured(
    name: str | Callable[[Bench], str], unit: str, target: float | None = None
) -> Callable[[Callable[[Bench], float]], Measure]:
    """Make a function returning a number into one returning its Row (name may depend on
    the context, e.g. on the deck size)."""

    def decorate(function: Callable[[Bench], float]) -> Measure:
        @wraps(function)
        def row(bench: Bench) -> Row:
            title = name(bench) if callable(name) else name
            try:
                value = function(bench)
            except NotMeasured as reason:
                return Row(title, None, unit, target, None, str(reason))
            except MeasureError as error:
                return Row(title, None, unit, target, False, str(error).splitlines()[0])
            ok = None if target is None else value <= target
            return Row(title, value, unit, target, ok)

        return row

    return decorate


def _small(text: str) -> Callable[[Bench], str]:
    return lambda bench: text.format(n=f"{bench.small:,}")


def _large(text: str) -> Callable[[Bench], str]:
    return lambda bench: text.format(n=f"{bench.large or 10_000:,}")


def _need_large(bench: Bench) -> int:
    if bench.large is None:
        raise NotMeasured("skipped (--quick)")
    return bench.large


@measured("start-up: `python -m generator --version` (interpreter and imports)", "s")
def startup(bench: Bench) -> float:
    return bench.startup().wall_s


@measured(f"cold build, every shipped product (best of {RUNS})", "s")
def cold_build(bench: Bench) -> float:
    return bench.cold_build().wall_s


@measured("cold build, peak memory of the whole process tree", "MB")
def cold_build_memory(bench: Bench) -> float:
    return bench.cold_build().peak_mb


@measured(f"cold build and its preflight, `build --check` (best of {RUNS})", "s")
def checked_build(bench: Bench) -> float:
    return bench.cold_build("--check").wall_s


@measured("`build --check` ÷ `build`", "×", CHECK_RATIO_MAX)
def check_ratio(bench: Bench) -> float:
    return bench.cold_build("--check").wall_s / bench.cold_build().wall_s


@measured(
    lambda b: (
        f"baseline: bare ReportLab, the shipped texts ({b.shipped_job()[1]} cards "
        f"+ posters, best of {RUNS})"
    ),
    "s",
)
def baseline_shipped(bench: Bench) -> float:
    return bench.baseline_shipped().wall_s


@measured("cold build ÷ baseline", "×", COLD_RATIO_MAX)
def cold_ratio(bench: Bench) -> float:
    return bench.cold_build().wall_s / bench.baseline_shipped().wall_s


@measured(
    f"floor: the shipped texts as ReportLab paragraphs, nothing else (best of {RUNS})",
    "s",
)
def floor_shipped(bench: Bench) -> float:
    return bench.baseline_shipped(PARAGRAPHS).wall_s


@measured(f"floor ÷ baseline (the cold build's budget: {COLD_RATIO_MAX:g}×)", "×")
def floor_ratio(bench: Bench) -> float:
    return bench.baseline_shipped(PARAGRAPHS).wall_s / bench.baseline_shipped().wall_s


@measured(_small(f"synthetic {{n}} cards: build time (best of {RUNS})"), "s")
def small_time(bench: Bench) -> float:
    return bench.synthetic(bench.small).run.wall_s


@measured(_small("synthetic {n} cards: time per card, imposition included"), "ms", MS_PER_CARD_MAX)
def small_ms_per_card(bench: Bench) -> float:
    return bench.synthetic(bench.small).ms_per_card


@measured(_small("synthetic {n} cards: CPU time per card (user + system)"), "ms")
def small_cpu_per_card(bench: Bench) -> float:
    return bench.synthetic(bench.small).cpu_ms_per_card


@measured(_small("synthetic {n} cards: peak memory of the whole process tree"), "MB", PEAK_MB_MAX)
def small_memory(bench: Bench) -> float:
    return bench.synthetic(bench.small).run.peak_mb


@measured(
    _small("synthetic {n} cards: print file, bytes per card page beyond fonts"),
    "B",
    BYTES_PER_PAGE_MAX,
)
def small_bytes(bench: Bench) -> float:
    return bench.synthetic(bench.small).print_pdf.beyond_fonts_per_page


@measured(_small(f"baseline: bare ReportLab, {{n}} synthetic cards (best of {RUNS})"), "s")
def small_baseline(bench: Bench) -> float:
    return bench.baseline_synthetic(bench.small).wall_s


@measured(_small("synthetic {n} cards ÷ baseline"), "×")
def small_ratio(bench: Bench) -> float:
    return bench.synthetic(bench.small).run.wall_s / bench.baseline_synthetic(bench.small).wall_s


@measured(
    _small(
        f"floor: {{n}} cards' texts as ReportLab paragraphs, per card "
        f"(the budget: {MS_PER_CARD_MAX:g} ms)"
    ),
    "ms",
)
def small_floor_per_card(bench: Bench) -> float:
    return bench.baseline_synthetic(bench.small, PARAGRAPHS).wall_s * 1000 / bench.small


@measured(_large("synthetic {n} cards: build time (one run)"), "s")
def large_time(bench: Bench) -> float:
    return bench.synthetic(_need_large(bench)).run.wall_s


@measured(_large("synthetic {n} cards: time per card"), "ms")
def large_ms_per_card(bench: Bench) -> float:
    return bench.synthetic(_need_large(bench)).ms_per_card


@measured(_large("synthetic {n} cards: CPU time per card (user + system)"), "ms")
def large_cpu_per_card(bench: Bench) -> float:
    return bench.synthetic(_need_large(bench)).cpu_ms_per_card


@measured(_large("synthetic {n} cards: peak memory of the whole process tree"), "MB")
def large_memory(bench: Bench) -> float:
    return bench.synthetic(_need_large(bench)).run.peak_mb


@measured(_large("synthetic {n} cards: print files, bytes per card page beyond fonts"), "B")
def large_bytes(bench: Bench) -> float:
    return bench.synthetic(_need_large(bench)).print_pdf.beyond_fonts_per_page


@measured(
    lambda b: f"linearity: ms per card at {b.large or 10_000:,} ÷ at {b.small:,}",
    "×",
    LINEARITY_MAX,
)
def linearity(bench: Bench) -> float:
    large = bench.synthetic(_need_large(bench)).ms_per_card
    return large / bench.synthetic(bench.small).ms_per_card


@measured("linearity in CPU time (less disturbed by other processes than wall time)", "×")
def cpu_linearity(bench: Bench) -> float:
    large = bench.synthetic(_need_large(bench)).cpu_ms_per_card
    return large / bench.synthetic(bench.small).cpu_ms_per_card


WATCH_MODULE = "generator.desk.watch"


@measured(
    "warm rebuild after one question is edited (watch session, best of 3 edits)",
    "ms",
    WARM_REBUILD_MS_MAX,
)
def warm_rebuild(bench: Bench) -> float:
    """The slot for `watch` (issue 8, from the revision issue): not measured until
    generator.desk.watch offers Session(project).rebuild(); see bench/warm.py."""
    if importlib.util.find_spec(WATCH_MODULE) is None:
        raise NotMeasured(f"not measured yet: needs {WATCH_MODULE}")
    figures = bench.warm_rebuild()
    if figures is None:
        raise NotMeasured(f"not measured yet: {WATCH_MODULE} has no Session to measure")
    return min(figures["warm_s"]) * 1000


@measured("warm rebuild after a start question is edited (it is on the posters too)", "ms")
def warm_rebuild_start(bench: Bench) -> float:
    """The costliest single question: its deck, both posters and the digital files."""
    figures = bench.warm_rebuild()
    if figures is None:
        raise NotMeasured(f"not measured yet: {WATCH_MODULE} has no Session to measure")
    return min(figures["start_s"]) * 1000


@measured(
    f"serve: save → updated picture, one question edited (slowest of {serve.EDITS} edits)",
    "ms",
    SERVE_MS_MAX,
)
def serve_update(bench: Bench) -> float:
    """From writing the YAML to the feed's new version and its new picture read; bench/serve.py."""
    return max(serve.save_to_picture(bench)) * 1000


@measured(f"export: every deck and poster to a workbook (best of {RUNS})", "s", EXCHANGE_S_MAX)
def export_workbook(bench: Bench) -> float:
    return exchange.export_run(bench).wall_s


@measured(
    f"import: that workbook, one question edited, checked and written (best of {RUNS})",
    "s",
    EXCHANGE_S_MAX,
)
def import_workbook(bench: Bench) -> float:
    return exchange.import_run(bench).wall_s


@measured(f"`make` with nothing changed: `build --check`, nothing rewritten (best of {RUNS})",
          "s", NO_CHANGE_S_MAX)  # fmt: skip
def no_change_build(bench: Bench) -> float:
    return nochange.no_change_run(bench).wall_s


@measured("Typst: the shipped decks' cards, one question edited, warm recompile (best of 3)", "ms")
def typst_warm(bench: Bench) -> float:
    return typst_deck.typst_recompile(bench)["warm_s"] * 1000


@measured("our warm rebuild ÷ Typst's warm recompile, in the same run", "×")
def typst_ratio(bench: Bench) -> float:
    figures = bench.warm_rebuild()
    if figures is None:
        raise NotMeasured("generator.desk.watch offers no Session")
    return min(figures["warm_s"]) / typst_deck.typst_recompile(bench)["warm_s"]


ROWS: list[Measure] = [
    startup,
    cold_build,
    cold_build_memory,
    checked_build,
    check_ratio,
    baseline_shipped,
    cold_ratio,
    floor_shipped,
    floor_ratio,
    small_time,
    small_ms_per_card,
    small_cpu_per_card,
    small_memory,
    small_bytes,
    small_baseline,
    small_ratio,
    small_floor_per_card,
    large_time,
    large_ms_per_card,
    large_cpu_per_card,
    large_memory,
    large_bytes,
    linearity,
    cpu_linearity,
    warm_rebuild,
    warm_rebuild_start,
    serve_update,
    typst_warm,
    typst_ratio,
    export_workbook,
    import_workbook,
    no_change_build,
]
