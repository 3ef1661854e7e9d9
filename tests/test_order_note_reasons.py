"""The order note says a reason every card shares once, above the cards, not on each card
(mypy found the comparison of a reason with its text that repeated it on every line)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from generator.core.i18n import N_
from generator.revise.changes import CardChange, ProductChanges, Reason
from generator.revise.order_note import why_lines

SHARED = Reason(N_("it was card {number}"), 9)  # any reason, the same on every card
OWN = Reason(N_("a new card"))


def changes(*cards: CardChange) -> ProductChanges:
    product: Any = SimpleNamespace(kind="deck")
    return ProductChanges(product, since="the last build", count=3, cards=list(cards))


def test_a_reason_every_card_has_is_said_once() -> None:
    lines = why_lines(
        changes(CardChange(1, "a", "A", (SHARED, OWN)), CardChange(2, "b", "B", (SHARED,)))
    )
    assert [line for line in lines if str(SHARED) in line] == [lines[0]]
    assert lines[0].startswith("every card")
    assert lines[1:] == ["card 1 (A): a new card"]  # card 2 has nothing of its own


def test_one_card_keeps_its_reasons() -> None:
    lines = why_lines(changes(CardChange(1, "a", "A", (SHARED, OWN))))
    assert lines == [f"card 1 (A): {SHARED}; {OWN}"]
