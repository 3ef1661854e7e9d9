"""Work kept between builds by content hash: laid-out faces, drawn documents, whole products.

A key is a hash of everything its result depends on, so a hit is always safe. `watch` keeps
one cache for its session: a card whose content and layout did not change is not laid out
again, and a product whose inputs did not change is not drawn again.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")
MAX_ENTRIES = 20_000  # a session of edits cannot grow the cache without bound


def fingerprint(*parts: object) -> str:
    """A hash of the parts' representations (frozen dataclasses, strings, numbers, paths)."""
    return hashlib.sha256(repr(parts).encode()).hexdigest()


class RenderCache:
    """Results by key, least recently used dropped first."""

    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self._entries: OrderedDict[str, Any] = OrderedDict()
        self.max_entries = max_entries

    def keys(self) -> set[str]:
        """The keys held now."""
        return set(self._entries)

    def get(self, key: str) -> Any | None:
        value = self._entries.get(key)
        if value is not None:
            self._entries.move_to_end(key)
        return value

    def put(self, key: str, value: Any) -> None:
        self._entries[key] = value
        self._entries.move_to_end(key)
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)

    def memo(self, key: str, make: Callable[[], T]) -> T:
        """The kept result for key, or make it (an error keeps nothing)."""
        value = self.get(key)
        if value is None:
            value = make()
            self.put(key, value)
        return value


class ItemKeys:
    """The content hash of each deck and poster of one build, worked out once: a large deck's
    representation takes a millisecond, and every product and check of it needs its key."""

    def __init__(self) -> None:
        self._keys: dict[int, str] = {}
        self._items: list[object] = []  # held, so that no other object gets the same id

    def of(self, item: object) -> str:
        key = self._keys.get(id(item))
        if key is None:
            key = self._keys[id(item)] = fingerprint(item)
            self._items.append(item)
        return key
