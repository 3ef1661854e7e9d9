"""Safe YAML reading with line numbers, duplicate-key detection and size limits."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from generator.core.errors import Location, fail
from generator.core.i18n import _, number
from generator.load.yaml_errors import plain_error, reader_error

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


class _Parser(yaml.CSafeLoader):
    """libyaml's parser and PyYAML's safe resolver; dates stay text ("2026-11-23"), so the
    schema decides what a valid date is."""


_Parser.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != _CORE + "timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_SCALARS = {tag: yaml.SafeLoader.yaml_constructors[tag] for tag in ALLOWED_TAGS[yaml.ScalarNode]}
_STARTS = {yaml.MappingStartEvent: yaml.MappingNode, yaml.SequenceStartEvent: yaml.SequenceNode}
_ENDS = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
# libyaml's events and marks are C objects (yaml._yaml) that PyYAML's stubs describe only as
# the pure-Python classes they imitate, with optional marks libyaml always sets: typed as Any.
Event = Any
Events = Iterator[Event]


class _DocumentBuilder:
    """Builds the document straight from libyaml's events: no node graph is held, so a large
    file costs a third of the memory and half the time. Records lines, rejects duplicate keys
    and other tags than plain content's, and counts values: an alias (*name) is built again
    from its anchor's events each time, merged `<<` entries included, so a "billion laughs"
    stops at MAX_NODES."""

    def __init__(self, text: str, path: Path) -> None:
        self.parser, self.path = _Parser(text), path
        self.values_built = 0
        self.anchors: dict[str, list[Any]] = {}  # each anchor's events, by name
        self.recording: list[list[Any]] = []  # the events of anchors still open
        self.replaying = 0  # > 0 while an alias is built from its anchor's events

    def document(self) -> Any:
        """The file's single document (None if it has none)."""
        events = self._live()
        next(events)  # StreamStart
        start = next(events)
        if isinstance(start, yaml.StreamEndEvent):
            return None
        result = self._value(next(events), events, 0)
        next(events)  # DocumentEnd
        event = next(events)
        if not isinstance(event, yaml.StreamEndEvent):
            raise fail(
                Location(self.path, _line(event)),
                _("a second document starts here (after '---')"),
                _("a content file holds one document: remove the '---' line, or move what "
                  "follows into a file of its own"),
            )  # fmt: skip
        return result

    def dispose(self) -> None:
        self.parser.dispose()

    def _live(self) -> Events:
        """The parser's events, each also kept by every anchor open around it; an alias is kept
        bound to the anchor it names now, as YAML binds it."""
        while True:
            event = self.parser.get_event()
            if self.recording:
                kept: Event = event
                if isinstance(event, yaml.AliasEvent):
                    kept = _bound(event, self.anchors)
                for events in self.recording:
                    events.append(kept)
            yield event

    def _value(self, event: Event, events: Events, depth: int) -> Any:
        """The value that starts with `event`; `events` gives the rest of it."""
        if isinstance(event, _ALIASES):
            return self._alias(event, depth)
        if event.anchor is None or self.replaying:
            return self._build(event, events, depth)
        self._refuse_duplicate_anchor(event)
        recorded = [event]
        if not isinstance(event, yaml.ScalarEvent):
            self.recording.append(recorded)
        try:
            value = self._build(event, events, depth)
        finally:
            if self.recording and self.recording[-1] is recorded:
                self.recording.pop()
        self.anchors[event.anchor] = recorded
        return value

    def _refuse_duplicate_anchor(self, event: Event) -> None:
        """PyYAML's rule: an anchor name is given once."""
        earlier = self.anchors.get(event.anchor) or next(
            (r for r in self.recording if r[0].anchor == event.anchor), None
        )
        if earlier:
            raise fail(
                Location(self.path, _line(event)),
                _("the anchor '&{name}' is also set on line {line}").format(
                    name=event.anchor, line=_line(earlier[0])
                ),
                _("give each anchor its own name; a text that starts with '&' goes between "
                  "quotation marks"),
            )  # fmt: skip

    def _alias(self, event: Event, depth: int) -> Any:
        """The anchor's value, built again from its events."""
        replay = iter(self._anchored(event))
        self.replaying += 1
        try:
            return self._build(next(replay), replay, depth)
        finally:
            self.replaying -= 1

    def _anchored(self, event: Event) -> list[Any]:
        """The events of the anchor an alias names."""
        events = event.events if isinstance(event, _BoundAlias) else self.anchors.get(event.anchor)
        if events is None:
            if any(r[0].anchor == event.anchor for r in self.recording):  # inside itself
                self._count(event, MAX_DEPTH + 1)
            raise fail(
                Location(self.path, _line(event)),
                _("'*{name}' refers to an anchor '&{name}' that is not there").format(
                    name=event.anchor
                ),
                _("a text that starts with '*' goes between quotation marks"),
            )
        return events

    def _count(self, event: Event, depth: int) -> None:
        self.values_built += 1
        if self.values_built > MAX_NODES:
            raise fail(
                Location(self.path, _line(event)),
                _("the file expands to more than {count:,} values").format(count=MAX_NODES),
                _("remove repeated aliases (*name); a deck needs far fewer values"),
            )
        if depth > MAX_DEPTH:
            raise fail(
                Location(self.path, _line(event)),
                _("the content is nested more than {count} levels deep").format(count=MAX_DEPTH),
                _("sub-questions go one level deep; check the indentation"),
            )

    def _tag(self, event: Event) -> str:
        """The event's tag, resolved as PyYAML's composer would, or an error if not allowed."""
        kind = _STARTS.get(type(event), yaml.ScalarNode)
        tag = event.tag
        if tag is None or tag == "!":
            value = event.value if kind is yaml.ScalarNode else None
            tag = self.parser.resolve(kind, value, event.implicit)
        if kind is yaml.ScalarNode and tag in _TEXT_TAGS:
            tag = _CORE + "str"
        if tag not in ALLOWED_TAGS[kind]:
            raise fail(
                Location(self.path, _line(event)),
                _("the tag '{tag}' is not allowed").format(tag=tag.replace(_CORE, "!!")),
                _(
                    "remove it: content is text, lists and keys only (a text that starts with '!' "
                    "goes between quotation marks)"
                ),
            )
        return tag

    def _build(self, event: Event, events: Events, depth: int) -> Any:
        self._count(event, depth)
        tag = self._tag(event)
        if isinstance(event, yaml.ScalarEvent):
            if tag == _CORE + "str":
                return event.value
            node = yaml.ScalarNode(tag, event.value, *_marks(event))
            try:
                return _SCALARS[tag](self.parser, node)
            except (ValueError, KeyError):  # an explicit tag on a value it does not fit
                short = tag.replace(_CORE, "!!")
                raise fail(
                    Location(self.path, _line(event)),
                    _("'{value}' is not a valid {tag} value").format(value=event.value, tag=short),
                    _("remove the tag {tag}, or correct the value").format(tag=short),
                ) from None
        if isinstance(event, yaml.SequenceStartEvent):
            items = Sequence()
            items.line, items.item_lines = _line(event), []
            for item in iter(events.__next__, None):
                if isinstance(item, _ENDS):
                    return items
                first = self._anchored(item)[0] if isinstance(item, _ALIASES) else item
                items.item_lines.append(_line(first))  # an alias: its anchor's
                items.append(self._value(item, events, depth + 1))
        return self._mapping(event, events, depth)

    def _mapping(self, event: Event, events: Events, depth: int) -> Mapping:
        """A mapping, with the entries `<<: *name` merges in: YAML's merge keys, as SafeLoader
        reads them. A key written twice in the mapping itself is an error."""
        merged: list[tuple[str, int, Any]] = []
        own: list[tuple[str, int, Any]] = []
        for key_event in iter(events.__next__, None):
            if isinstance(key_event, _ENDS):
                break
            line = _line(key_event)
            key = self._key(key_event, events)
            value_event = next(events)
            if key is _MERGE:
                merged += self._merged(value_event, events, depth)
            elif isinstance(key, str):  # _key refuses any other
                own.append((key, line, self._value(value_event, events, depth + 1)))
        result = Mapping()
        result.line, result.key_lines = _line(event), {}
        for key, line, value in merged:  # an earlier source wins, as in SafeLoader
            result[key], result.key_lines[key] = value, line
        written: set[str] = set()
        for key, line, value in own:  # and the mapping's own keys win over merged ones
            if key in written:
                raise fail(
                    Location(self.path, line),
                    _("the key '{key}' appears twice (first on line {line})").format(
                        key=key, line=result.key_lines[key]
                    ),
                    _("keep one of the two; YAML would silently drop the first"),
                )
            written.add(key)
            result[key], result.key_lines[key] = value, line
        return result

    def _key(self, event: Event, events: Events) -> str | object:
        """A key's text, or _MERGE for `<<`; any other key is an error."""
        if isinstance(event, _ALIASES):
            event = self._anchored(event)[0]
        if isinstance(event, yaml.ScalarEvent):
            if (
                event.value == "<<"
                and event.tag is None
                and self.parser.resolve(yaml.ScalarNode, event.value, event.implicit)
                == _CORE + "merge"
            ):
                return _MERGE
            key = self._build(event, events, 0)
            shown = repr(key)
        else:
            key, shown = None, "[…]" if isinstance(event, yaml.SequenceStartEvent) else "{…}"
        if not isinstance(key, str):
            raise fail(
                Location(self.path, _line(event)),
                _("the key {key} is not a name").format(key=shown),
                _("keys are words such as 'text' or 'id'"),
            )
        return key

    def _merged(self, event: Event, events: Events, depth: int) -> list[tuple]:
        """The entries a `<<` brings in: of one mapping, or of a list of them (the last first).
        They stand in the mapping itself: no deeper."""
        value = self._value(event, events, depth)
        sources = value if isinstance(value, Sequence) else [value]
        entries = []
        for source in reversed(sources):
            if not isinstance(source, Mapping):
                raise fail(
                    Location(self.path, getattr(source, "line", _line(event))),
                    _("'<<' merges only groups of keys (mappings)"),
                    _("write '<<: *name' where &name marks a group of keys"),
                )
            for key, item in source.items():
                self._count(event, 0)
                entries.append((key, source.key_lines[key], item))
        return entries


_MERGE = object()  # the `<<` key


class _BoundAlias(NamedTuple):
    """An alias inside an anchor's events, with the events of the anchor it named then."""

    anchor: str
    start_mark: Any  # libyaml's mark
    events: list[Any] | None


def _bound(alias: Event, anchors: dict[str, list[Any]]) -> _BoundAlias:
    """The alias bound to the events its anchor names now."""
    return _BoundAlias(alias.anchor, alias.start_mark, anchors.get(alias.anchor))


def _line(event: Event) -> int:
    """The line an event starts on, from 1 (libyaml marks every event)."""
    return int(event.start_mark.line) + 1


def _marks(event: Event) -> tuple[Any, Any]:
    return event.start_mark, event.end_mark


_ALIASES = (yaml.AliasEvent, _BoundAlias)


def read_yaml(path: Path) -> Any:
    """Parse one YAML file; every problem becomes a UserError naming the file and line."""
    if not path.is_file():
        raise fail(Location(path), _("the file does not exist"),
                   _("check the name and the folder"))  # fmt: skip
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise fail(
            Location(path),
            _("the file is {size} MB; the limit is {limit} MB").format(
                size=number(size / 1e6, 1), limit=number(MAX_FILE_BYTES / 1e6, 0)
            ),
            _("a deck is a few kB of text: is this the right file?"),
        )
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise fail(
            Location(path, raw.count(b"\n", 0, error.start) + 1),
            _("the file is not UTF-8 text (byte {byte:#04x} cannot be read)").format(
                byte=raw[error.start]
            ),
            _("save it as UTF-8 in your editor"),
        ) from None
    if not text.strip():
        raise fail(
            Location(path), _("the file is empty"), _("write the deck's keys into it, or delete it")
        )
    builder = _DocumentBuilder(text, path)
    try:
        return builder.document()
    except yaml.MarkedYAMLError as error:
        raise plain_error(error, path, text) from None
    except yaml.reader.ReaderError as error:
        raise reader_error(error, path, text) from None
    except RecursionError:
        raise fail(
            Location(path),
            _("the content is nested too deeply to read"),
            _("sub-questions go one level deep; check the brackets and indentation"),
        ) from None
    finally:
        builder.dispose()
