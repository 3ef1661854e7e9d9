"""The layout files a build reads, each read and checked once: the layouts by name, the HTML
page's settings, the checklist form's and the reports'; and the checks of content against them.

A session's cache (watch) keeps what was read while the files' bytes are unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TypeVar

from generator.core.cache import RenderCache, fingerprint
from generator.core.errors import Location, Problem
from generator.core.i18n import _
from generator.load.layout_files import folder_fingerprint, read_layout_file
from generator.model.layout import (
    MEASURES,
    FormSettings,
    Layout,
    PageSettings,
    ReportSettings,
    ReportStyle,
)
from generator.model.poster import Poster
from generator.model.press import PressProfile
from generator.validate.layout import checked_layout
from generator.validate.press import load_press, press_file
from generator.validate.schema_check import read_settings

T = TypeVar("T")
HTML_FOLDER, PAGE_FILE = "html", "page.yaml"  # folders under layouts/, and their settings
FORM_FOLDER, FORM_FILE = "checklist-form", "form.yaml"
REPORT_FOLDER, REPORT_FILE = "report", "report.yaml"


def load_page_settings(folder: Path) -> PageSettings:
    """The HTML page's settings, or an error naming the file and the key."""
    doc = read_settings(folder / PAGE_FILE, "html-page", _("the HTML page's settings are missing"))
    return PageSettings(
        folder, doc["template"], dict(doc["font_weights"]), tuple(map(str, doc["labels"]))
    )


def load_form_settings(folder: Path) -> FormSettings:
    """The checklist form's settings, or an error naming the file, the line and the key."""
    missing = _("the checklist form's settings are missing")
    doc = read_settings(folder / FORM_FILE, "checklist-form", missing)
    measures = {k: float(doc[k]) for k in MEASURES}
    return FormSettings(folder, doc["template"], doc["page"], dict(doc["styles"]), **measures)


def load_report_settings(folder: Path) -> ReportSettings:
    """The reports' settings, or an error naming the file, the line and the key."""
    missing = _("the reports' settings are missing")
    doc = read_settings(folder / REPORT_FILE, "report", missing)
    styles = tuple((role, ReportStyle(**style)) for role, style in doc["styles"].items())
    return ReportSettings(doc["page"], float(doc["bleed_mm"]), float(doc["margin_mm"]), styles)


def form_problems(settings: FormSettings, layout: Layout, folder: Path) -> list[Problem]:
    """The form's styles must be the layout's."""
    missing = sorted(set(settings.styles.values()) - set(layout.styles))
    if not missing:
        return []
    return [Problem(Location(folder / FORM_FILE),
                    _("styles not in layout '{layout}': {styles}").format(
                        layout=layout.name, styles=", ".join(missing)),
                    _("use styles defined in {file}").format(file=layout.path.name))]  # fmt: skip


def missing_labels(poster: Poster, settings: PageSettings) -> list[Problem]:
    """The labels the page prints that the poster's content does not give."""
    return [
        Problem(poster.location("labels"),
                _("labels: the label '{label}' is missing; the HTML page prints it").format(
                    label=label),
                _("add '{label}: ...' under labels:").format(label=label))
        for label in settings.labels
        if label not in poster.labels
    ]  # fmt: skip


class Settings:
    """What the layouts folder holds, read once per build: keys hash the files read."""

    def __init__(self, layouts_dir: Path, cache: RenderCache | None = None) -> None:
        self.folder = layouts_dir
        self.cache = cache or RenderCache()
        self._layouts: dict[str, tuple[Layout, str]] = {}

    def __getstate__(self) -> dict:
        """Sent to the worker without the cache: the worker has its own."""
        return {**self.__dict__, "cache": None}

    def layout(self, name: str, asked_at: Location) -> Layout:
        """The checked layout called name; asked_at is where the content names it."""
        return self._layout(name, asked_at)[0]

    def layout_key(self, name: str) -> str:
        """A hash of the files the layout is drawn from (its folder and its base's)."""
        return self._layout(name, Location(self.folder))[1]

    def _layout(self, name: str, asked_at: Location) -> tuple[Layout, str]:
        if name not in self._layouts:
            source = read_layout_file(name, self.folder, asked_at)
            folders = [source.path.parent] + ([source.base.path.parent] if source.base else [])
            key = folder_fingerprint(*folders)
            layout = self.cache.memo(fingerprint("layout", key), lambda: checked_layout(source))
            self._layouts[name] = layout, key
        return self._layouts[name]

    @cached_property
    def _page(self) -> tuple[str, PageSettings]:
        return self._settings(HTML_FOLDER, load_page_settings)

    @cached_property
    def _form(self) -> tuple[str, FormSettings]:
        return self._settings(FORM_FOLDER, load_form_settings)

    @cached_property
    def _report(self) -> tuple[str, ReportSettings]:
        return self._settings(REPORT_FOLDER, load_report_settings)

    def _settings(self, folder: str, load: Callable[[Path], T]) -> tuple[str, T]:
        """A settings folder's key (a hash of its files) and its checked settings."""
        key = folder_fingerprint(self.folder / folder)
        return key, self.cache.memo(fingerprint(folder, key), lambda: load(self.folder / folder))

    @property
    def html_key(self) -> str:
        return self._page[0]

    @property
    def html(self) -> PageSettings:
        """layouts/html/page.yaml: the page's template and the labels it prints."""
        return self._page[1]

    @property
    def form_key(self) -> str:
        return self._form[0]

    @property
    def form(self) -> FormSettings:
        """layouts/checklist-form/form.yaml: the checklist form's page and measures."""
        return self._form[1]

    def press(self, name: str) -> PressProfile:
        """layouts/printers/NAME.yaml (the project's, else the shipped one), checked."""
        path = press_file(name, self.folder)
        key = fingerprint("press", name, path.read_bytes())
        return self.cache.memo(key, lambda: load_press(name, self.folder))

    @property
    def report_key(self) -> str:
        return self._report[0]

    @property
    def report(self) -> ReportSettings:
        """layouts/report/report.yaml: the page and styles of the order note and the review
        report."""
        return self._report[1]
