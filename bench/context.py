"""The measurements rows share, each made once per run: builds, baselines and their files."""

from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from bench.baseline import LINES, PARAGRAPHS
from bench.measure import MeasureError, Run, best_of, check, python, run_once
from bench.pdfsize import PdfBytes, measure_pdf
from bench.synthetic import deck_sizes, make_project
from bench.texts import baseline_job, card_count, write_job
from generator.core.errors import UserError

WATCH_MISSING = 3  # bench.warm's exit code when generator.desk.watch cannot be measured
RUNS = 3  # cold builds and baselines: the best (fastest) of this many runs
WHAT = {LINES: "baseline: bare ReportLab", PARAGRAPHS: "floor: ReportLab paragraphs"}
T = TypeVar("T")


@dataclass(frozen=True)
class Built:
    """A build of a synthetic deck: the process, the cards and the print files' bytes."""

    run: Run
    cards: int
    decks: int
    print_pdf: PdfBytes  # all print files together

    @property
    def ms_per_card(self) -> float:
        return self.run.wall_s * 1000 / self.cards

    @property
    def cpu_ms_per_card(self) -> float:
        return self.run.cpu_s * 1000 / self.cards


@dataclass
class Bench:
    """The repository measured, a scratch folder, and the sizes of the synthetic decks."""

    repo: Path
    small: int = 1000  # cards in the synthetic deck the per-card targets are set for
    large: int | None = 10_000  # None: skip the large deck (--quick)
    scratch: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="bench-")))
    _memo: dict[str, Any] = field(default_factory=dict)

    def _once(self, key: str, compute: Callable[[], T]) -> T:
        """compute() the first time key is asked for; later its result, or its error again."""
        if key not in self._memo:
            try:
                self._memo[key] = (compute(), None)
            except MeasureError as error:
                self._memo[key] = (None, error)
            except UserError as error:  # content the generator rejects, e.g. a synthetic deck
                self._memo[key] = (None, MeasureError(str(error)))
        value, error = self._memo[key]
        if error is not None:
            raise error
        return value

    def say(self, message: str) -> None:
        print(f"bench: {message}", file=sys.stderr, flush=True)

    def folder(self, name: str) -> Path:
        """A fresh, empty folder in the scratch space."""
        return Path(tempfile.mkdtemp(prefix=f"{name}-", dir=self.scratch))

    def startup(self) -> Run:
        """`python -m generator --version`: the interpreter and every import, no work."""

        def measure() -> Run:
            self.say("start-up (python -m generator --version)")
            return best_of(RUNS, python("-m", "generator", "--version"), self.repo)

        return self._once("startup", measure)

    def cold_build(self, *options: str) -> Run:
        """Every shipped product, built by a new process into an empty folder; best of RUNS.
        options: more for `build`, such as --check (the build and its preflight)."""

        def measure() -> Run:
            command = " ".join(("build", *options))
            self.say(f"cold `{command}` of every shipped product ({RUNS} runs)")
            runs = []
            for _ in range(RUNS):
                out = self.folder("cold")
                args = python("-m", "generator", "build", "-q", *options, "--out", out)
                run = run_once(args, self.repo)
                check(run, args)
                runs.append(run)
            return min(runs, key=lambda r: r.wall_s)

        return self._once(" ".join(("cold", *options)), measure)

    def shipped_job(self) -> tuple[Path, int]:
        """The baseline's job for the shipped texts, and how many cards it holds."""

        def make() -> tuple[Path, int]:
            job = baseline_job(self.repo / "cards", self.repo / "layouts")
            return write_job(job, self.scratch / "shipped-job.json"), card_count(job)

        return self._once("shipped-job", make)

    def baseline_shipped(self, drawer: str = LINES) -> Run:
        """The shipped texts drawn by bench.baseline (LINES: the bare baseline; PARAGRAPHS: the
        paragraph floor); best of RUNS."""

        def measure() -> Run:
            job, _ = self.shipped_job()
            self.say(f"{WHAT[drawer]}, the shipped texts ({RUNS} runs)")
            out = self.folder("base")
            return best_of(RUNS, python("-m", "bench.baseline", drawer, job, out), self.repo)

        return self._once(f"baseline-shipped{drawer}", measure)

    def project(self, cards: int) -> Path:
        """A temporary project holding only `cards` synthetic cards (made once per size)."""
        root = self.scratch / f"synthetic-{cards}"
        if not root.exists():
            self.say(f"writing a synthetic deck of {cards:,} cards")
            make_project(root, cards, self.repo)
        return root

    def synthetic(self, cards: int) -> Built:
        """Cold builds of the synthetic deck(s) in their own project: the best of RUNS for the
        small deck, one run for the large one."""

        def measure() -> Built:
            root = self.project(cards)
            decks = len(deck_sizes(cards))
            runs = RUNS if cards == self.small else 1
            self.say(f"building {cards:,} synthetic cards, {decks} deck(s) ({runs} run(s))")
            best: tuple[Run, Path] | None = None
            for _ in range(runs):
                out = self.folder(f"out-{cards}")
                folders = ("--cards", root / "cards", "--layouts", root / "layouts", "--out", out)
                args = python("-m", "generator", "build", "-q", *folders)
                run = run_once(args, self.repo)
                check(run, args)
                if best is None or run.wall_s < best[0].wall_s:
                    best = (run, out)
            assert best is not None
            pdfs = [measure_pdf(path) for path in sorted(best[1].glob("*_print.pdf"))]
            total = PdfBytes(
                sum(p.file_bytes for p in pdfs),
                sum(p.font_bytes for p in pdfs),
                sum(p.pages for p in pdfs),
            )
            return Built(best[0], cards, decks, total)

        return self._once(f"synthetic-{cards}", measure)

    def synthetic_job(self, cards: int) -> Path:
        """The baseline's job for the synthetic deck's texts (made once per size)."""

        def make() -> Path:
            root = self.project(cards)
            job = baseline_job(root / "cards", root / "layouts", with_posters=False)
            return write_job(job, self.scratch / f"synthetic-{cards}-job.json")

        return self._once(f"synthetic-job-{cards}", make)

    def baseline_synthetic(self, cards: int, drawer: str = LINES) -> Run:
        """The synthetic deck's texts drawn by bench.baseline, as baseline_shipped; best of RUNS."""

        def measure() -> Run:
            path = self.synthetic_job(cards)
            self.say(f"{WHAT[drawer]}, {cards:,} synthetic cards ({RUNS} runs)")
            args = python("-m", "bench.baseline", drawer, path, self.folder("base"))
            return best_of(RUNS, args, self.repo)

        return self._once(f"baseline-{cards}{drawer}", measure)

    def warm_rebuild(self) -> dict[str, Any] | None:
        """bench.warm's figures, or None when generator.desk.watch has nothing to measure."""

        def measure() -> dict[str, Any] | None:
            self.say("warm rebuild in a watch session (one question edited, 3 times)")
            args = python("-m", "bench.warm", self.repo, self.folder("warm"))
            run = run_once(args, self.repo)
            if run.returncode == WATCH_MISSING:
                return None
            check(run, args)
            return json.loads(run.stdout.strip().splitlines()[-1])

        return self._once("warm", measure)
