"""output/naar-de-drukker/ as an editor meets it the night before a training day: released,
edited twice with a build between and after, edited a third time; each time the folder holds
exactly what to send, each reprinted page is the deck's own page, every PDF in it passes the
print preflight. And what stands around it: a build with nothing changed writes nothing, a
failed build keeps the last good folder and says so, a build of some files leaves a folder that
says it is out of date, two builds at once, poster sizes, scopes, a dry run, translations."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.build.unchanged import STATE_NAME
from generator.core.errors import UserError
from generator.write.lock import output_lock
from tests.editing import load, question_cards, reword_question, save, set_version
from tests.pdf_tools import pixels

MAIN = "voor-wie-doen-we-wat"
FOLDER = "naar-de-drukker"
NOTE = {"opdracht.txt", "opdracht.pdf"}


def ok(run) -> str:
    assert run.exit_code == 0, run.output
    return run.output


def deck_file(workspace: Path) -> Path:
    return workspace / "cards" / f"{MAIN}.yaml"


def reword_dutch(path: Path, card_number: int) -> str:
    """Add a word to the Dutch and English of a question card's first question; its card id."""
    card, _question = reword_question(path, card_number)
    return card


def card_order(workspace: Path) -> list[str]:
    manifest = json.loads((workspace / "output" / "manifest.json").read_text(encoding="utf-8"))
    return [card["id"] for card in manifest["decks"][MAIN]["cards"]]


def assert_folder_is_what_to_send(
    workspace: Path, run_cli: Callable, cards: set[str], english_cards: set[str]
) -> None:
    """The folder holds the note and the reprint of exactly these cards (by id) of the Dutch
    and the English deck, each page the deck's own; every PDF passes the print preflight."""
    output = workspace / "output"
    folder = output / FOLDER
    order = card_order(workspace)
    expected = set(NOTE)
    for deck, chosen in ((MAIN, cards), (f"{MAIN}-en", english_cards)):
        if not chosen:
            continue
        expected.add(f"{deck}_reprint_print.pdf")
        reprint, whole = folder / f"{deck}_reprint_print.pdf", output / f"{deck}_print.pdf"
        pages = sorted(2 * order.index(card) + side for card in chosen for side in (0, 1))
        ours = [page.extract_text() for page in PdfReader(reprint).pages]
        theirs = [page.extract_text() for page in PdfReader(whole).pages]
        assert len(ours) == len(pages)
        for number, page in enumerate(pages):
            assert ours[number] == theirs[page]
            assert pixels(reprint, number) == pixels(whole, page)
    assert {p.name for p in folder.iterdir()} == expected
    note = (folder / "opdracht.txt").read_text(encoding="utf-8")
    for card in cards:  # "kaart 3 en 5 van 6": the numbers the cards print
        assert re.search(rf"\b{order.index(card) + 1}\b", note.split("Wat:")[1].splitlines()[0])
    pdfs = [str(p) for p in folder.glob("*.pdf")]
    assert "0 of" not in ok(run_cli(workspace, "check", "--profile", "print", *pdfs))


def test_two_edits_a_build_between_and_a_third_edit(workspace: Path, run_cli: Callable) -> None:
    ok(run_cli(workspace, "release"))
    path = deck_file(workspace)
    set_version(path, "9.1")
    first = reword_dutch(path, 1)  # not the start question: the posters show that one
    ok(run_cli(workspace, "build", "-q"))
    assert_folder_is_what_to_send(workspace, run_cli, {first}, {first})
    second = reword_dutch(path, -1)  # the step that used to leave a stale reprint
    ok(run_cli(workspace, "build", "-q"))
    assert_folder_is_what_to_send(workspace, run_cli, {first, second}, {first, second})
    document = load(path)  # a third edit: the Dutch only, on the second card's question
    card = next(c for c in question_cards(document) if c["id"] == second)
    card["questions"][0]["text"]["nl"] += " nu"
    save(path, document)
    output = ok(run_cli(workspace, "build"))
    assert_folder_is_what_to_send(workspace, run_cli, {first, second}, {first, second})
    assert "Done: " in output and "changed" in output and f"{FOLDER}" in output


def test_a_build_with_nothing_changed_rewrites_no_file(workspace: Path, run_cli: Callable) -> None:
    ok(run_cli(workspace, "build", "--check"))
    output = workspace / "output"
    long_ago = 1_000_000_000_000_000_000
    files = [p for p in output.rglob("*") if p.is_file() and p.name != STATE_NAME]
    for path in files:
        os.utime(path, ns=(long_ago, long_ago))
    said = ok(run_cli(workspace, "build", "--check"))  # built: the times changed
    assert all(p.stat().st_mtime_ns == long_ago for p in files)  # (the record of it aside)
    [summary] = [line for line in said.splitlines() if line.startswith("Done: ")]
    assert f"Done: {len(files)} files, 0 changed; preflight passed; " in summary


def test_a_failed_build_keeps_the_folder_and_says_it_is_out_of_date(
    workspace: Path, run_cli: Callable
) -> None:
    ok(run_cli(workspace, "build", "-q"))
    folder = workspace / "output" / FOLDER
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    path = deck_file(workspace)
    path.write_text(path.read_text(encoding="utf-8").replace("id: gezin-draagkracht",
                                                             "id: Gezin Draagkracht"))  # fmt: skip
    run = run_cli(workspace, "build")
    assert run.exit_code == 1
    assert f"output/{FOLDER} is still that of the last build that succeeded" in run.output
    assert run.output.endswith("no output was changed.\n")
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_a_build_of_some_files_leaves_a_folder_that_says_so(
    workspace: Path, run_cli: Callable
) -> None:
    ok(run_cli(workspace, "build", "-q"))
    reword_question(deck_file(workspace))
    said = ok(run_cli(workspace, "build", str(deck_file(workspace))))
    folder = workspace / "output" / FOLDER
    assert {p.name for p in folder.iterdir()} == NOTE  # no print file that could be stale
    # the note is in the products' language: the deck is Dutch
    assert "niet bijgewerkt" in (folder / "opdracht.txt").read_text(encoding="utf-8")
    assert "is out of date: build everything" in said


def test_two_builds_at_once_into_one_folder(workspace: Path, run_cli: Callable) -> None:
    output = workspace / "output"
    with output_lock(output):  # a build going on in another process holds this
        run = run_cli(workspace, "build")
        assert run.exit_code == 1 and "Traceback" not in run.output
        assert "another build is writing into this folder right now" in run.output
        with pytest.raises(UserError, match="another build"), output_lock(output):
            pass
    assert list(output.iterdir()) == []
    ok(run_cli(workspace, "build", "-q"))  # free again


def test_every_poster_size_once_made_stays_current(workspace: Path, run_cli: Callable) -> None:
    ok(run_cli(workspace, "release"))
    ok(run_cli(workspace, "build", "-q", "--size", "A2"))
    output = workspace / "output"
    a2 = output / "continuum_A2_print.pdf"
    assert a2.is_file() and (output / "continuum_A3_print.pdf").is_file()
    poster = workspace / "cards" / "continuum.yaml"
    document = load(poster)
    document["poster"]["title"] = {k: v + " (herzien)" for k, v in document["poster"]["title"]
                                   .items()}  # fmt: skip
    save(poster, document)
    set_version(poster, "9.1")
    ok(run_cli(workspace, "build", "-q"))  # no --size: A2 is made again all the same
    assert "(herzien)" in " ".join(page.extract_text() for page in PdfReader(a2).pages)
    shop = {p.name for p in (output / FOLDER).iterdir()}
    assert {"continuum_A2_print.pdf", "continuum_A3_print.pdf"} <= shop
    a2.unlink()  # a size nobody wants any more: delete its file
    ok(run_cli(workspace, "build", "-q"))
    assert not a2.exists() and "continuum_A2_print.pdf" not in {
        p.name for p in (output / FOLDER).iterdir()}  # fmt: skip


def test_release_lists_what_it_would_record_and_takes_a_scope(
    workspace: Path, run_cli: Callable
) -> None:
    releases = workspace / "cards" / "releases"
    said = ok(run_cli(workspace, "release", "--dry-run", str(deck_file(workspace))))
    assert f"would record cards/releases/{MAIN}/" in said
    assert f"cards/releases/{MAIN}-en/" in said  # the same file: its translation too
    assert "continuum" not in said and not releases.exists()
    said = ok(run_cli(workspace, "release", "praatplaat"))
    assert said.startswith("released cards/releases/praatplaat/")
    assert sorted(p.name for p in releases.iterdir()) == ["praatplaat"]
    run = run_cli(workspace, "release", "no-such-deck")
    assert run.exit_code == 1 and "no deck or poster is called this" in run.output
    assert "praatplaat" in run.output and "Traceback" not in run.output


def test_changes_takes_a_scope_and_writes_nothing(workspace: Path, run_cli: Callable) -> None:
    ok(run_cli(workspace, "release"))
    ok(run_cli(workspace, "build", "-q"))
    before = {p: p.stat().st_mtime_ns for p in (workspace / "output").rglob("*")}
    reword_question(deck_file(workspace))
    said = ok(run_cli(workspace, "--lang", "nl", "changes", "praatplaat"))
    assert "Niets te versturen" in said and "Voor wie doen we wat?" not in said
    said = ok(run_cli(workspace, "--lang", "nl", "changes", str(deck_file(workspace))))
    assert "Kaartenset “Voor wie doen we wat?”" in said and "Praatplaat" not in said
    assert {p: p.stat().st_mtime_ns for p in (workspace / "output").rglob("*")} == before


def test_a_dutch_change_without_its_english_is_a_warning_until_checked(
    workspace: Path, run_cli: Callable
) -> None:
    ok(run_cli(workspace, "release"))
    path = deck_file(workspace)  # the frozen fixture deck: its lines may be named
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(n for n, line in enumerate(lines) if line.strip() == "- id: gezin-draagkracht")
    dutch, english = at + 3, at + 4  # under `text:`, the lines `nl:` and `en:`, 1-based
    assert lines[dutch - 1].strip().startswith("nl: ") and lines[english - 1].strip()[:3] == "en:"

    def add_to_dutch(word: str) -> None:
        lines[dutch - 1] = lines[dutch - 1].rstrip("\n") + f" {word}\n"
        path.write_text("".join(lines), encoding="utf-8")

    add_to_dutch("nu")
    for command in ("build", "changes"):
        output = ok(run_cli(workspace, command))
        [warning] = [line for line in output.splitlines() if "the English one" in line]
        assert warning.startswith(f"warning: cards/{MAIN}.yaml:{dutch}: ")
        assert f"(line {english}) did not" in warning
        assert "voorwie translations-checked" in output
    said = ok(run_cli(workspace, "translations-checked", str(path)))
    assert said.startswith(f"checked cards/{MAIN}.yaml:{english}: ")
    assert "the English one" not in ok(run_cli(workspace, "build"))
    add_to_dutch("weer")  # changed again: to be checked again
    assert "the English one" in ok(run_cli(workspace, "build"))


def test_a_released_deck_that_was_renamed_is_named(workspace: Path, run_cli: Callable) -> None:
    ok(run_cli(workspace, "release"))
    old = workspace / "cards" / "praatplaat.yaml"
    old.write_text(old.read_text(encoding="utf-8").replace("id: praatplaat\n", "id: praat\n", 1))
    output = ok(run_cli(workspace, "build"))
    assert "praatplaat was released, but no deck or poster is called so any more" in output
    assert (workspace / "output" / FOLDER / "praat_print.pdf").is_file()  # new as a whole
