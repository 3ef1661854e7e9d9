"""`check`: preflight any PDFs, against a kind's profile and a print shop's printer profile."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.cli.console import run_preflight
from generator.cli.options import folder_options, guarded, printer_option, quiet_wanted
from generator.core.i18n import N_
from generator.preflight.rules import PROFILES
from generator.validate.press import load_press


@click.command("check", help=N_("Preflight PDFs (any PDF, not only ours); exit 1 if one has a "
                                "problem."))  # fmt: skip
@click.argument(
    "pdfs", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option(
    "--profile",
    type=click.Choice(list(PROFILES)),
    help=N_("print (print-shop file), office (sheets for an office printer) or screen; "
            "default: from the file name, else print."),
)  # fmt: skip
@printer_option(None, N_("Check print files against this printer profile "
                          "(layouts/printers/NAME.yaml)."))  # fmt: skip
@folder_options("layouts")
@click.option("-q", "--quiet", is_flag=True, help=N_("Print only problems."))
@click.option("--all", "every", is_flag=True, help=N_("List each problem, alike or not."))
def check_command(
    pdfs: tuple[Path, ...], profile: str | None, press: str | None, layouts: Path, quiet: bool,
    every: bool,
) -> None:  # fmt: skip
    chosen = guarded(lambda: load_press(press, layouts)) if press else None
    if run_preflight(list(pdfs), profile, quiet_wanted(quiet), every, chosen):
        sys.exit(1)
