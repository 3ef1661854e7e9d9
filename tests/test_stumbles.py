"""Small stumbles an editor met (issue 18), each fixed, in English and in Dutch.

The decks are small fixture decks written here (one in two languages, `text:` with `nl:` and
`en:` on lines of their own, as the shipped bilingual deck writes them), never the shipped
content, so a revision of the shipped questions cannot turn these red.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.cli.main import main
from generator.core import i18n
from generator.validate.localize import mistyped_languages
from tests.messages import UNFILLED, item, nothing_changed, problem, said, said_n
from tests.projects import LAYOUTS, deck_versions
from tests.strategies import small_deck


class Indented(yaml.SafeDumper):
    """Lists indented under their key, as in the shipped decks."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        return super().increase_indent(flow, False)


def in_two_languages(text: str) -> dict[str, str]:
    return {"nl": text, "en": f"{text} (en)"}


def bilingual_deck() -> dict[str, Any]:
    """The small deck in Dutch and English, with a level, every printed text per language."""
    deck = small_deck()
    deck["deck"].update(translations=["en"], title=in_two_languages("Proef"),
                        source=in_two_languages("Bron"))  # fmt: skip
    deck["labels"] = {key: in_two_languages(text) for key, text in deck["labels"].items()}
    deck["levels"] = [{"id": "gezin", "name": in_two_languages("Niveau van het gezin")}]
    card = deck["cards"][0]
    card.update(heading=in_two_languages("Start"), level="gezin")
    card["questions"] = [
        {"id": "q0", "text": in_two_languages("Wie doet wat?")},
        {"id": "q1", "text": in_two_languages("Wie is er nodig?")},
    ]
    return deck


def write_project(folder: Path, deck: dict[str, Any]) -> str:
    """cards/deck.yaml in folder, as an editor's file; returns its text."""
    (folder / "cards").mkdir(exist_ok=True)
    text = yaml.dump(deck, Dumper=Indented, allow_unicode=True, sort_keys=False, width=1000)
    (folder / "cards" / "deck.yaml").write_text(text, encoding="utf-8")
    return text


def line_of(text: str, fragment: str) -> int:
    [number] = [n for n, row in enumerate(text.splitlines(), 1) if fragment in row]
    return number


@pytest.fixture
def project(tmp_path: Path) -> Path:
    write_project(tmp_path, bilingual_deck())
    return tmp_path


def validate(run_cli: Callable, folder: Path, *options: str):
    return run_cli(folder, *options, "validate", "--layouts", str(LAYOUTS))


# --- 1. the README's step "copy a question from `- id:` through its text" --------------------


def copied_question(text: str, through: str) -> str:
    """The deck with question q1 copied, from `- id: q1` through the first line that starts
    with `through`, and pasted above it as a new question q2."""
    rows = text.splitlines(keepends=True)
    start = next(n for n, row in enumerate(rows) if row.strip() == "- id: q1")
    end = next(n for n in range(start, len(rows)) if rows[n].strip().startswith(through))
    copy_rows = [row.replace("- id: q1", "- id: q2") for row in rows[start : end + 1]]
    return "".join(rows[:start] + copy_rows + rows[start:])


def test_copying_a_question_through_its_en_line_makes_a_new_question(
    project: Path, run_cli: Callable
) -> None:
    """The README's step for the bilingual deck: copy from `- id:` through the line `en:`."""
    deck = project / "cards" / "deck.yaml"
    deck.write_text(copied_question(deck.read_text(encoding="utf-8"), "en:"), encoding="utf-8")
    run = validate(run_cli, project)
    assert run.exit_code == 0, run.output
    assert [q.id for q in deck_versions(deck)[1].cards[0].questions] == ["q0", "q2", "q1"]


def test_copying_only_through_text_asks_for_both_languages(
    project: Path, run_cli: Callable, lang: str
) -> None:
    """Followed literally up to `text:`, the copy has an empty text: the fix says to write
    `nl:` and `en:` under it, not to use quotes."""
    deck = project / "cards" / "deck.yaml"
    text = copied_question(deck.read_text(encoding="utf-8"), "text:")
    deck.write_text(text, encoding="utf-8")
    run = validate(run_cli, project)
    assert run.exit_code == 1
    line = line_of(text, "- id: q2") + 1  # its `text:`
    message = said("{item}: the text is missing",
                   item=item("card 'c0' › question 'q2' › text"))  # fmt: skip
    fix = said(
        "the text has no {languages}: write {keys} under '{key}:', each on a line of its own "
        "with its text",
        languages=said("{items} and {last}", items=said("Dutch"), last=said("English")),
        keys=said("{items} and {last}", items="'nl:'", last="'en:'"),
        key="text",
    )
    assert problem(f"cards/deck.yaml:{line}", message, fix) in run.output
    assert said("a text that looks like a number, date, yes/no or null goes between quotation "
                "marks") not in run.output  # fmt: skip


# --- 2. -q everywhere ---------------------------------------------------------------------


def test_every_command_and_the_group_take_quiet() -> None:
    commands = [main, *main.commands.values()]
    assert [c.name for c in commands if not any("-q" in p.opts for p in c.params)] == []


@pytest.mark.parametrize(
    "arguments",
    [("-q", "validate"), ("validate", "-q"), ("-q", "build"), ("changes", "-q"),
     ("-q", "changes"), ("release", "-q")],
    ids=" ".join,
)  # fmt: skip
def test_quiet_prints_nothing_when_all_is_well(
    project: Path, run_cli: Callable, arguments: tuple[str, ...]
) -> None:
    run = run_cli(project, *arguments, "--layouts", str(LAYOUTS))
    assert (run.exit_code, run.output) == (0, "")


# --- 3. a --cards folder that does not exist -------------------------------------------------


def test_a_cards_folder_that_does_not_exist_is_named(
    tmp_path: Path, run_cli: Callable, lang: str
) -> None:
    missing = tmp_path / "does" / "not" / "exist"
    run = run_cli(tmp_path, "build", "--cards", str(missing), "--layouts", str(LAYOUTS))
    assert run.exit_code == 1
    fix = said("check the folder after --cards, or run the generator in the project folder "
               "(the one that holds cards/)")  # fmt: skip
    assert problem("does/not/exist", said("this folder does not exist"), fix) in run.output
    assert said("no content files (*.yaml) in this folder") not in run.output


# --- 4. validate writes nothing, and says so --------------------------------------------------


def test_validate_ends_with_its_own_summary(project: Path, run_cli: Callable, lang: str) -> None:
    deck = project / "cards" / "deck.yaml"
    deck.write_text(deck.read_text(encoding="utf-8").replace("level: gezin", "level: gezn"))
    run = validate(run_cli, project)
    assert run.exit_code == 1
    summary = said_n("{count} problem; fix it before building.",
                     "{count} problems; fix them before building.", 1)  # fmt: skip
    assert run.output.endswith(summary + "\n")
    assert nothing_changed(1) not in run.output


def test_validate_without_problems_counts_the_files(project: Path, run_cli: Callable) -> None:
    run = validate(run_cli, project)
    assert run.output == "1 content file checked: no problems.\n"


# --- 5. a mistyped language key ---------------------------------------------------------------


def test_a_mistyped_language_is_one_problem_with_a_suggestion(
    project: Path, run_cli: Callable, lang: str
) -> None:
    deck = project / "cards" / "deck.yaml"
    text = deck.read_text(encoding="utf-8").replace("nl: Wie is er nodig?", "nll: Wie is er nodig?")
    deck.write_text(text, encoding="utf-8")
    run = validate(run_cli, project)
    message = said("{item}: unknown language '{key}'",
                   item=item("card 'c0' › question 'q1' › text"), key="nll")  # fmt: skip
    fix = said("did you mean '{option}'?", option="nl")
    assert problem(f"cards/deck.yaml:{line_of(text, 'nll:')}", message, fix) in run.output
    assert run.output.count(said("error") + ": ") == 1, run.output


@pytest.mark.parametrize(
    ("node", "meant"),
    [
        ({"nll": "x", "en": "y"}, {"nll": "nl"}),
        ({"nl": "x", "eng": "y"}, {"eng": "en"}),
        ({"nl": "x", "en": "y"}, {}),  # nothing mistyped
        ({"nl": "x", "en": "y", "de": "z"}, {}),  # another language: foreign(), not a typo
        ({"levels": "x", "notes": "y"}, {}),  # a mapping of texts that is no text per language
        ({"nll": "x", "en": ["y"]}, {}),  # not all texts: the schema speaks
    ],
)
def test_what_counts_as_a_mistyped_language(node: dict, meant: dict) -> None:
    assert mistyped_languages(node, ["nl", "en"]) == meant


# --- 6. levels: deleted ----------------------------------------------------------------------


def test_deleted_levels_say_what_levels_look_like(
    tmp_path: Path, run_cli: Callable, lang: str
) -> None:
    """Not "levels defined: none" once per card, but one problem that says how to restore
    `levels:` and where the old list is."""
    deck = bilingual_deck()
    del deck["levels"]
    text = write_project(tmp_path, deck)
    run = validate(run_cli, tmp_path)
    message = said("the cards name levels ({levels}), but the file has no 'levels:'",
                   levels="gezin")  # fmt: skip
    fix = said(
        "restore 'levels:' at the top level of the file, with for each level a line '- id: …' "
        "and under it 'name: …'; the list as it was is in the file's earlier version (git), or "
        "in its latest release in cards/releases/"
    )
    assert problem(f"cards/deck.yaml:{line_of(text, 'level: gezin')}", message, fix) in run.output
    assert run.output.count(said("error") + ": ") == 1


# --- 7. the note for text set smaller ---------------------------------------------------------


def test_the_note_for_shrunk_text_names_the_question_that_did_not_fit(
    tmp_path: Path, run_cli: Callable, lang: str
) -> None:
    """A short first question and a long second one: the note names the second."""
    deck = small_deck()
    for words in range(20, 400, 10):  # the shortest second question that does not fit
        card = copy.deepcopy(deck["cards"][0])
        long = " ".join(["samenwerking"] * words)
        card["questions"] = [{"id": "kort", "text": "Wie doet wat?"},
                             {"id": "lang", "text": long}]  # fmt: skip
        text = write_project(tmp_path, {**deck, "cards": [card]})
        run = run_cli(tmp_path, "build", "--layouts", str(LAYOUTS))
        if said("note") + ":" in run.output:
            break
    else:
        raise AssertionError("no length of question that is set smaller")
    assert run.exit_code == 0, run.output
    note = next(row for row in run.output.splitlines() if row.startswith(said("note") + ":"))
    line = line_of(text, "samenwerking samenwerking")
    points = re.search(r"(\d+(?:[.,]\d+)?) pt", note)[1]
    assert points == i18n.number(float(points.replace(",", ".")))  # 0,5 in Dutch, 0.5 in English
    message = said(
        "{where}: {face}: {item} does not fit at the layout's size, so the text of its frame is "
        "set {points} pt smaller",
        where=f"cards/deck.yaml:{line}", face=item("card 'c0' (front)"),
        item=item("question 'lang'"), points=points,
    )  # fmt: skip
    assert note == f"{said('note')}: {message}"
    assert "'kort'" not in note and not UNFILLED.search(note)
