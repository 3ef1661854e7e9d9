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

from generator.core.errors import Location, UserError
from generator.load.yaml_errors import (
    AFTER_QUOTE,
    BLOCK_HEADER,
    COLON,
    DASH,
    ESCAPE,
    GENERAL,
    INDENT,
    KEY_TOO_DEEP,
    LIST_INDENT,
    NO_COLON,
    NO_KEY,
    NO_VALUE,
    PLAIN,
    START,
    TAB,
    UNCLOSED_GROUP,
    UNCLOSED_LIST,
    UNCLOSED_QUOTE,
    Plain,
)
from generator.load.yaml_file import Mapping, Sequence, read_yaml
from tests.messages import said
from tests.projects import CARDS, LAYOUTS


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
    "second document": ("a: 1\n---\nb: 2\n", 2, "a second document starts here (after '---')", {}),
    "undefined alias": ("a: 1\nb: *nergens\n", 2,
                        "'*{name}' refers to an anchor '&{name}' that is not there",
                        {"name": "nergens"}),
    "anchor named twice": ("a: &x 1\nb: &y [&x 2, *x]\n", 2,  # as PyYAML
                           "the anchor '&{name}' is also set on line {line}",
                           {"name": "x", "line": 1}),
    "tag that does not fit": ("a: 1\nb: !!int twaalf\n", 2,
                              "'{value}' is not a valid {tag} value",
                              {"value": "twaalf", "tag": "!!int"}),
    "no such yes/no": ("a: 1\nb: !!bool misschien\n", 2, "'{value}' is not a valid {tag} value",
                       {"value": "misschien", "tag": "!!bool"}),
}  # fmt: skip


@pytest.mark.parametrize(("text", "line", "message", "values"), MISTAKES.values(),
                         ids=MISTAKES.keys())  # fmt: skip
def test_a_composing_mistake_is_an_error_on_its_line(
    text: str, line: int, message: str, values: dict, tmp_path: Path, lang: str
) -> None:
    path = tmp_path / "file.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UserError) as raised:
        read_yaml(path)
    [problem] = raised.value.problems
    assert problem.location == Location(path, line)
    assert problem.message == said(message, **values)


# libyaml's errors, each caused once: (file, line, column) and the plain message of the table.
LIBYAML = {
    "found character that cannot start any token": ("a: @thuis\n", 1, 4, START),
    "found a tab character that violates indentation": ("a:\n  - id: x\n\t text: y\n", 3, 1, TAB),
    "found a tab character where an indentation space is expected": ("a: |\n\tb\n", 2, 1, TAB),
    "mapping values are not allowed in this context": (
        "a:\n  text: Denk aan: wonen\n", 2, 17, COLON),
    "mapping keys are not allowed in this context": ("a: ? x\n", 1, 4, START),
    "block sequence entries are not allowed in this context": ("a: - b\n", 1, 4, DASH),
    "could not find expected ':'": ("a:\n  text: dit is\n  meer\n  b: 1\n", 3, 3, NO_KEY),
    "did not find expected key": ("a:\n  b: 1\n c: 2\n", 3, 2, INDENT),
    "did not find expected '-' indicator": ("x:\n  - id: a\n    text: b\n   c: d\n", 4, 4,
                                            LIST_INDENT),
    "did not find expected node content": ("a: ]\n", 1, 4, NO_VALUE),
    "did not find expected ',' or ']'": ("a: [1, 2\nb: 1\n", 1, 4, UNCLOSED_LIST),
    "did not find expected ',' or '}'": ("a: {x: 1\nb: 1\n", 1, 4, UNCLOSED_GROUP),
    "found unexpected end of stream": ("a: 'abc\nb: 1\n", 1, 4, UNCLOSED_QUOTE),
    "found unknown escape character": ('a: "abc \\q"\n', 1, 9, ESCAPE),
    "did not find expected alphabetic or numeric character": ("a: & x\n", 1, 4, START),
    "found undefined tag handle": ("a: !e!x y\n", 1, 4, START),
    "did not find expected comment or line break": ("a: |x\n  b\n", 1, 5, BLOCK_HEADER),
}  # fmt: skip
# What tells some apart: a tab where a token should start, a key indented too deep, a text that
# goes on after its closing quotation mark, a bracket left open at the end of the file; and an
# error the table does not know.
TOLD_APART = {
    "tab as indentation": ("a:\n\tb: 1\n", 2, 1, TAB),
    "key indented under a text": ("a:\n  - x\n    y: 1\n", 3, 6, KEY_TOO_DEEP),
    "text after its quotes": ('a: "abc" def\n', 1, 10, AFTER_QUOTE),
    "a list left open at the end": ("deck: [\n", 1, 7, UNCLOSED_LIST),
    "an error the table does not know": ("a: 1\n...\nb\n", 3, 1, GENERAL),
}  # fmt: skip


def test_every_plain_message_is_caused_once() -> None:
    assert set(LIBYAML) == set(PLAIN)


@pytest.mark.parametrize(("text", "line", "column", "plain"),
                         [*LIBYAML.values(), *TOLD_APART.values()],
                         ids=[*LIBYAML, *TOLD_APART])  # fmt: skip
def test_libyamls_errors_in_plain_words(
    text: str, line: int, column: int, plain: Plain, tmp_path: Path, lang: str
) -> None:
    """Each says what is wrong in the editor's words, where (line and column) and what to
    do; libyaml's own words only for an error the table does not know."""
    path = tmp_path / "file.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(yaml.YAMLError):
        yaml.load(text, Loader=yaml.CSafeLoader)  # libyaml itself refuses it
    with pytest.raises(UserError) as raised:
        read_yaml(path)
    [problem] = raised.value.problems
    assert problem.location == Location(path, line, column)
    values = {"char": text.splitlines()[line - 1][column - 1],
              "words": "did not find expected <document start>"}  # fmt: skip
    assert (problem.message, problem.hint) == (said(plain.message, **values),
                                               said(plain.fix, **values))  # fmt: skip
    if plain is not GENERAL:
        assert [words for words in PLAIN if words in problem.message] == []


# A key without its colon, inside a mapping: before another key (libyaml then stumbles on the
# next line, reading the culprit as a text that goes on), last of its mapping, and first.
NO_COLONS = {
    "before another key": ("      text:\n        nl Wat is er nodig?\n        en: What?\n", 2),
    "last of its mapping": ("      text:\n        en: What?\n        nl Wat is er nodig?\n", 3),
    "before a card": ("      text:\n        en: What?\n        nl Wat is er nodig?\n    - id: b\n",
                      3),
}  # fmt: skip


@pytest.mark.parametrize(("body", "line"), NO_COLONS.values(), ids=NO_COLONS)
def test_a_key_without_its_colon_is_named_on_its_own_line(
    body: str, line: int, tmp_path: Path, lang: str
) -> None:
    path = tmp_path / "file.yaml"
    path.write_text("deck:\n  cards:\n    - id: a\n" + body, encoding="utf-8")
    with pytest.raises(UserError) as raised:
        read_yaml(path)
    [problem] = raised.value.problems
    assert problem.location == Location(path, line + 3, 9)
    assert problem.message == said(NO_COLON.message, line="nl Wat is er nodig?")
    assert problem.hint == said(NO_COLON.fix, fixed="nl: Wat is er nodig?")


def test_a_control_character_is_named_with_its_code(tmp_path: Path, lang: str) -> None:
    path = tmp_path / "file.yaml"
    path.write_text("a: b\x07c\n", encoding="utf-8")
    with pytest.raises(UserError) as raised:
        read_yaml(path)
    [problem] = raised.value.problems
    assert problem.location == Location(path, 1, 5)
    assert problem.message == said(
        "the file holds an invisible control character (U+{code:04X})", code=7
    )


def test_a_file_of_comments_only_is_no_document(tmp_path: Path) -> None:
    path = tmp_path / "comments.yaml"
    path.write_text("# nog leeg\n", encoding="utf-8")
    assert read_yaml(path) is None
