"""What `serve` says and checks on the terminal: its folders, its port, a line per update
(the problems as `build` reports them), and a clean stop on Ctrl-C or a stop button."""

from __future__ import annotations

import errno
import signal
import sys
from collections.abc import Callable
from pathlib import Path

import click

from generator.core.errors import UserError, display_path
from generator.core.i18n import _
from generator.desk.serve.desk import Update
from generator.desk.serve.run import Report
from generator.desk.serve.server import Server


def check_folders(*folders: Path) -> None:
    for folder in folders:
        if not folder.is_dir():
            message = _("{folder} is not a folder: serve follows the saves in cards/ and layouts/")
            raise click.BadParameter(message.format(folder=display_path(folder)))


def bind(port: int) -> Server:
    """The server, bound to 127.0.0.1:port before anything is built."""
    try:
        return Server(port)
    except OSError as error:
        message = _("cannot serve on port {port} ({reason}): is `voorwie serve` running "
                    "already? Open its page, or choose another port with --port")  # fmt: skip
        in_use = error.errno == errno.EADDRINUSE  # the usual reason, in the language spoken
        reason = _("another program uses it") if in_use else error.strerror or str(error)
        raise click.ClickException(message.format(port=port, reason=reason)) from None


def stop_on_terminate() -> None:
    """A stop button's TERM ends serve as Ctrl-C does: the worker and the server closed."""
    signal.signal(signal.SIGTERM, lambda *signal_and_frame: sys.exit(0))


def reporter(url: str, report_problems: Callable[[UserError], None]) -> Report:
    """A line per update; after the first build, where to look."""

    def report(changed: list[str], update: Update) -> None:
        saved = ", ".join(display_path(Path(p)) for p in changed) if changed else _("first build")
        if update.problems:
            click.echo(f"{saved}:", err=True)
            report_problems(UserError(update.problems))
            click.echo(_("The page shows the problems above the last good pictures; fix them "
                         "and save again."), err=True)  # fmt: skip
        else:
            milliseconds = round(update.seconds * 1000)
            click.echo(_("{saved}: page updated in {ms} ms").format(saved=saved, ms=milliseconds))
        if not changed:
            click.echo(_("Open {url} in your browser (Ctrl-C stops).").format(url=url))

    return report
