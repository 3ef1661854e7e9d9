"""JSON Schema validation whose messages name the file, the line, the item and the fix.

One engine, jsonschema-rs: it finds the problems (a 1,000-card deck in about 1.3 ms, where the
Python jsonschema took 400 ms) and its errors carry what the messages need: the keyword's kind,
the place in the document and the place in the schema, `$ref`s resolved.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema_rs
from jsonschema_rs import ValidationError
from jsonschema_rs import ValidationErrorKind as Kind

from generator.errors import Location, Problem, UserError, fail
from generator.load.yaml_file import Mapping, Sequence, read_yaml

# How a list's items are called in messages, by the key that holds the list.
ITEM_NOUNS = {
    "cards": "card",
    "questions": "question",
    "sub": "sub-question",
    "sections": "section",
    "levels": "level",
    "kinds": "kind",
    "flow": "step",
    "intensities": "intensity",
    "forms": "form",
    "examples": "example",
    "items": "item",
    "contacts": "contact",
    "points": "point",
    "steps": "step",
}

TYPE_HINTS = {
    "string": "text that looks like a number, date, yes/no or null needs quotes",
    "boolean": "write true or false",
    "object": "indent the keys that belong here under it",
    "array": "write each item on its own line, starting with '- '",
}

TYPE_NAMES = {
    "string": "a text",
    "number": "a number",
    "integer": "a whole number",
    "boolean": "true or false",
    "object": "a group of keys",
    "array": "a list (lines starting with '- ')",
}


@cache
def load_schema(name: str) -> dict[str, Any]:
    """A schema shipped with the generator, such as 'deck'."""
    text = resources.files("generator.validate.schemas").joinpath(f"{name}.schema.json")
    return json.loads(text.read_text(encoding="utf-8"))


@cache
def schema_validator(schema_name: str) -> jsonschema_rs.Validator:
    """The validator of a shipped schema, made once."""
    return jsonschema_rs.validator_for(load_schema(schema_name))


def read_settings(path: Path, schema_name: str, what: str) -> Any:
    """A settings file of a layout, read and checked against its schema; `what` names it in
    the error when it is missing."""
    if not path.is_file():
        raise fail(Location(path), f"{what} are missing", f"restore {path.name}")
    document = read_yaml(path)
    problems = check_schema(document, schema_name, path)
    if problems:
        raise UserError(problems)
    return document


def check_schema(document: Any, schema_name: str, path: Path) -> list[Problem]:
    """Every schema problem in a parsed YAML document, one Problem each."""
    errors = _schema_errors(schema_validator(schema_name), document)
    if not errors:
        return []
    schema = load_schema(schema_name)
    failures = [_failure(error, document, schema) for error in _leaf_errors(errors)]
    typos = _typo_targets(failures)
    problems: list[Problem] = []
    for failure in failures:
        kind = failure.kind
        if isinstance(kind, Kind.Required) and (failure.where, kind.property) in typos:
            continue  # the unknown key's "did you mean" already says it
        problems.extend(_explain(failure, document, path))
    return problems


def _schema_errors(validator: jsonschema_rs.Validator, document: Any) -> list[ValidationError]:
    """The validator's errors for the document. jsonschema-rs takes plain values only: a
    document with a translation's texts (a str subclass) or a key that is not text is given to
    it as plain text."""
    try:
        return _errors(validator, document)
    except ValueError:
        return _errors(validator, _plain_values(document))


def _errors(validator: jsonschema_rs.Validator, document: Any) -> list[ValidationError]:
    # is_valid first: a valid document (the usual case) is judged 8 % faster than by iter_errors
    return [] if validator.is_valid(document) else list(validator.iter_errors(document))


def _plain_values(value: Any) -> Any:
    """The document with every text and every key a plain str."""
    if isinstance(value, dict):
        return {str(key): _plain_values(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain_values(item) for item in value]
    return str(value) if isinstance(value, str) else value


@dataclass(frozen=True)
class _Failure:
    """One failed keyword: its kind, the place in the document and the value there (the
    document's own: jsonschema-rs's copy reads `.inf` as null), and the schema that holds the
    keyword, with its `properties`, `x-hint` and `description`."""

    kind: Kind
    where: tuple[Any, ...]
    instance: Any
    schema: dict[str, Any]
    message: str

    @property
    def value(self) -> Any:
        """The keyword's value in the schema, as written there (a limit, the options)."""
        return self.schema.get(self.kind.name)


def _failure(error: ValidationError, document: Any, schema: dict[str, Any]) -> _Failure:
    around: Any = schema
    for step in error.schema_path[:-1]:  # the path with each `$ref` resolved
        around = around[step]
    where = tuple(error.instance_path)
    instance = document
    for step in where:
        try:
            instance = instance[step]
        except (KeyError, IndexError, TypeError):  # under a key that was not text
            instance = error.instance
            break
    return _Failure(error.kind, where, instance, around, error.message)


def _typo_targets(failures: list[_Failure]) -> set[tuple[tuple[Any, ...], str]]:
    """(place, key) for every valid key that an unknown key at that place looks like."""
    targets = set()
    for failure in failures:
        if isinstance(failure.kind, Kind.AdditionalProperties):
            known = list(failure.schema.get("properties", {}))
            for key in _unknown_keys(failure.instance, known):
                targets.update(
                    (failure.where, close)
                    for close in difflib.get_close_matches(str(key), known, n=1)
                )
    return targets


def _unknown_keys(instance: Any, known: list[str]) -> list[Any]:
    """The keys of a mapping that the `properties` of its schema do not name."""
    return [key for key in instance if key not in known] if isinstance(instance, dict) else []


def _leaf_errors(errors: list[ValidationError]) -> Iterator[ValidationError]:
    """Replace 'oneOf' failures by the most relevant alternative's errors."""
    for error in errors:
        kind = error.kind
        if isinstance(kind, Kind.OneOfNotValid) and any(kind.context):
            # The alternative of the value's own type says most; if none has that type,
            # the first alternative (the plain form) does.
            depth = len(error.instance_path)
            failed = [found for found in kind.context if found]  # by alternative
            fitting = [
                found for found in failed
                if not any(isinstance(e.kind, Kind.Type) and len(e.instance_path) == depth
                           for e in found)
            ]  # fmt: skip
            yield from _leaf_errors(fitting[0] if fitting else failed[0])
            continue
        yield error


def _explain(failure: _Failure, document: Any, path: Path) -> list[Problem]:
    where = list(failure.where)
    item = describe(document, where)
    location = Location(path, line_of(document, where))
    schema, instance, value = failure.schema, failure.instance, failure.value
    match failure.kind:
        case Kind.AdditionalProperties():
            known = sorted(schema.get("properties", {}))
            return [
                Problem(
                    Location(path, line_of(document, [*where, key])),
                    f"{item}: unknown key '{key}'",
                    _suggest(str(key), known),
                )
                for key in _unknown_keys(instance, known)
            ]
        case Kind.Required(missing):
            return [
                Problem(
                    location, f"{item}: the key '{missing}' is missing", f"add '{missing}: ...'"
                )
            ]
        case Kind.Type():
            expected = TYPE_NAMES.get(str(value), str(value))
            hint = TYPE_HINTS.get(str(value), f"write {expected} here")
            if value == "string" and isinstance(instance, dict):
                hint = "write one text after the colon, with no keys (such as nl:) under it"
            message = f"{item}: expected {expected}, found {_shown(instance)}"
            return [Problem(location, message, hint)]
        case Kind.Enum() | Kind.Constant():
            options = value if isinstance(failure.kind, Kind.Enum) else [value]
            return [
                Problem(
                    location,
                    f"{item}: {_shown(instance)} is not one of: {', '.join(map(str, options))}",
                    _suggest(str(instance), [str(o) for o in options]),
                )
            ]
        case Kind.Pattern() | Kind.MinLength():
            hint = schema.get("x-hint", "")
            what = "is empty" if not str(instance).strip() else f"{_shown(instance)} is not valid"
            return [Problem(location, f"{item}: {what}", hint)]
        case Kind.MaxLength():
            return [
                Problem(
                    location,
                    f"{item}: the text has {len(instance)} characters; at most {value} fit",
                    "shorten it",
                )
            ]
        case Kind.MaxItems() | Kind.MinItems():
            return [
                Problem(
                    location,
                    f"{item}: {len(instance)} items; the limit is {value}",
                    "split the list, or add an item",
                )
            ]
        case Kind.Minimum() | Kind.Maximum():
            size = "small" if isinstance(failure.kind, Kind.Minimum) else "large"
            return [
                Problem(
                    location,
                    f"{item}: {instance} is too {size}; the limit is {value}",
                    "choose a value within the limit",
                )
            ]
        case _:
            hint = schema.get("x-hint") or schema.get("description", "")
            return [Problem(location, f"{item}: {_message(failure)}", hint)]


def _message(failure: _Failure) -> str:
    """What is wrong, for a keyword without a message of its own: as the messages read before
    jsonschema-rs, for the keywords the schemas use."""
    shown, value = repr(failure.instance), failure.value
    match failure.kind:
        case Kind.ExclusiveMinimum():
            return f"{shown} is less than or equal to the minimum of {value!r}"
        case Kind.ExclusiveMaximum():
            return f"{shown} is greater than or equal to the maximum of {value!r}"
        case Kind.MinProperties():
            return (
                f"{shown} should be non-empty"
                if value == 1
                else f"{shown} does not have enough properties"
            )
        case Kind.MaxProperties():
            return (
                f"{shown} is expected to be empty"
                if value == 0
                else f"{shown} has too many properties"
            )
        case Kind.UniqueItems():
            return f"{shown} has non-unique elements"
    return failure.message


def _suggest(word: str, options: list[str]) -> str:
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    return f"valid keys here: {', '.join(options)}" if options else ""


def _shown(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"  # as YAML wrote it (yes/no/on/off read as these)
    if isinstance(value, (dict, list)):
        return TYPE_NAMES["object" if isinstance(value, dict) else "array"]
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def line_of(document: Any, where: list[Any]) -> int:
    """The line of the deepest node on the path that knows its line."""
    node, line = document, getattr(document, "line", 0)
    for step in where:
        if isinstance(node, Mapping) and step in node:
            line = node.key_lines.get(step, line)
            node = node[step]
        elif isinstance(node, Sequence) and isinstance(step, int) and step < len(node):
            line = node.item_lines[step]
            node = node[step]
        else:
            break
    return line


def describe(document: Any, where: list[Any]) -> str:
    """A readable name for a place in a document: card 'gezin' › question 'gezin-x' › text."""
    parts: list[str] = []
    node: Any = document
    parent_key = ""
    for index, step in enumerate(where):
        if isinstance(node, dict) and step in node:
            parent_key, node = step, node[step]
            # A list of named items reads in their names (card 'x'), unless it is the subject.
            named = isinstance(node, list) and bool(node) and isinstance(node[0], dict)
            if not named or index == len(where) - 1:
                parts.append(str(step))
        elif isinstance(node, list) and isinstance(step, int) and step < len(node):
            node = node[step]
            noun = ITEM_NOUNS.get(parent_key, "item")
            ident = node.get("id") if isinstance(node, dict) else None
            parts.append(f"{noun} '{ident}'" if isinstance(ident, str) else f"{noun} #{step + 1}")
        else:
            break
    # 'deck › title' reads better than a bare key; a lone list name reads as itself.
    return " › ".join(parts) if parts else (str(where[0]) if where else "the file")
