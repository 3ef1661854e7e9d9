"""Safe YAML reading with line numbers, duplicate-key detection and size limits."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from generator.errors import Location, fail

MAX_FILE_BYTES = 2_000_000  # a deck is a few kB; anything this large is a mistake
MAX_NODES = 200_000  # bounds alias expansion ("billion laughs") and deep nesting
MAX_DEPTH = 40

_CORE = "tag:yaml.org,2002:"
# The tags of plain content, by kind of node; any other (!!python/…, !!binary, !!set, a local
# !tag, !!map on a list) is refused: safe loading alone would build some, or ignore them.
ALLOWED_TAGS = {
    yaml.ScalarNode: {_CORE + name for name in ("str", "int", "float", "bool", "null")},
    yaml.MappingNode: {_CORE + "map"},
    yaml.SequenceNode: {_CORE + "seq"},
}
# Plain scalars PyYAML resolves to tags it has no constructor for (`=`, `<<` as a value, a lone
# `!`, `&` or `*`): text, as the editor meant it.
_TEXT_TAGS = {_CORE + name for name in ("value", "merge", "yaml")}


class Mapping(dict):
    """A YAML mapping that remembers where it and each of its keys stand."""

    line: int = 0
    key_lines: dict[str, int]


class Sequence(list):
    """A YAML sequence that remembers where each of its items stands."""

    line: int = 0
    item_lines: list[int]


class _LineLoader(yaml.CSafeLoader):
    """SafeLoader that records lines, rejects duplicate keys and other tags than plain
    content's, and counts nodes (merged `<<` entries included)."""

    def __init__(self, stream: str, path: Path) -> None:
        super().__init__(stream)
        self.path = path
        self.nodes_built = 0

    def _count(self, node: yaml.Node, depth: int) -> None:
        self.nodes_built += 1
        if self.nodes_built > MAX_NODES:
            raise fail(
                Location(self.path, node.start_mark.line + 1),
                f"the file expands to more than {MAX_NODES:,} values",
                "remove repeated aliases (*name); a deck needs far fewer values",
            )
        if depth > MAX_DEPTH:
            raise fail(
                Location(self.path, node.start_mark.line + 1),
                f"the content is nested more than {MAX_DEPTH} levels deep",
                "sub-questions go one level deep; check the indentation",
            )

    def _check_tag(self, node: yaml.Node) -> None:
        if isinstance(node, yaml.ScalarNode) and node.tag in _TEXT_TAGS:
            node.tag = _CORE + "str"
        if node.tag not in ALLOWED_TAGS[type(node)]:
            tag = node.tag.replace(_CORE, "!!")
            raise fail(
                Location(self.path, node.start_mark.line + 1),
                f"the tag '{tag}' is not allowed",
                "remove it: content is text, lists and keys only "
                "(a text that starts with '!' needs quotes)",
            )

    def flatten_mapping(self, node: yaml.MappingNode) -> None:
        """Merge `<<: *name` entries into the mapping, as SafeLoader does, but count every
        merged entry: merges of merges double at each level (a "billion laughs" by `<<`)."""
        merges = [value for key, value in node.value if key.tag == _CORE + "merge"]
        if not merges:
            return
        # Without its merge keys first, so that a mapping merging itself ends.
        node.value = [(key, value) for key, value in node.value if key.tag != _CORE + "merge"]
        merged: list[tuple[yaml.Node, yaml.Node]] = []
        for value in merges:
            sources = value.value if isinstance(value, yaml.SequenceNode) else [value]
            for source in reversed(sources):  # SafeLoader's order: the last source first
                if not isinstance(source, yaml.MappingNode):
                    raise fail(
                        Location(self.path, source.start_mark.line + 1),
                        "'<<' merges only groups of keys (mappings)",
                        "write '<<: *name' where &name marks a group of keys",
                    )
                self.flatten_mapping(source)
                for _ in source.value:
                    self._count(source, 0)
                merged.extend(source.value)
        node.value = merged + node.value

    def construct_document(self, node: yaml.Node) -> Any:
        return self._build(node, 0)

    def _build(self, node: yaml.Node, depth: int) -> Any:
        self._count(node, depth)
        self._check_tag(node)
        line = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            self.flatten_mapping(node)
            result = Mapping()
            result.line, result.key_lines = line, {}
            for key_node, value_node in node.value:
                self._check_tag(key_node)
                key = self.construct_object(key_node)
                key_line = key_node.start_mark.line + 1
                if not isinstance(key, str):
                    raise fail(
                        Location(self.path, key_line),
                        f"the key {key!r} is not a name",
                        "keys are words such as 'text' or 'id'",
                    )
                if key in result:
                    raise fail(
                        Location(self.path, key_line),
                        f"the key '{key}' appears twice (first on line {result.key_lines[key]})",
                        "keep one of the two; YAML would silently drop the first",
                    )
                result[key] = self._build(value_node, depth + 1)
                result.key_lines[key] = key_line
            return result
        if isinstance(node, yaml.SequenceNode):
            result_list = Sequence()
            result_list.line = line
            result_list.item_lines = []
            for item in node.value:
                result_list.append(self._build(item, depth + 1))
                result_list.item_lines.append(item.start_mark.line + 1)
            return result_list
        return self.construct_object(node)


# Dates stay text ("2026-11-23"), so the schema decides what a valid date is.
_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read_yaml(path: Path) -> Any:
    """Parse one YAML file; every problem becomes a UserError naming the file and line."""
    if not path.is_file():
        raise fail(Location(path), "the file does not exist", "check the name and the folder")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise fail(
            Location(path),
            f"the file is {size / 1e6:.1f} MB; the limit is {MAX_FILE_BYTES / 1e6:.0f} MB",
            "a deck is a few kB of text: is this the right file?",
        )
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise fail(
            Location(path, raw.count(b"\n", 0, error.start) + 1),
            f"the file is not UTF-8 text (byte {raw[error.start]:#04x} cannot be read)",
            "save it as UTF-8 in your editor",
        ) from None
    if not text.strip():
        raise fail(
            Location(path), "the file is empty", "write the deck's keys into it, or delete it"
        )
    loader = _LineLoader(text, path)
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        raise _yaml_problem(error, path, text) from None
    except yaml.YAMLError as error:
        raise fail(Location(path), f"invalid YAML: {error}") from None
    except RecursionError:
        raise fail(
            Location(path),
            "the content is nested too deeply to read",
            "sub-questions go one level deep; check the brackets and indentation",
        ) from None
    finally:
        loader.dispose()


def _yaml_problem(error: yaml.MarkedYAMLError, path: Path, text: str) -> Exception:
    """A parser error as a message on the line where the trouble starts."""
    problem = error.problem or "the YAML cannot be read"
    mark = error.problem_mark or error.context_mark
    # At the end of the file (an unclosed quote or bracket) the useful place is where it opened.
    if error.context_mark and (mark is None or mark.index >= len(text.rstrip())):
        mark = error.context_mark
    if error.context and error.context_mark and error.context_mark is not mark:
        problem += f" ({error.context} on line {error.context_mark.line + 1})"
    elif error.context and mark is error.context_mark:
        problem += f" ({error.context})"
    line = mark.line + 1 if mark else 0
    opened = _unclosed_quote(text, line)
    if opened:
        return fail(
            Location(path, opened),
            f'invalid YAML: the " opened on this line is not closed '
            f"(the file breaks on line {line})",
            'close the quote at the end of the text: text: "…"',
        )
    return fail(
        Location(path, line),
        f"invalid YAML: {problem}",
        "check the indentation and quoting on this line and the one above; "
        "text containing ': ' or starting with '*', '&', '[' or '{' needs quotes",
    )


def _unclosed_quote(text: str, up_to: int) -> int:
    """The first line before up_to whose value opens a double quote it does not close."""
    for number, row in enumerate(text.splitlines()[:up_to], start=1):
        value = row.split(": ", 1)[1] if ": " in row else row.lstrip("- ")
        if value.lstrip().startswith("#"):
            continue
        if value.lstrip().startswith('"') and value.replace('\\"', "").count('"') % 2:
            return number
    return 0
