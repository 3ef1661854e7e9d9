"""What prints over what: spot colours a proof and a press without the spot plate must show
in CMYK, ink that overprinting piles up, and black text that knocks out instead of
overprinting. A page's paints carry no shapes, so what stacks is judged per page: an
overprinting colour against every fill of its page (a press's worst case)."""

from __future__ import annotations

from collections.abc import Iterable

from generator.core.i18n import _
from generator.preflight.facts import Cmyk, DocumentFacts, PageFacts
from generator.preflight.findings import Finding, problem
from generator.preflight.press_rules import INK_EPSILON, MAX_INK, PAINTS, is_tint

# A spot colour's alternate must be process colour: what a proof, the digital press and a
# print shop without that ink print instead of the spot plate.
PROCESS_ALTERNATES = {"DeviceCMYK", "DeviceGray"}
SOLID_BLACK: Cmyk = (0.0, 0.0, 0.0, 1.0)
# The spot colour names cutting plotters and die makers read as a knife (case aside).
DIE_LINE_NAMES = {"cutcontour", "thru-cut", "kiss-cut", "diecut", "die cut", "stanzkontur"}


def spot_colours(facts: DocumentFacts, limits: dict) -> list[Finding]:
    found = []
    for use in sorted(facts.spots, key=lambda use: (use.where, use.what)):
        if use.kind in PROCESS_ALTERNATES:
            continue
        message = (
            _("spot colour '{name}' has {alternate} as its alternate").format(
                name=use.what, alternate=use.kind
            )
            if use.kind
            else _("spot colour '{name}' has no alternate colour space").format(name=use.what)
        )
        found.append(
            problem(
                "spot-colour",
                use.where,
                message,
                _("give it a CMYK alternate: a proof, or a press without the spot ink, prints it"),
            )
        )
    return found


def die_line(facts: DocumentFacts, limits: dict) -> list[Finding]:
    """A knife where the printer profile has none: a cutter cuts along any die line's spot
    colour it finds. (Judged only against a profile: `check` without --printer cannot know.)"""
    if "die_line" not in limits:
        return []
    wanted = limits["die_line"]
    found = []
    for use in sorted(facts.spots, key=lambda use: (use.where, use.what)):
        if use.what.casefold() in DIE_LINE_NAMES and use.what != wanted:
            found.append(
                problem(
                    "die-line",
                    use.where,
                    _("has a die line in spot colour '{name}', which the printer profile does not "
                      "ask for: the cutter would cut along it").format(name=use.what),
                    _("build with a printer profile that has a die_line, or take the die line out "
                      "of the file"),
                )
            )  # fmt: skip
    return found


def stacked_ink(facts: DocumentFacts, limits: dict) -> list[Finding]:
    """Overprinting keeps the inks under it where its own are zero (overprint mode 1)."""
    found = []
    for page in facts.pages:
        under = [p.ink for p in page.paints if p.kind == "fill" and not p.overprint and p.ink]
        worst = max(
            ((_stacked(ink, below), where, kind) for ink, where, kind in _overprinting(page)
             for below in under),
            default=None,
        )  # fmt: skip
        limit = limits.get("ink_limit", MAX_INK)
        if worst is not None and worst[0] > limit + 1e-6:
            total, where, kind = worst
            found.append(
                problem(
                    "ink",
                    where,
                    _(
                        "overprinting {paint} stacks up to {total:.0%} total ink on this page"
                    ).format(paint=_(PAINTS[kind]), total=total),
                    _("keep C+M+Y+K at or below {limit:.0%} where colours overprint").format(
                        limit=limit
                    ),
                )
            )
    return found


def black_knockout(facts: DocumentFacts, limits: dict) -> list[Finding]:
    """Solid black text should overprint: knocking out a tint leaves a white gap at any
    misregistration."""
    found = []
    for page in facts.pages:
        if not any(is_tint(p.ink) for p in page.paints if p.kind == "fill"):
            continue  # nothing to knock out of
        knocking = [t for t in page.texts if _is_solid_black(t.ink) and not t.overprint]
        if knocking:
            found.append(
                problem(
                    "black-overprint",
                    knocking[0].where,
                    _('black text knocks out the tint under it ("{sample}")').format(
                        sample=" ".join(t.sample for t in knocking[:3])[:60]
                    ),
                    _("set 100 % black text to overprint"),
                )
            )
    return found


def _overprinting(page: PageFacts) -> Iterable[tuple[Cmyk, str, str]]:
    yield from ((p.ink, p.where, p.kind) for p in page.paints if p.overprint and p.ink)
    yield from ((t.ink, t.where, "text") for t in page.texts if t.overprint and t.ink)


def _stacked(over: Cmyk, under: Cmyk) -> float:
    return sum(o if o > INK_EPSILON else u for o, u in zip(over, under, strict=True))


def _is_solid_black(ink: Cmyk | None) -> bool:
    return ink is not None and all(
        abs(value - solid) <= INK_EPSILON for value, solid in zip(ink, SOLID_BLACK, strict=True)
    )
