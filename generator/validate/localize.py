"""One content file, several languages: pick each text's translation for one language.

A text is a string, or a mapping from language codes to strings (`{nl: …, en: …}`) next to
each other in the file. A file lists its languages as `language` (the first, whose plain strings
count as that language) and `translations`. For another language every printed text must come
from such a mapping with that language in it; what is missing is an error naming where.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from generator.errors import Location, Problem, UserError
from generator.load.yaml_file import Mapping, Sequence
from generator.validate.schema_check import line_of


class Translated(str):
    """A text taken from a translation mapping, for the language asked."""


def languages(meta: Any) -> list[str]:
    """The file's languages, its own first; [] if the metadata is not readable yet."""
    if not isinstance(meta, dict) or not isinstance(meta.get("language"), str):
        return []
    extra = meta.get("translations")
    return [meta["language"], *(extra if isinstance(extra, list) else [])]


def is_translation(node: Any, known: list[str]) -> bool:
    return (
        isinstance(node, dict)
        and bool(node)
        and all(key in known for key in node)
        and all(isinstance(value, str) for value in node.values())
    )


def localize(
    document: Any, language: str, known: list[str], path: Path
) -> tuple[Any, list[Problem]]:
    """The document with every translation mapping replaced by its text in `language`."""
    problems: list[Problem] = []
    primary = known[0]

    def walk(node: Any, where: list[Any]) -> Any:
        if is_translation(node, known):
            if language in node:
                return Translated(node[language])
            problems.append(
                Problem(
                    Location(path, line_of(document, where)),
                    f"no '{language}' text here ({', '.join(node)} given)",
                    f"add '{language}: …' beside the other languages",
                )
            )
            return node.get(primary, next(iter(node.values())))
        if isinstance(node, Mapping):
            copy = Mapping({key: walk(value, [*where, key]) for key, value in node.items()})
            copy.line, copy.key_lines = node.line, node.key_lines
            return copy
        if isinstance(node, Sequence):
            items = Sequence(walk(value, [*where, i]) for i, value in enumerate(node))
            items.line, items.item_lines = node.line, node.item_lines
            return items
        return node

    return walk(document, []), problems


def untranslated(texts: dict[str, str], locate: Any, language: str) -> list[Problem]:
    """Printed texts that are plain strings, so not written in `language`."""
    return [
        Problem(locate(ref), f"{ref}: not translated into '{language}'",
                f"write it as {{nl: …, {language}: …}}")
        for ref, text in texts.items()
        if not isinstance(text, Translated)
    ]  # fmt: skip


def foreign(texts: dict[str, Any], locate: Any, known: list[str], meta_key: str) -> list[Problem]:
    """Printed texts still written per language after localizing: in languages the file does
    not list (`{en: …}` in a file without `translations: [en]`)."""
    problems = []
    for ref, text in texts.items():
        if not isinstance(text, dict):
            continue
        others = [code for code in text if code not in known] or list(text)
        codes = [code for code in others if re.fullmatch(r"[a-z]{2}", str(code))]
        hint = "write the text once, without language codes"
        if codes:
            listed = f"translations: [{', '.join(codes)}]"
            hint = f"list the language under {meta_key}: ({listed}), or {hint}"
        problems.append(
            Problem(
                locate(ref),
                f"{ref}: written in {', '.join(repr(code) for code in others)}, a language "
                f"the file does not list (it lists {', '.join(known)})",
                hint,
            )
        )
    return problems


def language_versions(
    document: Any,
    path: Path,
    meta_key: str,
    validate: Callable[[Any, Path], Any],
    retarget: Callable[[Any, str], dict[str, Any]],
) -> list[Any]:
    """The file validated once per language; other languages get '-<code>' ids."""
    meta = document.get(meta_key) if isinstance(document, dict) else None
    known = languages(meta)
    if not known:
        return [validate(document, path)]  # the schema says what is wrong with the metadata
    if len(set(known)) < len(known):
        raise UserError([Problem(
            Location(path, line_of(document, [meta_key, "translations"])),
            f"{meta_key} › translations: a language is listed twice, or is the file's own "
            f"language ({known[0]})",
            "list each other language once",
        )])  # fmt: skip
    versions, problems = [], []
    for language in known:
        localized, missing = localize(document, language, known, path)
        problems += missing
        try:
            item = validate(localized, path)
        except UserError as error:
            problems += error.problems
            continue
        if language == known[0]:
            problems += foreign(item.texts, item.location, known, meta_key)
        else:
            problems += untranslated(item.texts, item.location, language)
            item = replace(
                item, id=f"{item.id}-{language}", language=language, **retarget(item, language)
            )
        versions.append(item)
    if problems:
        raise UserError(problems)
    return versions
