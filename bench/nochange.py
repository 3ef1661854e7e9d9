"""`make` with nothing changed: `build --check` into a folder a build just filled, as `make`
runs it; best of RUNS (issue 28: under 1.5 s, nothing rewritten)."""

from __future__ import annotations

from bench.context import RUNS, Bench
from bench.measure import MeasureError, Run, best_of, check, python, run_once


def no_change_run(bench: Bench) -> Run:
    def measure() -> Run:
        bench.say(f"`build --check` with nothing changed ({RUNS} runs)")
        out = bench.folder("nochange")
        args = python("-m", "generator", "build", "-q", "--check", "--out", out)
        check(run_once(args, bench.repo), args)  # the build it has nothing to add to
        before = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
        run = best_of(RUNS, args, bench.repo)
        rewritten = [p for p, t in before.items() if p.stat().st_mtime_ns != t
                     and not p.name.startswith(".")]  # fmt: skip
        if rewritten:
            raise MeasureError(f"{len(rewritten)} files rewritten: {rewritten[0].name}")
        return run

    return bench._once("nochange", measure)
