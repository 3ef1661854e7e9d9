"""The benchmark's own tools: synthetic decks are valid, deterministic and fit; sizes add up;
peak memory is the whole process tree's."""

from __future__ import annotations

import json
import os
import re
import resource
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from pypdf import PdfReader

from bench import baseline, tree
from bench.measure import Run, python, run_once
from bench.pdfsize import measure_pdf
from bench.report import as_markdown
from bench.rows import PEAK_MB_MAX, Row, small_memory
from bench.synthetic import MAX_CARDS_PER_DECK, deck_sizes, make_project, write_decks
from bench.texts import baseline_job, card_count
from bench.warm import FIGURES, MAIN_DECK, chosen_questions, edit_question, question_line
from generator.build.pipeline import build
from generator.core.project import Project
from tests.projects import CARDS, LAYOUTS, ROOT

CARDS_IN_TEST = 24


def test_synthetic_deck_builds_and_every_card_differs(tmp_path: Path) -> None:
    cards, layouts = make_project(tmp_path / "project", CARDS_IN_TEST, ROOT)
    written = build(Project(cards=cards, layouts=layouts, output=tmp_path / "out"))
    document = yaml.safe_load((cards / "synthetisch.yaml").read_text(encoding="utf-8"))
    questions = [tuple(q["text"] for q in card["questions"]) for card in document["cards"]]
    assert len(set(questions)) == len(questions) == CARDS_IN_TEST
    assert document["deck"]["language"] == "nl" and "translations" not in document["deck"]
    pdf = next(path for path in written if path.name == "synthetisch_print.pdf")
    measured = measure_pdf(pdf)
    assert measured.pages == 2 * CARDS_IN_TEST
    assert 0 < measured.font_bytes < measured.file_bytes


def test_synthetic_decks_are_deterministic(tmp_path: Path) -> None:
    first = write_decks(tmp_path / "a", 30, CARDS)
    second = write_decks(tmp_path / "b", 30, CARDS)
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]


def test_large_decks_are_split_at_the_schema_limit() -> None:
    assert deck_sizes(1000) == [1000]
    assert deck_sizes(10_000) == [MAX_CARDS_PER_DECK] * 5
    assert deck_sizes(4500) == [2000, 2000, 500]


@pytest.mark.parametrize("drawer", [[], ["--lines"], ["--paragraphs"]])
def test_baseline_draws_a_page_per_card_side_with_its_texts(
    drawer: list[str], tmp_path: Path
) -> None:
    job = baseline_job(CARDS, LAYOUTS)
    assert card_count(job) >= 40
    deck = next(d for d in job["documents"] if d["name"] == "voor-wie-doen-we-wat")
    job["documents"] = [deck]
    job_path = tmp_path / "job.json"
    job_path.write_text(json.dumps(job), encoding="utf-8")
    assert baseline.main([*drawer, str(job_path), str(tmp_path / "out")]) == 0
    pages = PdfReader(tmp_path / "out" / "voor-wie-doen-we-wat.pdf").pages
    assert len(pages) == len(deck["pages"])
    for page, texts in zip(pages, deck["pages"], strict=True):
        # a line may end at a word's own hyphen (casuïstiek-|bespreking): read it joined
        drawn = " ".join(page.extract_text().split()).replace("- ", "-")
        for text in texts:
            assert " ".join(text.split()).replace("- ", "-") in drawn


@pytest.mark.parametrize("figure", FIGURES)
def test_warm_rebuild_finds_the_questions_it_edits(figure: str, tmp_path: Path) -> None:
    """Chosen from the deck as it is: a revision that renames questions keeps this green."""
    deck = tmp_path / MAIN_DECK
    shutil.copy(CARDS / MAIN_DECK, deck)
    question = chosen_questions(deck)[figure]
    before = deck.read_text(encoding="utf-8").split("\n")
    edit_question(deck, question, 1)
    after = deck.read_text(encoding="utf-8").split("\n")
    changed = [n for n, (old, new) in enumerate(zip(before, after, strict=True)) if old != new]
    assert changed == [question_line(before, question)]
    assert after[changed[0]].endswith(" (herzien 1)?")


def test_warm_rebuild_says_when_the_deck_has_no_question_to_edit(tmp_path: Path) -> None:
    deck = tmp_path / MAIN_DECK
    text = (CARDS / MAIN_DECK).read_text(encoding="utf-8")
    deck.write_text(re.sub(r"(?m)^(\s*)(text|nl): (.*)\?$", r"\1\2: \3 ?!", text), "utf-8")
    with pytest.raises(ValueError, match="no question with a one-line Dutch text"):
        chosen_questions(deck)


def test_results_table_has_the_four_columns() -> None:
    rows = [
        Row("a", 1.5, "ms", 1.2, False),
        Row("b", None, "ms", 100.0, None, "not measured yet"),
    ]
    text = as_markdown(rows, "machine")
    assert "| measure | value | target | ok |" in text
    assert "| a | 1.50 ms | ≤ 1.2 ms | NO |" in text
    assert "| b | not measured yet | ≤ 100 ms |  |" in text


# Commands whose process trees hold known memory: b"x" * n writes every page of n bytes.
ONE_CHILD_NOT_WAITED_FOR = """
import os, time
if os.fork() == 0:
    held = b"x" * (60 << 20); time.sleep(0.25); os._exit(0)
time.sleep(0.4)  # the child ends first; never waited for, it is not in this rusage
"""
TWO_CHILDREN_AT_ONCE = """
import os, time
pids = []
for _ in range(2):
    pid = os.fork()
    if pid == 0:
        held = b"x" * (40 << 20); time.sleep(0.3); os._exit(0)
    pids.append(pid)
for pid in pids:
    os.waitpid(pid, 0)  # waited for: the larger child is in ru_maxrss, the sum is not
"""
SHARED_AFTER_FORK = """
import os, time
held = b"x" * (60 << 20)
pids = []
for _ in range(2):
    pid = os.fork()
    if pid == 0:
        time.sleep(0.3); os._exit(0)  # the 60 MB stay shared with the parent
    pids.append(pid)
for pid in pids:
    os.waitpid(pid, 0)
"""
CHILDREN_THAT_END_AT_ONCE = """
import os, time
end = time.monotonic() + 0.5
while time.monotonic() < end:
    if os.fork() == 0:
        os._exit(0)
    os.wait()
"""


def _measure(code: str) -> Run:
    run = run_once(python("-c", code), ROOT)
    assert run.ok, run.stderr
    return run


@pytest.fixture(scope="module")
def bare() -> Run:
    """The same interpreter doing nothing: what the trees below hold beyond."""
    return _measure("import os, time")


@pytest.mark.parametrize(
    ("code", "held_mb"),
    [(ONE_CHILD_NOT_WAITED_FOR, 60), (TWO_CHILDREN_AT_ONCE, 80)],
    ids=["child-not-waited-for", "two-children-at-once"],
)
def test_peak_memory_is_the_whole_trees(code: str, held_mb: float, bare: Run) -> None:
    run = _measure(code)
    assert run.tree_mb - bare.tree_mb >= held_mb - 5
    assert run.maxrss_mb < run.tree_mb - 20  # ru_maxrss alone, the old figure, misses it
    assert run.peak_mb == run.tree_mb


def test_a_child_does_not_report_the_bench_processs_own_peak(bare: Run) -> None:
    own_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    assert own_mb > 40  # this process has imported the generator, ReportLab and pypdf
    assert bare.peak_mb < 25  # a bare interpreter, though exec() kept our high-water mark


def test_pages_shared_after_a_fork_count_once(bare: Run) -> None:
    run = _measure(SHARED_AFTER_FORK)
    assert 55 <= run.tree_mb - bare.tree_mb < 90  # three processes' RSS would add up to 180


def test_children_that_end_between_samples_do_not_stop_the_sampler() -> None:
    child = subprocess.Popen(python("-c", CHILDREN_THAT_END_AT_ONCE))
    with tree.PeakSampler(child.pid, interval_s=0) as sampler:
        child.wait()
    assert sampler.samples > 20 and sampler.peak_kib > 0
    assert _measure(CHILDREN_THAT_END_AT_ONCE).peak_mb > 0


def test_a_process_that_is_gone_holds_nothing() -> None:
    gone = subprocess.Popen(["true"])
    gone.wait()
    assert tree.memory_kib(gone.pid) == 0
    assert tree.children(gone.pid) == []
    assert tree.tree_kib(gone.pid) == 0
    assert tree.memory_kib(os.getpid()) > 0


@pytest.mark.parametrize("children_files", [True, False], ids=["children-files", "stat"])
def test_the_tree_holds_the_children(children_files: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    if children_files and not tree.CHILDREN_FILES:
        pytest.skip("this kernel has no /proc/<pid>/task/<tid>/children")
    monkeypatch.setattr(tree, "CHILDREN_FILES", children_files)
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(5)"])
    try:
        assert child.pid in tree.tree(os.getpid())
        assert tree.tree(child.pid) == [child.pid]
    finally:
        child.kill()
        child.wait()


def test_a_bug_in_the_sampler_is_raised_not_lost(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(pid: int) -> int:
        raise RuntimeError("broken sampler")

    monkeypatch.setattr(tree, "tree_kib", broken)
    sampler = tree.PeakSampler(os.getpid()).__enter__()
    with pytest.raises(RuntimeError, match="broken sampler"):
        sampler.stop()


def test_the_memory_row_reports_the_tree_against_its_budget() -> None:
    run = Run(wall_s=1.0, cpu_s=1.0, maxrss_mb=90.0, tree_mb=190.0, returncode=0, stderr="")
    bench = SimpleNamespace(small=1000, synthetic=lambda cards: SimpleNamespace(run=run))
    row = small_memory(bench)  # type: ignore[arg-type]
    assert "whole process tree" in row.name
    assert (row.value, row.target, row.ok) == (190.0, PEAK_MB_MAX, False)
    assert PEAK_MB_MAX == 150.0
