"""Every message comes from the catalogue: each has a Dutch translation, none is written past
`_()`, none is translated before the language is known; and the command line speaks the
language asked for. Each check is shown to fail on a module written to break it."""

from __future__ import annotations

import ast
import logging
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from click.testing import CliRunner

from generator import __version__
from generator.build.parallel import Worker
from generator.build.unchanged import STATE_NAME
from generator.cli.console import rebuilt_line
from generator.cli.main import main
from generator.core import i18n
from generator.desk.watch import WATCHFILES_STOP, Rebuild
from tests.messages import said, said_n, translated
from tests.strategies import small_deck
from tests.test_stumbles import write_project

PACKAGE = Path(i18n.__file__).parent.parent  # generator/
MAPPING = i18n.LOCALE_FOLDER / "babel.cfg"


# --- every message has a Dutch translation ----------------------------------------------------


def extracted(folder: Path) -> Iterator[tuple[str, int, str]]:
    """(file, line, message) for every message Babel finds under folder, as `make messages`
    does, but in every package (one with a catalogue of its own too)."""
    with MAPPING.open(encoding="utf-8") as file:
        method_map, options_map = parse_mapping_cfg(file, str(MAPPING))
    method_map = [(pattern, method) for pattern, method in method_map if method != "ignore"]
    for name, line, message, _comments, _context in extract_from_dir(
        folder, method_map, options_map
    ):
        yield name, line, message[0] if isinstance(message, tuple) else message


def untranslated(folder: Path, language: str = "nl") -> list[str]:
    known = translated(language)
    return [f"{name}:{line}: {message!r}" for name, line, message in extracted(folder)
            if message not in known]  # fmt: skip


def test_every_message_has_a_dutch_translation() -> None:
    assert untranslated(PACKAGE) == []


def test_a_message_without_translation_is_named_with_its_place(tmp_path: Path) -> None:
    (tmp_path / "part.py").write_text(
        "from generator.core.i18n import _\n\n\n"
        "def say():\n    return _('a message nobody wrote')\n"
    )
    (tmp_path / "validate" / "schemas").mkdir(parents=True)
    (tmp_path / "validate" / "schemas" / "x.schema.json").write_text(
        '{\n  "type": "string",\n  "x-hint": "a hint nobody translated"\n}\n'
    )
    assert untranslated(tmp_path) == [
        "part.py:5: 'a message nobody wrote'",
        "validate/schemas/x.schema.json:3: 'a hint nobody translated'",
    ]


# --- no message past the catalogue ----------------------------------------------------------

# Calls whose arguments are messages for a reader: the positions and keywords that are.
MESSAGE_ARGUMENTS = {
    "Problem": ({1, 2}, {"message", "hint"}),
    "fail": ({1, 2}, {"message", "hint"}),
    "problem": ({2, 3}, set()),  # preflight: rule, where, message, fix
    "info": ({0}, set()),
    "Finding": ({2, 3}, {"message", "fix"}),
    "BadParameter": ({0}, {"message"}),
    "echo": ({0}, {"message"}),
    "secho": ({0}, {"message"}),
    "warning": ({0}, set()),
    "info_": ({0}, set()),
    "error": ({0}, set()),
}
TRANSLATORS = {"_", "ngettext", "N_"}


def _callee(call: ast.Call) -> str:
    function = call.func
    name = function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", "")
    logged = isinstance(function, ast.Attribute) and name == "info"
    return "info_" if logged else name


def _has_words(node: ast.AST) -> bool:
    """Whether an expression writes words itself: a text with letters, outside `_()`."""
    match node:
        case ast.Constant(value=str() as text):
            return any(ch.isalpha() for ch in text)
        case ast.JoinedStr(values=parts):
            return any(_has_words(part) for part in parts if isinstance(part, ast.Constant))
        case ast.BinOp(left=left, right=right):
            return _has_words(left) or _has_words(right)
        case ast.IfExp(body=body, orelse=orelse):
            return _has_words(body) or _has_words(orelse)
    return False


def escaped_messages(path: Path) -> list[str]:
    """Messages in a module that do not go through the catalogue: words written straight into
    a Problem, fail(), a finding, a log record or the terminal; an f-string or a variable given
    to `_()` (which Babel cannot read); `_()` inside an f-string (which Babel cannot see)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _callee(node)
        if name in ("_", "ngettext") and not all(
            isinstance(a, (ast.Constant, ast.Name, ast.Subscript, ast.Attribute))
            for a in node.args[: 2 if name == "ngettext" else 1]
        ):
            found.append(f"{path.name}:{node.lineno}: {name}() of something Babel cannot read")
        positions, keywords = MESSAGE_ARGUMENTS.get(name, (set(), set()))
        arguments = [a for i, a in enumerate(node.args) if i in positions]
        arguments += [k.value for k in node.keywords if k.arg in keywords]
        logged = name in ("warning", "info_", "error") and arguments
        if logged and isinstance(arguments[0], ast.Constant) and arguments[0].value == "%s":
            continue
        found += [f"{path.name}:{node.lineno}: words outside _() in {name}()"
                  for argument in arguments if _has_words(argument)]  # fmt: skip
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            found += [f"{path.name}:{call.lineno}: _() inside an f-string"
                      for call in ast.walk(node) if isinstance(call, ast.Call)
                      and _callee(call) in TRANSLATORS]  # fmt: skip
    return found


def test_no_message_escapes_the_catalogue() -> None:
    modules = sorted(PACKAGE.rglob("*.py"))
    assert [problem for path in modules for problem in escaped_messages(path)] == []


BREAKERS = {
    "an f-string in fail()": "raise fail(where, f'no deck {name}', _('add one'))",
    "a plain text as a fix": "problems.append(Problem(where, _('no deck'), 'add one'))",
    "words in a warning": "log.warning('removed %s', name)",
    "words on the terminal": "click.echo(f'wrote {path}')",
    "an f-string in _()": "message = _(f'no deck {name}')",
    "_() in an f-string": "message = f\"{_('error')}: {text}\"",
    "a preflight finding": "found.append(problem('bleed', where, f'bleed {mm} mm', _('fix')))",
}


@pytest.mark.parametrize("line", BREAKERS.values(), ids=BREAKERS.keys())
def test_a_message_past_the_catalogue_is_found(line: str, tmp_path: Path) -> None:
    module = tmp_path / "part.py"
    module.write_text(f"def make():\n    {line}\n", encoding="utf-8")
    assert len(escaped_messages(module)) == 1, escaped_messages(module)


def test_messages_through_the_catalogue_pass(tmp_path: Path) -> None:
    module = tmp_path / "part.py"
    module.write_text(
        "def make():\n"
        "    raise fail(where, _('no deck {name}').format(name=name), _(HINTS[kind]))\n"
        "    log.warning('%s', _('removed {file}').format(file=name))\n"
        "    click.echo(f'    {path}')\n"
        "    click.echo(_('warning') + f': {message}')\n",
        encoding="utf-8",
    )
    assert escaped_messages(module) == []


# --- no translation before the language is known ---------------------------------------------


def translated_at_import(path: Path) -> list[str]:
    """`_()` or ngettext() calls that run when the module is imported (at module level, in a
    class body, a decorator or a default value), before the command line has chosen the
    language: such a table marks its messages with N_() and translates them where used; and
    `_` bound to something else in a module that imports it (a `for _, x in …` would shadow
    it)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            for part in [*getattr(node, "decorator_list", []), *node.args.defaults]:
                visit(part)
            return
        if isinstance(node, ast.Call) and _callee(node) in ("_", "ngettext"):
            found.append(f"{path.name}:{node.lineno}: {_callee(node)}() at import")
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    imports_it = any(isinstance(node, ast.ImportFrom) and node.module == "generator.core.i18n"
                     and any(alias.name == "_" for alias in node.names)
                     for node in ast.walk(tree))  # fmt: skip
    if imports_it:
        found += [f"{path.name}:{node.lineno}: _ bound to something else"
                  for node in ast.walk(tree)
                  if (isinstance(node, ast.Name) and node.id == "_"
                      and isinstance(node.ctx, ast.Store))
                  or (isinstance(node, ast.arg) and node.arg == "_")]  # fmt: skip
    return found


def test_nothing_is_translated_at_import() -> None:
    modules = sorted(PACKAGE.rglob("*.py"))
    assert [problem for path in modules for problem in translated_at_import(path)] == []


@pytest.mark.parametrize(
    "source",
    [
        "from generator.core.i18n import _\nHINT = _('write true or false')\n",
        "from generator.core.i18n import _\nclass Rule:\n    fix = _('remove it')\n",
        "import click\nfrom generator.core.i18n import _\n\n\n"
        "@click.option('-q', help=_('Quiet.'))\n"
        "def command():\n    pass\n",
        "from generator.core.i18n import _\n\n\ndef say(items):\n    for _, item in items:\n"
        "        return _('an item')\n",
    ],
    ids=["module level", "class body", "decorator", "shadowed"],
)
def test_a_translation_at_import_is_found(source: str, tmp_path: Path) -> None:
    module = tmp_path / "part.py"
    module.write_text(source, encoding="utf-8")
    assert len(translated_at_import(module)) == 1, translated_at_import(module)


# --- the command line speaks the language asked for -------------------------------------------


@pytest.mark.parametrize("asked", [["--lang", "nl"], []], ids=["--lang nl", "locale"])
def test_the_help_is_in_dutch(asked: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """--lang nl, or LANG=nl_NL.UTF-8, give the command's help in Dutch, click's own words
    ("Usage:", the help option's) too."""
    if not asked:
        monkeypatch.delenv("LC_MESSAGES")
        monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    output = CliRunner().invoke(main, [*asked, "build", "--help"]).output
    i18n.use("nl")
    assert said("Say what is being built.") in output
    assert said("Folder with the content files.") in output
    assert output.startswith(said("Usage:") + " ")
    assert said("Show this message and exit.") in output
    assert said("Build every product (or only those of the given content FILES) into the "
                "output folder.")[:40] in " ".join(output.split())  # fmt: skip


def clicks(words: str, message: str) -> str:
    """One of click's messages that takes a message, as said() gives ours."""
    if i18n.current() != i18n.DEFAULT:
        assert words in translated(i18n.current()), words
    return i18n._(words).format(message=message)


# A mistake on the command line, in click's words: what is typed, and what click says.
CLICK_MISTAKES = {
    "an unknown option": (["build", "--nope"], "No such option {name!r}.", {"name": "--nope"}),
    "an unknown command": (["bild"], "No such command {name!r}.", {"name": "bild"}),
    "a missing argument": (["new"], "Missing argument", {}),
}  # fmt: skip


@pytest.mark.parametrize(("typed", "words", "values"), CLICK_MISTAKES.values(),
                         ids=CLICK_MISTAKES)  # fmt: skip
@pytest.mark.parametrize("where", ["before", "after"])
def test_clicks_own_words_are_in_the_language_asked_for(
    typed: list[str], words: str, values: dict[str, str], where: str, lang: str
) -> None:
    """Usage:, Try '… --help' for help and Error: in Dutch too, with --lang before the
    command (read before click parses the line) or the locale's language."""
    locale = {"LC_ALL": "", "LC_MESSAGES": "", "LANG": "nl_NL.UTF-8" if lang == "nl" else "C"}
    typed_line = ["--lang", lang, *typed] if where == "before" else typed
    output = CliRunner().invoke(main, typed_line, env=locale).output
    i18n.use(lang)
    command = " ".join(["main", *typed[:1]] if typed[0] != "bild" else ["main"])
    assert output.startswith(said("Usage:") + " main")
    assert said("Try '{command} {option}' for help.", command=command, option="--help") in output
    assert clicks("Error: {message}", message=said(words, **values)) in output


@pytest.mark.parametrize("order", [["--lang", "nl", "--version"], ["--version", "--lang", "nl"]])
def test_the_version_line_is_dutch(order: list[str]) -> None:
    output = CliRunner().invoke(main, order).output
    i18n.use("nl")
    assert output == said("%(prog)s, version %(version)s") % {
        "prog": "voorwie", "version": __version__} + "\n"  # fmt: skip


def test_ctrl_c_is_aborted_in_dutch(monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(project: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr("generator.cli.main.validate", interrupted)
    run = CliRunner().invoke(main, ["--lang", "nl", "validate"])
    i18n.use("nl")
    assert (run.exit_code, run.output) == (1, "\n" + said("Aborted!") + "\n")


def test_ctrl_c_stops_watch_and_serve_in_dutch(lang: str) -> None:
    """watchfiles' own line when Ctrl-C stops the watching, in our words."""
    record = logging.LogRecord("watchfiles.main", logging.WARNING, "", 0, WATCHFILES_STOP, (), None)
    logging.getLogger("watchfiles.main").filter(record)
    assert record.getMessage() == said("Ctrl-C: stopped")


def test_serve_speaks_dutch_about_its_folder_and_its_port(tmp_path: Path) -> None:
    """A missing cards/ folder, and a port that another program uses."""
    run = CliRunner().invoke(main, ["--lang", "nl", "serve", "--cards", str(tmp_path / "nope")])
    i18n.use("nl")
    folder = said("{folder} is not a folder: serve follows the saves in cards/ and layouts/",
                  folder=str(tmp_path / "nope"))  # fmt: skip
    assert clicks(
        "Error: {message}", message=clicks("Invalid value: {message}", message=folder)
    ) in (run.output)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        run = CliRunner().invoke(main, ["--lang", "nl", "serve", "--port", str(port), "--cards",
                                        str(tmp_path), "--layouts", str(tmp_path)])  # fmt: skip
    i18n.use("nl")
    busy = said("cannot serve on port {port} ({reason}): is `voorwie serve` running already? "
                "Open its page, or choose another port with --port", port=port,
                reason=said("another program uses it"))  # fmt: skip
    assert run.output == clicks("Error: {message}", message=busy) + "\n"


def test_a_command_after_dutch_speaks_english_again() -> None:
    """The language is chosen on every run, so one in Dutch leaves the next in English."""
    CliRunner().invoke(main, ["--lang", "nl", "validate", "--cards", "/no/such/folder"])
    output = CliRunner().invoke(main, ["validate", "--cards", "/no/such/folder"]).output
    assert "this folder does not exist" in output


def test_the_locale_chooses_dutch_in_a_new_process(tmp_path: Path) -> None:
    environment = {
        "PATH": "/usr/bin:/bin",
        "LANG": "nl_NL.UTF-8",
        "PYTHONPATH": str(PACKAGE.parent),
    }
    run = subprocess.run([sys.executable, "-m", "generator", "build", "--cards", "nergens"],
                         cwd=tmp_path, env=environment, capture_output=True, text=True)  # fmt: skip
    i18n.use("nl")
    assert run.returncode == 1
    assert f"{said('error')}: nergens: {said('this folder does not exist')}" in run.stderr
    summary = said_n("{count} problem; no output was changed.",
                     "{count} problems; no output was changed.", 1)  # fmt: skip
    assert run.stderr.endswith(summary + "\n")


def _language() -> str:
    return i18n.current()


def test_the_worker_speaks_the_language_of_the_command() -> None:
    i18n.use("nl")
    worker = Worker()
    try:
        assert worker.submit(_language).result(timeout=60) == "nl"
    finally:
        worker.close()


def test_the_watch_line_in_dutch() -> None:
    i18n.use("nl")
    line = rebuilt_line("cards/x.yaml", Rebuild(["deck x", "poster y"], [Path("a"), Path("b")],
                                                0.086))  # fmt: skip
    assert line == said(
        "{changed}: rebuilt {products} in {ms} ms; wrote {files}", changed="cards/x.yaml",
        products=f"{said('deck')} x, poster y", ms=86,
        files=said_n("{count} file", "{count} files", 2),
    )  # fmt: skip


def test_the_products_do_not_depend_on_the_language_of_the_messages(
    tmp_path: Path, run_cli: Callable
) -> None:
    """Only what is said changes with --lang; every file written is byte for byte the same."""
    write_project(tmp_path, small_deck())
    written = {}
    for language in i18n.LANGUAGES:
        run = run_cli(tmp_path, "--lang", language, "-q", "build", "--layouts",
                      str(PACKAGE.parent / "layouts"), "--out", language)  # fmt: skip
        assert run.exit_code == 0, run.output
        folder = tmp_path / language
        written[language] = {str(p.relative_to(folder)): p.read_bytes()
                             for p in folder.rglob("*") if p.is_file()
                             and p.name != STATE_NAME}  # fmt: skip  # the build's own record
    assert written["en"] and written["en"] == written["nl"]
