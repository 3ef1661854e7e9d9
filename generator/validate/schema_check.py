"""JSON Schema validation whose messages name the file, the line, the item and the fix."""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jsonschema_rs

from generator.errors import Location, Problem, UserError, fail
from generator.load.yaml_file import Mapping, Sequence, read_yaml

if TYPE_CHECKING:  # jsonschema is imported when a document is found invalid
    from jsonschema import ValidationError

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


def _ecma_pattern(
    validator: Any, pattern: str, instance: Any, schema: dict[str, Any]
) -> Iterator[ValidationError]:
    """`pattern` as JSON Schema (ECMA-262) reads it, as editors do: `$` only at the very end.
    Python's `$` also matches before a final newline, which let `id: "x\\n"` (or an id
    written as a `|` block) through, into a file name."""
    from jsonschema import ValidationError

    if validator.is_type(instance, "string") and not _python_regex(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


@cache
def _python_regex(pattern: str) -> re.Pattern[str]:
    """The pattern with each `$` outside a [class] as Python's end of text, `\\Z`."""
    out, in_class, chars = [], False, iter(pattern)
    for char in chars:
        if char == "\\":
            out.append(char + next(chars, ""))
            continue
        if char == "[":
            in_class = True
        elif char == "]":
            in_class = False
        out.append("\\Z" if char == "$" and not in_class else char)
    return re.compile("".join(out))


@cache
def _reference_class() -> Any:
    from jsonschema import Draft202012Validator, validators

    return validators.extend(Draft202012Validator, {"pattern": _ecma_pattern})


def reference_validator(schema: dict[str, Any]) -> Any:
    """jsonschema's validator for the schema: slow, and it says what is wrong and where."""
    return _reference_class()(schema)


@cache
def load_schema(name: str) -> dict[str, Any]:
    """A schema shipped with the generator, such as 'deck'."""
    text = resources.files("generator.validate.schemas").joinpath(f"{name}.schema.json")
    return json.loads(text.read_text(encoding="utf-8"))


@cache
def _fast_validator(schema_name: str) -> jsonschema_rs.Validator:
    return jsonschema_rs.validator_for(load_schema(schema_name))


def is_valid_quickly(document: Any, schema_name: str) -> bool:
    """Whether the document is valid, by jsonschema-rs: a hundred times faster than jsonschema,
    which is only asked to explain a document found invalid. Texts of a translation (a str
    subclass) are given to it as plain text; a value it cannot take (a key that is not text)
    counts as not known to be valid."""
    validator = _fast_validator(schema_name)
    try:
        return validator.is_valid(document)
    except ValueError:
        pass
    try:
        return validator.is_valid(_plain_values(document))
    except ValueError:
        return False


def _plain_values(value: Any) -> Any:
    """The document with every text a plain str."""
    if isinstance(value, dict):
        return {key: _plain_values(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain_values(item) for item in value]
    return str(value) if isinstance(value, str) else value


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
    if is_valid_quickly(document, schema_name):
        return []
    validator = reference_validator(load_schema(schema_name))
    errors = list(_leaf_errors(validator.iter_errors(document)))
    typos = _typo_targets(errors)
    problems: list[Problem] = []
    for error in errors:
        if error.validator == "required" and (_where(error), _missing_key(error)) in typos:
            continue  # the unknown key's "did you mean" already says it
        problems.extend(_explain(error, document, path))
    return problems


def _where(error: ValidationError) -> tuple[Any, ...]:
    return tuple(error.absolute_path)


def _missing_key(error: ValidationError) -> str:
    return error.message.split("'")[1]


def _typo_targets(errors: list[ValidationError]) -> set[tuple[tuple[Any, ...], str]]:
    """(place, key) for every valid key that an unknown key at that place looks like."""
    targets = set()
    for error in errors:
        if error.validator == "additionalProperties" and isinstance(error.schema, dict):
            known = list(error.schema.get("properties", {}))
            for key in error.instance:
                if key not in known:
                    targets.update(
                        (_where(error), close)
                        for close in difflib.get_close_matches(key, known, n=1)
                    )
    return targets


def _leaf_errors(errors: Iterator[ValidationError]) -> Iterator[ValidationError]:
    """Replace 'oneOf' failures by the most relevant alternative's errors."""
    for error in errors:
        if error.validator == "oneOf" and error.context:
            # The alternative of the value's own type says most; if none has that type,
            # the first alternative (the plain form) does.
            by_alternative: dict[int, list[ValidationError]] = {}
            for e in error.context:
                by_alternative.setdefault(e.relative_schema_path[0], []).append(e)
            fitting = [
                found for found in by_alternative.values()
                if not any(e.validator == "type" and not e.relative_path for e in found)
            ]  # fmt: skip
            yield from _leaf_errors(
                iter(fitting[0] if fitting else by_alternative[min(by_alternative)])
            )
            continue
        yield error


def _explain(error: ValidationError, document: Any, path: Path) -> list[Problem]:
    where = list(error.absolute_path)
    item = describe(document, where)
    location = Location(path, line_of(document, where))
    schema = error.schema if isinstance(error.schema, dict) else {}
    instance = error.instance
    match error.validator:
        case "additionalProperties":
            known = sorted(schema.get("properties", {}))
            unknown = [key for key in instance if key not in known]
            return [
                Problem(
                    Location(path, line_of(document, [*where, key])),
                    f"{item}: unknown key '{key}'",
                    _suggest(key, known),
                )
                for key in unknown
            ]
        case "required":
            missing = _missing_key(error)
            return [
                Problem(
                    location, f"{item}: the key '{missing}' is missing", f"add '{missing}: ...'"
                )
            ]
        case "type":
            expected = TYPE_NAMES.get(str(error.validator_value), str(error.validator_value))
            hint = TYPE_HINTS.get(str(error.validator_value), f"write {expected} here")
            if error.validator_value == "string" and isinstance(instance, dict):
                hint = "write one text after the colon, with no keys (such as nl:) under it"
            message = f"{item}: expected {expected}, found {_shown(instance)}"
            return [Problem(location, message, hint)]
        case "enum" | "const":
            options = (
                error.validator_value if error.validator == "enum" else [error.validator_value]
            )
            return [
                Problem(
                    location,
                    f"{item}: {_shown(instance)} is not one of: {', '.join(map(str, options))}",
                    _suggest(str(instance), [str(o) for o in options]),
                )
            ]
        case "pattern" | "minLength":
            hint = schema.get("x-hint", "")
            what = "is empty" if not str(instance).strip() else f"{_shown(instance)} is not valid"
            return [Problem(location, f"{item}: {what}", hint)]
        case "maxLength":
            return [
                Problem(
                    location,
                    f"{item}: the text has {len(instance)} characters; "
                    f"at most {error.validator_value} fit",
                    "shorten it",
                )
            ]
        case "maxItems" | "minItems":
            return [
                Problem(
                    location,
                    f"{item}: {len(instance)} items; the limit is {error.validator_value}",
                    "split the list, or add an item",
                )
            ]
        case "minimum" | "maximum":
            return [
                Problem(
                    location,
                    f"{item}: {instance} is too "
                    f"{'small' if error.validator == 'minimum' else 'large'}; the limit "
                    f"is {error.validator_value}",
                    "choose a value within the limit",
                )
            ]
        case _:
            hint = schema.get("x-hint") or schema.get("description", "")
            return [Problem(location, f"{item}: {error.message}", hint)]


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
