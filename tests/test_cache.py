"""Content hashes: worked out once per item in a build, and different for different content."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from generator.core import cache
from generator.core.cache import ItemKeys, fingerprint


@dataclass(frozen=True)
class Item:
    text: str


def test_an_items_key_is_its_content_hash_worked_out_once(monkeypatch: pytest.MonkeyPatch) -> None:
    keys, calls = ItemKeys(), []
    monkeypatch.setattr(cache, "fingerprint", lambda *parts: calls.append(parts) or "key")
    item = Item("Wie doet wat?")
    assert keys.of(item) == keys.of(item) == "key" and len(calls) == 1


def test_items_with_other_content_have_other_keys() -> None:
    keys = ItemKeys()
    first, edited, same = Item("Wie doet wat?"), Item("Wie doet wat nu?"), Item("Wie doet wat?")
    assert keys.of(first) != keys.of(edited)
    assert keys.of(first) == keys.of(same) == fingerprint(same)
