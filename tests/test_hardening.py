"""Hostile or broken input and interrupted builds: refused quickly and clearly, output intact.

- Huge, exploding or deeply nested YAML is refused with a message naming the file, in a
  process whose address space is capped at 1 GiB (so a regression shows as an "internal
  error: MemoryError", not as a machine that swaps).
- YAML is loaded safely: a tag that would build Python objects is refused, not obeyed.
- Templates run in Jinja's sandbox with StrictUndefined.
- No id, edition or layout name can make a build write outside its output folder.
- A build killed while it writes (SIGKILL) leaves the previous outputs intact; a disk that
  fills up, or an output folder that is a file, is a clear error.
"""

from __future__ import annotations

import contextlib
import errno
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import jsonschema_rs
import pytest
import yaml
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.cli.main import main
from generator.load.yaml_file import MAX_DEPTH, MAX_FILE_BYTES, MAX_NODES, read_yaml
from generator.render.templates import environment
from generator.validate.schema_check import load_schema
from generator.write import atomic
from tests.projects import LAYOUTS, CopyProject, output_tree
from tests.strategies import DECK_ID, small_deck

DECK = "cards/deck.yaml"  # as the CLI names it, relative to the workspace
TEMPLATE = "layouts/pocket-card/checklist.xml.j2"
PRODUCTS = [f"{DECK_ID}_print.pdf", f"{DECK_ID}_a4-duplex.pdf", f"{DECK_ID}_duplex-calibration.pdf",
            f"{DECK_ID}_checklist.pdf", "manifest.json"]  # fmt: skip
# A build of some content files leaves only a note in the print-shop folder: it is out of date.
OUT_OF_DATE_NOTE = ["naar-de-drukker/opdracht.pdf", "naar-de-drukker/opdracht.txt"]
MEMORY_LIMIT = 1 << 30  # bytes of address space for a build in a child process
HANG_GUARD_S = 120  # not a time budget (those belong in benchmarks): a hang fails, not blocks


# --- helpers ---------------------------------------------------------------------------------


@pytest.fixture
def small(tmp_path: Path, copy_project: CopyProject) -> Path:
    """A workspace with the one-card deck of tests/strategies.py, layouts and an empty output/,
    two folders down in tmp_path so that '../../x' from output/ still lands inside tmp_path."""
    folder = copy_project(tmp_path / "a" / "b", cards=())
    write_deck(folder, small_deck())
    return folder


def write_deck(folder: Path, deck: dict[str, Any]) -> None:
    (folder / DECK).write_text(yaml.safe_dump(deck, allow_unicode=True, sort_keys=False),
                               encoding="utf-8")  # fmt: skip


def cli(folder: Path, *args: str) -> tuple[int, str]:
    """The command line run in folder, in this process: (exit code, stdout and stderr)."""
    with contextlib.chdir(folder):
        result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def limited_cli(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The command line in a child process limited to MEMORY_LIMIT bytes of address space."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))

    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=HANG_GUARD_S,
        preexec_fn=limit,
        check=False,
    )


def assert_refused(code: int, output: str, where: str, message: str) -> None:
    """A build that stopped with a problem at `where` saying `message`, and nothing else."""
    assert code == 1, output
    assert "Traceback" not in output and "internal error" not in output, output
    assert f"error: {where}" in output, output
    assert message in output, output
    assert output.endswith("; no output was changed.\n"), output


# --- 1. huge, exploding and deeply nested YAML -----------------------------------------------


def billion_laughs() -> str:
    """Nine levels of nine aliases: 9**9 (387 million) strings from a 1 kB file."""
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 10)]
    return "\n".join(lines) + "\n"


def merge_bomb() -> str:
    """Merge keys merging merges: 2**30 entries from a 600-byte file, before any value is
    built (SafeLoader expands `<<` on its own, uncounted)."""
    mapping = "&m0 {k: x}"
    for n in range(1, 31):
        mapping = f"&m{n} {{<<: [{mapping}, *m{n - 1}]}}"
    return f"<<: {mapping}\n"


EXPANDS = f"the file expands to more than {MAX_NODES:,} values"
HOSTILE = {
    "billion-laughs": (billion_laughs, EXPANDS),
    "merge-key-bomb": (merge_bomb, EXPANDS),
    "50-MB": (
        lambda: "deck:\n  title: " + "x" * 50_000_000 + "\n",
        f"the file is 50.0 MB; the limit is {MAX_FILE_BYTES / 1e6:.0f} MB",
    ),
    "10000-deep-lists": (lambda: "deck: " + "[" * 10_000 + "]" * 10_000 + "\n", "nested"),
    "10000-deep-mappings": (
        lambda: "deck: " + "{a: " * 10_000 + "x" + "}" * 10_000 + "\n",
        "nested",
    ),
    "10000-deep-key": (lambda: "? " + "[" * 10_000 + "]" * 10_000 + "\n: x\n", "not a name"),
    "deep-indentation": (
        lambda: "".join("  " * depth + f"k{depth}:\n" for depth in range(MAX_DEPTH + 10)),
        f"the content is nested more than {MAX_DEPTH} levels deep",
    ),
    "self-reference": (lambda: "deck: &d [*d]\n", f"nested more than {MAX_DEPTH} levels"),
}


@pytest.mark.slow  # measures a child process's memory
@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_yaml_is_refused_within_bounded_memory(small: Path, name: str) -> None:
    """Each is refused with a message naming the file, by a build that may not use more than
    1 GiB; the output folder is not touched."""
    content, message = HOSTILE[name]
    (small / DECK).write_text(content(), encoding="utf-8")
    before = output_tree(small / "output")
    run = limited_cli(small, "build", DECK)
    assert_refused(run.returncode, run.stdout + run.stderr, DECK, message)
    assert output_tree(small / "output") == before


def test_the_memory_cap_is_real(small: Path) -> None:
    """The cap above bites: a child that asks for 2 GiB fails, so the tests above prove a
    bound and are not passing because the machine is large."""
    code = "bytearray(2 << 30)"
    run = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=HANG_GUARD_S,
        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT)),
        check=False,
    )
    assert run.returncode != 0 and "MemoryError" in run.stderr


def test_merge_keys_still_merge(tmp_path: Path) -> None:
    """Counting merged entries changes nothing for a file that uses `<<` as YAML means it."""
    text = "base: &b {a: '1', b: '2'}\nmore: &m {c: '3'}\nuse: {<<: [*b, *m], d: '4'}\n"
    path = tmp_path / "merge.yaml"
    path.write_text(text, encoding="utf-8")
    assert read_yaml(path) == yaml.safe_load(text)
    assert read_yaml(path)["use"] == {"a": "1", "b": "2", "c": "3", "d": "4"}


# --- 2. YAML is loaded safely ----------------------------------------------------------------

TAGS = [
    "!!python/object/apply:os.system",
    "!!python/object/new:os.system",
    "!!python/name:os.system",
    "!!python/module:os",
    "!!binary",
    "!!set",
    "!!timestamp",
    "!local",
]


@pytest.mark.parametrize("tag", TAGS)
@pytest.mark.parametrize("where", ["document", "text"])
def test_yaml_tags_are_refused_not_obeyed(small: Path, tag: str, where: str) -> None:
    """A tag on the whole document or on one text is an error on its line; the command in it
    is never run."""
    marker = small / "PWNED"
    value = f'{tag} ["touch {marker}"]' if "python" in tag or tag == "!local" else f"{tag} x"
    text = (small / DECK).read_text(encoding="utf-8")
    if where == "document":  # the tag applies to the deck's whole mapping
        text = f"--- {tag}\n{text}"
    else:
        text = text.replace("text: Wie doet wat?", f"text: {value}")
    (small / DECK).write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if tag in row)
    code, output = cli(small, "build", DECK)
    assert_refused(code, output, f"{DECK}:{line}", f"the tag '{tag}' is not allowed")
    assert not marker.exists()


@pytest.mark.parametrize("text", ["=", "<<", "'!'"])
def test_plain_text_yaml_would_read_as_a_tag_is_text(small: Path, text: str) -> None:
    """`text: =` and `text: <<` are the texts '=' and '<<' (PyYAML has no constructor for
    the tags it gives them, which was 'invalid YAML')."""
    deck = (small / DECK).read_text(encoding="utf-8")
    (small / DECK).write_text(deck.replace("text: Wie doet wat?", f"text: {text}"), "utf-8")
    code, output = cli(small, "build", DECK)
    assert code == 0, output
    assert read_yaml(small / DECK)["cards"][0]["questions"][0]["text"] == text.strip("'")


# --- 3. text that cannot be printed as written ---------------------------------------------


@pytest.mark.parametrize(
    ("char", "what"),
    [("\x01", "U+0001 (invisible control character)"),
     ("\x1b", "U+001B (invisible control character)"),
     ("\uffff", "U+FFFF (invisible unassigned character)"),
     ("\ufdd0", "U+FDD0 (invisible unassigned character)")],
)  # fmt: skip
def test_an_invisible_character_is_named_where_it_stands(small: Path, char: str, what: str) -> None:
    """A control or non-character pasted into a question is named with the question and its
    line. (U+FFFF is in the font's map: it reached the draw list, whose XML cannot hold it, and
    the error blamed the layout's template.)"""
    deck = small_deck()
    deck["cards"][0]["questions"][0]["text"] = f"Wie doet{char} wat?"
    write_deck(small, deck)
    text = (small / DECK).read_text(encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "Wie doet" in row)
    code, output = cli(small, "build", DECK)
    message = f"question 'q0': the font Atkinson Hyperlegible cannot print {what}"
    assert_refused(code, output, f"{DECK}:{line}", message)


def test_texts_in_a_language_the_file_does_not_list(
    copy_project: CopyProject, tmp_path: Path
) -> None:
    """Deleting `translations: [en]` from a bilingual deck leaves {nl: …, en: …} texts in a
    Dutch-only file: each is a clear error (it was an internal error, a TypeError)."""
    full = copy_project(tmp_path / "a" / "b")  # two folders down, as small
    path = full / "cards" / "voor-wie-doen-we-wat.yaml"
    text = path.read_text(encoding="utf-8").replace("  translations: [en]\n", "")
    path.write_text(text, encoding="utf-8")
    code, output = cli(full, "build")
    line = text.splitlines().index("  title:") + 1
    message = "deck › title: written in 'en', a language the file does not list (it lists nl)"
    hint = "fix: list the language under deck: (translations: [en]), or write the text once"
    assert_refused(code, output, f"cards/voor-wie-doen-we-wat.yaml:{line}: {message}", hint)


def test_an_editions_text_is_one_text(copy_project: CopyProject, tmp_path: Path) -> None:
    """An edition adapts a poster in the poster's language: a text per language is a clear
    error on its line (the schema allowed it, and the build crashed on it)."""
    full = copy_project(tmp_path / "a" / "b")  # two folders down, as small
    path = full / "cards" / "editions" / "midden-holland.yaml"
    rows = path.read_text(encoding="utf-8").splitlines()
    line = next(n for n, row in enumerate(rows, 1) if row.startswith("  name: "))
    rows[line - 1] = f"  name: {{nl: {rows[line - 1].removeprefix('  name: ')}}}"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    code, output = cli(full, "build", "--edition", "midden-holland")
    assert_refused(
        code,
        output,
        f"cards/editions/midden-holland.yaml:{line}: edition › name: expected a text",
        "fix: write one text after the colon, with no keys (such as nl:) under it",
    )


@pytest.mark.parametrize("trim", ["10x10", "999x55"])
def test_a_written_trim_is_held_to_the_card_sizes_of_the_schema(small: Path, trim: str) -> None:
    """`trim: 10x10` passed the schema's pattern (though {width_mm: 10} does not) and the
    error blamed the layout's template for a frame of negative width."""
    deck = small_deck()
    deck["deck"]["trim"] = trim
    write_deck(small, deck)
    text = (small / DECK).read_text(encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "trim:" in row)
    code, output = cli(small, "build", DECK)
    assert_refused(code, output, f"{DECK}:{line}: deck › trim: ", "a card is 40 to 420 mm a side")


# --- 4. templates run in the sandbox ---------------------------------------------------------

FOOTER = "{{ deck_lines() }}"


@pytest.mark.parametrize(
    ("expression", "message"),
    [
        ("{{ ''.__class__.__mro__ }}", "access to attribute '__class__' of 'str' object is unsafe"),
        ("{{ cycler.__init__.__globals__.os.system('touch PWNED') }}", "is unsafe"),
        ("{{ lipsum.__globals__['os'].popen('touch PWNED').read() }}", "is unsafe"),
        ("{{ card.__dict__ }}", "is unsafe"),
        ("{{ range(100001) | length }}", "range"),  # one past the sandbox's MAX_RANGE
        ("{% include '../../../../../etc/passwd' %}", "../../../../../etc/passwd"),
    ],
)
def test_a_template_cannot_reach_outside_its_sandbox(
    small: Path, expression: str, message: str
) -> None:
    """Python internals, the file system and huge ranges are out of a template's reach: the
    build stops with an error naming the template and its line, and nothing was run."""
    path = small / TEMPLATE
    text = path.read_text(encoding="utf-8").replace(FOOTER, f"{expression} {FOOTER}")
    path.write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if expression in row)
    code, output = cli(small, "build", DECK)
    where = TEMPLATE if "include" in expression else f"{TEMPLATE}:{line}"
    assert_refused(code, output, where, message)
    assert not (small / "PWNED").exists()
    assert output_tree(small / "output") == {}


@pytest.mark.parametrize(
    "use", ["{{ nothing_here }}", "{% if nothing_here %}x{% endif %}",
            "{% for x in nothing_here %}x{% endfor %}", "{{ card.nothing_here }}"],
)  # fmt: skip
def test_an_undefined_name_in_a_template_is_an_error(small: Path, use: str) -> None:
    """StrictUndefined: printed, tested or looped over, a missing name stops the build with
    the template's name and line, instead of printing nothing."""
    path = small / TEMPLATE
    text = path.read_text(encoding="utf-8").replace(FOOTER, f"{use} {FOOTER}")
    path.write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if use in row)
    code, output = cli(small, "build", DECK)
    message = "the template uses something that is not there: "
    assert_refused(code, output, f"{TEMPLATE}:{line}", message)
    assert "nothing_here" in output


def test_the_template_environment_is_sandboxed_strict_and_escaping() -> None:
    env = environment(LAYOUTS / "pocket-card")
    assert env.is_safe_attribute("", "upper", "".upper)
    assert not env.is_safe_attribute("", "__class__", str)
    assert env.from_string("{{ x }}").render(x="<b>&") == "&lt;b&gt;&amp;"
    with pytest.raises(Exception, match="undefined"):
        env.from_string("{{ y }}").render()


# --- 5. nothing is written outside the output folder -----------------------------------------

ESCAPES = ["../../x", "ABSOLUTE", "..\\x", "a/b", "..", ".", ".hidden", "x/../../y", "proef\n",
           "C:\\x", "x\x00y", "~/x"]  # fmt: skip


@pytest.mark.parametrize("ident", ESCAPES)
def test_a_deck_id_cannot_write_outside_the_output_folder(
    small: Path, tmp_path: Path, ident: str
) -> None:
    """An id naming another folder is refused by the schema, on its line; no file anywhere
    under the test's folder (or, for an absolute path, in the folder it names) changes."""
    with tempfile.TemporaryDirectory(prefix="v", dir="/tmp") as elsewhere:  # short: an id
        deck = small_deck()
        deck["deck"]["id"] = f"{elsewhere}/x" if ident == "ABSOLUTE" else ident
        write_deck(small, deck)
        before = output_tree(tmp_path)
        code, output = cli(small, "build", DECK)
        assert_refused(code, output, f"{DECK}:2", "deck › id: ")
        assert output_tree(tmp_path) == before
        assert not any(Path(elsewhere).iterdir())


@pytest.mark.parametrize(
    ("file", "old"),
    [
        ("cards/editions/midden-holland.yaml", "id: midden-holland"),
        ("cards/continuum.yaml", "id: continuum"),
        ("cards/praatplaat.yaml", "layout: pocket-card"),
    ],
)
def test_edition_poster_and_layout_names_cannot_escape(
    copy_project: CopyProject, tmp_path: Path, file: str, old: str
) -> None:
    """The other names that end up in a path: an edition's and a poster's id (file names)
    and a layout's name (a folder that is read)."""
    full = copy_project(tmp_path / "a" / "b")  # two folders down, as small
    path = full / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    key = old.split(":")[0]
    path.write_text(text.replace(old, f"{key}: ../../x"), encoding="utf-8")
    before = output_tree(tmp_path)
    code, output = cli(full, "build")
    assert code == 1, output
    assert "Traceback" not in output and "internal error" not in output, output
    assert f"error: {file}:" in output, output
    assert output_tree(tmp_path) == before


@pytest.mark.parametrize("name", ["../../x", "/etc/passwd", "..", "midden-holland/../../x"])
def test_an_edition_option_cannot_escape(
    copy_project: CopyProject, tmp_path: Path, name: str
) -> None:
    full = copy_project(tmp_path / "a" / "b")  # two folders down, as small
    before = output_tree(tmp_path)
    code, output = cli(full, "build", "--edition", name)
    assert_refused(code, output, "editions", f"there is no edition '{name}'")
    assert output_tree(tmp_path) == before


ID = load_schema("deck")["$defs"]["id"]


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(ident=st.from_regex(ID["pattern"]) | st.text())
def test_no_id_the_schemas_accept_leaves_the_output_folder(ident: str) -> None:
    """Ids name the output files (deck, poster, edition, with a language suffix): any string
    the id schema accepts, as the generator checks it, names a visible file directly in the
    output folder. (Python's `$` also matches before a final newline: "x\\n" was accepted.)"""
    if not jsonschema_rs.is_valid(ID, ident):
        return
    assert set(ident) <= set("abcdefghijklmnopqrstuvwxyz0123456789-"), repr(ident)
    output = Path("/output")
    for name in (f"{ident}_print.pdf", f"{ident}-en_a4-duplex.pdf", f"c_{ident}_A3_print.pdf"):
        path = output / name
        assert path.parent == output and os.path.normpath(path) == str(path)
        assert not name.startswith(".")


@pytest.mark.parametrize("name", [*ESCAPES[:1], *ESCAPES[2:], "/etc/x", ""])
def test_output_paths_refuse_a_name_that_is_no_plain_file_name(name: str) -> None:
    """Defence in depth for the writers (build, watch, changes): should an id ever get past
    the schemas, its name stops the build as a bug instead of becoming a path."""
    with pytest.raises(ValueError, match="is not a plain file name"):
        atomic.output_paths(Path("output"), {name: b""})
    assert atomic.output_paths(Path("output"), {"proef_print.pdf": b"x"}) == {
        Path("output/proef_print.pdf"): b"x"
    }


def test_every_schema_uses_the_safe_id_pattern() -> None:
    """The three content schemas share the id pattern tested above."""
    patterns = {
        load_schema(name)["$defs"]["id"]["pattern"] for name in ("deck", "poster", "edition")
    }
    assert patterns == {"^[a-z0-9]+(-[a-z0-9]+)*$"}


# --- 6. interrupted and failing writes -------------------------------------------------------

# Runs the CLI with one os function made to stop the process, after its n-th call, until it is
# killed: it writes what it just did to a file the test waits for, then sleeps.
PAUSING = """
import os, sys, time
ready, name, after = sys.argv[1], sys.argv[2], int(sys.argv[3])
real, calls = getattr(os, name), []
def pausing(*args, **kwargs):
    result = real(*args, **kwargs)
    calls.append(args)
    if len(calls) == after:
        with open(ready + ".part", "w") as note:
            note.write(repr([str(a) for a in args]))
        os.rename(ready + ".part", ready)
        time.sleep(600)
    return result
setattr(os, name, pausing)
from generator.cli.main import main
main(sys.argv[4:], prog_name="voorwie")
"""


def kill_while(folder: Path, function: str, after: int) -> str:
    """Build in a child process that is SIGKILLed right after its n-th call of os.<function>
    has returned; returns what that call was given."""
    ready = folder.parent / "ready"
    child = subprocess.Popen(
        [sys.executable, "-c", PAUSING, str(ready), function, str(after), "build", DECK, "-q"],
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + HANG_GUARD_S
        while not ready.exists():
            if child.poll() is not None:
                pytest.fail(f"the build ended before the pause: {child.stderr.read()}")
            assert time.monotonic() < deadline, "the build never reached the pause"
            time.sleep(0.02)
        child.send_signal(signal.SIGKILL)
    finally:
        child.kill()
        child.wait(timeout=HANG_GUARD_S)
        child.stderr.close()
    assert child.returncode == -signal.SIGKILL
    return ready.read_text()


@pytest.fixture
def two_builds(small: Path, tmp_path: Path) -> tuple[Path, dict[str, bytes], dict[str, bytes]]:
    """The small workspace with output/ from its deck, and its deck then changed: (folder,
    old products, the products the changed deck gives when built in another folder)."""
    assert cli(small, "build", DECK)[0] == 0
    old = output_tree(small / "output")
    deck = small_deck()
    deck["deck"]["title"] = "Proef twee"  # in every product, the calibration sheet's too
    deck["cards"][0]["questions"][0]["text"] = "Wie doet nu wat?"
    write_deck(small, deck)
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(small, elsewhere, ignore=shutil.ignore_patterns("output"))
    assert cli(elsewhere, "build", DECK)[0] == 0
    new = output_tree(elsewhere / "output")
    assert sorted(old) == sorted(new) == sorted(PRODUCTS + OUT_OF_DATE_NOTE)
    assert all(old[name] != new[name] for name in PRODUCTS)
    return small, old, new


def hidden_temporaries(folder: Path) -> list[Path]:
    return [path for path in folder.iterdir() if path.name.endswith(".tmp")]


@pytest.mark.slow  # builds more than once, or kills a build
def test_a_build_killed_while_writing_leaves_the_previous_outputs(
    two_builds: tuple[Path, dict[str, bytes], dict[str, bytes]],
) -> None:
    """Killed while the last temporary file is synced to disk (every product already written
    beside its target): every previous output is byte for byte as it was. The temporary
    files left are hidden, and the next build removes them."""
    folder, old, new = two_builds
    kill_while(folder, "fsync", after=len(PRODUCTS))
    output = folder / "output"
    products = {name: data for name, data in old.items() if name in PRODUCTS}
    assert {
        name: data for name, data in output_tree(output).items() if name in PRODUCTS
    } == products
    left = hidden_temporaries(output)
    assert len(left) == len(PRODUCTS), left  # one beside each product: all of them written
    assert all(atomic.TEMPORARY.match(path.name) for path in left), left
    assert cli(folder, "build", DECK)[0] == 0
    assert output_tree(output) == new


@pytest.mark.slow  # builds more than once, or kills a build
def test_a_build_killed_between_renames_leaves_only_complete_files(
    two_builds: tuple[Path, dict[str, bytes], dict[str, bytes]],
) -> None:
    """Killed after its first rename (the one moment the write is not all or nothing, see
    generator/write/atomic.py): every file is complete, old or new, never a mix or a torn
    file; the next build completes the set."""
    folder, old, new = two_builds
    renamed = kill_while(folder, "replace", after=1)
    output = folder / "output"
    products = {name: data for name, data in output_tree(output).items() if name in PRODUCTS}
    fresh = [name for name in PRODUCTS if products[name] == new[name] != old[name]]
    assert all(products[name] in (old[name], new[name]) for name in PRODUCTS)
    assert len(fresh) == 1 and fresh[0] in renamed
    assert cli(folder, "build", DECK)[0] == 0
    assert output_tree(output) == new


def test_a_full_disk_is_a_clear_error_and_changes_nothing(
    two_builds: tuple[Path, dict[str, bytes], dict[str, bytes]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The disk fills up while the third product is written: the build names the file, the
    previous outputs are untouched and no temporary file is left."""
    folder, old, _ = two_builds
    real, calls = os.fsync, []

    def fsync(handle: int) -> None:
        calls.append(handle)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(handle)

    monkeypatch.setattr(atomic.os, "fsync", fsync)
    code, output = cli(folder, "build", DECK)
    assert_refused(code, output, "output/", "cannot write here: No space left on device")
    assert any(f"error: output/{name}: cannot write here" in output for name in PRODUCTS), output
    assert output_tree(folder / "output") == old  # hidden files included: no temporary file left


def test_an_output_folder_that_is_a_file_is_a_clear_error(small: Path) -> None:
    (small / "taken").write_text("not a folder", encoding="utf-8")
    code, output = cli(small, "build", DECK, "--out", "taken")
    assert_refused(code, output, "taken: cannot write here", "or one above it, is a file")
    code, output = cli(small, "build", DECK, "--out", "taken/sub")
    assert_refused(code, output, "taken/sub: cannot write here", "is a file")


def test_only_temporary_files_of_ended_processes_are_removed(tmp_path: Path) -> None:
    """A killed build's leftovers go; a running build's temporary files and anything that is
    not a temporary file of ours stay."""
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True, check=True)  # fmt: skip
    dead, alive = int(ended.stdout), os.getppid()
    names = {
        f".proef_print.pdf.{dead}.abc123.tmp": False,
        f".manifest.json.{dead}.x_y.tmp": False,
        f".proef_print.pdf.{alive}.abc123.tmp": True,
        f".proef_print.pdf.{os.getpid()}.abc123.tmp": True,
        ".notes.tmp": True,
        "proef_print.pdf": True,
    }
    for name in names:
        (tmp_path / name).write_bytes(b"x")
    removed = atomic.remove_stale_temporaries(tmp_path)
    assert sorted(path.name for path in removed) == sorted(
        n for n, kept in names.items() if not kept
    )
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(
        n for n, kept in names.items() if kept
    )


# --- 7. a trim too small for the layout ---------------------------------------------------


@pytest.mark.parametrize("trim", ["85x55", "A8"])
def test_a_trim_too_small_for_the_cover_names_the_deck(small: Path, trim: str) -> None:
    """A cover on a card too small for the cover's frames is the deck's choice of trim: the
    error should name the deck and suggest a larger trim, not tell an editor to change the
    layout's template."""
    deck = small_deck()
    deck["deck"]["trim"] = trim
    deck["cards"] = [{"id": "c0", "kind": "cover"}]
    write_deck(small, deck)
    code, output = cli(small, "build", DECK)
    assert_refused(code, output, DECK, "trim")
