"""The manifest beside the outputs: each card's id, content hash, edition and text."""

from __future__ import annotations

import json
from pathlib import Path

from generator.build.pipeline import build
from generator.core.project import Project
from tests.projects import MAIN_DECK, deck_versions


def read(output: Path) -> dict:
    return json.loads((output / "manifest.json").read_text(encoding="utf-8"))


def test_the_manifest_lists_every_card_with_its_text(built: dict[str, Path]) -> None:
    manifest = read(built["manifest.json"].parent)
    for deck in deck_versions(MAIN_DECK):
        entry = manifest["decks"][deck.id]
        assert entry["edition"] == {"version": deck.edition.version, "date": deck.edition.date}
        assert [card["id"] for card in entry["cards"]] == [card.id for card in deck.cards]
        questions = {
            key.removeprefix("question:"): text
            for card in entry["cards"]
            for key, text in card["texts"].items()
            if key.startswith("question:")
        }
        expected = {q.id: q.text for card in deck.cards for q in card.all_questions()}
        assert questions == expected


def test_one_edited_question_changes_one_cards_hash(workspace: Path) -> None:
    project = Project(workspace / "cards", workspace / "layouts", workspace / "output")
    build(project)
    before = read(project.output)["decks"]["voor-wie-doen-we-wat"]["cards"]
    path = workspace / "cards" / MAIN_DECK.name
    old = "          nl: Is iedereen betrokken die nodig is?\n"
    path.write_text(path.read_text().replace(old, old.replace("nodig", "echt nodig")))
    build(project)
    after = read(project.output)["decks"]["voor-wie-doen-we-wat"]["cards"]
    changed = [b["id"] for b, a in zip(before, after, strict=True) if b["hash"] != a["hash"]]
    assert changed == ["vragen-professionals"]
