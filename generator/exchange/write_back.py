"""Changed texts written into their content files with ruamel.yaml's round trip: only the
changed scalars change; comments, key order, quoting, folding and every other line stay as
they were. A file the round trip would not give back byte for byte is refused rather than
rewritten. Each new scalar keeps the style of the one it replaces (a folded text is folded
again at the width of its old lines)."""

from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.scalarstring import FoldedScalarString

from generator.core.errors import Location, fail
from generator.core.i18n import _
from generator.exchange.read_workbook import Edit

DEFAULT_FOLD = 76  # the line width of a folded text that had no folds
ID_WORDS = 4  # a new question's id: the first words of its Dutch text


def _yaml() -> YAML:
    yaml = YAML()  # round trip
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a line the editor wrote
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def rewritten(path: Path, edits: list[Edit]) -> str:
    """The file's text with these edits made; the rest of it byte for byte as it was."""
    source = path.read_text(encoding="utf-8")
    yaml = _yaml()
    document = yaml.load(source)
    if _dumped(yaml, document) != source:
        raise fail(
            Location(path),
            _("the texts cannot be written into this file without changing its layout"),
            _("indent it as the shipped content files are (2 spaces, lists by '- ' under their "
              "key), or make the change in the YAML itself"),
        )  # fmt: skip
    for edit in [e for e in edits if e.place is not None]:
        assert edit.place is not None
        _set_texts(document, edit.place.path, edit.texts, edit.places.language)
    for edit in reversed([e for e in edits if e.place is None]):
        _insert_question(document, edit)
    return _dumped(yaml, document)


def _dumped(yaml: YAML, document: Any) -> str:
    out = io.StringIO()
    yaml.dump(document, out)
    return out.getvalue()


def _set_texts(document: Any, path: tuple, texts: dict[str, str], language: str) -> None:
    *parents, last = path
    node = document
    for step in parents:
        node = node[step]
    if isinstance(node[last], dict):
        for lang, text in texts.items():
            node[last][lang] = _like(node[last].get(lang), text)
    else:
        node[last] = _like(node[last], texts[language])


def _like(old: Any, text: str) -> Any:
    """The new text in the scalar style of the old: folded, quoted, or plain."""
    if isinstance(old, FoldedScalarString):
        folded = FoldedScalarString(text)
        folds = getattr(old, "fold_pos", [])
        width = max((b - a for a, b in zip([0, *folds], folds, strict=False)), default=0)
        folded.fold_pos = _folds(text, width or DEFAULT_FOLD)
        return folded
    if type(old) is not str and isinstance(old, str):
        return type(old)(text)  # single- or double-quoted, literal
    return text


def _folds(text: str, width: int) -> list[int]:
    """Where a folded scalar breaks its lines: at the spaces that keep each within width."""
    folds, start = [], 0
    for match in re.finditer(" ", text):
        next_space = text.find(" ", match.start() + 1)
        end = len(text) if next_space < 0 else next_space
        if end - start > width:
            folds.append(match.start())
            start = match.start() + 1
    return folds


def _insert_question(document: Any, edit: Edit) -> None:
    """A new question after the one the row follows, with an id from its Dutch text."""
    assert edit.after is not None
    *parents, index, _text = edit.after.path
    if not isinstance(index, int):
        raise ValueError(f"a question's place ends in its index: {edit.after.path}")
    questions = document
    for step in parents:
        questions = questions[step]
    new = CommentedMap()
    new["id"] = new_id(edit.texts[edit.places.language], _ids(document))
    language = edit.places.language
    if edit.places.translations:
        text = CommentedMap()
        for lang in edit.places.languages:
            text[lang] = edit.texts[lang]
        new["text"] = text
    else:
        new["text"] = edit.texts[language]
    questions.insert(index + 1, new)


def new_id(text: str, taken: set[str]) -> str:
    """'Wat heeft het gezin nodig?' → 'wat-heeft-het-gezin', unique among taken."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", plain)[:ID_WORDS] or ["vraag"]
    base = "-".join(words)[:50].strip("-")
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def _ids(node: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(node, dict):
        if isinstance(node.get("id"), str):
            found.add(node["id"])
        for value in node.values():
            found |= _ids(value)
    elif isinstance(node, list):
        for value in node:
            found |= _ids(value)
    return found
