"""What the command line says on the terminal, in the reader's language: problems and what
they mean for the output, notes and warnings, a rebuild's line, a preflight's report."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click
from pikepdf import PasswordError, PdfError

from generator.build.unchanged import LastBuild
from generator.cli import progress
from generator.core.errors import UserError, display_path
from generator.core.i18n import N_, _, ngettext, number
from generator.model.item_names import product
from generator.model.press import PressProfile
from generator.preflight.document import read_pdf
from generator.preflight.grouping import Repeated, grouped
from generator.preflight.rules import preflight, profile_for
from generator.preflight.unreadable import unreadable
from generator.revise.order_note import PRINT_SHOP_FOLDER

if TYPE_CHECKING:
    from generator.desk.watch import Rebuild
    from generator.write.outputs import Written


def nothing_changed(count: int) -> str:
    """The summary of a command that writes: the output is as it was."""
    return ngettext(
        "{count} problem; no output was changed.", "{count} problems; no output was changed.", count
    ).format(count=count)


def fix_before_building(count: int) -> str:
    """The summary of `validate`, which writes nothing."""
    return ngettext(
        "{count} problem; fix it before building.", "{count} problems; fix them before building.",
        count,
    ).format(count=count)  # fmt: skip


SUMMARY_PRODUCTS = 3  # more than these: the summary counts them


def folder_kept(output: Path) -> str:
    """After a failed build: the print-shop folder is as the last good build left it (a
    line, if there is one)."""
    if not (output / PRINT_SHOP_FOLDER).is_dir():
        return ""
    return _("{folder} is still that of the last build that succeeded: it does not hold "
             "these edits until the build succeeds").format(
        folder=display_path(output / PRINT_SHOP_FOLDER)) + "\n"  # fmt: skip


def build_summary(written: Written, failed: int | None, output: Path) -> str:
    """What a build did, on one line: files made and changed, the preflight, what to send."""
    count = len(written.paths) + len(written.revision)
    files = ngettext("{count} file", "{count} files", count).format(count=count)
    checked = "" if failed is None else "; " + (_("preflight passed") if not failed else ngettext(
        "preflight: {count} file failed", "preflight: {count} files failed", failed).format(
        count=failed))  # fmt: skip
    folder = display_path(output / PRINT_SHOP_FOLDER)
    if written.partial:
        shop = _("{folder} is out of date: build everything to send from it").format(folder=folder)
    elif not written.to_send:
        shop = _("nothing to send to the print shop")
    elif len(written.to_send) > SUMMARY_PRODUCTS:
        shop = ngettext("to the print shop: {count} product, see {folder}",
                        "to the print shop: {count} products, see {folder}",
                        len(written.to_send)).format(count=len(written.to_send),
                                                     folder=folder)  # fmt: skip
    else:
        shop = _("to the print shop ({folder}): {what}").format(
            folder=folder, what="; ".join(written.to_send))  # fmt: skip
    return _("Done: {files}, {changed} changed{checked}; {shop}.").format(
        files=files, changed=len(written.changed), checked=checked, shop=shop)  # fmt: skip


def report_problems(error: UserError, summary: Callable[[int], str] = nothing_changed) -> None:
    """Every problem, then what it means for the output."""
    for problem in error:
        click.secho(_("error") + ": ", fg="red", bold=True, err=True, nl=False)
        click.echo(str(problem), err=True)
    click.echo(summary(len(error.problems)), err=True)


# What a note or warning says it is, by the prefix its log record asks for.
PREFIXES = {"note": N_("note"), "warning": N_("warning")}


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
            prefix = _(PREFIXES[getattr(record, "prefix", "note")])
            click.echo(f"{prefix}: {message}", err=True)

    @staticmethod
    def install(level: int) -> Notes:
        """A fresh handler for this run's notes (those of an earlier run stay said there)."""
        notes = Notes()
        logger = logging.getLogger("generator")
        logger.handlers = [notes]
        logger.setLevel(level)
        logger.propagate = False
        return notes


class Heard(logging.Handler):
    """The notes and warnings of a build, kept (as level, message, prefix) to be told again
    when the next build has nothing to do."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.notes: list[tuple[int, str, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.notes.append((record.levelno, record.getMessage(), getattr(record, "prefix", "note")))

    def __enter__(self) -> Heard:
        logging.getLogger("generator").addHandler(self)
        return self

    def __exit__(self, *exc: object) -> None:
        logging.getLogger("generator").removeHandler(self)


def said_again(last: LastBuild) -> None:
    """Tell the last build's notes and warnings again, as it told them."""
    logger = logging.getLogger("generator")
    for level, message, prefix in last.notes:
        logger.log(level, "%s", message, extra={"prefix": prefix})


def rebuilt_line(changed: str, result: Rebuild) -> str:
    """What a rebuild after a save did, on one line."""
    count = len(result.products)
    products = ", ".join(map(product, result.products)) if count <= 4 else ngettext(
        "{count} product", "{count} products", count).format(count=count)  # fmt: skip
    files = ngettext("{count} file", "{count} files", len(result.written))
    return _("{changed}: rebuilt {products} in {ms} ms; wrote {files}").format(
        changed=changed,
        products=products or _("nothing (no product changed)"),
        ms=number(result.seconds * 1000, 0),
        files=files.format(count=len(result.written)),
    )


def run_preflight(
    pdfs: list[Path],
    profile: str | None,
    quiet: bool,
    every: bool = False,
    press: PressProfile | None = None,
) -> int:
    """Check each file (by its kind when profile is None; print files against the press's
    printer profile, else the shipped default's rules); print the findings, those alike as
    one line unless every; count failures."""
    failed = 0
    for path in pdfs:
        chosen = profile or profile_for(path.name)
        try:
            findings = preflight(read_pdf(path), chosen, press)
        except (PdfError, PasswordError, OSError) as error:  # no PDF to read: one finding
            findings = [unreadable(path, error)]
        problems = [f for f in findings if not f.ok]
        failed += bool(problems)
        if quiet and not problems:
            continue
        verdict = _("FAIL") if problems else _("ok")
        click.echo(f"{display_path(path)} ({chosen}): {verdict}")
        for finding in findings:
            if finding.ok and not quiet:
                click.echo(f"    {finding.message}")
        fail, fix = _("FAIL"), _("fix")
        repeated = [Repeated(f, (f.where,)) for f in problems] if every else grouped(problems)
        for found in repeated:
            click.echo(f"  {fail} {found.place}: {found.finding.message} [{found.finding.rule}]\n"
                       f"       {fix}: {found.finding.fix}")  # fmt: skip
    if failed:
        summary = ngettext(
            "{failed} of {count} file failed.", "{failed} of {count} files failed.", len(pdfs)
        )
        click.echo(summary.format(failed=failed, count=len(pdfs)), err=True)
    return failed
