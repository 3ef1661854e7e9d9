"""The quick schema check (jsonschema-rs) agrees with the reference (jsonschema), which explains.

A document the reference finds a problem in must never pass the quick check, or the problem
would go unreported. Each shipped file is broken at many places in many ways and both judge it.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.load.yaml_file import read_yaml
from generator.validate.localize import localize
from generator.validate.schema_check import is_valid_quickly, load_schema, reference_validator
from tests.conftest import CARDS, LAYOUTS

FILES = [
    *((path, "poster" if path.stem == "continuum" else "deck") for path in CARDS.glob("*.yaml")),
    *((path, "edition") for path in (CARDS / "editions").glob("*.yaml")),
    *((path, "layout") for path in LAYOUTS.glob("*/layout.yaml")),
    (LAYOUTS / "html" / "page.yaml", "html-page"),
    (LAYOUTS / "checklist-form" / "form.yaml", "checklist-form"),
]
# What an editor might type instead of a value: each is wrong somewhere in every schema.
WRONG_VALUES = [None, 7, 2.5, True, "", "x\n", "../x", "a" * 5000, [], {"nl": "x"}, {"x": 1}]
PLACES_PER_FILE = 25  # spread over the file; keeps the run short


def places(node: Any, where: tuple = ()) -> Iterator[tuple]:
    """Every place in the document: key paths to mappings, lists and values."""
    yield where
    if isinstance(node, dict):
        for key, value in node.items():
            yield from places(value, (*where, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from places(value, (*where, index))


def replaced(document: Any, where: tuple, value: Any) -> Any:
    broken = copy.deepcopy(document)
    node = broken
    for step in where[:-1]:
        node = node[step]
    node[where[-1]] = value
    return broken


def variants(document: Any) -> Iterator[Any]:
    """The document with one place changed: a wrong value, an unknown key, a key removed."""
    every = max(1, len(list(places(document))) // PLACES_PER_FILE)
    for number, where in enumerate(places(document)):
        if not where or number % every:
            continue
        for value in WRONG_VALUES:
            yield replaced(document, where, value)
        parent = replaced(document, where, None)
        node = parent
        for step in where[:-1]:
            node = node[step]
        if isinstance(node, dict):
            del node[where[-1]]
            yield parent
            yield replaced(document, (*where[:-1], "onbekende_sleutel"), "x")


@pytest.mark.parametrize(("path", "schema"), FILES, ids=lambda item: getattr(item, "name", item))
def test_quick_check_agrees_with_the_reference(path: Path, schema: str) -> None:
    document = read_yaml(path)
    reference = reference_validator(load_schema(schema))
    assert is_valid_quickly(document, schema) and not list(reference.iter_errors(document))
    judged = 0
    for variant in variants(document):
        invalid = bool(list(reference.iter_errors(variant)))
        assert is_valid_quickly(variant, schema) is not invalid, variant
        judged += 1
    assert judged > 100


def test_a_key_that_is_not_text_is_left_to_the_reference() -> None:
    document = read_yaml(CARDS / "voor-wie-doen-we-wat.yaml")
    document["deck"][1] = "x"
    assert not is_valid_quickly(document, "deck")
    assert list(reference_validator(load_schema("deck")).iter_errors(document))


def test_a_translated_version_is_checked_quickly_and_alike() -> None:
    """The English version's texts are a str subclass (marking them translated), which
    jsonschema-rs cannot take as they are: they are given to it as plain text."""
    path = CARDS / "voor-wie-doen-we-wat.yaml"
    english, missing = localize(read_yaml(path), "en", ["nl", "en"], path)
    assert not missing
    assert any(type(text) is not str for text in places_values(english))
    reference = reference_validator(load_schema("deck"))
    assert is_valid_quickly(english, "deck")
    for variant in list(variants(english))[:150]:
        invalid = bool(list(reference.iter_errors(variant)))
        assert is_valid_quickly(variant, "deck") is not invalid, variant


def places_values(node: Any) -> Iterator[Any]:
    if isinstance(node, dict):
        for value in node.values():
            yield from places_values(value)
    elif isinstance(node, list):
        for value in node:
            yield from places_values(value)
    else:
        yield node
