"""`changes --since`: what changed, by id, said by the cards' printed numbers and titles."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

DECK = "cards/voor-wie-doen-we-wat.yaml"
OLD = "          nl: Is iedereen betrokken die nodig is?\n"
NEW = "          nl: Is iedereen betrokken die echt nodig is?\n"


def edit(workspace: Path, old: str, new: str) -> None:
    path = workspace / DECK
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_changed_question_is_reported_in_the_editors_words(
    workspace: Path, run_cli: Callable
) -> None:
    """changes --since: the card by its printed number and title, the kind of text, old and
    new; it writes nothing."""
    assert run_cli(workspace, "build", "-q").exit_code == 0
    saved = workspace / "earlier-manifest.json"
    shutil.copy(workspace / "output" / "manifest.json", saved)
    before = {p: p.read_bytes() for p in (workspace / "output").rglob("*") if p.is_file()}
    edit(workspace, OLD, NEW)
    run = run_cli(workspace, "changes", "--since", str(saved))
    assert run.exit_code == 0, run.output
    # Each product's part is in its own language: the Dutch deck's in Dutch.
    assert "- Kaart 4 van 6 (Niveau van professionals): opnieuw drukken\n" in run.output
    assert "    vraag gewijzigd\n" in run.output
    assert "      was: Is iedereen betrokken die nodig is?\n" in run.output
    assert "      nu: Is iedereen betrokken die echt nodig is?\n" in run.output
    assert "vragen-professionals" not in run.output and "question:" not in run.output
    after = {p: p.read_bytes() for p in (workspace / "output").rglob("*") if p.is_file()}
    assert after == before


def test_a_moved_question_is_moved_not_changed(workspace: Path, run_cli: Callable) -> None:
    assert run_cli(workspace, "build", "-q").exit_code == 0
    saved = workspace / "earlier-manifest.json"
    shutil.copy(workspace / "output" / "manifest.json", saved)
    path = workspace / DECK
    text = path.read_text(encoding="utf-8")
    start = text.index("      - id: org-zelf-in-huis\n")
    end = text.index("      - id: org-samenwerkingsinitiatieven\n")
    block = text[start:end]
    text = text[:start] + text[end:]
    anchor = "      - id: prof-bestaande-vormen\n"
    path.write_text(text.replace(anchor, block + anchor), encoding="utf-8")
    run = run_cli(workspace, "changes", "--since", str(saved))
    assert "    vraag hierheen verplaatst van kaart 5: Wat hebben we als organisatie" in run.output
    assert "    vraag verplaatst naar kaart 4: Wat hebben we als organisatie" in run.output
    assert "    question moved to card 4: What do we have in-house" in run.output  # English
    assert "vraag gewijzigd" not in run.output


def test_changes_since_a_git_revision(workspace: Path, run_cli: Callable) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=workspace, check=True, capture_output=True)

    git("init", "-q")
    git("add", "cards", "layouts")
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "content")
    edit(workspace, OLD, NEW)
    run = run_cli(workspace, "changes", "--since", "HEAD")
    assert run.exit_code == 0, run.output
    assert "Kaart 4 van 6 (Niveau van professionals): opnieuw drukken" in run.output


def test_an_unknown_reference_is_an_error(workspace: Path, run_cli: Callable) -> None:
    run = run_cli(workspace, "changes", "--since", "no-such-thing")
    assert run.exit_code == 1 and "Traceback" not in run.output
    assert "neither a manifest file nor a git revision" in run.output


def test_a_json_file_that_is_no_manifest_is_an_error(workspace: Path, run_cli: Callable) -> None:
    wrong = workspace / "list.json"
    wrong.write_text("[1, 2, 3]")
    run = run_cli(workspace, "changes", "--since", str(wrong))
    assert run.exit_code == 1 and "Traceback" not in run.output
    assert "this is not a manifest file" in run.output


@pytest.mark.parametrize("data_filter", [True, False], ids=["python-3.11.4+", "older-3.11"])
def test_a_git_archive_is_read_without_links_or_escapes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data_filter: bool
) -> None:
    """Python before 3.11.4 has no tarfile data filter: the files are still read, and a link
    or a path out of the folder is left out either way."""
    import io
    import tarfile

    from generator.revise.changes import extract_files

    if not data_filter:
        monkeypatch.delattr(tarfile, "data_filter")
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as tar:
        for name, data in (("cards/deck.yaml", b"deck: {}\n"), ("../outside.txt", b"x")):
            member = tarfile.TarInfo(name)
            member.size = len(data)
            tar.addfile(member, io.BytesIO(data))
        link = tarfile.TarInfo("cards/link")
        link.type, link.linkname = tarfile.SYMTYPE, "/etc/passwd"
        tar.addfile(link)
    buffer.seek(0)
    folder = tmp_path / "archive"
    folder.mkdir()
    with tarfile.open(fileobj=buffer) as tar:
        extract_files(tar, folder)
    assert (folder / "cards" / "deck.yaml").read_bytes() == b"deck: {}\n"
    assert not (folder / "cards" / "link").exists() and not (tmp_path / "outside.txt").exists()
