"""What a user sees when a deck or layout is wrong: file, line, item, fix; never a traceback.

Each test breaks the workspace copy of the shipped deck (or layout) the way an editor might,
runs `build`, and checks the real message; a test that takes `lang` does so in English and in
Dutch (tests/messages.py). Expected line numbers are always derived from the text the test
wrote, never typed in.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from generator.core.errors import UserError
from generator.load.yaml_file import MAX_NODES, read_yaml
from generator.validate.localize import languages, localize
from tests.messages import UNFILLED, item, nothing_changed, problem, said, said_n
from tests.pdf_tools import page_texts

DECK = "cards/voor-wie-doen-we-wat.yaml"  # as the CLI shows it, relative to the workspace
TEMPLATE = "layouts/pocket-card/checklist.xml.j2"
PRINT_PDF = "voor-wie-doen-we-wat_print.pdf"

# A short, plain question of card 'vragen-gezin' that the tests overwrite.
QUESTION_ID = "gezin-draagkracht"
QUESTION = "text: Wat is de draagkracht en -last van het gezin?"


# --- helpers ---------------------------------------------------------------------------------


def plain(node):
    """A loaded document as plain dicts, lists and strings, for yaml.safe_dump."""
    if isinstance(node, dict):
        return {key: plain(value) for key, value in node.items()}
    if isinstance(node, list):
        return [plain(value) for value in node]
    return str(node) if isinstance(node, str) else node


class IndentedDumper(yaml.SafeDumper):
    """Lists indented under their key, as in the deck file."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        return super().increase_indent(flow, False)


@pytest.fixture(autouse=True)
def dutch_only_deck(workspace: Path) -> None:
    """These tests break the Dutch text of the deck; they work on the Dutch-only versions of
    the deck and of the poster that uses it."""
    for name, meta in ((DECK, "deck"), ("cards/continuum.yaml", "poster")):
        path = workspace / name
        document = read_yaml(path)
        dutch, _ = localize(document, "nl", languages(document[meta]), path)
        dutch = plain(dutch)
        dutch[meta].pop("translations", None)
        path.write_text(
            yaml.dump(dutch, Dumper=IndentedDumper, allow_unicode=True, sort_keys=False, width=1000)
        )


def edit_file(path: Path, old: str, new: str) -> str:
    """Replace the single occurrence of old in a file; returns the new text."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return text


def edit(workspace: Path, old: str, new: str) -> str:
    """Replace the single occurrence of old in the deck; returns the deck's new text."""
    return edit_file(workspace / DECK, old, new)


def lines_with(text: str, fragment: str) -> list[int]:
    """The 1-based numbers of every line that contains fragment."""
    return [n for n, line in enumerate(text.splitlines(), start=1) if fragment in line]


def line_with(text: str, fragment: str) -> int:
    """The 1-based number of the one line that contains fragment."""
    found = lines_with(text, fragment)
    assert len(found) == 1, f"{fragment!r} is on lines {found}"
    return found[0]


def assert_failed(run, count: int) -> None:
    """The build stopped with count problems, a summary line and no traceback; every message
    has its placeholders filled."""
    assert run.exit_code == 1, run.output
    assert "Traceback" not in run.output
    assert run.output.endswith(nothing_changed(count) + "\n"), run.output
    assert not UNFILLED.search(run.output), run.output


def snapshot(folder: Path) -> dict[str, tuple[bytes, int, int]]:
    """Every file below a folder (the print-shop folder's too): its bytes, modification time
    and inode."""
    return {
        str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns, p.stat().st_ino)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


QUOTES_HINT = "a text that looks like a number, date, yes/no or null goes between quotation marks"
FIT_HINT = "shorten the text, move questions to another card, or choose a larger trim"


# --- 1. malformed YAML -----------------------------------------------------------------------


def test_bad_indentation_is_reported_on_its_line_and_column(
    workspace: Path, run_cli: Callable, lang: str
) -> None:
    """A list item indented one space too little is reported where its line starts."""
    text = edit(workspace, f"      - id: {QUESTION_ID}\n", f"     - id: {QUESTION_ID}\n")
    run = run_cli(workspace, "build")
    assert_failed(run, 1)
    line = line_with(text, f"- id: {QUESTION_ID}")
    message = said("this line does not line up with the lines above it")
    fix = said(
        "indent it with spaces exactly as far as the other keys (or '- ' items) at its level"
    )
    assert problem(f"{DECK}:{line}:6", message, fix) in run.output


def test_a_tab_inside_a_text_is_a_space(workspace: Path, run_cli: Callable) -> None:
    """A tab pasted into a question is whitespace (YAML allows it there), set as a space."""
    edit(workspace, QUESTION, "text: Wat is de\tdraagkracht?")
    run = run_cli(workspace, "build", "-q")
    assert run.exit_code == 0, run.output
    pages = page_texts(workspace / "output" / "voor-wie-doen-we-wat_print.pdf")
    assert "Wat is de draagkracht?" in " ".join(" ".join(pages).split())


def test_a_tab_as_indentation_is_named_on_its_line(
    workspace: Path, run_cli: Callable, lang: str
) -> None:
    """YAML indents with spaces only: a tab there is reported on its line, naming the tab
    (libyaml says "found character that cannot start any token")."""
    deck = workspace / DECK
    lines = deck.read_text(encoding="utf-8").split("\n")
    number = next(i for i, row in enumerate(lines) if row.strip() == QUESTION)
    lines[number] = "\t" + QUESTION
    text = "\n".join(lines)
    deck.write_text(text, encoding="utf-8")
    run = run_cli(workspace, "build")
    assert_failed(run, 1)
    line = line_with(text, "draagkracht en -last")
    message = said("there is a tab where spaces belong")
    fix = said(
        "indent with spaces only: replace the tab by spaces, as many as the lines around it use"
    )
    assert problem(f"{DECK}:{line}:1", message, fix) in run.output
    assert "cannot start any token" not in run.output


def test_unclosed_quote_is_reported_where_it_opens(
    workspace: Path, run_cli: Callable, lang: str
) -> None:
    """An unclosed quote points at the line and column where the quote was opened."""
    text = edit(workspace, QUESTION, 'text: "Wat is de draagkracht en -last van het gezin?')
    run = run_cli(workspace, "build")
    assert_failed(run, 1)
    line = line_with(text, '"Wat is de draagkracht')
    column = text.splitlines()[line - 1].index('"') + 1
    message = said("the quotation mark opened here is not closed")
    fix = said('close it at the end of the text: text: "…"')
    assert problem(f"{DECK}:{line}:{column}", message, fix) in run.output


def test_a_colon_inside_a_text_asks_for_quotation_marks(
    workspace: Path, run_cli: Callable, lang: str
) -> None:
    """An unquoted ': ' inside a text (libyaml: "mapping values are not allowed in this
    context") is named, with quotation marks as the fix."""
    text = edit(workspace, QUESTION, "text: Denk aan: draagkracht en -last van het gezin")
    run = run_cli(workspace, "build")
    assert_failed(run, 1)
    line = line_with(text, "Denk aan: draagkracht")
    column = text.splitlines()[line - 1].index("aan:") + len("aan:")
    message = said("there is a ': ' (a colon and a space) inside a text")
    fix = said('put the text between quotation marks: text: "Denk aan: wonen, werken"')
    assert problem(f"{DECK}:{line}:{column}", message, fix) in run.output
    assert "mapping values" not in run.output


# --- 2. wrong types --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "read_as"),
    [("yes", "true"), ("off", "false"), ("12", "12"), ("1.5", "1.5")],
)
def test_question_text_that_yaml_reads_as_no_text_asks_for_quotes(
    workspace: Path, run_cli: Callable, written: str, read_as: str, lang: str
) -> None:
    """`text: yes` (or a number) is not silently printed as 'True': quote it."""
    text = edit(workspace, QUESTION, f"text: {written}")
    run = run_cli(workspace, "build")
    assert_failed(run, 1)
    line = line_with(text, f"text: {written}")
    where = item(f"card 'vragen-gezin' › question '{QUESTION_ID}' › text")
    message = said("{item}: expected {expected}, found {found}", item=where,
                   expected=said("a text"), found=read_as)  # fmt: skip
    assert problem(f"{DECK}:{line}", message, said(QUOTES_HINT)) in run.output


def test_a_text_left_empty_says_where_it_goes(
    workspace: Path, run_cli: Callable, lang: str
) -> None:
    """`text:` with nothing after it (the README's step followed up to `text:`) asks for the
    text, not for quotes."""
    text = edit(workspace, QUESTION, "text:")
    run = run_cli(workspace, "build")
    assert_failed(run, 1)
    where = item(f"card 'vragen-gezin' › question '{QUESTION_ID}' › text")
    message = said("{item}: the text is missing", item=where)
    fix = said("write the text after '{key}:'", key="text")
    line = line_with(text, f"- id: {QUESTION_ID}") + 1  # the line of `text:`
    assert problem(f"{DECK}:{line}", message, fix) in run.output


def test_check_that_is_not_true_or_false(workspace: Path, run_cli: Callable, lang: str) -> None:
    """`check: "maybe"` names the sub-question and says true or false is expected."""
    text = edit(workspace, "check: false", 'check: "maybe"')
    run = run_cli(workspace, "build")
    assert_failed(run, 1)
    line = line_with(text, 'check: "maybe"')
    where = item(
        "card 'vragen-gezin' › question 'gezin-brede-blik' "
        "› sub-question 'gezin-leefgebieden-voorbeelden' › check"
    )
    message = said("{item}: expected {expected}, found {found}", item=where,
                   expected=said("true or false"), found="'maybe'")  # fmt: skip
    assert problem(f"{DECK}:{line}", message, said("write true or false")) in run.output


def test_list_instead_of_text_is_reported_on_its_line(
    workspace: Path, run_cli: Callable, lang: str
) -> None:
    """`text: [a, b]` is rejected on its line, with the hint about quotes."""
    text = edit(workspace, QUESTION, "text: [a, b]")
    run = run_cli(workspace, "build")
    assert_failed(run, 1)
    line = line_with(text, "text: [a, b]")
    where = item(f"card 'vragen-gezin' › question '{QUESTION_ID}' › text")
    found = said("a list (lines starting with '- ')")
    message = said("{item}: expected {expected}, found {found}", item=where,
                   expected=said("a text"), found=found)  # fmt: skip
    assert problem(f"{DECK}:{line}", message, said(QUOTES_HINT)) in run.output


def test_empty_question_text_is_one_problem(workspace: Path, run_cli: Callable, lang: str) -> None:
    """`text: ''` is one mistake and is reported once."""
    text = edit(workspace, QUESTION, "text: ''")
    run = run_cli(workspace, "build")
    line = line_with(text, "text: ''")
    where = item(f"card 'vragen-gezin' › question '{QUESTION_ID}' › text")
    assert f"{DECK}:{line}: {said('{item}: is empty', item=where)}\n" in run.output
    assert_failed(run, 1)


# --- 3. unknown keys -------------------------------------------------------------------------


def test_typo_txt_suggests_text(workspace: Path, run_cli: Callable, lang: str) -> None:
    """`txt:` for `text:` is named on its line, with 'text' suggested, as one problem."""
    text = edit(workspace, QUESTION, QUESTION.replace("text:", "txt:"))
    run = run_cli(workspace, "build")
    assert_failed(run, 1)
    line = line_with(text, "txt: Wat is de draagkracht")
    where = item(f"card 'vragen-gezin' › question '{QUESTION_ID}'")
    message = said("{item}: unknown key '{key}'", item=where, key="txt")
    fix = said("did you mean '{option}'?", option="text")
    assert problem(f"{DECK}:{line}", message, fix) in run.output


def test_typo_hedaing_suggests_heading(workspace: Path, run_cli: Callable, lang: str) -> None:
    """`hedaing:` on a card is named with the card and 'heading' is suggested."""
    text = edit(workspace, "heading: Startvraag", "hedaing: Startvraag")
    run = run_cli(workspace, "build")
    assert_failed(run, 1)
    line = line_with(text, "hedaing:")
    message = said("{item}: unknown key '{key}'", item=item("card 'startvraag'"), key="hedaing")
    fix = said("did you mean '{option}'?", option="heading")
    assert problem(f"{DECK}:{line}", message, fix) in run.output


# --- 4. missing keys -------------------------------------------------------------------------


def test_question_without_text(workspace: Path, run_cli: Callable, lang: str) -> None:
    """A question whose text line was deleted is named, on the line of its id."""
    text = edit(workspace, f"        {QUESTION}\n", "")
    run = run_cli(workspace, "build")
    assert_failed(run, 1)
    line = line_with(text, f"- id: {QUESTION_ID}")
    where = item(f"card 'vragen-gezin' › question '{QUESTION_ID}'")
    message = said("{item}: the key '{key}' is missing", item=where, key="text")
    assert problem(f"{DECK}:{line}", message, said("add '{key}: ...'", key="text")) in run.output


# --- 5. duplicate ids ------------------------------------------------------------------------


def test_duplicate_question_id_names_both_lines(
    workspace: Path, run_cli: Callable, lang: str
) -> None:
    """A copied question whose id was not changed points at the copy and the original."""
    text = edit(workspace, "- id: gezin-prioriteit", f"- id: {QUESTION_ID}")
    run = run_cli(workspace, "build")
    assert_failed(run, 1)
    first, second = lines_with(text, f"- id: {QUESTION_ID}")
    message = said("{item}: the id is already used on line {line}",
                   item=item(f"question '{QUESTION_ID}'"), line=first)  # fmt: skip
    hint = said("every id in a file must be unique: give this one another name")
    assert problem(f"{DECK}:{second}", message, hint) in run.output


# --- 6. duplicate keys -----------------------------------------------------------------------


def test_duplicate_key_is_an_error_not_the_last_one_wins(
    workspace: Path, run_cli: Callable, lang: str
) -> None:
    """Two `text:` keys in one question are an error, not a silent choice of the second."""
    text = edit(workspace, QUESTION, f"{QUESTION}\n        text: Een tweede tekst")
    run = run_cli(workspace, "build")
    assert_failed(run, 1)
    first = line_with(text, QUESTION)
    second = line_with(text, "text: Een tweede tekst")
    message = said("the key '{key}' appears twice (first on line {line})", key="text", line=first)
    hint = said("keep one of the two; YAML would silently drop the first")
    assert problem(f"{DECK}:{second}", message, hint) in run.output
    assert not any((workspace / "output").iterdir())


# --- 7. every problem at once ----------------------------------------------------------------


def test_three_schema_mistakes_are_reported_together(workspace: Path, run_cli: Callable) -> None:
    """Three mistakes in different cards are all listed in one run, each on its own line."""
    edit(workspace, "heading: Startvraag", "hedaing: Startvraag")
    edit(workspace, "check: false", 'check: "maybe"')
    text = edit(workspace, QUESTION, "text: yes")
    run = run_cli(workspace, "build")
    assert_failed(run, 3)
    for fragment in ("hedaing:", 'check: "maybe"', "text: yes"):
        assert f"error: {DECK}:{line_with(text, fragment)}: " in run.output


def test_three_reference_mistakes_are_reported_together(workspace: Path, run_cli: Callable) -> None:
    """A duplicate id, an unknown level and a lone ** are all listed in one run."""
    edit(workspace, "- id: gezin-prioriteit", f"- id: {QUESTION_ID}")
    edit(workspace, "level: gezin", "level: gezn")
    text = edit(workspace, "text: Wat hebben we als", "text: Wat **hebben we als")
    run = run_cli(workspace, "build")
    assert_failed(run, 3)
    second = lines_with(text, f"- id: {QUESTION_ID}")[1]
    assert f"{DECK}:{second}: question '{QUESTION_ID}': the id" in run.output
    assert f"{DECK}:{line_with(text, 'level: gezn')}: card 'vragen-gezin'" in run.output
    bold_item = "card 'vragen-organisatie' › question 'org-zelf-in-huis' › text"
    assert f"{DECK}:{line_with(text, '**hebben')}: {bold_item}" in run.output


def test_mistakes_of_different_kinds_are_reported_together(
    workspace: Path, run_cli: Callable
) -> None:
    """An unknown key and an unknown level in the same deck are both listed in one run."""
    edit(workspace, "heading: Startvraag", "hedaing: Startvraag")
    text = edit(workspace, "level: gezin", "level: gezn")
    run = run_cli(workspace, "build")
    assert f"{DECK}:{line_with(text, 'hedaing:')}: card 'startvraag'" in run.output
    assert f"{DECK}:{line_with(text, 'level: gezn')}: card 'vragen-gezin'" in run.output
    assert_failed(run, 2)


# --- 8. level references ---------------------------------------------------------------------


def test_unknown_level_suggests_the_closest(workspace: Path, run_cli: Callable, lang: str) -> None:
    """`level: gezn` names the card and suggests 'gezin'."""
    text = edit(workspace, "level: gezin", "level: gezn")
    run = run_cli(workspace, "build")
    assert_failed(run, 1)
    line = line_with(text, "level: gezn")
    message = said(
        "{item}: unknown level '{level}'", item=item("card 'vragen-gezin'"), level="gezn"
    )
    fix = said("did you mean '{option}'?", option="gezin")
    assert problem(f"{DECK}:{line}", message, fix) in run.output


# --- 9. markup -------------------------------------------------------------------------------


def test_unbalanced_bold_markup(workspace: Path, run_cli: Callable, lang: str) -> None:
    """A `**` without its partner names the question and its line."""
    text = edit(workspace, QUESTION, "text: Wat is de **draagkracht en -last van het gezin?")
    run = run_cli(workspace, "build")
    assert_failed(run, 1)
    line = line_with(text, "**draagkracht")
    where = item(f"card 'vragen-gezin' › question '{QUESTION_ID}' › text")
    message = said("{item}: a '**' has no partner", item=where)
    fix = said("bold text needs ** before and after it")
    assert problem(f"{DECK}:{line}", message, fix) in run.output


# --- 10. missing glyphs ----------------------------------------------------------------------


@pytest.mark.parametrize("char", ["☃", "猫"])
def test_character_missing_from_the_font(
    workspace: Path, run_cli: Callable, char: str, lang: str
) -> None:
    """A character the font lacks is named, with the question and its line."""
    text = edit(workspace, QUESTION, f"text: Wat is de draagkracht {char} van het gezin?")
    run = run_cli(workspace, "build")
    assert_failed(run, 1)
    line = line_with(text, char)
    message = said("{item}: the font {font} cannot print {chars}",
                   item=item(f"question '{QUESTION_ID}'"), font="Atkinson Hyperlegible",
                   chars=repr(char))  # fmt: skip
    hint = said_n("the font has nothing like {chars}: replace it by a word or a character it "
                  "has, or remove it", "the font has nothing like {chars}: replace them by words "
                  "or characters it has, or remove them", 1, chars=repr(char))  # fmt: skip
    assert problem(f"{DECK}:{line}", message, hint) in run.output


# --- 11. text that does not fit --------------------------------------------------------------


def test_question_too_long_for_the_card(workspace: Path, run_cli: Callable, lang: str) -> None:
    """A 400-word question names its card, itself, its line and how to make it fit."""
    long_text = " ".join(["woord"] * 400)  # well within the schema's 5000 characters
    text = edit(workspace, QUESTION, f"text: {long_text}")
    run = run_cli(workspace, "build")
    assert_failed(run, 1)
    line = line_with(text, long_text)
    message = said(
        "{face}: {item} does not fit, even at the minimum size of {size} pt",
        face=item("card 'vragen-gezin' (front)"), item=item(f"question '{QUESTION_ID}'"), size=9,
    )  # fmt: skip
    assert problem(f"{DECK}:{line}", message, said(FIT_HINT)) in run.output


# --- 12. XML special characters --------------------------------------------------------------


def test_angle_brackets_and_ampersand_print_as_themselves(
    workspace: Path, run_cli: Callable
) -> None:
    """`<`, `>` and `&` in a question are printed, not taken for markup or escaped twice."""
    edit(workspace, QUESTION, "text: Is er <veel> & weinig?")
    run = run_cli(workspace, "build")
    assert run.exit_code == 0, run.output
    reader = PdfReader(workspace / "output" / PRINT_PDF)
    printed = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "Is er <veel> & weinig?" in printed
    assert "&amp;" not in printed and "&lt;" not in printed


# --- 13. a failed build changes nothing ------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new"),
    [
        pytest.param(QUESTION, 'text: "unclosed', id="invalid-yaml"),
        pytest.param(QUESTION, "text: " + " ".join(["woord"] * 400), id="text-too-long"),
    ],
)
def test_failed_build_leaves_previous_output_untouched(
    workspace: Path, run_cli: Callable, old: str, new: str
) -> None:
    """After a failed build the last good PDFs are still there, byte for byte, untouched."""
    output = workspace / "output"
    assert run_cli(workspace, "build").exit_code == 0
    long_ago = 1_000_000_000_000_000_000  # 2001, so any rewrite would show in the mtime
    for path in output.rglob("*"):
        os.utime(path, ns=(long_ago, long_ago))
    before = snapshot(output)
    assert PRINT_PDF in before

    edit(workspace, old, new)
    assert run_cli(workspace, "build").exit_code == 1

    assert snapshot(output) == before
    assert list(output.glob(".*.tmp")) == []


def test_one_broken_deck_stops_every_deck(workspace: Path, run_cli: Callable, lang: str) -> None:
    """A broken second deck file means no deck is written, not even the good one."""
    (workspace / "cards" / "zz-kapot.yaml").write_text("deck: [\n", encoding="utf-8")
    run = run_cli(workspace, "build")
    assert_failed(run, 1)
    assert f"{said('error')}: cards/zz-kapot.yaml:" in run.output
    assert list((workspace / "output").iterdir()) == []


# --- 14. layout name -------------------------------------------------------------------------


def test_unknown_layout_is_reported_on_its_line(
    workspace: Path, run_cli: Callable, lang: str
) -> None:
    """`layout: pocket-crad` points at the line of the `layout:` key and suggests
    'pocket-card'."""
    text = edit(workspace, "layout: pocket-card", "layout: pocket-crad")
    run = run_cli(workspace, "build")
    assert_failed(run, 1)
    line = line_with(text, "layout: pocket-crad")
    message = said("there is no layout '{name}' in {folder}/", name="pocket-crad", folder="layouts")
    fix = said("did you mean '{option}'?", option="pocket-card")
    assert problem(f"{DECK}:{line}", message, fix) in run.output


# --- 15. labels ------------------------------------------------------------------------------


def test_missing_label_the_layout_prints(workspace: Path, run_cli: Callable, lang: str) -> None:
    """Deleting the `notes:` label names the label and the layout that needs it."""
    text = edit(workspace, "  notes: Aantekeningen\n", "")
    run = run_cli(workspace, "build")
    assert_failed(run, 1)
    message = said("labels: the label '{label}' is missing; layout '{layout}' prints it",
                   label="notes", layout="pocket-card")  # fmt: skip
    where = f"{DECK}:{line_with(text, 'labels:')}"
    assert problem(where, message, said("add '{label}: ...' under labels:", label="notes")) in (
        run.output
    )


# --- 16. files that are no deck at all -------------------------------------------------------


def test_deck_that_is_not_utf8(workspace: Path, run_cli: Callable, lang: str) -> None:
    """A deck saved as Latin-1 is named, with the first byte that is not UTF-8."""
    path = workspace / DECK
    latin1 = path.read_text(encoding="utf-8").replace("–", "-").encode("latin-1")
    path.write_bytes(latin1)
    first_bad = next(i for i, byte in enumerate(latin1) if byte >= 0x80)
    line = latin1[:first_bad].count(b"\n") + 1
    run = run_cli(workspace, "build")
    assert_failed(run, 1)
    message = said("the file is not UTF-8 text (byte {byte:#04x} cannot be read)",
                   byte=latin1[first_bad])  # fmt: skip
    assert problem(f"{DECK}:{line}", message, said("save it as UTF-8 in your editor")) in (
        run.output
    )


def test_empty_deck_file(workspace: Path, run_cli: Callable, lang: str) -> None:
    """An empty deck file is an error naming the file, not a crash."""
    (workspace / DECK).write_text("", encoding="utf-8")
    run = run_cli(workspace, "build")
    assert_failed(run, 1)
    hint = said("write the deck's keys into it, or delete it")
    assert problem(DECK, said("the file is empty"), hint) in run.output


def test_deck_file_that_is_a_list(workspace: Path, run_cli: Callable, lang: str) -> None:
    """A content file whose top level is a list says what a deck or poster starts with."""
    text = "# vragen\n- vraag een\n- vraag twee\n"
    (workspace / DECK).write_text(text, encoding="utf-8")
    run = run_cli(workspace, "build")
    assert_failed(run, 1)
    line = line_with(text, "- vraag een")
    message = said("the file is neither a deck nor a poster")
    hint = said("a deck starts with 'deck:', a poster with 'poster:'")
    assert problem(f"{DECK}:{line}", message, hint) in run.output


# --- 17. alias bomb --------------------------------------------------------------------------


def test_alias_bomb_is_rejected(workspace: Path, run_cli: Callable, lang: str) -> None:
    """A "billion laughs" file is refused with a clear message instead of eating the memory."""
    lines = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for level in range(1, 10):
        lines.append(f"a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * 9)}]")
    (workspace / DECK).write_text("\n".join(lines) + "\n", encoding="utf-8")
    run = run_cli(workspace, "build")
    assert_failed(run, 1)
    message = said("the file expands to more than {count:,} values", count=MAX_NODES)
    fix = said("remove repeated aliases (*name); a deck needs far fewer values")
    assert problem(f"{DECK}:1", message, fix) in run.output


# --- 18. --debug -----------------------------------------------------------------------------


def test_debug_raises_the_user_error(workspace: Path, run_cli: Callable) -> None:
    """With --debug a user error is raised (for its traceback); without it, it is listed."""
    edit(workspace, "level: gezin", "level: gezn")
    assert_failed(run_cli(workspace, "build"), 1)
    with pytest.raises(UserError, match="unknown level 'gezn'"):
        run_cli(workspace, "build", "--debug")


def test_debug_prints_a_traceback_in_a_real_process(workspace: Path) -> None:
    """From a terminal, --debug prints the traceback and a plain build does not."""
    edit(workspace, "level: gezin", "level: gezn")
    command = [sys.executable, "-m", "generator", "build"]
    plain = subprocess.run(command, cwd=workspace, capture_output=True, text=True, check=False)
    debug = subprocess.run(
        [*command, "--debug"], cwd=workspace, capture_output=True, text=True, check=False
    )
    assert plain.returncode == 1
    assert "Traceback" not in plain.stdout + plain.stderr
    assert "unknown level 'gezn'" in plain.stderr
    assert debug.returncode == 1
    assert "Traceback (most recent call last)" in debug.stderr
    assert "UserError" in debug.stderr and "unknown level 'gezn'" in debug.stderr


# --- 19. templates ---------------------------------------------------------------------------

FOOTER = "{{ deck_lines() }}"


def test_template_with_undefined_variable(workspace: Path, run_cli: Callable, lang: str) -> None:
    """A template naming something that does not exist names the template file and line."""
    text = edit_file(workspace / TEMPLATE, FOOTER, "{{ card.nonexistent }} " + FOOTER)
    run = run_cli(workspace, "build")
    assert run.exit_code == 1
    assert "Traceback" not in run.output
    line = line_with(text, "card.nonexistent")
    what = said("a {thing} has no '{name}'", thing="Card", name="nonexistent")
    message = said("the template uses something that is not there: {what}", what=what)
    hint = said("check the spelling of the name in the template, or add it to the content")
    assert problem(f"{TEMPLATE}:{line}", message, hint) in run.output
    assert list((workspace / "output").iterdir()) == []


def test_template_mistake_is_reported_once(workspace: Path, run_cli: Callable) -> None:
    """One mistake in a template is one problem, however many cards use the template."""
    edit_file(workspace / TEMPLATE, FOOTER, "{{ card.nonexistent }} " + FOOTER)
    assert_failed(run_cli(workspace, "build"), 1)
