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

from generator.core.errors import Location, Problem, UserError, fail
from generator.core.i18n import N_, _, number
from generator.load.yaml_file import read_yaml
from generator.model.item_names import language_name, listed
from generator.validate.places import describe, line_of

TYPE_HINTS = {
    "string": N_(
        "a text that looks like a number, date, yes/no or null goes between quotation marks"
    ),
    "boolean": N_("write true or false"),
    "object": N_("indent the keys that belong here under it"),
    "array": N_("write each item on its own line, starting with '- '"),
}

TYPE_NAMES = {
    "string": N_("a text"),
    "number": N_("a number"),
    "integer": N_("a whole number"),
    "boolean": N_("true or false"),
    "object": N_("a group of keys"),
    "array": N_("a list (lines starting with '- ')"),
}
# The fix for a rule whose schema gives none (`x-hint`).
KIND_HINTS = {
    "minProperties": N_("write at least one key under it"),
    "maxProperties": N_("remove the keys that are too many"),
    "uniqueItems": N_("remove the item that is listed twice"),
}
# Where a content file lists its languages (see validate/localize.py).
META_KEYS = ("deck", "poster")


@cache
def load_schema(name: str) -> dict[str, Any]:
    """A schema shipped with the generator, such as 'deck'."""
    text = resources.files("generator.validate.schemas").joinpath(f"{name}.schema.json")
    return json.loads(text.read_text(encoding="utf-8"))


@cache
def schema_validator(schema_name: str) -> jsonschema_rs.Validator:
    """The validator of a shipped schema, made once."""
    return jsonschema_rs.validator_for(load_schema(schema_name))


def read_settings(path: Path, schema_name: str, missing: str) -> Any:
    """A settings file of a layout, read and checked against its schema; `missing` is the
    message when it is missing."""
    if not path.is_file():
        raise fail(Location(path), missing, _("restore {file}").format(file=path.name))
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
    failures = _unconditioned([_failure(error, document, schema) for error in _leaf_errors(errors)])
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
    text: bool = False  # the value is a printed text (the schemas' plain_text)
    conditions: tuple[str, ...] = ()  # the keys an `if` tested for this keyword to apply

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
    text = tuple(error.schema_path[:2]) == ("$defs", "plain_text")
    conditions: list[str] = []
    within: Any = schema
    for step in error.schema_path[:-1]:
        if step == "then" and isinstance(within, dict):
            conditions.extend(within.get("if", {}).get("properties", {}))
        within = within[step]
    return _Failure(error.kind, where, instance, around, error.message, text, tuple(conditions))


def _unconditioned(failures: list[_Failure]) -> list[_Failure]:
    """The failures without those of an `if` … `then` whose key is missing: without `kind`, a
    card is held to the keys of every kind (an `if` on an absent key holds); it has no kind."""
    missing = {
        (failure.where, failure.kind.property)
        for failure in failures
        if isinstance(failure.kind, Kind.Required)
    }
    return [
        failure
        for failure in failures
        if not any((failure.where, key) in missing for key in failure.conditions)
    ]


def _typo_targets(failures: list[_Failure]) -> set[tuple[tuple[Any, ...], str]]:
    """(place, key) for every valid key that an unknown key at that place looks like."""
    targets: set[tuple[tuple[Any, ...], str]] = set()
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
    hint = _(schema["x-hint"]) if "x-hint" in schema else ""
    match failure.kind:
        case Kind.AdditionalProperties():
            known = sorted(schema.get("properties", {}))
            return [
                Problem(
                    Location(path, line_of(document, [*where, key])),
                    _("{item}: unknown key '{key}'").format(item=item, key=key),
                    _suggest(str(key), known),
                )
                for key in _unknown_keys(instance, known)
            ]
        case Kind.Required(missing) if missing == "kind" and "enum" in _property(schema, missing):
            kinds = ", ".join(map(str, _property(schema, missing)["enum"]))
            return [
                Problem(
                    location,
                    _("{item} has no kind").format(item=item),
                    _("add 'kind: ...' with one of: {kinds}").format(kinds=kinds),
                )
            ]
        case Kind.Required(missing):
            return [
                Problem(
                    location,
                    _("{item}: the key '{key}' is missing").format(item=item, key=missing),
                    _("add '{key}: ...'").format(key=missing),
                )
            ]
        case Kind.Type() if failure.text and instance is None:
            message = _("{item}: the text is missing").format(item=item)
            return [Problem(location, message, _text_hint(document, where))]
        case Kind.Type():
            expected = _(TYPE_NAMES[str(value)]) if str(value) in TYPE_NAMES else str(value)
            hint = _(TYPE_HINTS[str(value)]) if str(value) in TYPE_HINTS else ""
            if value == "string" and isinstance(instance, dict):
                hint = _("write one text after the colon, with no keys (such as nl:) under it")
            message = _("{item}: expected {expected}, found {found}").format(
                item=item, expected=expected, found=_shown(instance)
            )
            hint = hint or _("write {expected} here").format(expected=expected)
            return [Problem(location, message, hint)]
        case Kind.Enum() | Kind.Constant():
            options = value if isinstance(failure.kind, Kind.Enum) else [value]
            return [
                Problem(
                    location,
                    _("{item}: {value} is not one of: {options}").format(
                        item=item, value=_shown(instance), options=", ".join(map(str, options))
                    ),
                    _suggest(str(instance), [str(o) for o in options]),
                )
            ]
        case Kind.Pattern() | Kind.MinLength():
            empty = not str(instance).strip()
            what = _("{item}: is empty") if empty else _("{item}: {value} is not valid")
            return [Problem(location, what.format(item=item, value=_shown(instance)), hint)]
        case Kind.MaxLength():
            return [
                Problem(
                    location,
                    _("{item}: the text has {count} characters; at most {limit} fit").format(
                        item=item, count=len(instance), limit=value
                    ),
                    _("shorten it"),
                )
            ]
        case Kind.MaxItems() | Kind.MinItems():
            return [
                Problem(
                    location,
                    _("{item}: {count} items; the limit is {limit}").format(
                        item=item, count=len(instance), limit=value
                    ),
                    _("split the list, or add an item"),
                )
            ]
        case Kind.Minimum() | Kind.Maximum():
            message = (
                _("{item}: {value} is too small; the limit is {limit}")
                if isinstance(failure.kind, Kind.Minimum)
                else _("{item}: {value} is too large; the limit is {limit}")
            )
            return [
                Problem(
                    location,
                    message.format(item=item, value=number(instance), limit=number(value)),
                    _("choose a value within the limit"),
                )
            ]
        case _:
            keyword = failure.kind.name
            hint = hint or (_(KIND_HINTS[keyword]) if keyword in KIND_HINTS else "")
            return [Problem(location, f"{item}: {_message(failure)}", hint)]


def _property(schema: dict[str, Any], key: str) -> dict[str, Any]:
    """What the schema says about one of its keys (nothing when that is a `$ref`)."""
    found = schema.get("properties", {}).get(key, {})
    return found if isinstance(found, dict) else {}


def _message(failure: _Failure) -> str:
    """What is wrong, for a keyword without a message of its own: for the keywords the
    schemas use; any other in jsonschema-rs's (English) words."""
    shown, value = _shown(failure.instance), failure.value
    match failure.kind:
        case Kind.ExclusiveMinimum():
            return _("{value} is not more than {limit}").format(value=shown, limit=value)
        case Kind.ExclusiveMaximum():
            return _("{value} is not less than {limit}").format(value=shown, limit=value)
        case Kind.MinProperties():
            fewer = _("{value} is empty") if value == 1 else _("{value} has too few keys")
            return fewer.format(value=shown)
        case Kind.MaxProperties():
            return _("{value} has too many keys").format(value=shown)
        case Kind.UniqueItems():
            return _("{value} lists an item twice").format(value=shown)
    return failure.message


def _text_hint(document: Any, where: list[Any]) -> str:
    """How to write a missing text: after its key, or per language under it."""
    key = next((step for step in reversed(where) if isinstance(step, str)), "text")
    metas = [document.get(key) for key in META_KEYS] if isinstance(document, dict) else []
    meta = next((found for found in metas if isinstance(found, dict)), {})
    extra = meta.get("translations")
    codes = [meta.get("language"), *(extra if isinstance(extra, list) else [])]
    codes = [str(code) for code in codes if code]
    if len(codes) < 2:
        return _("write the text after '{key}:'").format(key=key)
    return _(
        "the text has no {languages}: write {keys} under '{key}:', each on a line of its "
        "own with its text"
    ).format(
        languages=listed([language_name(code) for code in codes]),
        keys=listed([f"'{code}:'" for code in codes]),
        key=key,
    )


def _suggest(word: str, options: list[str]) -> str:
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if close:
        return _("did you mean '{option}'?").format(option=close[0])
    if not options:
        return ""
    return _("valid keys here: {keys}").format(keys=", ".join(options))


def _shown(value: Any) -> str:
    if value is None:
        return _("nothing")
    if isinstance(value, bool):
        return "true" if value else "false"  # as YAML wrote it (yes/no/on/off read as these)
    if isinstance(value, (dict, list)):
        return _(TYPE_NAMES["object" if isinstance(value, dict) else "array"])
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
