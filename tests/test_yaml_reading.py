"""The YAML reader builds what PyYAML's safe loader builds, with the lines its nodes carry.

The reader works from libyaml's events (no node graph); PyYAML's composer is the reference:
values, and the line of every mapping, key and list item.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.errors import UserError
from generator.load.yaml_file import Mapping, Sequence, read_yaml
from tests.conftest import CARDS, LAYOUTS


class _Reference(yaml.SafeLoader):
    """PyYAML's safe loader with dates as text, as the reader keeps them."""


_Reference.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if not tag.endswith("timestamp")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def reference_lines(node: yaml.Node, where: tuple = ()) -> dict[tuple, int]:
    """The line of every place in the document, from PyYAML's node graph."""
    lines = {where: node.start_mark.line + 1}
    if isinstance(node, yaml.MappingNode):
        _Reference("").flatten_mapping(node)
        for key, value in node.value:
            lines.update(reference_lines(value, (*where, key.value)))
            lines[(*where, key.value, "key")] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines.update(reference_lines(item, (*where, index)))
    return lines


def read_lines(value: Any, where: tuple = ()) -> dict[tuple, int]:
    """The same places' lines, as the reader recorded them."""
    lines = {}
    if isinstance(value, Mapping):
        lines[where] = value.line
        for key, item in value.items():
            lines.update(read_lines(item, (*where, key)))
            lines[(*where, key, "key")] = value.key_lines[key]
    elif isinstance(value, Sequence):
        lines[where] = value.line
        for index, item in enumerate(value):
            lines.update(read_lines(item, (*where, index)))
            lines[(*where, index)] = value.item_lines[index]
    return lines


def assert_read_as_pyyaml(text: str, tmp_path: Path) -> None:
    path = tmp_path / "file.yaml"
    path.write_text(text, encoding="utf-8")
    read = read_yaml(path)
    assert read == yaml.load(text, Loader=_Reference)
    reference = reference_lines(yaml.compose(text, Loader=_Reference))
    for place, line in read_lines(read).items():
        assert reference[place] == line, place


SHIPPED = [*CARDS.glob("*.yaml"), *CARDS.glob("editions/*.yaml"), *LAYOUTS.glob("*/*.yaml")]


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: path.name)
def test_every_shipped_file_reads_as_pyyaml_reads_it(path: Path, tmp_path: Path) -> None:
    assert_read_as_pyyaml(path.read_text(encoding="utf-8"), tmp_path)


ANCHORS = {
    "alias": "a: &x [1, 2]\nb: *x\n",
    "scalar alias": "a: &s tekst\nb: *s\nc: [*s, *s]\n",
    "merge": "base: &b {a: '1', b: '2'}\nuse:\n  <<: *b\n  c: '3'\n",
    "merge list": "p: &p {a: 1, b: 1}\nq: &q {b: 2, c: 2}\nuse: {<<: [*p, *q], d: 4}\n",
    "own key wins": "p: &p {a: 1}\nuse: {a: 2, <<: *p}\n",
    "nested anchors": "a: &o {i: &i [1, {j: 2}], k: *i}\nb: *o\nc: *i\n",
    "dates stay text": "date: 2026-11-23\nversion: 1.0\nn: 0x1f\nanswer: no\nnothing: ~\n",
    "merge of merges": "a: &a {x: 1}\nb: &b {<<: *a, y: 2}\nc: {<<: *b, z: 3}\n",
}


@pytest.mark.parametrize("text", ANCHORS.values(), ids=ANCHORS.keys())
def test_anchors_aliases_and_merges_read_as_pyyaml_reads_them(text: str, tmp_path: Path) -> None:
    assert_read_as_pyyaml(text, tmp_path)


texts = st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=20)
values = st.recursive(
    st.none() | st.booleans() | st.integers() | texts,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(texts, inner, max_size=4),
    max_leaves=25,
)


@settings(max_examples=120, deadline=None, derandomize=True)
@given(value=values, flow=st.booleans())
def test_any_document_reads_as_pyyaml_reads_it(value: Any, flow: bool, tmp_path_factory) -> None:
    text = yaml.safe_dump(
        {"root": value}, allow_unicode=True, default_flow_style=flow, sort_keys=False
    )
    assert_read_as_pyyaml(text, tmp_path_factory.mktemp("yaml"))


MISTAKES = {
    "second document": ("a: 1\n---\nb: 2\n", 2, "another document"),
    "undefined alias": ("a: 1\nb: *nergens\n", 2, "nergens"),
    "anchor named twice": ("a: &x 1\nb: &y [&x 2, *x]\n", 2, "duplicate anchor"),  # as PyYAML
    "tag that does not fit": ("a: 1\nb: !!int twaalf\n", 2, "'twaalf' is not a valid !!int"),
    "no such yes/no": ("a: 1\nb: !!bool misschien\n", 2, "not a valid !!bool"),
}


@pytest.mark.parametrize(("text", "line", "said"), MISTAKES.values(), ids=MISTAKES.keys())
def test_a_composing_mistake_is_an_error_on_its_line(
    text: str, line: int, said: str, tmp_path: Path
) -> None:
    path = tmp_path / "file.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UserError) as raised:
        read_yaml(path)
    assert f"file.yaml:{line}:" in str(raised.value) and said in str(raised.value)


def test_a_file_of_comments_only_is_no_document(tmp_path: Path) -> None:
    path = tmp_path / "comments.yaml"
    path.write_text("# nog leeg\n", encoding="utf-8")
    assert read_yaml(path) is None
