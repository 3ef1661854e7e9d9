"""The command line's shared parts: the folder options, -q, the help in the language spoken,
and how a command's work is run (a user's mistake as problems, a bug as one line)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import click

from generator.cli.console import nothing_changed, report_problems
from generator.core import i18n
from generator.core.errors import UserError
from generator.core.i18n import N_, _
from generator.core.project import default_layouts

T = TypeVar("T")


def parse_offset(value: str | None) -> tuple[float, float]:
    """'1.5,-0.5' as (1.5, -0.5): millimetres right and up."""
    if value is None:
        return (0.0, 0.0)
    try:
        x, y = (float(part) for part in value.split(","))
    except ValueError:
        raise click.BadParameter(
            _("'{value}' is not X,Y in mm, such as 1.5,-0.5").format(value=value)
        ) from None
    if max(abs(x), abs(y)) > 10:
        raise click.BadParameter(_("more than 10 mm: measure again on the calibration sheet"))
    return (x, y)


HELP_OPTIONS = ["-h", "--help"]
HELP_TEXT = N_("Show this message and exit.")  # click's words for -h, made here to translate them


def translate_help(command: click.Command) -> None:
    """The help of a command, its options (-h too) and its subcommands in the language spoken:
    click reads the texts when it shows them, so they are swapped for their translations here
    (the English stays, for the next language)."""
    help_option = command.get_help_option(click.Context(command, help_option_names=HELP_OPTIONS))
    if help_option is not None:
        help_option.__dict__.setdefault("english_help", HELP_TEXT)
    for item in (command, *command.params, *filter(None, [help_option])):
        english = item.__dict__.setdefault("english_help", getattr(item, "help", None))
        setattr(item, "help", _(english) if english else english)  # noqa: B010 (not every param has help)
    for subcommand in getattr(command, "commands", {}).values():
        translate_help(subcommand)


# click's modules that say something to a user, each through its own `_` (and `ngettext`),
# imported from gettext: click's words (Usage:, Error:, Try '… --help' for help, Aborted!).
CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "termui", "types",
                 "utils")  # fmt: skip


def speak_for_click() -> None:
    """Let click say its own words in the language spoken: each of its modules looks up its `_`
    when it speaks, so ours (which reads the language then) stand in for gettext's; the Dutch
    is in locale/nl/LC_MESSAGES/click.po."""
    for name in CLICK_MODULES:
        module = getattr(click, name)
        if hasattr(module, "_"):
            module._ = i18n._
        if hasattr(module, "ngettext"):
            module.ngettext = i18n.ngettext


def language_asked(args: list[str]) -> str | None:
    """The language of `--lang nl` or `--lang=nl` before the command, read before click parses
    anything: so that its words about a mistake on the line (or --version) are in it too."""
    for number, arg in enumerate(args):
        if not arg.startswith("-"):
            return None  # the command: what follows is its own
        if arg == "--lang" and number + 1 < len(args):
            value = args[number + 1]
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        else:
            continue
        return value if value in i18n.LANGUAGES else None
    return None


def show_version(prog: str, version: str) -> Callable[[click.Context, click.Parameter, bool], None]:
    """The callback of --version: '<prog>, version <version>' in the language spoken."""

    def show(context: click.Context, parameter: click.Parameter, value: bool) -> None:
        if value and not context.resilient_parsing:
            click.echo(_("%(prog)s, version %(version)s") % {"prog": prog, "version": version})
            context.exit()

    return show


def quiet_wanted(quiet: bool) -> bool:
    """-q given after the command, or before it (`voorwie -q build`)."""
    return quiet or bool(click.get_current_context().find_root().params.get("quiet"))


quiet_option = click.option("-q", "--quiet", is_flag=True, help=N_("Print only errors."))


def printer_option(default: str | None, text: str) -> Callable[[Callable], Callable]:
    """`--printer NAME`: a print shop's printer profile (layouts/printers/NAME.yaml)."""
    return click.option("--printer", "press", default=default, metavar="NAME", help=text)


# The folders a command works with: option, parameter name, default, help.
FOLDERS = {
    "cards": ("--cards", "cards", "cards", N_("Folder with the content files.")),
    "layouts": (
        "--layouts",
        "layouts",
        default_layouts,
        N_(
            "Folder with the layouts [default: layouts, else the layouts that come with the "
            "generator]."
        ),
    ),
    "output": ("--out", "output", "output", N_("Folder for the files written.")),
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


def guarded(
    action: Callable[[], T], debug: bool = False, summary: Callable[[int], str] = nothing_changed
) -> T:
    """Run a command's work: a user's mistake is a list of problems (exit 1), a bug one line
    (exit 2); --debug shows the traceback of either."""
    try:
        return action()
    except UserError as error:
        if debug:
            raise
        report_problems(error, summary)
        sys.exit(1)
    except Exception as error:  # a bug, not a user mistake
        if debug:
            raise
        click.echo(
            _("internal error: {kind}: {error}\nrun again with --debug for the details, and "
              "please report it").format(kind=type(error).__name__, error=error),
            err=True,
        )  # fmt: skip
        sys.exit(2)
