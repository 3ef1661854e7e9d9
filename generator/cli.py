"""The command line: `python -m generator build` (or `voorwie build`)."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import click
from pikepdf import PdfError

from generator import __version__, i18n, new_project, progress, revision
from generator.errors import UserError, display_path
from generator.i18n import _
from generator.pipeline import Request, build, validate
from generator.preflight.document import read_pdf
from generator.preflight.findings import Finding
from generator.preflight.rules import PROFILES, preflight, profile_for
from generator.preview import (
    DEFAULT_DPI,
    THUMBNAIL_DPI,
    write_previews,
    write_product_previews,
)
from generator.project import PrinterSettings, Project, default_layouts
from generator.write import owned
from generator.write.atomic import write_atomically

T = TypeVar("T")


def report_problems(error: UserError) -> None:
    """Every problem, then what it means for the output."""
    for problem in error:
        click.secho("error: ", fg="red", bold=True, err=True, nl=False)
        click.echo(str(problem), err=True)
    count = len(error.problems)
    click.echo(f"{count} problem{'s' if count != 1 else ''}; no output was changed.", err=True)


class Notes(logging.Handler):
    """Notes to the user on stderr, each once, though a product is drawn for print and screen."""

    def __init__(self) -> None:
        super().__init__()
        self.said: set[str] = set()

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if message not in self.said:
            self.said.add(message)
            progress.make_room()
            click.echo(f"{getattr(record, 'prefix', 'note')}: {message}", err=True)

    @staticmethod
    def install(level: int) -> Notes:
        """A fresh handler for this run's notes (those of an earlier run stay said there)."""
        notes = Notes()
        logger = logging.getLogger("generator")
        logger.handlers = [notes]
        logger.setLevel(level)
        logger.propagate = False
        return notes


def parse_offset(value: str | None) -> tuple[float, float]:
    """'1.5,-0.5' as (1.5, -0.5): millimetres right and up."""
    if value is None:
        return (0.0, 0.0)
    try:
        x, y = (float(part) for part in value.split(","))
    except ValueError:
        raise click.BadParameter(f"'{value}' is not X,Y in mm, such as 1.5,-0.5") from None
    if max(abs(x), abs(y)) > 10:
        raise click.BadParameter("more than 10 mm: measure again on the calibration sheet")
    return (x, y)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="voorwie")
@click.option(
    "--lang",
    type=click.Choice(i18n.LANGUAGES),
    help="The language of messages: nl or en (default: the locale's, else English).",
)
def main(lang: str | None) -> None:
    """Print-ready pocket cards and posters from the YAML in cards/."""
    i18n.use(lang)


# The folders a command works with: option, parameter name, default, help.
FOLDERS = {
    "cards": ("--cards", "cards", "cards", "Folder with the content files."),
    "layouts": (
        "--layouts",
        "layouts",
        default_layouts,
        "Folder with the layouts "
        "[default: layouts, else the layouts that come with the generator].",
    ),
    "output": ("--out", "output", "output", "Folder for the files written."),
}


def folder_options(*names: str) -> Callable[[Callable], Callable]:
    """The named folder options (see FOLDERS), for a command to take."""

    def apply(command: Callable) -> Callable:
        for name in reversed(names):
            flag, parameter, default, text = FOLDERS[name]
            command = click.option(flag, parameter, default=default,
                                   show_default=not callable(default),
                                   type=click.Path(path_type=Path), help=text)(command)  # fmt: skip
        return command

    return apply


def guarded(action: Callable[[], T], debug: bool = False) -> T:
    """Run a command's work: a user's mistake is a list of problems (exit 1), a bug one line
    (exit 2); --debug shows the traceback of either."""
    try:
        return action()
    except UserError as error:
        if debug:
            raise
        report_problems(error)
        sys.exit(1)
    except Exception as error:  # a bug, not a user mistake
        if debug:
            raise
        click.echo(
            f"internal error: {type(error).__name__}: {error}\n"
            "run again with --debug for the details, and please report it",
            err=True,
        )
        sys.exit(2)


@main.command("new")
@click.argument("folder", type=click.Path(path_type=Path))
def new_command(folder: Path) -> None:
    """Start a project in the new (or empty) FOLDER: a small deck and a poster to edit, in
    Dutch and English, with a README on how to edit and build them."""
    written = guarded(lambda: new_project.create(folder))
    click.echo(_("made a new project in {folder} ({count} files)").format(
        folder=display_path(folder), count=len(written)))  # fmt: skip
    click.echo(_("next: cd {folder}, then voorwie build; the PDFs appear in {output}").format(
        folder=display_path(folder), output=display_path(folder / "output")))  # fmt: skip


@main.command("build")
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@folder_options("cards", "layouts", "output")
@click.option("--edition", help="Build only this regional edition (cards/editions/NAME.yaml).")
@click.option(
    "--size",
    "sizes",
    multiple=True,
    type=click.Choice(["A3", "A2", "A1"]),
    help="Poster size(s), instead of the sizes in the poster's YAML.",
)
@click.option(
    "--duplex",
    type=click.Choice(["long-edge", "short-edge"]),
    help="How your printer turns the sheet (default: the layout's long-edge).",
)
@click.option(
    "--back-offset",
    callback=lambda ctx, param, value: parse_offset(value),
    metavar="X,Y",
    help="Where the back lands, in mm, as read on the calibration sheet (right and up "
    "positive); the A4 sheets correct it.",
)
@click.option(
    "--check",
    "preflight_after",
    is_flag=True,
    help="Preflight every file written, each by its kind; exit 1 if one fails.",
)
@click.option("-v", "--verbose", is_flag=True, help="Say what is being built.")
@click.option("-q", "--quiet", is_flag=True, help="Print only errors.")
@click.option("--debug", is_flag=True, help="Show a traceback for every error.")
def build_command(
    files: tuple[Path, ...],
    cards: Path,
    layouts: Path,
    output: Path,
    edition: str | None,
    sizes: tuple[str, ...],
    duplex: str | None,
    back_offset: tuple[float, float],
    preflight_after: bool,
    verbose: bool,
    quiet: bool,
    debug: bool,
) -> None:
    """Build every product (or only those of the given content FILES) into the output folder."""
    Notes.install(logging.INFO if verbose else logging.ERROR if quiet else logging.WARNING)
    project = Project(cards=cards, layouts=layouts, output=output)
    printer = PrinterSettings(duplex, back_offset)
    with progress.shown_on(None if quiet else sys.stderr):
        written = guarded(
            lambda: build(project, Request(list(files) or None, edition, sizes or None, printer)),
            debug,
        )
    if not quiet:
        for path in written:
            click.echo(f"wrote {display_path(path)}")
    pdfs = [path for path in written if path.suffix == ".pdf"]
    if preflight_after and run_preflight(pdfs, None, quiet=True):
        sys.exit(1)


@main.command("validate")
@folder_options("cards", "layouts")
def validate_command(cards: Path, layouts: Path) -> None:
    """Check all content and layouts without rendering (text fit is checked by build)."""
    count = guarded(lambda: validate(Project(cards=cards, layouts=layouts, output=Path("output"))))
    click.echo(f"{count} content files checked: no problems.")


@main.command("changes")
@click.option(
    "--since",
    "since",
    metavar="REF",
    help="Compare with an earlier output/manifest.json or a git revision such as HEAD~1 "
    "(default: the latest release of each deck and poster, in cards/releases/).",
)
@folder_options("cards", "layouts", "output")
def changes_command(since: str | None, cards: Path, layouts: Path, output: Path) -> None:
    """Report what changed since the latest release (or REF), and write print files with only
    the changed cards; output/changes/ then holds exactly this report and these files."""
    Notes.install(logging.WARNING)
    project = Project(cards=cards, layouts=layouts, output=output)
    found = guarded(lambda: revision.changes(project, since))
    click.echo(found.text, nl=False)
    guarded(lambda: write_atomically(found.files))
    removed, failed = owned.remove(found.folder, found.stale)
    for path in removed:
        click.echo(f"removed {display_path(path)} (not of this run)")
    for message in failed:
        click.echo(f"warning: {message}", err=True)
    for path in sorted(found.files):
        click.echo(f"wrote {display_path(path)}")


@main.command("release")
@folder_options("cards", "layouts")
def release_command(cards: Path, layouts: Path) -> None:
    """Record the current edition of every deck and poster as printed: one file per edition
    in cards/releases/, to commit with the content. Refuses when texts changed under an
    edition that was released before."""
    project = Project(cards=cards, layouts=layouts, output=Path("output"))
    files, unchanged, products = guarded(lambda: revision.release(project))
    guarded(lambda: write_atomically(files))
    for path in sorted(files):
        click.echo(f"released {display_path(path)}")
    if unchanged:
        click.echo(f"already released, unchanged: {len(unchanged)} of {len(products)}")
    if not files:
        click.echo("nothing new to release: every edition is recorded as it is")


@main.command("watch")
@folder_options("cards", "layouts", "output")
@click.option("-v", "--verbose", is_flag=True, help="List every file written.")
@click.option("--debug", is_flag=True, help="Show a traceback for an internal error.")
def watch_command(cards: Path, layouts: Path, output: Path, verbose: bool, debug: bool) -> None:
    """Build, then rebuild what each saved content or layout file affects (Ctrl-C stops)."""
    import watchfiles  # here: only watch needs it (and its worker process)

    from generator.watch import Rebuild, Session, SourceFilter, watch

    for folder in (cards, layouts):
        if not folder.is_dir():
            raise click.BadParameter(f"{display_path(folder)} is not a folder to watch")
    notes = Notes.install(logging.WARNING)
    session = Session(Project(cards=cards, layouts=layouts, output=output))

    def done(changed: list[str], result: Rebuild) -> None:
        count = len(result.products)
        products = ", ".join(result.products) if count <= 4 else f"{count} products"
        products = products or "nothing (no product changed)"
        files = f"{len(result.written)} file{'s' if len(result.written) != 1 else ''}"
        click.echo(f"{_changed(changed)}: rebuilt {products} in "
                   f"{result.seconds * 1000:.0f} ms; wrote {files}")  # fmt: skip
        for path in result.written if verbose else ():
            click.echo(f"    {display_path(path)}")
        notes.said.clear()

    def failed(changed: list[str], error: UserError) -> None:
        click.echo(f"{_changed(changed)}:", err=True)
        report_problems(error)
        click.echo("Fix it and save again; watching.", err=True)
        notes.said.clear()

    def run() -> None:
        watch(session, [[(None, "start")]], done, failed)
        click.echo(f"watching {display_path(cards)}/ and {display_path(layouts)}/ "
                   "(Ctrl-C stops)")  # fmt: skip
        changes = watchfiles.watch(cards, layouts, watch_filter=SourceFilter(),
                                   raise_interrupt=False)  # fmt: skip
        watch(session, changes, done, failed)

    try:
        guarded(run, debug)
    finally:
        session.close()


def _changed(paths: list[str]) -> str:
    return ", ".join(display_path(Path(path)) for path in paths)


@main.command("serve")
@folder_options("cards", "layouts", "output")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True,
              help="The port on 127.0.0.1 to serve on (0: any free port).")  # fmt: skip
@click.option("--debug", is_flag=True, help="Show a traceback for an internal error.")
def serve_command(cards: Path, layouts: Path, output: Path, port: int, debug: bool) -> None:
    """Build, then show every card and poster on one page at http://127.0.0.1:PORT/ that
    updates itself after every save in cards/ or layouts/ (Ctrl-C stops)."""
    from generator.serve import terminal
    from generator.serve.run import serve

    terminal.check_folders(cards, layouts)
    server = terminal.bind(port)
    Notes.install(logging.WARNING)
    terminal.stop_on_terminate()
    language = click.get_current_context().find_root().params.get("lang")
    language = language or i18n.language_from_environment()
    report = terminal.reporter(server.url, report_problems)
    project = Project(cards=cards, layouts=layouts, output=output)
    guarded(lambda: serve(project, server, language, report), debug)


@main.command("preview")
@click.argument("pdfs", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@folder_options("output")
@click.option(
    "--dpi",
    type=click.IntRange(20, 600),
    help=f"Resolution (default {THUMBNAIL_DPI} for thumbnails, {DEFAULT_DPI} for pages).",
)
def preview_command(pdfs: tuple[Path, ...], output: Path, dpi: int | None) -> None:
    """PNG thumbnails of every card and poster built into the output folder, and one contact
    sheet with all cards, in OUT/preview/; or, given PDFS, a PNG of each of their pages."""
    folder = output / "preview"
    if pdfs:
        written = guarded(lambda: write_previews(list(pdfs), folder, dpi or DEFAULT_DPI))
    else:
        written = guarded(lambda: write_product_previews(output, folder, dpi or THUMBNAIL_DPI))
    for path in written:
        click.echo(f"wrote {display_path(path)}")


def run_preflight(pdfs: list[Path], profile: str | None, quiet: bool) -> int:
    """Check each file (by its kind when profile is None); print the findings; count failures."""
    failed = 0
    for path in pdfs:
        chosen = profile or profile_for(path.name)
        try:
            findings = preflight(read_pdf(path), chosen)
        except (PdfError, OSError) as error:  # no PDF, or none to open: a finding
            findings = [Finding(False, "document", f"cannot be read: {error}", "is it a PDF?",
                                "unreadable")]  # fmt: skip
        problems = [f for f in findings if not f.ok]
        failed += bool(problems)
        if quiet and not problems:
            continue
        click.echo(f"{display_path(path)} ({chosen}): {'FAIL' if problems else 'ok'}")
        for finding in findings:
            if finding.ok and not quiet:
                click.echo(f"    {finding.message}")
        for finding in problems:
            click.echo(f"  FAIL {finding.where}: {finding.message} [{finding.rule}]\n"
                       f"       fix: {finding.fix}")  # fmt: skip
    if failed:
        click.echo(f"{failed} of {len(pdfs)} file{'s' if len(pdfs) != 1 else ''} failed.", err=True)
    return failed


@main.command("check")
@click.argument(
    "pdfs", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option(
    "--profile",
    type=click.Choice(list(PROFILES)),
    help="print (print-shop file), office (sheets for an office printer) or screen; "
    "default: from the file name, else print.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print only problems.")
def check_command(pdfs: tuple[Path, ...], profile: str | None, quiet: bool) -> None:
    """Preflight PDFs (any PDF, not only ours); exit 1 if one has a problem."""
    if run_preflight(list(pdfs), profile, quiet):
        sys.exit(1)
