"""The preflight's profiles: which rules each kind of file must pass, with its limits."""

from __future__ import annotations

from generator.model.press import PressProfile
from generator.model.product_kinds import profile_suffixes
from generator.preflight import marking_rules as marking
from generator.preflight import overprint_rules as overprint
from generator.preflight import pdfx_rules as pdfx
from generator.preflight import press_rules as press
from generator.preflight.facts import DocumentFacts
from generator.preflight.findings import Finding, Rule
from generator.preflight.marking_rules import PDFX_VERSION

# What each kind of file must pass, and the limits that differ between them.
PROFILES: dict[str, tuple[list[Rule], dict]] = {
    "print": (
        [
            pdfx.readable, pdfx.syntax, marking.identity, marking.output_intent, pdfx.page_boxes,
            press.bleed, pdfx.transparency, pdfx.colour, press.fonts, pdfx.printed_annotations,
            pdfx.forbidden, pdfx.filters, press.ink, press.rich_black, press.thin_lines,
            press.fine_tints, press.registration, press.white_overprint, press.text_size,
            press.safe_area, press.images, overprint.spot_colours, overprint.stacked_ink,
            overprint.black_knockout, overprint.die_line,
        ],
        {"min_ppi": 300},
    ),
    "office": (
        [pdfx.readable, pdfx.syntax, press.fonts, press.ink, press.text_size, press.images],
        {"min_ppi": 200},
    ),
    "screen": (
        [pdfx.readable, pdfx.syntax, press.fonts, press.text_size, press.images],
        {"min_ppi": 96},
    ),
}  # fmt: skip


def preflight(
    facts: DocumentFacts, profile: str, press: PressProfile | None = None
) -> list[Finding]:
    """The findings of the profile's rules; a print file against the press's printer profile
    (its standard, condition and ink limit), or without one against PDF/X-1a:2003, any
    registered condition and 300 % ink."""
    rules, limits = PROFILES[profile]
    limits = {**limits, **press_limits(press)}
    return [finding for rule in rules for finding in rule(facts, limits)]


def press_limits(press: PressProfile | None) -> dict:
    if press is None:
        return {"standard": PDFX_VERSION}
    return {
        "standard": press.standard,
        "condition": press.condition,
        "ink_limit": press.ink_limit_pct / 100,
        "bleed_mm": press.bleed_mm,
        "safe_mm": press.safe_mm,
        "die_line": press.die_line.colour if press.die_line else None,
    }


# The profile each of our products is checked with, by the end of its file name.
PRODUCT_PROFILES = profile_suffixes()


def profile_for(name: str) -> str:
    return next((p for end, p in PRODUCT_PROFILES.items() if name.endswith(end)), "print")
