"""The translators' exchange file: a PO file per translated deck or poster, read by polib and
by GNU gettext's own checker where it is installed, edited as a translation tool would, and
read back with the glossary enforced; every broken file is refused with its line."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import polib
import pytest
from pypdf import PdfReader

from generator.exchange.places import file_places
from generator.load.yaml_file import read_yaml
from tests.imports import fingerprints, refused
from tests.messages import said
from tests.projects import Run

pytestmark = pytest.mark.slow
MAIN = "voor-wie-doen-we-wat"


@pytest.fixture
def exported(workspace: Path, run_cli: Callable[..., Run]) -> Path:
    run = run_cli(workspace, "export", "en.po", "--deck", MAIN)
    assert run.exit_code == 0, run.output
    return workspace / "en.po"


def entries(path: Path) -> list[polib.POEntry]:
    return list(polib.pofile(str(path)))


def question(path: Path) -> polib.POEntry:
    return next(e for e in entries(path) if "/questions/" in e.msgctxt and "/sub/" not in e.msgctxt)


def rewrite(path: Path, change: Callable[[polib.POFile], None]) -> None:
    catalogue = polib.pofile(str(path))
    change(catalogue)
    catalogue.save(str(path))


def entry_of(catalogue: polib.POFile, context: str) -> polib.POEntry:
    return next(e for e in catalogue if e.msgctxt == context)


def test_every_translated_text_is_an_entry_with_its_dutch_and_english(exported: Path) -> None:
    path = exported.parent / "cards" / f"{MAIN}.yaml"
    places = file_places(read_yaml(path), path)
    assert places is not None
    translated = {p.id: p for p in places.places if {"nl", "en"} <= set(p.texts)}
    found = {e.msgctxt: e for e in entries(exported)}
    assert set(found) == set(translated)
    for context, entry in found.items():
        assert entry.msgid == translated[context].texts["nl"]
        assert entry.msgstr == translated[context].texts["en"]
        assert entry.comment  # the card and the kind of text, for the translator


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext (msgfmt) is not installed")
def test_gnu_gettext_accepts_the_file(exported: Path) -> None:
    run = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(exported)],
                         capture_output=True, text=True, timeout=60)  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "warning" not in run.stderr


def test_an_unchanged_file_changes_nothing(
    workspace: Path, exported: Path, run_cli: Callable[..., Run]
) -> None:
    before = fingerprints(workspace)
    run = run_cli(workspace, "import", str(exported))
    assert run.exit_code == 0, run.output
    assert fingerprints(workspace) == before


def test_a_translation_edited_in_the_file_reaches_the_english_cards(
    workspace: Path, exported: Path, run_cli: Callable[..., Run]
) -> None:
    chosen = question(exported)
    new = chosen.msgstr.rstrip("?") + " (revised)?"
    rewrite(exported, lambda catalogue: setattr(entry_of(catalogue, chosen.msgctxt), "msgstr", new))
    path = workspace / "cards" / f"{MAIN}.yaml"
    before = path.read_text("utf-8")
    run = run_cli(workspace, "import", str(exported))
    assert run.exit_code == 0, run.output
    after = path.read_text("utf-8")
    changed = [line for line in after.splitlines() if line not in before.splitlines()]
    assert changed and all("(revised)" in line or line.strip() for line in changed)
    assert len(changed) <= 3
    places = file_places(read_yaml(path), path)
    assert places is not None
    [place] = [p for p in places.places if p.id == chosen.msgctxt]
    assert place.texts == {"nl": chosen.msgid, "en": new}  # the Dutch as it was
    assert run_cli(workspace, "build").exit_code == 0
    reader = PdfReader(workspace / "output" / f"{MAIN}-en_print.pdf")
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "(revised)" in text


def test_a_reserved_word_where_the_dutch_does_not_say_its_term_is_refused(
    workspace: Path, exported: Path, run_cli: Callable[..., Run]
) -> None:
    plain = next(e for e in entries(exported) if "coördin" not in e.msgid.lower()
                 and "/questions/" in e.msgctxt)  # fmt: skip
    rewrite(exported, lambda c: setattr(entry_of(c, plain.msgctxt), "msgstr",
                                        plain.msgstr + " Coordination helps."))  # fmt: skip
    output = refused(workspace, exported, run_cli)
    assert "'Coordination'" in output and f"cards/{MAIN}.yaml" in output


def test_an_unknown_id_is_refused_at_its_line(
    workspace: Path, exported: Path, run_cli: Callable[..., Run]
) -> None:
    chosen = question(exported)
    rewrite(exported, lambda c: setattr(entry_of(c, chosen.msgctxt), "msgctxt", "cards/x/text"))
    refused(workspace, exported, run_cli,
            said("the id '{id}' (msgctxt) is not one of {file}'s translated texts",
                 id="cards/x/text", file=f"{MAIN}.yaml"))  # fmt: skip


def test_a_dutch_text_changed_since_the_export_is_refused(
    workspace: Path, exported: Path, run_cli: Callable[..., Run]
) -> None:
    chosen = question(exported)
    path = workspace / "cards" / f"{MAIN}.yaml"
    words = chosen.msgid.split()
    changed = path.read_text("utf-8").replace(
        f" {words[1]} {words[2]} ", f" {words[1]}  x {words[2]} ", 1
    )
    assert changed != path.read_text("utf-8")
    rewrite(exported, lambda c: setattr(entry_of(c, chosen.msgctxt), "msgid", "Een andere tekst?"))
    refused(
        workspace,
        exported,
        run_cli,
        said("the Dutch text of '{id}' changed since this file was made", id=chosen.msgctxt),
    )


@pytest.mark.parametrize("broken", ["fuzzy", "empty"])
def test_a_fuzzy_or_empty_translation_is_refused(
    broken: str, workspace: Path, exported: Path, run_cli: Callable[..., Run]
) -> None:
    chosen = question(exported)

    def change(catalogue: polib.POFile) -> None:
        entry = entry_of(catalogue, chosen.msgctxt)
        if broken == "fuzzy":
            entry.flags.append("fuzzy")
        else:
            entry.msgstr = ""

    rewrite(exported, change)
    message = {"fuzzy": "the translation of '{id}' is marked fuzzy (unsure)",
               "empty": "the translation of '{id}' is empty"}[broken]  # fmt: skip
    refused(workspace, exported, run_cli, said(message, id=chosen.msgctxt))


def test_a_file_that_is_no_po_file_is_refused(workspace: Path, run_cli: Callable[..., Run]) -> None:
    fake = workspace / "en.po"
    fake.write_bytes(b"\x00\x01 not a catalogue")
    output = refused(workspace, fake, run_cli)
    assert said("save it from the translation tool as a .po file, or export it again with "
                "voorwie export FILE.po --deck ID") in output  # fmt: skip


def test_a_translation_file_is_for_one_translated_deck(
    workspace: Path, run_cli: Callable[..., Run]
) -> None:
    run = run_cli(workspace, "export", "all.po")
    assert run.exit_code == 1
    assert said("a translation file is made for one deck or poster") in run.output
    run = run_cli(workspace, "export", "p.po", "--deck", "praatplaat")
    assert run.exit_code == 1
    assert said("'{id}' has no translation into '{language}'", id="praatplaat", language="?") \
        in run.output  # fmt: skip


def test_a_file_of_another_language_is_refused(
    workspace: Path, exported: Path, run_cli: Callable[..., Run]
) -> None:
    rewrite(exported, lambda catalogue: catalogue.metadata.update({"Language": "de"}))
    refused(workspace, exported, run_cli,
            said("the file translates into '{found}', not into '{wanted}'", found="de",
                 wanted="en"))  # fmt: skip
