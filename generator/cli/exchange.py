"""`export` and `import`: the printed texts as a workbook for reviewers, and a reviewed
workbook read back into the content files."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from generator.cli.options import folder_options, guarded, quiet_wanted
from generator.core.errors import display_path
from generator.core.i18n import N_, _, ngettext
from generator.core.project import Project
from generator.exchange.places import LANGUAGE_NAMES

if TYPE_CHECKING:
    from generator.exchange.read_workbook import Edit

NO_OUTPUT = Path("output")  # export and import write no products


language_option = click.option(
    "--language", metavar="CODE", help=N_("A .po file's language (default: the translation).")
)


EXPORT_HELP = N_("Write the printed texts to a workbook (.xlsx) for review, or one deck's or "
                 "poster's to a translation file (.po).")  # fmt: skip


@click.command("export", help=EXPORT_HELP)
@click.argument("target", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--deck", "only", metavar="ID", help=N_("Only this deck or poster."))
@language_option
@folder_options("cards", "layouts")
@click.option("-q", "--quiet", is_flag=True, help=N_("Print only errors."))
def export_command(
    target: Path, only: str | None, language: str | None, cards: Path, layouts: Path, quiet: bool
) -> None:
    from generator.exchange.round_trip import export_file  # openpyxl: only when asked

    project = Project(cards=cards, layouts=layouts, output=NO_OUTPUT)
    count = guarded(lambda: export_file(project, target, only, language))
    if not quiet_wanted(quiet):
        click.echo(ngettext("{count} text written to {file}", "{count} texts written to {file}",
                            count).format(count=count, file=display_path(target)))  # fmt: skip


@click.command("import", help=N_("Read a reviewed workbook (.xlsx) or a translation file (.po) "
                                 "back into the content files, checked as a build checks "
                                 "them."))  # fmt: skip
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help=N_("Show the changes and check them; write nothing."))
@language_option
@folder_options("cards", "layouts")
@click.option("-q", "--quiet", is_flag=True, help=N_("Print only errors."))
def import_command(
    source: Path, dry_run: bool, language: str | None, cards: Path, layouts: Path, quiet: bool
) -> None:
    from generator.exchange.round_trip import import_file  # openpyxl, ruamel: when asked

    project = Project(cards=cards, layouts=layouts, output=NO_OUTPUT)
    done = guarded(lambda: import_file(project, source, dry_run, language),
                   summary=nothing_written)  # fmt: skip
    if quiet_wanted(quiet) and not dry_run:
        return
    for edit in done.edits:
        click.echo(described(edit))
    if not done.edits:
        click.echo(_("No text changed: nothing to write."))
    elif dry_run:
        click.echo(_("Dry run: checked, nothing written."))
    else:
        names = ", ".join(display_path(path) for path in done.files)
        click.echo(_("Written: {files}. Build (make) to see the cards; give a deck a new "
                     "edition before it goes to the printer.").format(files=names))  # fmt: skip


def nothing_written(count: int) -> str:
    return ngettext(
        "{count} problem; nothing was written.", "{count} problems; nothing was written.", count
    ).format(count=count)


def described(edit: Edit) -> str:
    """'cards/x.yaml, card 3 'Startvraag', question, Nederlands: old → new'."""
    places, place = edit.places, edit.place
    where = display_path(places.file)
    if place is None:
        card = edit.after.card if edit.after else None
        title = places.card_titles.get(edit.after.card_id, "") if edit.after else ""
        head = _("{file}, card {number} '{title}': new question").format(
            file=where, number=card, title=title
        )
        return head + "".join(f"\n    {LANGUAGE_NAMES[lang]}: {text}"
                              for lang, text in edit.texts.items())  # fmt: skip
    if place.card:
        title = places.card_titles.get(place.card_id, place.card_id)
        head = _("{file}, card {number} '{title}', {kind}").format(
            file=where, number=place.card, title=title, kind=_(place.noun)
        )
    else:
        head = _("{file}, {kind} ({id})").format(file=where, kind=_(place.noun), id=place.id)
    return head + "".join(
        f"\n    {LANGUAGE_NAMES[lang]}: {place.texts.get(lang, '')} → {text}"
        for lang, text in edit.texts.items()
    )
