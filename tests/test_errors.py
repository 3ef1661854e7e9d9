"""What a user sees when a deck or layout is wrong: file, line, item, fix; never a traceback.

Most mistakes are one row of MISTAKES: how an editor breaks the workspace copy of the shipped
deck (or layout), and the file:line:column, message and fix the build must print for it; one
test runs every row in English and in Dutch (tests/messages.py) and also checks that the build
stopped on that one problem and wrote nothing. Tests that check something else (several
mistakes at once, a build that succeeds, output kept, --debug) follow the table. Expected line
and column numbers are always derived from the text the test wrote, never typed in.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
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
FOOTER = "{{ deck_lines() }}"  # a line of the template that a test breaks
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


# --- the table: one mistake, one problem named ---------------------------------------------


Writer = Callable[[Path], str]  # breaks the workspace; returns the broken file's text
Where = Callable[[str], str]  # from that text: the 'file:line[:column]' the problem names


def replace(old: str, new: str, file: str = DECK) -> Writer:
    """The single occurrence of old in a file replaced by new."""
    return lambda workspace: edit_file(workspace / file, old, new)


def written(text: str) -> Writer:
    """The deck file replaced by text."""

    def write(workspace: Path) -> str:
        (workspace / DECK).write_text(text, encoding="utf-8")
        return text

    return write


def at(fragment: str, file: str = DECK, column_of: str = "", below: int = 0) -> Where:
    """The line with fragment (or the line `below` it) and, with column_of, the column of the
    last character of column_of's first occurrence on that line."""

    def where(text: str) -> str:
        line = line_with(text, fragment) + below
        if not column_of:
            return f"{file}:{line}"
        return f"{file}:{line}:{text.splitlines()[line - 1].index(column_of) + len(column_of)}"

    return where


def tab_before_question(workspace: Path) -> str:
    """The question's line indented with a tab in front of its spaces."""
    deck = workspace / DECK
    lines = deck.read_text(encoding="utf-8").split("\n")
    number = next(i for i, row in enumerate(lines) if row.strip() == QUESTION)
    lines[number] = "\t" + QUESTION
    text = "\n".join(lines)
    deck.write_text(text, encoding="utf-8")
    return text


def saved_as_latin1(workspace: Path) -> str:
    """The deck saved as Latin-1 (its dashes made plain so that every character fits); returns
    the bytes as Latin-1 text, one character per byte."""
    path = workspace / DECK
    latin1 = path.read_text(encoding="utf-8").replace("–", "-").encode("latin-1")
    path.write_bytes(latin1)
    return latin1.decode("latin-1")


def first_non_ascii(text: str) -> int:
    return next(i for i, char in enumerate(text) if ord(char) >= 0x80)


def alias_bomb() -> str:
    """A "billion laughs" file: nine levels of nine aliases."""
    lines = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for level in range(1, 10):
        lines.append(f"a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * 9)}]")
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Mistake:
    """One way an editor breaks the input, and the one problem the build must print for it.
    message and fix are made when the test runs, in its language, from the written text."""

    id: str
    story: str  # what the editor did, and what the message must name
    write: Writer
    where: Where
    message: Callable[[str], str]
    fix: Callable[[], str] = lambda: ""  # "": the problem has no fix line
    not_said: tuple[str, ...] = ()  # libyaml's words, which the user must not see


QUESTION_TEXT = f"card 'vragen-gezin' › question '{QUESTION_ID}' › text"
LONG_TEXT = " ".join(["woord"] * 400)  # well within the schema's 5000 characters


def expected(found: str, kind: str = "a text") -> Callable[[str], str]:
    """The message for a question text YAML read as something else."""
    return lambda text: said(
        "{item}: expected {expected}, found {found}",
        item=item(QUESTION_TEXT),
        expected=said(kind),
        found=found,
    )


def copy_and_original(text: str) -> tuple[int, int]:
    """The lines of the original question and of its copy with the same id."""
    first, second = lines_with(text, f"- id: {QUESTION_ID}")
    return first, second


def read_as_no_text(value: str, read_as: str) -> Mistake:
    return Mistake(
        f"text-{value}",
        f"`text: {value}` (a yes, no or number to YAML) is not silently printed as {read_as!r}: "
        "quote it.",
        replace(QUESTION, f"text: {value}"),
        at(f"text: {value}"),
        expected(read_as),
        lambda: said(QUOTES_HINT),
    )


def missing_glyph(char: str) -> Mistake:
    return Mistake(
        f"glyph-{char}",
        "A character the font lacks is named, with the question and its line.",
        replace(QUESTION, f"text: Wat is de draagkracht {char} van het gezin?"),
        at(char),
        lambda text: said(
            "{item}: the font {font} cannot print {chars}",
            item=item(f"question '{QUESTION_ID}'"),
            font="Atkinson Hyperlegible",
            chars=repr(char),
        ),
        lambda: said_n(
            "the font has nothing like {chars}: replace it by a word or a character "
            "it has, or remove it",
            "the font has nothing like {chars}: replace them "
            "by words or characters it has, or remove them",
            1,
            chars=repr(char),
        ),
    )


MISTAKES = [
    # 1. malformed YAML
    Mistake(
        "bad-indentation",
        "A list item indented one space too little is reported where its line starts.",
        replace(f"      - id: {QUESTION_ID}\n", f"     - id: {QUESTION_ID}\n"),
        at(f"- id: {QUESTION_ID}", column_of="-"),
        lambda text: said("this line does not line up with the lines above it"),
        lambda: said(
            "indent it with spaces exactly as far as the other keys (or '- ' items) at its level"
        ),
    ),
    Mistake(
        "tab-as-indentation",
        "YAML indents with spaces only: a tab there is reported on its line, naming the tab "
        '(libyaml says "found character that cannot start any token").',
        tab_before_question,
        at("draagkracht en -last", column_of="\t"),
        lambda text: said("there is a tab where spaces belong"),
        lambda: said(
            "indent with spaces only: replace the tab by spaces, as many as the lines around it use"
        ),
        not_said=("cannot start any token",),
    ),
    Mistake(
        "unclosed-quote",
        "An unclosed quote points at the line and column where the quote was opened.",
        replace(QUESTION, 'text: "Wat is de draagkracht en -last van het gezin?'),
        at('"Wat is de draagkracht', column_of='"'),
        lambda text: said("the quotation mark opened here is not closed"),
        lambda: said('close it at the end of the text: text: "…"'),
    ),
    Mistake(
        "colon-inside-a-text",
        "An unquoted ': ' inside a text (libyaml: \"mapping values are not allowed in this "
        'context") is named, with quotation marks as the fix.',
        replace(QUESTION, "text: Denk aan: draagkracht en -last van het gezin"),
        at("Denk aan: draagkracht", column_of="aan:"),
        lambda text: said("there is a ': ' (a colon and a space) inside a text"),
        lambda: said('put the text between quotation marks: text: "Denk aan: wonen, werken"'),
        not_said=("mapping values",),
    ),
    # 2. wrong types
    *[
        read_as_no_text(w, r)
        for w, r in [("yes", "true"), ("off", "false"), ("12", "12"), ("1.5", "1.5")]
    ],
    Mistake(
        "text-left-empty",
        "`text:` with nothing after it (the README's step followed up to `text:`) asks for "
        "the text, not for quotes.",
        replace(QUESTION, "text:"),
        at(f"- id: {QUESTION_ID}", below=1),  # the line of `text:`
        lambda text: said("{item}: the text is missing", item=item(QUESTION_TEXT)),
        lambda: said("write the text after '{key}:'", key="text"),
    ),
    Mistake(
        "check-maybe",
        '`check: "maybe"` names the sub-question and says true or false is expected.',
        replace("check: false", 'check: "maybe"'),
        at('check: "maybe"'),
        lambda text: said(
            "{item}: expected {expected}, found {found}",
            item=item(
                "card 'vragen-gezin' › question 'gezin-brede-blik' "
                "› sub-question 'gezin-leefgebieden-voorbeelden' › check"
            ),
            expected=said("true or false"),
            found="'maybe'",
        ),
        lambda: said("write true or false"),
    ),
    Mistake(
        "list-instead-of-text",
        "`text: [a, b]` is rejected on its line, with the hint about quotes.",
        replace(QUESTION, "text: [a, b]"),
        at("text: [a, b]"),
        lambda text: expected(said("a list (lines starting with '- ')"))(text),
        lambda: said(QUOTES_HINT),
    ),
    Mistake(
        "empty-text",
        "`text: ''` is one mistake and is reported once.",
        replace(QUESTION, "text: ''"),
        at("text: ''"),
        lambda text: said("{item}: is empty", item=item(QUESTION_TEXT)),
    ),
    # 3. unknown keys
    Mistake(
        "typo-txt",
        "`txt:` for `text:` is named on its line, with 'text' suggested, as one problem.",
        replace(QUESTION, QUESTION.replace("text:", "txt:")),
        at("txt: Wat is de draagkracht"),
        lambda text: said(
            "{item}: unknown key '{key}'",
            item=item(f"card 'vragen-gezin' › question '{QUESTION_ID}'"),
            key="txt",
        ),
        lambda: said("did you mean '{option}'?", option="text"),
    ),
    Mistake(
        "typo-hedaing",
        "`hedaing:` on a card is named with the card and 'heading' is suggested.",
        replace("heading: Startvraag", "hedaing: Startvraag"),
        at("hedaing:"),
        lambda text: said(
            "{item}: unknown key '{key}'", item=item("card 'startvraag'"), key="hedaing"
        ),
        lambda: said("did you mean '{option}'?", option="heading"),
    ),
    # 4. missing keys
    Mistake(
        "question-without-text",
        "A question whose text line was deleted is named, on the line of its id.",
        replace(f"        {QUESTION}\n", ""),
        at(f"- id: {QUESTION_ID}"),
        lambda text: said(
            "{item}: the key '{key}' is missing",
            item=item(f"card 'vragen-gezin' › question '{QUESTION_ID}'"),
            key="text",
        ),
        lambda: said("add '{key}: ...'", key="text"),
    ),
    # 5. duplicate ids
    Mistake(
        "duplicate-id",
        "A copied question whose id was not changed points at the copy and the original.",
        replace("- id: gezin-prioriteit", f"- id: {QUESTION_ID}"),
        lambda text: f"{DECK}:{copy_and_original(text)[1]}",
        lambda text: said(
            "{item}: the id is already used on line {line}",
            item=item(f"question '{QUESTION_ID}'"),
            line=copy_and_original(text)[0],
        ),
        lambda: said("every id in a file must be unique: give this one another name"),
    ),
    # 6. duplicate keys
    Mistake(
        "duplicate-key",
        "Two `text:` keys in one question are an error, not a silent choice of the second.",
        replace(QUESTION, f"{QUESTION}\n        text: Een tweede tekst"),
        at("text: Een tweede tekst"),
        lambda text: said(
            "the key '{key}' appears twice (first on line {line})",
            key="text",
            line=line_with(text, QUESTION),
        ),
        lambda: said("keep one of the two; YAML would silently drop the first"),
    ),
    # 8. level references
    Mistake(
        "unknown-level",
        "`level: gezn` names the card and suggests 'gezin'.",
        replace("level: gezin", "level: gezn"),
        at("level: gezn"),
        lambda text: said(
            "{item}: unknown level '{level}'", item=item("card 'vragen-gezin'"), level="gezn"
        ),
        lambda: said("did you mean '{option}'?", option="gezin"),
    ),
    # 9. markup
    Mistake(
        "unbalanced-bold",
        "A `**` without its partner names the question and its line.",
        replace(QUESTION, "text: Wat is de **draagkracht en -last van het gezin?"),
        at("**draagkracht"),
        lambda text: said("{item}: a '**' has no partner", item=item(QUESTION_TEXT)),
        lambda: said("bold text needs ** before and after it"),
    ),
    # 10. missing glyphs
    missing_glyph("☃"),
    missing_glyph("猫"),
    # 11. text that does not fit
    Mistake(
        "too-long",
        "A 400-word question names its card, itself, its line and how to make it fit.",
        replace(QUESTION, f"text: {LONG_TEXT}"),
        at(LONG_TEXT),
        lambda text: said(
            "{face}: {item} does not fit, even at the minimum size of {size} pt",
            face=item("card 'vragen-gezin' (front)"),
            item=item(f"question '{QUESTION_ID}'"),
            size=9,
        ),
        lambda: said(FIT_HINT),
    ),
    # 14. layout name
    Mistake(
        "unknown-layout",
        "`layout: pocket-crad` points at the line of the `layout:` key and suggests 'pocket-card'.",
        replace("layout: pocket-card", "layout: pocket-crad"),
        at("layout: pocket-crad"),
        lambda text: said(
            "there is no layout '{name}' in {folder}/", name="pocket-crad", folder="layouts"
        ),
        lambda: said("did you mean '{option}'?", option="pocket-card"),
    ),
    # 15. labels
    Mistake(
        "missing-label",
        "Deleting the `notes:` label names the label and the layout that needs it.",
        replace("  notes: Aantekeningen\n", ""),
        at("labels:"),
        lambda text: said(
            "labels: the label '{label}' is missing; layout '{layout}' prints it",
            label="notes",
            layout="pocket-card",
        ),
        lambda: said("add '{label}: ...' under labels:", label="notes"),
    ),
    # 16. files that are no deck at all
    Mistake(
        "not-utf8",
        "A deck saved as Latin-1 is named, with the first byte that is not UTF-8.",
        saved_as_latin1,
        lambda text: f"{DECK}:{text[: first_non_ascii(text)].count(chr(10)) + 1}",
        lambda text: said(
            "the file is not UTF-8 text (byte {byte:#04x} cannot be read)",
            byte=ord(text[first_non_ascii(text)]),
        ),
        lambda: said("save it as UTF-8 in your editor"),
    ),
    Mistake(
        "empty-file",
        "An empty deck file is an error naming the file, not a crash.",
        written(""),
        lambda text: DECK,
        lambda text: said("the file is empty"),
        lambda: said("write the deck's keys into it, or delete it"),
    ),
    Mistake(
        "file-is-a-list",
        "A content file whose top level is a list says what a deck or poster starts with.",
        written("# vragen\n- vraag een\n- vraag twee\n"),
        at("- vraag een"),
        lambda text: said("the file is neither a deck nor a poster"),
        lambda: said("a deck starts with 'deck:', a poster with 'poster:'"),
    ),
    # 17. alias bomb
    Mistake(
        "alias-bomb",
        'A "billion laughs" file is refused with a clear message instead of eating the memory.',
        written(alias_bomb()),
        lambda text: f"{DECK}:1",  # where the document starts
        lambda text: said("the file expands to more than {count:,} values", count=MAX_NODES),
        lambda: said("remove repeated aliases (*name); a deck needs far fewer values"),
    ),
    # 19. templates
    Mistake(
        "template-undefined-name",
        "A template naming something that does not exist names the template file and line, "
        "once, however many cards use the template.",
        replace(FOOTER, "{{ card.nonexistent }} " + FOOTER, file=TEMPLATE),
        at("card.nonexistent", file=TEMPLATE),
        lambda text: said(
            "the template uses something that is not there: {what}",
            what=said("a {thing} has no '{name}'", thing="Card", name="nonexistent"),
        ),
        lambda: said("check the spelling of the name in the template, or add it to the content"),
    ),
]


@pytest.mark.parametrize("mistake", [pytest.param(m, id=m.id) for m in MISTAKES])
def test_a_mistake_is_named_with_its_place_and_its_fix(
    workspace: Path, run_cli: Callable, lang: str, mistake: Mistake
) -> None:
    """The build stops on the one problem (summary line, no traceback, every placeholder
    filled), names it where it is with its fix, and writes nothing into output/."""
    text = mistake.write(workspace)
    run = run_cli(workspace, "build")
    assert_failed(run, 1)
    said_here = problem(mistake.where(text), mistake.message(text), mistake.fix())
    assert said_here in run.output, f"{mistake.story}\n{run.output}"
    for words in mistake.not_said:
        assert words not in run.output, mistake.story
    assert list((workspace / "output").iterdir()) == [], mistake.story


# --- what the table does not cover -----------------------------------------------------------


def test_a_tab_inside_a_text_is_a_space(workspace: Path, run_cli: Callable) -> None:
    """A tab pasted into a question is whitespace (YAML allows it there), set as a space."""
    edit(workspace, QUESTION, "text: Wat is de\tdraagkracht?")
    run = run_cli(workspace, "build", "-q")
    assert run.exit_code == 0, run.output
    pages = page_texts(workspace / "output" / "voor-wie-doen-we-wat_print.pdf")
    assert "Wat is de draagkracht?" in " ".join(" ".join(pages).split())


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
