"""A revision round as an editor does it: release what was printed, reword, add or remove a
question, bump the edition or forget to, build, ask what changed, send the reprint.
Each test edits the content without knowing its wording (tests/editing.py)."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

from pypdf import PdfReader

from generator.core.i18n import written_date
from generator.core.project import Project
from generator.desk.watch import Session
from generator.revise.releases import read_releases
from tests.editing import (
    add_question,
    load,
    question_cards,
    reword_question,
    save,
    set_version,
    version_of,
)
from tests.pdf_tools import pixels

MAIN = "voor-wie-doen-we-wat"
REPRINT = f"{MAIN}_reprint_print.pdf"
PRINT_SHOP = "naar-de-drukker"
NOTE = ("opdracht.txt", "opdracht.pdf")


def deck_file(workspace: Path, deck: str = MAIN) -> Path:
    return workspace / "cards" / f"{deck}.yaml"


def ok(run) -> str:
    assert run.exit_code == 0, run.output
    return run.output


def test_a_reprinted_card_is_the_decks_own_card(workspace: Path, run_cli: Callable) -> None:
    ok(run_cli(workspace, "release"))
    path = deck_file(workspace)
    changed = [reword_question(path, 0)[0], reword_question(path, -1)[0]]
    set_version(path, "9.1")
    ok(run_cli(workspace, "build", "-q"))
    output = workspace / "output"
    manifest = json.loads((output / "manifest.json").read_text(encoding="utf-8"))
    order = [card["id"] for card in manifest["decks"][MAIN]["cards"]]
    pages = [2 * order.index(card) + side for card in changed for side in (0, 1)]
    reprint, deck = output / PRINT_SHOP / REPRINT, output / f"{MAIN}_print.pdf"
    reprint_texts = [page.extract_text() for page in PdfReader(reprint).pages]
    deck_texts = [page.extract_text() for page in PdfReader(deck).pages]
    assert len(reprint_texts) == len(pages) == 4
    for number, page in enumerate(pages):
        assert reprint_texts[number] == deck_texts[page]  # number "of", edition stamp, texts
        assert pixels(reprint, number) == pixels(deck, page)
    for number, card in enumerate(changed):  # "Kaart 4 van 6": its place in the whole deck
        place = rf"\b{order.index(card) + 1} \w+ {len(order)}\b"
        assert re.search(place, " ".join(reprint_texts[2 * number].split()))


def test_the_print_shop_folder_holds_exactly_what_to_send(
    workspace: Path, run_cli: Callable
) -> None:
    ok(run_cli(workspace, "release"))
    path = deck_file(workspace)
    original = path.read_bytes()
    reword_question(path)  # in Dutch and English
    ok(run_cli(workspace, "build", "-q"))
    folder = workspace / "output" / PRINT_SHOP
    assert {p.name for p in folder.iterdir()} == {
        *NOTE, REPRINT, f"{MAIN}-en_reprint_print.pdf"
    }  # fmt: skip
    (folder / "notes-of-mine.txt").write_text("mine")
    document = load(path)  # back to the released English: only Dutch changed now
    released = load_released(workspace, f"{MAIN}-en")
    for card in question_cards(document):
        for question in card["questions"]:
            english = released.get(f"question '{question['id']}'")
            if english is not None and isinstance(question["text"], dict):
                question["text"]["en"] = english
    save(path, document)
    ok(run_cli(workspace, "build", "-q"))
    assert {p.name for p in folder.iterdir()} == {*NOTE, REPRINT}
    path.write_bytes(original)
    ok(run_cli(workspace, "build", "-q"))
    assert {p.name for p in folder.iterdir()} == set(NOTE)
    # the note is in the products' language: the deck is Dutch
    assert "Niets te versturen" in (folder / "opdracht.txt").read_text(encoding="utf-8")


def latest_release(workspace: Path, product: str) -> Path:
    return read_releases(workspace / "cards")[product][-1].path


def load_released(workspace: Path, product: str) -> dict[str, str]:
    release = latest_release(workspace, product)
    return json.loads(release.read_text(encoding="utf-8"))["texts"]


def test_the_release_stays_the_comparison_point_after_builds(
    workspace: Path, run_cli: Callable
) -> None:
    ok(run_cli(workspace, "release"))
    ok(run_cli(workspace, "build", "-q"))
    path = deck_file(workspace)
    released = load(path)["deck"]["edition"]
    card, question = reword_question(path)
    add_question(path, 0)
    set_version(path, "9.1", "2026-12-01")
    ok(run_cli(workspace, "build", "-q"))
    ok(run_cli(workspace, "build", "-q"))  # make, twice: output/manifest.json is rewritten
    output = ok(run_cli(workspace, "--lang", "nl", "changes"))
    assert "    vraag gewijzigd\n" in output and "    vraag toegevoegd: " in output
    stamp = f"release {released['version']} van {written_date(released['date'], 'nl')}"
    assert f"Editie 9.1 (1 december 2026), vergeleken met {stamp}." in output
    manifest = json.loads((workspace / "output" / "manifest.json").read_text(encoding="utf-8"))
    number = [c["id"] for c in manifest["decks"][MAIN]["cards"]].index(card) + 1
    assert f"- Kaart {number} van " in output and f"question:{question}" not in output
    subject = PdfReader(workspace / "output" / PRINT_SHOP / REPRINT).metadata["/Subject"]
    assert "editie 9.1 (1 december 2026)" in subject and stamp in subject


def test_a_forgotten_edition_bump_is_said_and_refused(workspace: Path, run_cli: Callable) -> None:
    ok(run_cli(workspace, "release"))
    path = deck_file(workspace)
    reword_question(path)
    version = version_of(path)
    edition_line = next(n for n, line in enumerate(path.read_text().splitlines(), 1)
                        if line.strip() == "edition:")  # fmt: skip
    for command in ("build", "changes"):
        output = ok(run_cli(workspace, command))
        warnings = [line for line in output.splitlines() if line.startswith("warning:")]
        [warning] = [w for w in warnings if f"deck '{MAIN}'" in w]
        assert f"edition {version}" in warning
    releases = sorted((workspace / "cards" / "releases").rglob("*.json"))
    run = run_cli(workspace, "release")
    assert run.exit_code == 1
    assert f"cards/{MAIN}.yaml:{edition_line}:" in run.output
    assert "fix:" in run.output and "Traceback" not in run.output
    assert sorted((workspace / "cards" / "releases").rglob("*.json")) == releases
    set_version(path, "9.1")
    assert "released" in ok(run_cli(workspace, "release"))
    assert "warning:" not in ok(run_cli(workspace, "build"))


def test_the_outputs_of_a_removed_deck_are_removed(workspace: Path, run_cli: Callable) -> None:
    ok(run_cli(workspace, "build", "-q"))
    output = workspace / "output"
    (output / "notes-of-mine.pdf").write_bytes(b"mine")
    gone = "wat-werkt"
    before = {p.name for p in output.iterdir()}
    assert any(name.startswith(f"{gone}_") for name in before)
    deck_file(workspace, gone).unlink()
    ok(run_cli(workspace, "build", str(deck_file(workspace))))  # some files: cannot tell
    assert {p.name for p in output.iterdir()} >= before
    ok(run_cli(workspace, "build"))
    after = {p.name for p in output.iterdir()}
    assert not any(name.startswith(f"{gone}_") for name in after)
    assert "notes-of-mine.pdf" in after
    assert after == {name for name in before if not name.startswith(f"{gone}_")}


def test_watch_removes_the_outputs_of_a_removed_deck(workspace: Path) -> None:
    project = Project(workspace / "cards", workspace / "layouts", workspace / "output")
    with Session(project) as session:
        session.rebuild()
        gone = "partnerschap-team"
        assert (project.output / f"{gone}_print.pdf").exists()
        deck_file(workspace, gone).unlink()
        rebuilt = session.rebuild()
    assert project.output / f"{gone}_print.pdf" in rebuilt.removed
    assert not any(p.name.startswith(f"{gone}_") for p in project.output.iterdir())


def test_a_deck_without_a_release_is_new_whole(workspace: Path, run_cli: Callable) -> None:
    shutil.rmtree(workspace / "cards" / "releases", ignore_errors=True)  # new decks, never printed
    output = ok(run_cli(workspace, "--lang", "nl", "changes"))
    assert output.count("nog niet vastgelegd") >= 7  # every deck and poster
    ok(run_cli(workspace, "build", "-q"))
    folder = workspace / "output" / PRINT_SHOP
    assert not list(folder.glob("*_reprint_print.pdf"))  # whole print files
    assert (folder / f"{MAIN}_print.pdf").read_bytes() == (
        workspace / "output" / f"{MAIN}_print.pdf").read_bytes()  # fmt: skip
    assert "released" in ok(run_cli(workspace, "release"))
    assert "Geen wijzigingen." in ok(run_cli(workspace, "--lang", "nl", "changes"))
    assert {p.name for p in folder.iterdir()} == set(NOTE)  # release builds again
    assert "nothing new to release" in ok(run_cli(workspace, "release"))


def test_a_release_file_edited_by_hand(workspace: Path, run_cli: Callable) -> None:
    ok(run_cli(workspace, "release"))
    release = latest_release(workspace, MAIN)
    document = json.loads(release.read_text(encoding="utf-8"))
    card = next(c for c in document["cards"] if any(k.startswith("question:") for k in c["texts"]))
    key = next(k for k in card["texts"] if k.startswith("question:"))
    card["texts"][key] += " (zoals gedrukt)"
    release.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    output = ok(run_cli(workspace, "--lang", "nl", "changes"))  # compared as it now reads
    number = [c["id"] for c in document["cards"]].index(card["id"]) + 1
    assert f"- Kaart {number} van " in output and "    vraag gewijzigd" in output
    assert " (zoals gedrukt)" in output
    release.write_text("{ not json", encoding="utf-8")
    run = run_cli(workspace, "build", "-q")
    assert run.exit_code == 1
    assert f"releases/{MAIN}/{release.name}:1:" in run.output and "fix:" in run.output


def test_a_poster_whose_deck_changed_is_reported_with_it(
    workspace: Path, run_cli: Callable
) -> None:
    ok(run_cli(workspace, "release"))
    poster = load(workspace / "cards" / "continuum.yaml")["poster"]
    path = deck_file(workspace)
    document = load(path)
    for card in document["cards"]:
        for question in card.get("questions", []):
            if question["id"] == poster["start_question"]:
                question["text"] = {k: v + " (herzien)" for k, v in question["text"].items()}
    save(path, document)
    set_version(path, "9.1")
    output = ok(run_cli(workspace, "--lang", "nl", "changes"))
    section = output.split(f"Poster “{poster['title']['nl']}”\n")[1]
    assert f"vraag '{poster['start_question']}' gewijzigd" in section.split("\n\n")[0]
    ok(run_cli(workspace, "build", "-q"))
    assert (workspace / "output" / PRINT_SHOP / "continuum_A3_print.pdf").is_file()
    warnings = [line for line in output.splitlines() if line.startswith("waarschuwing:")]
    assert any("poster 'continuum'" in line for line in warnings)  # its edition: not bumped


def test_a_version_that_cannot_name_a_file_is_refused(workspace: Path, run_cli: Callable) -> None:
    set_version(deck_file(workspace), ".1")  # the schema allows it; ".1.json" would be hidden
    run = run_cli(workspace, "release")
    assert run.exit_code == 1
    assert f"cards/{MAIN}.yaml:" in run.output and "cannot name a release file" in run.output
    assert "Traceback" not in run.output


def test_going_back_to_an_older_released_version_is_refused(
    workspace: Path, run_cli: Callable
) -> None:
    path = deck_file(workspace)
    set_version(path, "9.1")
    ok(run_cli(workspace, "release"))
    set_version(path, "9.2")
    reword_question(path)
    ok(run_cli(workspace, "release"))
    set_version(path, "9.1")  # the stamp of an earlier print, on other texts
    releases = sorted((workspace / "cards" / "releases").rglob("*.json"))
    run = run_cli(workspace, "release")
    assert run.exit_code == 1 and "version 9.1 was released before" in run.output
    assert sorted((workspace / "cards" / "releases").rglob("*.json")) == releases


def test_a_release_file_under_another_name_is_named(workspace: Path, run_cli: Callable) -> None:
    ok(run_cli(workspace, "release"))
    release = latest_release(workspace, MAIN)
    shutil.copy(release, release.with_name("9.9.json"))
    printed = workspace / "output" / f"{MAIN}_print.pdf"
    before = printed.stat().st_mtime_ns
    reword_question(deck_file(workspace))
    run = run_cli(workspace, "build", "-q")
    assert run.exit_code == 1
    assert f"releases/{MAIN}/9.9.json:" in run.output and "not its own name" in run.output
    assert printed.stat().st_mtime_ns == before  # nothing written


def test_an_old_output_that_cannot_be_removed_is_a_warning(
    workspace: Path, run_cli: Callable
) -> None:
    ok(run_cli(workspace, "build", "-q"))
    stuck = workspace / "output" / "wat-werkt_print.pdf"
    stuck.unlink()
    stuck.mkdir()  # in its place something unlink cannot remove
    deck_file(workspace, "wat-werkt").unlink()
    output = ok(run_cli(workspace, "build"))
    assert "warning: output/wat-werkt_print.pdf: could not remove this old output" in output
    assert "remove it by hand" in output
    assert not (workspace / "output" / "wat-werkt_a4-duplex.pdf").exists()
