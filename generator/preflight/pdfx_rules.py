"""The PDF/X-1a:2003 rules (ISO 15930-4) a print shop's intake applies, one function each."""

from __future__ import annotations

import re

from generator.core.i18n import N_, _
from generator.model.press import STANDARDS
from generator.preflight.facts import MM, DocumentFacts, Use
from generator.preflight.findings import Finding, info, problem

ALLOWED_COLOUR = {"DeviceCMYK", "DeviceGray", "Separation", "DeviceN", "Pattern"}
ALLOWED_FILTERS = {
    "ASCIIHexDecode", "ASCII85Decode", "LZWDecode", "FlateDecode", "RunLengthDecode",
    "CCITTFaxDecode", "JBIG2Decode", "DCTDecode", "AHx", "A85", "LZW", "Fl", "RL", "CCF",
    "DCT",
}  # fmt: skip
TOLERANCE = 0.01 * MM
# What PDF/X forbids, by the kind a reader gives it: the rule, and what to do.
FORBIDDEN = {
    "action": ("actions", N_("remove actions and JavaScript: a print file does nothing by itself")),
    "form": ("forms", N_("flatten the form fields into the page, or remove them")),
    "opi": ("opi", N_("replace OPI placeholders by the high-resolution images themselves")),
    "postscript": ("postscript", N_("remove PostScript: PDF/X allows only PDF drawing")),
    "transfer": ("transfer", N_("remove transfer functions: the print shop's RIP applies its own")),
}


def page_boxes(facts: DocumentFacts, limits: dict) -> list[Finding]:
    """TrimBox or ArtBox (not both) on every page; TrimBox ⊆ BleedBox ⊆ MediaBox."""
    found = []
    for page in facts.pages:
        where = f"page {page.number}"
        if page.trim is None and page.art is None:
            found.append(
                problem(
                    "page-boxes",
                    where,
                    _("has no TrimBox"),
                    _("set a TrimBox: it tells the print shop where to cut"),
                )
            )
            continue
        if page.trim is not None and page.art is not None:
            found.append(
                problem(
                    "page-boxes",
                    where,
                    _("has both a TrimBox and an ArtBox"),
                    _("keep the TrimBox only"),
                )
            )
        inner = page.trim or page.art
        outer = page.bleed or page.media
        if not (_inside(inner, outer) and _inside(outer, page.media)):
            found.append(
                problem(
                    "page-boxes",
                    where,
                    _("TrimBox, BleedBox and MediaBox do not nest"),
                    _("the trim must lie inside the bleed, the bleed inside the page"),
                )
            )
    return found


def transparency(facts: DocumentFacts, limits: dict) -> list[Finding]:
    if STANDARDS[limits["standard"]].transparency:
        return []  # PDF/X-4 keeps transparency live: the RIP flattens it
    return [
        problem(
            "transparency",
            use.where,
            _("uses transparency: {what}").format(what=use.what),
            _("flatten transparency before export (PDF/X-1a allows none)"),
        )
        for use in sorted(facts.transparency, key=_order)
    ]


def colour(facts: DocumentFacts, limits: dict) -> list[Finding]:
    """Only CMYK, gray and spot colour, in content, images, shadings, patterns, glyphs and
    annotation appearances."""
    found = [
        problem(
            "colour",
            use.where,
            _("uses {space} colour").format(space=use.what),
            _("convert to CMYK (or a spot colour) for print"),
        )
        for use in sorted(facts.colour_spaces, key=_order)
        if use.what not in ALLOWED_COLOUR
    ]
    spaces = sorted({use.what for use in facts.colour_spaces})
    found.append(info(_("colour: {spaces}").format(spaces=", ".join(spaces) or _("none"))))
    return found


def printed_annotations(facts: DocumentFacts, limits: dict) -> list[Finding]:
    """No annotation on the printed area (within the BleedBox) but printer's marks."""
    found = []
    for page in facts.pages:
        area = page.bleed or page.trim or page.media
        for annotation in page.annotations:
            if annotation.subtype in ("PrinterMark", "TrapNet"):
                continue
            if _overlap(annotation.rect, area):
                found.append(
                    problem(
                        "annotations",
                        annotation.where,
                        _("an annotation (link, note or field) on the printed area"),
                        _("remove links, notes and fields from a print file"),
                    )
                )
    return found


def forbidden(facts: DocumentFacts, limits: dict) -> list[Finding]:
    """Actions, JavaScript, forms, OPI, PostScript, transfer functions; encryption."""
    found = [
        problem(
            FORBIDDEN[use.kind][0],
            use.where,
            _("has {what}, which PDF/X forbids").format(what=use.what),
            _(FORBIDDEN[use.kind][1]),
        )
        for use in sorted(facts.forbidden, key=_order)
    ]
    if facts.encrypted:
        found.append(
            problem(
                "encryption",
                "document",
                _("is encrypted"),
                _("save it without a password or restrictions"),
            )
        )
    return found


def filters(facts: DocumentFacts, limits: dict) -> list[Finding]:
    return [
        problem(
            "filters",
            use.where,
            _("a stream compressed with {filter}").format(filter=use.what),
            _(
                "export again: PDF/X-1a allows Flate, LZW, JPEG (DCT), CCITT, JBIG2, RunLength and "
                "ASCII filters"
            ),
        )
        for use in sorted(facts.filters, key=_order)
        if use.what not in ALLOWED_FILTERS
    ]


def readable(facts: DocumentFacts, limits: dict) -> list[Finding]:
    return [
        problem(
            "unreadable",
            use.where,
            _("cannot be read: {error}").format(error=use.what),
            _("export the file again; a RIP will stop here too"),
        )
        for use in facts.unreadable
    ]


# What a syntax fact says, by its kind: qpdf's warning, or an operator PDF does not define.
SYNTAX_MESSAGES = {
    "syntax": N_("its content does not parse: {what}"),
    "operator": N_("its content has an operator PDF does not define: '{what}'"),
}


def syntax(facts: DocumentFacts, limits: dict) -> list[Finding]:
    """Content a RIP cannot read as written: qpdf's check, and junk words between operators."""
    return [
        problem(
            "content-syntax",
            use.where,
            _(SYNTAX_MESSAGES[use.kind]).format(what=use.what),
            _("export the file again; a RIP may stop here, or print it otherwise than shown"),
        )
        for use in facts.syntax
    ]


def _order(use: Use) -> tuple:
    return _where_key(use.where), use.what


def _where_key(where: str) -> tuple:
    match = re.match(r"page (\d+)", where)
    return (int(match[1]) if match else 0, where)


def _inside(inner, outer) -> bool:
    return (
        inner[0] >= outer[0] - TOLERANCE
        and inner[1] >= outer[1] - TOLERANCE
        and inner[2] <= outer[2] + TOLERANCE
        and inner[3] <= outer[3] + TOLERANCE
    )


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
