"""One content file, several languages: pick each text's translation for one language.

A text is a string, or a mapping from language codes to strings (`{nl: …, en: …}`) next to
each other in the file. A file lists its languages as `language` (the first, whose plain strings
count as that language) and `translations`. For another language every printed text must come
from such a mapping with that language in it; what is missing is an error naming where.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from generator.core.errors import Location, Problem, UserError
from generator.core.i18n import _
from generator.load.yaml_file import Mapping, Sequence
from generator.model.item_names import listed, shown
from generator.validate.corrections import stale_corrections
from generator.validate.places import describe, line_of

CODE = re.compile(r"[a-z]{2,3}")  # what a mistyped language code looks like: nll, ne, eng


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


def mistyped_languages(node: Any, known: list[str]) -> dict[str, str]:
    """The keys of a text per language that are typing mistakes for a language the file lists
    and the text lacks ({nll: …, en: …} → {'nll': 'nl'}); {} if there are none, or if the
    mapping is no text per language."""
    if not isinstance(node, dict) or not node or not all(isinstance(v, str) for v in node.values()):
        return {}
    missing = [code for code in known if code not in node]
    meant = {}
    for key in node:
        if key in known:
            continue
        close = difflib.get_close_matches(str(key), missing, n=1, cutoff=0.5)
        if not close or not CODE.fullmatch(str(key)):
            return {}
        meant[key] = close[0]
        missing.remove(close[0])
    return meant


def localize(
    document: Any, language: str, known: list[str], path: Path
) -> tuple[Any, list[Problem]]:
    """The document with every translation mapping replaced by its text in `language`; a
    mistyped language key is named once, with the language meant, and read as that one."""
    problems: list[Problem] = []
    primary = known[0]

    def walk(node: Any, where: list[Any]) -> Any:
        mistyped = mistyped_languages(node, known)
        for key, meant in mistyped.items():
            problems.append(Problem(
                Location(path, line_of(document, [*where, key])),
                _("{item}: unknown language '{key}'").format(item=describe(document, where),
                                                             key=key),
                _("did you mean '{option}'?").format(option=meant),
            ))  # fmt: skip
        if mistyped:
            node = {mistyped.get(key, key): text for key, text in node.items()}
        if is_translation(node, known):
            if language in node:
                return Translated(node[language])
            problems.append(
                Problem(
                    Location(path, line_of(document, where)),
                    _("{item}: no '{language}' text here ({given} given)").format(
                        item=describe(document, where), language=language, given=", ".join(node)
                    ),
                    _("add '{language}: …' beside the other languages").format(language=language),
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


def untranslated(
    texts: dict[str, str], locate: Any, language: str, known: list[str]
) -> list[Problem]:
    """Printed texts that are plain strings, so not written in `language`."""
    keys = listed([f"'{code}:'" for code in known])
    return [
        Problem(locate(ref),
                _("{item}: not translated into '{language}'").format(item=shown(ref),
                                                                     language=language),
                _("write {keys} under its key, each on a line of its own with its text").format(
                    keys=keys))
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
        hint = _("write the text once, without language codes")
        if codes:
            hint = _(
                "list the language under {key}: (translations: [{codes}]), or write the "
                "text once, without language codes"
            ).format(key=meta_key, codes=", ".join(codes))
        problems.append(
            Problem(
                locate(ref),
                _("{item}: written in {codes}, a language the file does not list (it lists "
                  "{known})").format(item=shown(ref),
                                     codes=", ".join(repr(code) for code in others),
                                     known=", ".join(known)),
                hint,
            )
        )  # fmt: skip
    return problems


def kept_names(item: Any) -> tuple[tuple[str, str], ...]:
    """The refs of a translation's texts that are names the content keeps in their own
    language (a poster's `names`, with `names_language`): (ref, language), for a tagged PDF
    to mark. Other texts alike in both languages (a source's title, an organisation) are
    proper names, which keep the document's language (WCAG 3.1.2 exempts them)."""
    names, language = set(getattr(item, "names", ())), getattr(item, "names_language", "")
    if not names or not language:
        return ()
    return tuple(sorted((ref, language) for ref, text in item.texts.items() if text in names))


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
            _("{key} › translations: a language is listed twice, or is the file's own "
              "language ({language})").format(key=meta_key, language=known[0]),
            _("list each other language once"),
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
            problems += stale_corrections(item.corrections, item.texts.values())
        else:
            problems += untranslated(item.texts, item.location, language, known)
            kept = kept_names(item)
            item = replace(
                item,
                id=f"{item.id}-{language}",
                language=language,
                passages=kept,
                **retarget(item, language),
            )
        versions.append(item)
    if problems:
        raise UserError(problems)
    return versions
