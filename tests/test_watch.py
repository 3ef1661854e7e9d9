"""`watch`: after an edit only what it affects is drawn again, with the same bytes as a build."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import watchfiles

from generator.build.pipeline import build
from generator.core.errors import UserError
from generator.core.project import Project
from generator.desk.watch import Rebuild, Session, SourceFilter, watch
from generator.render.faces import LaidOut
from tests.projects import CopyProject, Run, project_in

pytestmark = pytest.mark.slow  # processes, builds and sessions: not in make test-quick

QUESTION = "Wat is de draagkracht en -last van het gezin?"
EDITED = "Wat is de draagkracht en -last van het hele gezin?"
DECK_FILE = "voor-wie-doen-we-wat.yaml"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def started(copy_project: CopyProject) -> Iterator[tuple[Path, Session, Rebuild]]:
    """A session that has built everything once in a copy of the project."""
    folder = copy_project("watched", output=False)
    with Session(project_in(folder)) as session:
        yield folder, session, session.rebuild()


def faces_laid_out(session: Session, rebuild: Callable[[], Rebuild]) -> tuple[Rebuild, list[str]]:
    """The rebuild's result, and the labels of the faces this process laid out for it (not
    taken from the session's cache): the new laid-out faces in the cache."""
    cache = session.state.cache
    before = cache.keys()
    result = rebuild()
    new = [cache.get(key) for key in cache.keys() - before]
    return result, sorted(entry.face.label for entry in new if isinstance(entry, LaidOut))


def test_the_first_rebuild_builds_and_writes_everything(started) -> None:
    folder, _, first = started
    output = folder / "output"
    written = {str(path.relative_to(output)) for path in first.written}
    assert "voor-wie-doen-we-wat_print.pdf" in written and "manifest.json" in written
    assert "naar-de-drukker/opdracht.txt" in written
    assert written == {str(p.relative_to(output)) for p in output.rglob("*") if p.is_file()}
    assert "deck voor-wie-doen-we-wat" in first.products


def test_without_changes_nothing_is_drawn_or_written(started) -> None:
    _, session, _ = started
    again, laid_out = faces_laid_out(session, session.rebuild)
    assert again.products == [] and again.written == [] and laid_out == []


def test_an_edited_question_redraws_only_its_deck_and_lays_out_only_its_card(
    started, tmp_path: Path
) -> None:
    folder, session, _ = started
    edit(folder / "cards" / DECK_FILE, QUESTION, EDITED)
    try:
        result, laid_out = faces_laid_out(session, session.rebuild)
    finally:
        edit(folder / "cards" / DECK_FILE, EDITED, QUESTION)
    # The English deck, the other decks and the poster print files are unchanged.
    assert result.products == [
        "deck voor-wie-doen-we-wat",
        "checklist voor-wie-doen-we-wat",
        "digital continuum",
        "digital continuum_midden-holland",
    ]
    assert {path.name for path in result.written} == {
        "voor-wie-doen-we-wat_print.pdf",
        "voor-wie-doen-we-wat_a4-duplex.pdf",
        "voor-wie-doen-we-wat_checklist.pdf",
        "continuum_digital.pdf",
        "continuum_midden-holland_digital.pdf",
        "continuum.html",
        "continuum_midden-holland.html",
        "manifest.json",
    }
    # Only the face holding the question was laid out again (for print, in this process).
    assert laid_out == ["card 'vragen-gezin' (front)"]
    assert "gezin-draagkracht" in (folder / "output" / "manifest.json").read_text()


def test_what_watch_writes_is_byte_identical_to_a_fresh_build(started, tmp_path: Path) -> None:
    folder, session, _ = started
    edit(folder / "cards" / DECK_FILE, QUESTION, EDITED)
    try:
        session.rebuild()
        fresh = tmp_path / "fresh"
        build(Project(folder / "cards", folder / "layouts", fresh))
    finally:
        edit(folder / "cards" / DECK_FILE, EDITED, QUESTION)
    for path in (p for p in fresh.rglob("*") if p.is_file()):
        name = path.relative_to(fresh)
        assert (folder / "output" / name).read_bytes() == path.read_bytes(), name
    session.rebuild()


def test_a_mistake_writes_nothing_and_the_next_save_rebuilds(started) -> None:
    folder, session, _ = started
    output = folder / "output"
    before = {p: p.read_bytes() for p in output.rglob("*") if p.is_file()}
    deck = folder / "cards" / DECK_FILE
    edit(deck, "id: gezin-draagkracht", "id: Gezin Draagkracht")
    try:
        with pytest.raises(UserError, match="gezin"):
            session.rebuild()
        assert {p: p.read_bytes() for p in output.rglob("*") if p.is_file()} == before
    finally:
        edit(deck, "id: Gezin Draagkracht", "id: gezin-draagkracht")
    assert session.rebuild().written == []


def test_a_layout_change_redraws_every_product(started) -> None:
    folder, session, first = started
    layout = folder / "layouts" / "pocket-card" / "layout.yaml"
    edit(layout, "rule: [0, 0, 0, 30]", "rule: [0, 0, 0, 35]")
    try:
        result = session.rebuild()
    finally:
        edit(layout, "rule: [0, 0, 0, 35]", "rule: [0, 0, 0, 30]")
    assert len(result.products) == len(first.products)
    session.rebuild()


def test_the_filter_takes_content_and_layouts_but_not_editor_files() -> None:
    keep = SourceFilter()
    added = watchfiles.Change.added
    assert keep(added, "/p/cards/deck.yaml") and keep(added, "/p/layouts/x/face.xml.j2")
    assert not keep(added, "/p/cards/.deck.yaml.swp") and not keep(added, "/p/cards/notes.txt")


def test_watch_rebuilds_when_a_file_is_saved(started) -> None:
    folder, session, _ = started
    stop, seen = threading.Event(), []

    def done(changed: list[str], result: Rebuild) -> None:
        seen.append((changed, result))
        stop.set()

    changes = watchfiles.watch(folder / "cards", stop_event=stop, watch_filter=SourceFilter(),
                               rust_timeout=200, yield_on_timeout=False)  # fmt: skip
    worker = threading.Thread(target=watch, args=(session, changes, done, print))
    worker.start()
    deck = folder / "cards" / DECK_FILE
    try:
        for _ in range(50):  # until the watcher has started and seen a save
            edit(deck, QUESTION, EDITED)
            if stop.wait(0.5):
                break
            edit(deck, EDITED, QUESTION)
    finally:
        stop.set()
        worker.join(timeout=30)
        if EDITED in deck.read_text(encoding="utf-8"):
            edit(deck, EDITED, QUESTION)
    assert seen, "no rebuild after saving a file"
    changed, result = seen[0]
    assert any(path.endswith(DECK_FILE) for path in changed)
    assert "voor-wie-doen-we-wat_print.pdf" in {path.name for path in result.written}
    session.rebuild()


def test_the_command_reports_what_it_rebuilt_and_how_long_it_took(
    workspace: Path, run_cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    deck = workspace / "cards" / DECK_FILE

    def one_save(*folders: Path, **options: object) -> Iterator[set[tuple[object, str]]]:
        edit(deck, QUESTION, EDITED)
        yield {(watchfiles.Change.modified, str(deck))}
        edit(deck, "id: gezin-draagkracht", "id: gezin draagkracht")
        yield {(watchfiles.Change.modified, str(deck))}

    monkeypatch.setattr(watchfiles, "watch", one_save)
    run = run_cli(workspace, "watch")
    assert run.exit_code == 0, run.output
    lines = [line for line in run.output.splitlines() if not line.startswith("note:")]
    assert re.match(r"start: rebuilt \d+ products in ", lines[0]), lines[0]
    assert any(
        line.startswith(f"cards/{DECK_FILE}: rebuilt deck voor-wie-doen-we-wat, ")
        and " ms; wrote 9 files" in line  # and the deck's print file in the print-shop folder
        for line in lines
    ), run.output
    assert f"error: cards/{DECK_FILE}:" in run.output and "Fix it and save again" in run.output


def test_watching_a_folder_that_does_not_exist_is_a_usage_error(
    tmp_path: Path, run_cli: Callable[..., Run]
) -> None:
    run = run_cli(tmp_path, "watch", "--cards", "kaarten")
    assert run.exit_code == 2
    assert "kaarten is not a folder to watch" in run.output and "Traceback" not in run.output
