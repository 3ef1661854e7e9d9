"""Where a project's content, layouts and outputs live, and how its office printer prints."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.core.errors import Location, fail
from generator.core.i18n import _

EDITIONS_FOLDER = "editions"
LAYOUTS_FOLDER = Path("layouts")  # a project's own layouts, beside its cards/
PACKAGE = Path(__file__).resolve().parent.parent
# The layouts that come with the generator: an installed package carries them as
# generator/_layouts (setup.py copies them there); the repository, and an editable install of
# it, has them as the top-level layouts/ folder beside generator/.
SHIPPED_LAYOUTS = (PACKAGE / "_layouts", PACKAGE.parent / "layouts")


def shipped_layouts() -> Path:
    """The layouts that come with the generator."""
    return next((folder for folder in SHIPPED_LAYOUTS if folder.is_dir()), SHIPPED_LAYOUTS[0])


def default_layouts() -> Path:
    """The layouts a project uses when --layouts does not say: its own layouts/ folder (in the
    working directory) when it has one, else those that come with the generator."""
    return LAYOUTS_FOLDER if LAYOUTS_FOLDER.is_dir() else shipped_layouts()


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
    press: str = "default"  # the print shop's printer profile (layouts/printers/NAME.yaml)
