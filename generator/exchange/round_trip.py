"""The editors' round trip: export the printed texts to a workbook; import a reviewed one —
read its changes, write them into copies of the content files, check those exactly as a build
checks them (validation, the glossary, glyphs, fit on the card), and only then write the
content files themselves (unless a dry run)."""

from __future__ import annotations

import logging
import shutil
import tempfile
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from generator.core.errors import Location, UserError, fail
from generator.core.i18n import _
from generator.core.project import Project
from generator.exchange.places import FilePlaces, file_places
from generator.exchange.po import made_for, open_po, po_file, read_po
from generator.exchange.read_workbook import Edit, read_workbook
from generator.exchange.workbook import workbook
from generator.exchange.write_back import rewritten
from generator.impose.maker import Maker
from generator.impose.products import plan
from generator.load.yaml_file import read_yaml
from generator.model.product_kinds import Kind
from generator.validate.against_layouts import problems_against_layouts, said_once
from generator.validate.content import collect
from generator.validate.glossary import read_glossaries
from generator.validate.settings import Settings
from generator.write.atomic import write_atomically

# What the check draws of the changed texts: the printed products lay out every text at its
# size, as the screen products do with the same layouts (they are left out: a worker process
# and two digital PDFs would triple the time of an import).
CHECKED_KINDS = frozenset({Kind.DECK, Kind.ONE_CARD, Kind.POSTER})


@dataclass(frozen=True)
class Imported:
    """What an import found and (unless a dry run) wrote."""

    edits: list[Edit]
    files: list[Path]  # the content files changed


def project_places(project: Project, only: str | None = None) -> list[FilePlaces]:
    """The printed texts of every deck and poster of the project (or of one, by its id)."""
    found = [places for path in project.content_files()
             if (places := _places(path)) is not None]  # fmt: skip
    if only is None:
        return found
    chosen = [places for places in found if places.item_id == only]
    if not chosen:
        raise fail(
            Location(project.cards),
            _("there is no deck or poster '{id}'").format(id=only),
            _("use one of: {ids}").format(ids=", ".join(p.item_id for p in found)),
        )
    return chosen


def _places(path: Path) -> FilePlaces | None:
    """A content file's printed texts; a file whose shape is not a deck's or a poster's
    (a list where a card goes, a key missing) is a problem that says what to run."""
    try:
        return file_places(read_yaml(path), path)
    except (AttributeError, KeyError, TypeError, IndexError):
        raise fail(
            Location(path),
            _("this content file is not a deck or poster as the schema describes it"),
            _("run voorwie validate: it says what is wrong, and where"),
        ) from None


def _edition_date(places: FilePlaces) -> str:
    edition = read_yaml(places.file)[places.kind].get("edition")
    return str(edition.get("date", "2000-01-01")) if isinstance(edition, dict) else "2000-01-01"


def export_file(
    project: Project, target: Path, only: str | None = None, language: str | None = None
) -> int:
    """Write the workbook (.xlsx: every deck and poster, or one) or the translation file (.po:
    one deck or poster, into one of its languages); the number of texts in it."""
    files = project_places(project, only)
    dates = [_edition_date(f) for f in files]
    stamp = datetime.fromisoformat(max(dates, default="2000-01-01"))
    if _is_po(target):
        places, into = _translated(project, files, only, language)
        terms = read_glossaries(project.cards).get(into, [])
        data = po_file(places, into, terms, stamp)
        count = data.count(b"\nmsgctxt ")
    else:
        data, count = workbook(files, stamp), sum(len(f.places) for f in files)
    write_atomically({target: data})
    return count


def import_file(
    project: Project, source: Path, dry_run: bool = False, language: str | None = None
) -> Imported:
    """Read the workbook's or translation file's changes, check them as a build would, and
    write them (unless a dry run)."""
    if _is_po(source):
        catalogue = open_po(source)
        only = made_for(catalogue)
        places, into = _translated(project, project_places(project, only), only, language)
        edits = read_po(catalogue, source, places, into)
    else:
        edits = read_workbook(source, project_places(project))
    by_file: dict[Path, list[Edit]] = {}
    for edit in edits:
        by_file.setdefault(edit.places.file, []).append(edit)
    texts = {path: rewritten(path, file_edits) for path, file_edits in by_file.items()}
    if texts:
        check_as_built(project, texts)
    if texts and not dry_run:
        write_atomically({path: text.encode("utf-8") for path, text in texts.items()})
    return Imported(edits, sorted(texts))


def _is_po(path: Path) -> bool:
    return path.suffix.lower() == ".po"


def _translated(
    project: Project, files: list[FilePlaces], only: str | None, language: str | None
) -> tuple[FilePlaces, str]:
    """The one deck or poster a translation file is for, and the language it translates into."""
    if only is None or len(files) != 1:
        raise fail(
            Location(project.cards),
            _("a translation file is made for one deck or poster"),
            _("add --deck ID, one of: {ids}").format(
                ids=", ".join(f.item_id for f in project_places(project) if f.translations)
            ),
        )
    [places] = files
    into = language or next(iter(places.translations), None)
    if into is None or into not in places.translations:
        raise fail(
            Location(places.file),
            _("'{id}' has no translation into '{language}'").format(
                id=places.item_id, language=into or "?"
            ),
            _("translations are listed under translations: in the file"),
        )
    return places, into


def check_as_built(project: Project, texts: dict[Path, str]) -> None:
    """Check, in a copy of the project with the new texts, what a build checks of them: the
    content, and each printed product they change, drawn as a build draws it (unfinished:
    no sheets, no PDF/X); the problems name the project's own files."""
    with tempfile.TemporaryDirectory(prefix="voorwie-import-") as folder:
        copy = Path(folder) / "cards"
        shutil.copytree(project.cards, copy)
        trial = Project(cards=copy, layouts=project.layouts, output=Path(folder) / "output")
        files = [copy / path.relative_to(project.cards) for path in texts]
        files = affected(trial, files)
        settings = Settings(trial.layouts)  # the layouts read once, for the keys and the check
        try:
            before = _keys(trial, files, settings)  # the copy as it is: its items name its files
        except UserError:
            before = {}  # the project as it is does not build: check everything
        for path, text in texts.items():
            (copy / path.relative_to(project.cards)).write_text(text, encoding="utf-8")
        notes = logging.getLogger("generator")
        level = notes.level
        notes.setLevel(logging.ERROR)  # a build's notes (text set smaller): not the import's
        try:
            _check(trial, files, before, settings)
        except UserError as error:
            raise UserError(
                replace(p, location=_back(p.location, copy, project.cards)) for p in error
            ) from None
        finally:
            notes.setLevel(level)


def _check(trial: Project, files: list[Path], before: dict[str, str], settings: Settings) -> None:
    """What a build checks of these files — the content, against the layouts, and every
    printed product whose content changed, drawn — with every problem at once."""
    content = collect(trial, files)
    planned = plan(content, some_files=True)
    found = problems_against_layouts(planned.items, content.decks, settings)
    problems = [*planned.problems, *said_once(found)]
    if problems:
        raise UserError(problems)
    maker = Maker(content, settings)
    for product in planned.products:
        if product.kind in CHECKED_KINDS and before.get(product.label) != maker.key(product):
            try:
                maker.check(product)
            except UserError as error:
                problems += error.problems
    if problems:
        raise UserError(problems)


def _keys(project: Project, files: list[Path], settings: Settings) -> dict[str, str]:
    """The printed products (of CHECKED_KINDS) of these files, by label, with what each is
    made from hashed (the build's cache key): a deck's English edition, or a poster that
    shows none of the edited texts, keeps its key and stays out of the check."""
    content = collect(project, files)
    maker = Maker(content, settings)
    return {product.label: maker.key(product) for product in plan(content, some_files=True).products
            if product.kind in CHECKED_KINDS}  # fmt: skip


def affected(project: Project, changed: list[Path]) -> list[Path]:
    """What a build of these changed files draws: them, each poster that shows a changed deck,
    and the decks those posters show."""
    found = project_places(project)
    deck_files = {places.item_id: places.file for places in found if places.kind == "deck"}
    files = set(changed)
    for places in [p for p in found if p.kind == "poster"]:
        shown = deck_files.get(str(read_yaml(places.file)["poster"].get("deck", "")))
        if places.file in changed or shown in changed:
            files |= {places.file, shown or places.file}
    return sorted(files)


def _back(location: Location, copy: Path, cards: Path) -> Location:
    try:
        return replace(location, file=cards / location.file.relative_to(copy))
    except ValueError:
        return location
