"""The command line: `python -m generator build` (or `voorwie build`)."""

from __future__ import annotations

import logging
from pathlib import Path

import click

from generator import __version__
from generator.build import revision
from generator.build.pipeline import build, validate
from generator.cli import new_project
from generator.cli.build import build_command
from generator.cli.check import check_command
from generator.cli.console import (
    Notes,
    build_summary,
    fix_before_building,
    rebuilt_line,
    report_problems,
)
from generator.cli.exchange import export_command, import_command
from generator.cli.options import (
    HELP_OPTIONS,
    folder_options,
    guarded,
    language_asked,
    quiet_option,
    quiet_wanted,
    show_version,
    speak_for_click,
    translate_help,
)
from generator.core import i18n
from generator.core.errors import UserError, display_path
from generator.core.i18n import N_, _, ngettext
from generator.core.project import Project
from generator.desk.preview import DEFAULT_DPI, write_previews, write_product_previews
from generator.write.atomic import write_atomically


def speak(language: str | None) -> None:
    """Speak the language chosen (None: the locale's), in messages and in the help."""
    i18n.use(language)
    translate_help(main)


class Voorwie(click.Group):
    """The command group, speaking the language asked for before click reads the line."""

    def parse_args(self, context: click.Context, args: list[str]) -> list[str]:
        if language_asked(args):
            speak(language_asked(args))
        return super().parse_args(context, args)


speak_for_click()


@click.group(
    cls=Voorwie,
    context_settings={"help_option_names": HELP_OPTIONS},
    help=N_("Print-ready pocket cards and posters from the YAML in cards/."),
)
@click.option(
    "--version",
    is_flag=True,
    is_eager=True,
    expose_value=False,
    callback=show_version("voorwie", __version__),
    help=N_("Show the version and exit."),
)
@click.option(
    "--lang",
    type=click.Choice(i18n.LANGUAGES),
    is_eager=True,  # read first, so that what follows (--help too) is in this language
    expose_value=False,
    callback=lambda context, parameter, value: speak(value),
    help=N_("The language of messages: nl or en (default: the locale's, else English)."),
)
@quiet_option
def main(quiet: bool) -> None:
    pass


@main.command(
    "new",
    help=N_("Start a project in the new (or empty) FOLDER: a small deck and a poster to edit, in "
            "Dutch and English, with a README on how to edit and build them."),
)  # fmt: skip
@click.argument("folder", type=click.Path(path_type=Path))
@quiet_option
def new_command(folder: Path, quiet: bool) -> None:
    written = guarded(lambda: new_project.create(folder))
    if quiet_wanted(quiet):
        return
    click.echo(_("made a new project in {folder} ({count} files)").format(
        folder=display_path(folder), count=len(written)))  # fmt: skip
    click.echo(_("next: cd {folder}, then voorwie build; the PDFs appear in {output}").format(
        folder=display_path(folder), output=display_path(folder / "output")))  # fmt: skip


@main.command(
    "validate", help=N_("Check all content and layouts without drawing (build checks text fit).")
)
@folder_options("cards", "layouts")
@quiet_option
def validate_command(cards: Path, layouts: Path, quiet: bool) -> None:
    project = Project(cards=cards, layouts=layouts, output=Path("output"))
    count = guarded(lambda: validate(project), summary=fix_before_building)
    if not quiet_wanted(quiet):
        click.echo(ngettext("{count} content file checked: no problems.",
                            "{count} content files checked: no problems.", count).format(
            count=count))  # fmt: skip


@main.command(
    "changes",
    help=N_("Say what goes to the printer and what changed since the latest release of each "
            "deck and poster (or of those named: content FILES or ids); writes nothing. Every "
            "build keeps output/naar-de-drukker/ to match."),
)  # fmt: skip
@click.argument("names", nargs=-1)
@click.option(
    "--since",
    "since",
    metavar="REF",
    help=N_("Compare the decks with an earlier output/manifest.json or a git revision such as "
            "HEAD~1 instead."),
)  # fmt: skip
@folder_options("cards", "layouts", "output")
@quiet_option
def changes_command(
    names: tuple[str, ...], since: str | None, cards: Path, layouts: Path, output: Path,
    quiet: bool,
) -> None:  # fmt: skip
    quiet = quiet_wanted(quiet)
    Notes.install(logging.ERROR if quiet else logging.WARNING)
    project = Project(cards=cards, layouts=layouts, output=output)
    text = guarded(lambda: revision.changes(project, revision.Scope.of(names), since),
                   summary=fix_before_building)  # fmt: skip
    if not quiet:
        click.echo(text, nl=False)


@main.command(
    "release",
    help=N_("Record the current edition of every deck and poster (or of those named: content "
            "FILES or ids) as printed: one file per edition in cards/releases/, to commit with "
            "the content; then build, so that output/naar-de-drukker/ holds what is still to "
            "send. Refuses when texts changed under an edition that was released before."),
)  # fmt: skip
@click.argument("names", nargs=-1)
@click.option("--dry-run", is_flag=True, help=N_("Only list what would be recorded."))
@folder_options("cards", "layouts", "output")
@quiet_option
def release_command(
    names: tuple[str, ...], dry_run: bool, cards: Path, layouts: Path, output: Path, quiet: bool
) -> None:
    quiet = quiet_wanted(quiet)
    Notes.install(logging.ERROR if quiet else logging.WARNING)
    project = Project(cards=cards, layouts=layouts, output=output)
    files, unchanged = guarded(lambda: revision.release(project, revision.Scope.of(names)))
    if not dry_run:
        guarded(lambda: write_atomically(files))
    said = _("would record {file}") if dry_run else _("released {file}")
    for path in [] if quiet else sorted(files):
        click.echo(said.format(file=display_path(path)))
    if unchanged and not quiet:
        click.echo(_("already released as they are: {products}").format(
            products=revision.released_names(unchanged)))  # fmt: skip
    if not files and not quiet:
        click.echo(_("nothing new to release: every edition is recorded as it is"))
    if files and not dry_run:
        written = guarded(lambda: build(project))
        if not quiet:
            click.echo(build_summary(written, None, project.output))


@main.command(
    "translations-checked",
    help=N_("Record that the translations are still right of the texts changed in their own "
            "language since the release (of every file, or of the content FILES named)."),
)  # fmt: skip
@click.argument("names", nargs=-1)
@folder_options("cards", "layouts")
@quiet_option
def translations_checked_command(
    names: tuple[str, ...], cards: Path, layouts: Path, quiet: bool
) -> None:
    project = Project(cards=cards, layouts=layouts, output=Path("output"))
    files, lines = guarded(lambda: revision.translations_checked(project, revision.Scope.of(names)))
    guarded(lambda: write_atomically(files))
    if quiet_wanted(quiet):
        return
    for line in lines:
        click.echo(_("checked {text}").format(text=line))
    if not lines:
        click.echo(_("no translation is waiting to be checked"))


@main.command(
    "watch", help=N_("Build, then rebuild what each saved content or layout file affects "
                     "(Ctrl-C stops).")
)  # fmt: skip
@folder_options("cards", "layouts", "output")
@click.option("-v", "--verbose", is_flag=True, help=N_("List every file written."))
@quiet_option
@click.option("--debug", is_flag=True, help=N_("Show a traceback for an internal error."))
def watch_command(
    cards: Path, layouts: Path, output: Path, verbose: bool, quiet: bool, debug: bool
) -> None:
    import watchfiles  # here: only watch needs it (and its worker process)

    from generator.desk.watch import Rebuild, Session, SourceFilter, watch

    for folder in (cards, layouts):
        if not folder.is_dir():
            raise click.BadParameter(
                _("{folder} is not a folder to watch").format(folder=display_path(folder))
            )
    quiet = quiet_wanted(quiet)
    notes = Notes.install(logging.ERROR if quiet else logging.WARNING)
    session = Session(Project(cards=cards, layouts=layouts, output=output))

    def done(changed: list[str], result: Rebuild) -> None:
        notes.said.clear()
        if quiet:
            return
        click.echo(rebuilt_line(_changed(changed), result))
        for path in result.written if verbose else ():
            click.echo(f"    {display_path(path)}")

    def failed(changed: list[str], error: UserError) -> None:
        click.echo(f"{_changed(changed)}:", err=True)
        report_problems(error)
        click.echo(_("Fix it and save again; watching."), err=True)
        notes.said.clear()

    def run() -> None:
        watch(session, [[(None, "start")]], done, failed)
        if not quiet:
            click.echo(_("watching {cards}/ and {layouts}/ (Ctrl-C stops)").format(
                cards=display_path(cards), layouts=display_path(layouts)))  # fmt: skip
        changes = watchfiles.watch(cards, layouts, watch_filter=SourceFilter(),
                                   raise_interrupt=False)  # fmt: skip
        watch(session, changes, done, failed)

    try:
        guarded(run, debug)
    finally:
        session.close()


def _changed(paths: list[str]) -> str:
    return ", ".join(display_path(Path(path)) for path in paths)


@main.command(
    "serve",
    help=N_("Build, then show every card and poster on one page at http://127.0.0.1:PORT/ that "
            "updates itself after every save in cards/ or layouts/ (Ctrl-C stops)."),
)  # fmt: skip
@folder_options("cards", "layouts", "output")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True,
              help=N_("The port on 127.0.0.1 to serve on (0: any free port)."))  # fmt: skip
@click.option("--debug", is_flag=True, help=N_("Show a traceback for an internal error."))
@quiet_option
def serve_command(
    cards: Path, layouts: Path, output: Path, port: int, debug: bool, quiet: bool
) -> None:
    from generator.desk.serve import terminal
    from generator.desk.serve.run import serve

    terminal.check_folders(cards, layouts)
    server = terminal.bind(port)
    Notes.install(logging.ERROR if quiet_wanted(quiet) else logging.WARNING)
    terminal.stop_on_terminate()
    report = terminal.reporter(server.url, report_problems)
    project = Project(cards=cards, layouts=layouts, output=output)
    guarded(lambda: serve(project, server, i18n.current(), report), debug)


@main.command(
    "preview",
    help=N_("PNG thumbnails of every card and poster built into the output folder, and one "
            "contact sheet with all cards, in OUT/preview/; or, given PDFS, a PNG of each of "
            "their pages."),
)  # fmt: skip
@click.argument("pdfs", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@folder_options("output")
@click.option(
    "--dpi",
    type=click.IntRange(20, 600),
    help=N_("Resolution in dots per inch (default: smaller for thumbnails, larger for pages)."),
)  # fmt: skip
@quiet_option
def preview_command(pdfs: tuple[Path, ...], output: Path, dpi: int | None, quiet: bool) -> None:
    folder = output / "preview"
    if pdfs:
        written = guarded(lambda: write_previews(list(pdfs), folder, dpi or DEFAULT_DPI))
    else:
        written = guarded(lambda: write_product_previews(output, folder, dpi))
    for path in () if quiet_wanted(quiet) else written:
        click.echo(_("wrote {file}").format(file=display_path(path)))


main.add_command(build_command)
main.add_command(check_command)
main.add_command(export_command)
main.add_command(import_command)
translate_help(main)  # in the locale's language, until --lang says otherwise
