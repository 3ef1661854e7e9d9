"""`build`: every product (or those of some content files) into the output folder; a build
whose inputs are all as they were at the last one is skipped (build/unchanged.py)."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from generator.build.pipeline import Request, build
from generator.build.unchanged import LastBuild, inputs_digest, record, unchanged
from generator.cli import progress
from generator.cli.console import (
    Heard,
    Notes,
    build_summary,
    folder_kept,
    nothing_changed,
    run_preflight,
    said_again,
)
from generator.cli.options import (
    folder_options,
    guarded,
    parse_offset,
    printer_option,
    quiet_option,
    quiet_wanted,
)
from generator.core import i18n
from generator.core.errors import display_path
from generator.core.i18n import N_, _
from generator.core.project import PrinterSettings, Project
from generator.model.press import DEFAULT_PRESS
from generator.validate.press import load_press
from generator.write.outputs import Written


@click.command(
    "build",
    help=N_("Build every product (or only those of the given content FILES) into the output "
            "folder."),
)  # fmt: skip
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@folder_options("cards", "layouts", "output")
@click.option("--edition", help=N_("Build only this regional edition (cards/editions/NAME.yaml)."))
@click.option(
    "--size",
    "sizes",
    multiple=True,
    type=click.Choice(["A3", "A2", "A1"]),
    help=N_("Poster size(s), instead of the sizes in the poster's YAML."),
)
@click.option(
    "--duplex",
    type=click.Choice(["long-edge", "short-edge"]),
    help=N_("How your printer turns the sheet (default: the layout's long-edge)."),
)
@click.option(
    "--back-offset",
    callback=lambda ctx, param, value: parse_offset(value),
    metavar="X,Y",
    help=N_("Where the back lands, in mm, as read on the calibration sheet (right and up "
            "positive); the A4 sheets correct it."),
)  # fmt: skip
@printer_option(DEFAULT_PRESS, N_("The print shop's printer profile "
                                   "(layouts/printers/NAME.yaml; default: default)."))  # fmt: skip
@click.option(
    "--check",
    "preflight_after",
    is_flag=True,
    help=N_("Preflight every file written, each by its kind; exit 1 if one fails."),
)
@click.option("-v", "--verbose", is_flag=True, help=N_("Say what is being built."))
@quiet_option
@click.option("--debug", is_flag=True, help=N_("Show a traceback for every error."))
def build_command(
    files: tuple[Path, ...],
    cards: Path,
    layouts: Path,
    output: Path,
    edition: str | None,
    sizes: tuple[str, ...],
    duplex: str | None,
    back_offset: tuple[float, float],
    press: str,
    preflight_after: bool,
    verbose: bool,
    quiet: bool,
    debug: bool,
) -> None:
    quiet = quiet_wanted(quiet)
    Notes.install(logging.INFO if verbose else logging.ERROR if quiet else logging.WARNING)
    project = Project(cards=cards, layouts=layouts, output=output)
    printer = PrinterSettings(duplex, back_offset, press)
    request = Request(list(files) or None, edition, sizes or None, printer)
    digest = inputs_digest(project, (files, edition, sizes, printer, i18n.current()))
    last = unchanged(project, digest)
    if last is not None:  # nothing read has changed: the same bytes, already there
        said_again(last)
        written = Written([output / p for p in last.paths], [output / p for p in last.revision],
                          to_send=last.to_send, partial=last.partial)  # fmt: skip
    else:
        with progress.shown_on(None if quiet else sys.stderr), Heard() as heard:
            written = guarded(
                lambda: build(project, request), debug,
                summary=lambda count: folder_kept(project.output) + nothing_changed(count),
            )  # fmt: skip
        last = LastBuild(digest, {}, [str(p.relative_to(output)) for p in written.paths],
                         [str(p.relative_to(output)) for p in written.revision],
                         written.to_send, written.partial, heard.notes)  # fmt: skip
    for path in written.changed if verbose else ():
        click.echo(_("wrote {file}").format(file=display_path(path)))
    pdfs = [path for path in [*written, *written.revision] if path.suffix == ".pdf"]
    chosen = guarded(lambda: load_press(press, layouts), debug) if preflight_after else None
    failed: int | None = None
    if chosen is not None:
        failed = (
            0 if chosen.label in last.checked else run_preflight(pdfs, None, True, press=chosen)
        )
        if not failed:
            last.checked = sorted({*last.checked, chosen.label})
    record(project, last)
    if not quiet:
        click.echo(build_summary(written, failed, project.output))
    if failed:
        sys.exit(1)
