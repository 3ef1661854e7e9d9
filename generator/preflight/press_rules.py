"""The print shop's rules beyond PDF/X, and those every profile shares: bleed, fonts, ink,
text size and position, fine lines, black and white, image resolution."""

from __future__ import annotations

from collections.abc import Iterable

from generator.preflight.facts import MM, Cmyk, DocumentFacts, PageFacts, Text
from generator.preflight.findings import Finding, info, problem

BLEED_MM = 3.0
SAFE_MM = 4.0
MIN_TEXT_PT = 6.0
MAX_INK = 3.0  # 300 %
RICH_BLACK_BELOW_PT = 12.0  # smaller text in 100 % K plus other inks shows misregistration
THIN_LINE_PT = 0.25  # thinner lines break up or vanish on press
ONE_INK_BELOW_PT = 12.0  # text smaller than this, and …
ONE_INK_LINE_PT = 1.0  # … lines thinner than this, should be one ink: registration shows
INK_EPSILON = 0.005  # an ink below 0.5 % is no ink
TOLERANCE_MM = 0.01


def bleed(facts: DocumentFacts, limits: dict) -> list[Finding]:
    found = []
    for page in facts.pages:
        trim = page.trim or page.art
        if trim is None:
            continue
        outer = page.bleed or page.media
        sides = {
            "left": trim[0] - outer[0], "bottom": trim[1] - outer[1],
            "right": outer[2] - trim[2], "top": outer[3] - trim[3],
        }  # fmt: skip
        short = {
            side: gap / MM for side, gap in sides.items() if gap / MM < BLEED_MM - TOLERANCE_MM
        }
        if short:
            where = ", ".join(f"{side} {mm:.1f} mm" for side, mm in short.items())
            found.append(
                problem(
                    "bleed",
                    f"page {page.number}",
                    f"bleed too small ({where})",
                    f"extend backgrounds and the page {BLEED_MM:g} mm beyond the trim",
                )
            )
    sizes = sorted({_size(page) for page in facts.pages})
    found.append(info(f"{_count(len(facts.pages), 'page')}: {', '.join(sizes)}"))
    return found


def fonts(facts: DocumentFacts, limits: dict) -> list[Finding]:
    missing = {font.name: font.where for font in facts.fonts if not font.embedded}
    found = [
        problem(
            "fonts",
            where,
            f"font {name} is not embedded",
            "embed every font (base-14 fonts such as Helvetica are never embedded)",
        )
        for name, where in sorted(missing.items())
    ]
    found.append(info(f"fonts: {', '.join(sorted({f.name for f in facts.fonts})) or 'none'}"))
    return found


def ink(facts: DocumentFacts, limits: dict) -> list[Finding]:
    found = []
    for page in facts.pages:
        heavy = [(sum(ink), where) for ink, where in _inks(page) if sum(ink) > MAX_INK + 1e-6]
        if heavy:
            total, where = max(heavy)
            found.append(
                problem(
                    "ink",
                    where,
                    f"a colour has {total:.0%} total ink",
                    f"keep C+M+Y+K at or below {MAX_INK:.0%}",
                )
            )
    return found


def text_size(facts: DocumentFacts, limits: dict) -> list[Finding]:
    found = []
    for page in facts.pages:
        small = [text for text in page.texts if text.size < MIN_TEXT_PT - 0.05]
        if small:
            found.append(
                problem(
                    "text-size",
                    small[0].where,
                    f'text at {min(t.size for t in small):.1f} pt ("{_sample(small)}")',
                    f"print needs at least {MIN_TEXT_PT:g} pt",
                )
            )
    sizes = [text.size for page in facts.pages for text in page.texts]
    if sizes:
        found.append(info(f"smallest text: {min(sizes):.1f} pt"))
    return found


def safe_area(facts: DocumentFacts, limits: dict) -> list[Finding]:
    found = []
    margin = SAFE_MM * MM
    for page in facts.pages:
        trim = page.trim or page.art
        if trim is None:
            continue
        near = {text: _distance(text, trim) for text in page.texts}
        outside = [text for text, gap in near.items() if gap < margin - 0.01]
        if outside:
            nearest = min(near[text] for text in outside) / MM
            found.append(
                problem(
                    "safe-area",
                    outside[0].where,
                    f'text {nearest:.1f} mm from the trim edge ("{_sample(outside)}")',
                    f"keep text at least {SAFE_MM:g} mm inside the trim",
                )
            )
    return found


def images(facts: DocumentFacts, limits: dict) -> list[Finding]:
    needed = limits["min_ppi"]
    found = [
        problem(
            "image-resolution",
            image.where,
            f"an image at {image.ppi:.0f} ppi",
            f"use an image of at least {needed} ppi at its printed size",
        )
        for page in facts.pages
        for image in page.images
        if image.ppi < needed - 0.5
    ]
    found.append(info(f"images: {sum(len(page.images) for page in facts.pages)}"))
    return found


def rich_black(facts: DocumentFacts, limits: dict) -> list[Finding]:
    found = []
    for page in facts.pages:
        rich = [t for t in page.texts if t.size < RICH_BLACK_BELOW_PT and _is_rich_black(t.ink)]
        if rich:
            found.append(
                problem(
                    "rich-black",
                    rich[0].where,
                    f"{rich[0].size:.1f} pt text in rich black "
                    f'({_percent(rich[0].ink)}: "{_sample(rich)}")',
                    f"set text below {RICH_BLACK_BELOW_PT:g} pt in 100 % K only",
                )
            )
    return found


def thin_lines(facts: DocumentFacts, limits: dict) -> list[Finding]:
    found = []
    for page in facts.pages:
        thin = [
            p
            for p in page.paints
            if p.kind == "stroke"
            and p.width is not None
            and p.width < THIN_LINE_PT - 0.001
            and _inks_used(p.ink) != 0
        ]
        if thin:
            line = min(thin, key=lambda p: p.width)
            found.append(
                problem(
                    "thin-lines",
                    line.where,
                    f"a line of {line.width:.2f} pt",
                    f"make lines at least {THIN_LINE_PT:g} pt wide",
                )
            )
    return found


def registration(facts: DocumentFacts, limits: dict) -> list[Finding]:
    """Small text and thin lines in one ink: in several, misregistration blurs them."""
    found = []
    for page in facts.pages:
        texts = [
            t
            for t in page.texts
            if t.size < ONE_INK_BELOW_PT and _inks_used(t.ink) > 1 and not _is_rich_black(t.ink)
        ]
        if texts:
            found.append(
                problem(
                    "registration",
                    texts[0].where,
                    f"{texts[0].size:.1f} pt text in {_inks_used(texts[0].ink)} inks "
                    f'({_percent(texts[0].ink)}: "{_sample(texts)}")',
                    f"set text below {ONE_INK_BELOW_PT:g} pt in one ink",
                )
            )
        lines = [
            p
            for p in page.paints
            if p.kind == "stroke"
            and p.width is not None
            and p.width < ONE_INK_LINE_PT
            and _inks_used(p.ink) > 1
        ]
        if lines:
            found.append(
                problem(
                    "registration",
                    lines[0].where,
                    f"a {lines[0].width:.2f} pt line in {_inks_used(lines[0].ink)} "
                    f"inks ({_percent(lines[0].ink)})",
                    f"draw lines under {ONE_INK_LINE_PT:g} pt in one ink",
                )
            )
    return found


def white_overprint(facts: DocumentFacts, limits: dict) -> list[Finding]:
    found = []
    for page in facts.pages:
        marks = [(p.where, p.kind) for p in page.paints if p.overprint and _is_white(p.ink)]
        marks += [(t.where, "text") for t in page.texts if t.overprint and _is_white(t.ink)]
        if marks:
            where, kind = sorted(marks)[0]
            found.append(
                problem(
                    "white-overprint",
                    where,
                    f"white {kind} is set to overprint: it will not print",
                    "set white to knock out (overprint off)",
                )
            )
    return found


def _inks(page: PageFacts) -> Iterable[tuple[Cmyk, str]]:
    yield from ((p.ink, p.where) for p in page.paints if p.ink is not None)
    yield from ((t.ink, t.where) for t in page.texts if t.ink is not None)


def _inks_used(ink: Cmyk | None) -> int:
    return 1 if ink is None else sum(value > INK_EPSILON for value in ink)


def _is_rich_black(ink: Cmyk | None) -> bool:
    return ink is not None and ink[3] >= 1 - INK_EPSILON and _inks_used(ink) > 1


def _is_white(ink: Cmyk | None) -> bool:
    return ink is not None and _inks_used(ink) == 0


def _percent(ink: Cmyk | None) -> str:
    if ink is None:
        return "spot colour"
    used = [(name, value) for name, value in zip("CMYK", ink, strict=True) if value > INK_EPSILON]
    return " ".join(f"{name}{value * 100:.0f}" for name, value in used) or "white"


def _distance(text: Text, trim) -> float:
    """How far the text's box stays inside the trim (negative: it reaches outside)."""
    box = text.box
    return min(box[0] - trim[0], box[1] - trim[1], trim[2] - box[2], trim[3] - box[3])


def _sample(texts: list[Text]) -> str:
    return " ".join(text.sample for text in texts[:3])[:60]


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' if number != 1 else ''}"


def _size(page: PageFacts) -> str:
    box = page.trim or page.art or page.media
    text = f"{(box[2] - box[0]) / MM:.1f} × {(box[3] - box[1]) / MM:.1f} mm"
    if page.trim is not None or page.art is not None:
        outer = page.bleed or page.media
        text += f" trim, {(box[0] - outer[0]) / MM:.1f} mm bleed"
    return text
