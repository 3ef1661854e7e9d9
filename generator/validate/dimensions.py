"""A layout's dimensions against its templates: each one written is read, each one read is
written. A misspelt dimension would otherwise be ignored where it is defined, or fail only
when the face that reads it is drawn."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, TemplateSyntaxError, nodes

from generator.core.errors import Location, Problem
from generator.core.i18n import _
from generator.load.yaml_file import Mapping
from generator.validate.places import line_of

# The name templates know the dimensions by (render/faces.py passes them as `dim`).
TEMPLATE_NAME = "dim"
# Dimensions the generator itself reads, whether or not a template does.
READ_BY_CODE = frozenset({"flow_boxes"})
# Only parsed here, never rendered: an environment without a loader or sandbox suffices.
_PARSER = Environment()

Reads = tuple[tuple[str, int], ...]  # (dimension, line), in the template's order


def dimension_problems(own: Mapping, defined: Iterable[str], path: Path) -> list[Problem]:
    """own: the layout file as written; defined: the dimensions it has with its base's.
        A dimension the file writes that no template of its folder (nor the generator) reads,
        and a `dim.NAME` a template reads that the layout lacks (once per template, at its first
    line), each with the likely name."""
    reads = _template_reads(path.parent)
    if reads is None:  # a template that does not parse: drawing it names the error
        return []
    defined = set(defined)
    read = {name for template in reads.values() for name, _line in template} | READ_BY_CODE
    problems = []
    for name in own.get("dimensions", {}):
        if name not in read:
            problems.append(
                Problem(
                    Location(path, line_of(own, ["dimensions", name])),
                    _("dimension '{name}' is read by no template in {folder}/").format(
                        name=name, folder=path.parent
                    ),
                    _likely(name, read - defined, _("remove it, or read it in a template")),
                )
            )
    for template, template_reads in sorted(reads.items()):
        first_lines = {name: line for name, line in reversed(template_reads)}
        for name, line in sorted(first_lines.items(), key=lambda read: read[1]):
            if name not in defined:
                problems.append(
                    Problem(
                        Location(template, line),
                        _("the template reads {dim}.{name}, which {file} does not define").format(
                            dim=TEMPLATE_NAME, name=name, file=path.name
                        ),
                        _likely(
                            name,
                            defined,
                            _("add it under dimensions: in {file}").format(file=path.name),
                        ),
                    )
                )
    return problems


def _likely(name: str, options: Iterable[str], otherwise: str) -> str:
    close = difflib.get_close_matches(name, sorted(options), n=1)
    return _("did you mean '{option}'?").format(option=close[0]) if close else otherwise


def _template_reads(folder: Path) -> dict[Path, Reads] | None:
    """The dimensions each template of the folder reads; None if one does not parse."""
    reads = {}
    for template in sorted(folder.glob("*.j2")):
        stat = template.stat()
        found = _reads(template, stat.st_mtime_ns, stat.st_size)
        if found is None:
            return None
        reads[template] = found
    return reads


@lru_cache(maxsize=256)
def _reads(template: Path, _mtime_ns: int, _size: int) -> Reads | None:
    """`dim.NAME` (and `dim['NAME']`) in one template, parsed once per version of the file."""
    try:
        tree = _PARSER.parse(template.read_text(encoding="utf-8"))
    except (TemplateSyntaxError, UnicodeDecodeError):
        return None
    by_name = [
        (node.attr, node.lineno) for node in tree.find_all(nodes.Getattr) if _is_dim(node.node)
    ]
    by_key = [
        (str(node.arg.value), node.lineno)  # dim['name']
        for node in tree.find_all(nodes.Getitem)
        if _is_dim(node.node) and isinstance(node.arg, nodes.Const)
    ]
    return tuple(sorted(by_name + by_key, key=lambda read: read[1]))


def _is_dim(node: nodes.Node) -> bool:
    return isinstance(node, nodes.Name) and node.name == TEMPLATE_NAME
