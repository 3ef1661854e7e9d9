"""The preflight's rules, by profile: each rule reads the facts and says what it found."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from generator.preflight.inspect import MM, DocumentFacts, PageFacts

MIN_TEXT_PT = 6.0
SAFE_MM = 4.0
BLEED_MM = 3.0
MAX_INK = 3.0  # 300 %
RGB_FAMILIES = {"DeviceRGB", "CalRGB", "ICCBased RGB", "Lab"}
TOLERANCE_MM = 0.01


@dataclass(frozen=True)
class Finding:
    """ok: a fact worth showing; not ok: a problem, with where it is and what to do."""

    ok: bool
    where: str
    message: str
    fix: str = ""


Rule = Callable[[DocumentFacts, dict], list[Finding]]


def _pages(facts: DocumentFacts) -> str:
    return f"{len(facts.pages)} page{'s' if len(facts.pages) != 1 else ''}"


def boxes(facts: DocumentFacts, limits: dict) -> list[Finding]:
    findings = []
    for page in facts.pages:
        if page.trim is None:
            findings.append(
                Finding(
                    False,
                    f"page {page.number}",
                    "has no TrimBox",
                    "set a TrimBox: it tells the print shop where to cut",
                )
            )
        elif not (
            _inside(page.trim, page.bleed or page.media)
            and _inside(page.bleed or page.media, page.media)
        ):
            findings.append(
                Finding(
                    False,
                    f"page {page.number}",
                    "TrimBox, BleedBox and MediaBox do not nest",
                    "the trim must lie inside the bleed, the bleed inside the page",
                )
            )
    sizes = sorted({_size(page) for page in facts.pages})
    findings.append(Finding(True, "document", f"{_pages(facts)}: {', '.join(sizes)}"))
    return findings


def bleed(facts: DocumentFacts, limits: dict) -> list[Finding]:
    findings = []
    for page in facts.pages:
        if page.trim is None:
            continue
        outer = page.bleed or page.media
        sides = {
            "left": page.trim[0] - outer[0], "bottom": page.trim[1] - outer[1],
            "right": outer[2] - page.trim[2], "top": outer[3] - page.trim[3],
        }  # fmt: skip
        short = {
            side: gap / MM for side, gap in sides.items() if gap / MM < BLEED_MM - TOLERANCE_MM
        }
        if short:
            where = ", ".join(f"{side} {mm:.1f} mm" for side, mm in short.items())
            findings.append(
                Finding(
                    False,
                    f"page {page.number}",
                    f"bleed too small ({where})",
                    f"extend backgrounds and the page {BLEED_MM:g} mm beyond the trim",
                )
            )
    return findings


def fonts(facts: DocumentFacts, limits: dict) -> list[Finding]:
    every = {font for page in facts.pages for font in page.fonts}
    findings = [
        Finding(False, "document", f"font {font.name} is not embedded",
                "embed every font (base-14 fonts such as Helvetica are never embedded)")
        for font in sorted(every, key=lambda f: f.name) if not font.embedded
    ]  # fmt: skip
    names = ", ".join(sorted({font.name for font in every})) or "none"
    findings.append(Finding(True, "document", f"fonts: {names}"))
    return findings


def colour(facts: DocumentFacts, limits: dict) -> list[Finding]:
    findings = []
    for page in facts.pages:
        rgb = sorted(page.color_spaces & RGB_FAMILIES)
        if rgb:
            findings.append(
                Finding(
                    False,
                    f"page {page.number}",
                    f"uses RGB colour ({', '.join(rgb)})",
                    "convert to CMYK for print",
                )
            )
    spaces = sorted({space for page in facts.pages for space in page.color_spaces})
    findings.append(Finding(True, "document", f"colour: {', '.join(spaces) or 'none'}"))
    return findings


def ink(facts: DocumentFacts, limits: dict) -> list[Finding]:
    return [
        Finding(False, f"page {page.number}", f"a colour has {page.max_ink:.0%} total ink",
                f"keep C+M+Y+K at or below {MAX_INK:.0%}")
        for page in facts.pages if page.max_ink > MAX_INK + 1e-6
    ]  # fmt: skip


def text_size(facts: DocumentFacts, limits: dict) -> list[Finding]:
    findings = []
    sizes = [text.size for page in facts.pages for text in page.texts]
    for page in facts.pages:
        small = [text for text in page.texts if text.size < MIN_TEXT_PT - 0.05]
        if small:
            sample = "".join(text.text for text in small[:20])
            findings.append(
                Finding(
                    False,
                    f"page {page.number}",
                    f'text at {min(t.size for t in small):.1f} pt ("{sample}")',
                    f"print needs at least {MIN_TEXT_PT:g} pt",
                )
            )
    if sizes:
        findings.append(Finding(True, "document", f"smallest text: {min(sizes):.1f} pt"))
    return findings


def safe_area(facts: DocumentFacts, limits: dict) -> list[Finding]:
    findings = []
    margin = SAFE_MM * MM
    for page in facts.pages:
        if page.trim is None:
            continue
        left, bottom, right, top = page.trim
        outside = [
            text for text in page.texts
            if text.box[0] < left + margin - 0.01 or text.box[1] < bottom + margin - 0.01
            or text.box[2] > right - margin + 0.01 or text.box[3] > top - margin + 0.01
        ]  # fmt: skip
        if outside:
            nearest = min(min(t.box[0] - left, t.box[1] - bottom, right - t.box[2], top - t.box[3])
                          for t in outside) / MM  # fmt: skip
            sample = "".join(text.text for text in outside[:20])
            findings.append(
                Finding(
                    False,
                    f"page {page.number}",
                    f'text {nearest:.1f} mm from the trim edge ("{sample}")',
                    f"keep text at least {SAFE_MM:g} mm inside the trim",
                )
            )
    return findings


def images(facts: DocumentFacts, limits: dict) -> list[Finding]:
    needed = limits["min_ppi"]
    findings = [
        Finding(False, f"page {page.number}", f"an image at {image.ppi:.0f} ppi",
                f"use an image of at least {needed} ppi at its printed size")
        for page in facts.pages for image in page.images if image.ppi < needed - 0.5
    ]  # fmt: skip
    count = sum(len(page.images) for page in facts.pages)
    findings.append(Finding(True, "document", f"images: {count}"))
    return findings


def pdfx(facts: DocumentFacts, limits: dict) -> list[Finding]:
    problems = []
    if facts.pdfx is None:
        problems.append(("not marked PDF/X (no GTS_PDFXVersion)", "export as PDF/X-1a:2003"))
    if facts.output_intent is None:
        problems.append(("no PDF/X output intent", "name the printing condition, e.g. FOGRA39"))
    if facts.trapped not in ("/True", "/False"):
        problems.append(("Trapped is not True or False", "set Trapped in the document info"))
    if not facts.has_id:
        problems.append(("no document ID", "PDF/X requires an ID in the trailer"))
    if facts.pdfx == "PDF/X-1:2003" and facts.version > "1.4":
        problems.append(
            (f"PDF {facts.version} is newer than PDF/X-1a:2003 allows", "write PDF 1.4")
        )
    findings = [Finding(False, "document", message, fix) for message, fix in problems]
    findings.append(
        Finding(
            True,
            "document",
            f"PDF/X: {facts.pdfx or 'none'}, output intent "
            f"{facts.output_intent or 'none'}, PDF {facts.version}",
        )
    )
    return findings


def interactive(facts: DocumentFacts, limits: dict) -> list[Finding]:
    findings = [
        Finding(False, f"page {page.number}", f"{page.annotations} link(s) or annotation(s)",
                "a print-shop file has no links or notes")
        for page in facts.pages if page.annotations
    ]  # fmt: skip
    if facts.has_forms:
        findings.append(Finding(False, "document", "has form fields", "flatten or remove the form"))
    return findings


# What each kind of file must pass, and the limits that differ between them.
PROFILES: dict[str, tuple[list[Rule], dict]] = {
    "print": (
        [boxes, bleed, fonts, colour, ink, text_size, safe_area, images, pdfx, interactive],
        {"min_ppi": 300},
    ),
    "office": ([fonts, ink, text_size, images], {"min_ppi": 200}),
    "screen": ([fonts, text_size, images], {"min_ppi": 96}),
}


def preflight(facts: DocumentFacts, profile: str) -> list[Finding]:
    rules, limits = PROFILES[profile]
    return [finding for rule in rules for finding in rule(facts, limits)]


def _inside(inner, outer) -> bool:
    tolerance = TOLERANCE_MM * MM
    return (inner[0] >= outer[0] - tolerance and inner[1] >= outer[1] - tolerance
            and inner[2] <= outer[2] + tolerance and inner[3] <= outer[3] + tolerance)  # fmt: skip


def _size(page: PageFacts) -> str:
    box = page.trim or page.media
    text = f"{(box[2] - box[0]) / MM:.1f} × {(box[3] - box[1]) / MM:.1f} mm"
    if page.trim is not None:
        outer = page.bleed or page.media
        text += f" trim, {(page.trim[0] - outer[0]) / MM:.1f} mm bleed"
    return text


# The profile each of our products is checked with, by the end of its file name.
PRODUCT_PROFILES = {
    "_print.pdf": "print",
    "_a4-duplex.pdf": "office",
    "_duplex-calibration.pdf": "office",
    "_digital.pdf": "screen",
    "_checklist.pdf": "screen",
}


def profile_for(name: str) -> str:
    return next((p for end, p in PRODUCT_PROFILES.items() if name.endswith(end)), "print")
