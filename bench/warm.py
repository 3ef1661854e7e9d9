"""The warm rebuild: a `watch` session rebuilds after one question of the main deck is edited.

Run in its own process as `python -m bench.warm REPO SCRATCH`: copies REPO's cards/ and
layouts/ into SCRATCH, builds once through generator.desk.watch.Session, then edits one Dutch
question `EDITS` times (a different text each time) and times each rebuild. Prints one JSON
line: {"first_s", "warm_s": [...], "rebuilt": [...]}. Exit code 3 when generator.desk.watch has no
Session(project).rebuild() to measure.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
import time
from pathlib import Path

MAIN_DECK = "voor-wie-doen-we-wat.yaml"
EDITS = 3
FIGURES = ("warm_s", "start_s")  # a level question (only on its card); the start question's


def chosen_questions(path: Path) -> dict[str, str]:
    """The questions the bench edits, found in the deck as it is (a revision may rename or
    remove any): the first level question, and the first of the start card's questions (the
    posters show those too), each with a one-line Dutch text to rewrite."""
    from generator.load.yaml_file import read_yaml
    from generator.validate.deck import validate_deck
    from generator.validate.localize import language_versions

    document = read_yaml(path)
    [deck, *_others] = language_versions(document, path, "deck", validate_deck, lambda *_: {})
    lines = path.read_text(encoding="utf-8").split("\n")

    def first(cards: list) -> str:
        for card in cards:
            for question in card.all_questions():
                try:
                    question_line(lines, question.id)
                except (ValueError, StopIteration):
                    continue
                return question.id
        raise ValueError(f"no question with a one-line Dutch text in {path}")

    asked = [card for card in deck.cards if card.kind == "questions"]
    return {"warm_s": first([c for c in asked if c.level is not None]),
            "start_s": first([c for c in asked if c.level is None])}  # fmt: skip


def question_line(lines: list[str], question: str) -> int:
    """The line of the question's Dutch text: `text: …?` or `nl: …?` after its `- id:`."""
    start = next(n for n, line in enumerate(lines) if line.strip() == f"- id: {question}")
    for number in range(start + 1, len(lines)):
        stripped = lines[number].strip()
        if stripped.startswith(("text: ", "nl: ")) and stripped.endswith("?"):
            return number
    raise ValueError(f"no one-line Dutch text for question {question} in {MAIN_DECK}")


def edit_question(path: Path, question: str, edit: int) -> None:
    """Rewrite that question as '… (herzien N)?', a different text for every edit."""
    lines = path.read_text(encoding="utf-8").split("\n")
    number = question_line(lines, question)
    original = re.sub(r" \(herzien \d+\)\?$", "?", lines[number])
    lines[number] = f"{original[:-1]} (herzien {edit})?"
    path.write_text("\n".join(lines), encoding="utf-8")


def main(argv: list[str]) -> int:
    repo, scratch = Path(argv[0]), Path(argv[1])
    try:
        from generator.core.project import Project
        from generator.desk.watch import Session
    except ImportError as error:
        print(f"generator.desk.watch has no Session: {error}", file=sys.stderr)
        return 3
    cards, layouts = scratch / "cards", scratch / "layouts"
    shutil.copytree(repo / "cards", cards)
    shutil.copytree(repo / "layouts", layouts)
    figures: dict = {}
    with Session(Project(cards=cards, layouts=layouts, output=scratch / "output")) as session:
        start = time.perf_counter()
        session.rebuild()
        figures["first_s"] = time.perf_counter() - start
        for name, question in chosen_questions(cards / MAIN_DECK).items():
            figures[name] = []
            for edit in range(1, EDITS + 1):
                edit_question(cards / MAIN_DECK, question, edit)
                start = time.perf_counter()
                result = session.rebuild()
                figures[name].append(time.perf_counter() - start)
                figures[name.replace("_s", "_rebuilt")] = list(result.products)
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
