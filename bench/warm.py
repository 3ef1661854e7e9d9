"""The warm rebuild: a `watch` session rebuilds after one question of the main deck is edited.

Run in its own process as `python -m bench.warm REPO SCRATCH`: copies REPO's cards/ and
layouts/ into SCRATCH, builds once through generator.watch.Session, then edits one Dutch
question `EDITS` times (a different text each time) and times each rebuild. Prints one JSON
line: {"first_s", "warm_s": [...], "rebuilt": [...]}. Exit code 3 when generator.watch has no
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
_PLAIN_QUESTION = re.compile(r"^(\s+)(text|nl): (\S.*)\?$")
_TEXT_KEY = re.compile(r"^\s+text:\s*$")


def question_line(lines: list[str]) -> int:
    """The first one-line Dutch question: `text: …?`, or `nl: …?` right under `text:`."""
    for number, line in enumerate(lines):
        match = _PLAIN_QUESTION.match(line)
        if match and (match[2] == "text" or (number and _TEXT_KEY.match(lines[number - 1]))):
            return number
    raise ValueError(f"no one-line question in {MAIN_DECK}")


def edit_question(path: Path, edit: int) -> None:
    """Rewrite that question as '… (herzien N)?', a different text for every edit."""
    lines = path.read_text(encoding="utf-8").split("\n")
    number = question_line(lines)
    original = re.sub(r" \(herzien \d+\)\?$", "?", lines[number])
    lines[number] = f"{original[:-1]} (herzien {edit})?"
    path.write_text("\n".join(lines), encoding="utf-8")


def main(argv: list[str]) -> int:
    repo, scratch = Path(argv[0]), Path(argv[1])
    try:
        from generator.build import Project
        from generator.watch import Session
    except ImportError as error:
        print(f"generator.watch has no Session: {error}", file=sys.stderr)
        return 3
    cards, layouts = scratch / "cards", scratch / "layouts"
    shutil.copytree(repo / "cards", cards)
    shutil.copytree(repo / "layouts", layouts)
    session = Session(Project(cards=cards, layouts=layouts, output=scratch / "output"))
    start = time.perf_counter()
    session.rebuild()
    first = time.perf_counter() - start
    warm, rebuilt = [], []
    for edit in range(1, EDITS + 1):
        edit_question(cards / MAIN_DECK, edit)
        start = time.perf_counter()
        result = session.rebuild()
        warm.append(time.perf_counter() - start)
        rebuilt = list(getattr(result, "products", []))
    print(json.dumps({"first_s": first, "warm_s": warm, "rebuilt": rebuilt}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
