"""The benchmark's own tools: synthetic decks are valid, deterministic and fit; sizes add up."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from bench import baseline
from bench.pdfsize import measure_pdf
from bench.report import as_markdown
from bench.rows import Row
from bench.synthetic import MAX_CARDS_PER_DECK, deck_sizes, make_project, write_decks
from bench.texts import baseline_job, card_count
from bench.warm import MAIN_DECK, QUESTIONS, edit_question, question_line
from generator.pipeline import build
from generator.project import Project
from tests.conftest import CARDS, LAYOUTS, ROOT

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
        drawn = " ".join(page.extract_text().split())
        for text in texts:
            assert " ".join(text.split()) in drawn


@pytest.mark.parametrize("question", QUESTIONS.values())
def test_warm_rebuild_finds_the_questions_it_edits(question: str, tmp_path: Path) -> None:
    deck = tmp_path / MAIN_DECK
    shutil.copy(CARDS / MAIN_DECK, deck)
    before = deck.read_text(encoding="utf-8").split("\n")
    edit_question(deck, question, 1)
    after = deck.read_text(encoding="utf-8").split("\n")
    changed = [n for n, (old, new) in enumerate(zip(before, after, strict=True)) if old != new]
    assert changed == [question_line(before, question)]
    assert after[changed[0]].endswith(" (herzien 1)?")


def test_results_table_has_the_four_columns() -> None:
    rows = [
        Row("a", 1.5, "ms", 1.2, False),
        Row("b", None, "ms", 100.0, None, "not measured yet"),
    ]
    text = as_markdown(rows, "machine")
    assert "| measure | value | target | ok |" in text
    assert "| a | 1.50 ms | ≤ 1.2 ms | NO |" in text
    assert "| b | not measured yet | ≤ 100 ms |  |" in text
