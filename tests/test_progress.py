"""Progress on the terminal for long builds; nothing when not on a terminal."""

from __future__ import annotations

import io
from pathlib import Path

from generator.build.pipeline import Request, build
from generator.cli import progress
from generator.core.project import Project
from generator.load.yaml_file import read_yaml


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_sees_the_pages_counted_and_the_line_cleared_at_the_end() -> None:
    terminal = Terminal()
    with progress.shown_on(terminal, delay_s=0):
        for _ in range(2 * progress.EVERY):
            progress.page_drawn("Proef")
    text = terminal.getvalue()
    assert f"drawing Proef: {progress.EVERY} pages" in text
    assert f"drawing Proef: {2 * progress.EVERY} pages" in text
    assert text.endswith("\r\033[K")


def test_a_message_gets_a_line_of_its_own() -> None:
    terminal = Terminal()
    with progress.shown_on(terminal, delay_s=0):
        for _ in range(progress.EVERY):
            progress.page_drawn("Proef")
        progress.make_room()
        terminal.write("note: smaller\n")
    assert "pages\r\033[Knote: smaller\n" in terminal.getvalue()


def test_nothing_is_shown_before_the_delay_or_off_a_terminal() -> None:
    terminal, pipe = Terminal(), io.StringIO()
    with progress.shown_on(terminal, delay_s=3600):
        for _ in range(100):
            progress.page_drawn("Proef")
    with progress.shown_on(pipe, delay_s=0):
        for _ in range(100):
            progress.page_drawn("Proef")
    assert terminal.getvalue() == "" and pipe.getvalue() == ""


def test_a_build_reports_the_decks_it_draws(workspace: Path) -> None:
    terminal = Terminal()
    project = Project(workspace / "cards", workspace / "layouts", workspace / "output")
    deck = workspace / "cards" / "praatplaat.yaml"
    with progress.shown_on(terminal, delay_s=0):
        build(project, Request(files=[deck]))
    assert f"drawing {read_yaml(deck)['deck']['title']}" in terminal.getvalue()
