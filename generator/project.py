"""Where a project's content, layouts and outputs live, and how its office printer prints."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.errors import Location, fail
from generator.i18n import _

EDITIONS_FOLDER = "editions"


@dataclass(frozen=True)
class Project:
    """Where content, layouts and outputs live."""

    cards: Path
    layouts: Path
    output: Path

    def content_files(self) -> list[Path]:
        if not self.cards.is_dir():
            raise fail(
                Location(self.cards),
                _("this folder does not exist"),
                _("check the folder after --cards, or run the generator in the project folder "
                  "(the one that holds cards/)"),
            )  # fmt: skip
        files = sorted(self.cards.glob("*.yaml"))
        if not files:
            raise fail(
                Location(self.cards),
                _("no content files (*.yaml) in this folder"),
                _("run the generator from the project folder, or pass --cards"),
            )
        return files

    def edition_files(self) -> list[Path]:
        return sorted((self.cards / EDITIONS_FOLDER).glob("*.yaml"))


@dataclass(frozen=True)
class PrinterSettings:
    """How the office printer turns and shifts the back; see the calibration sheet."""

    duplex: str | None = None  # long-edge or short-edge; None: the layout's choice
    back_offset_mm: tuple[float, float] = (0.0, 0.0)
