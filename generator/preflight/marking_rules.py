"""What marks a file PDF/X: its GTS_PDFXVersion and PDF version for the standard checked
against, the Info keys and trailer ID, the XMP metadata PDF/X-4 needs, and one output intent
for the printing condition (a printer profile's, when one is given)."""

from __future__ import annotations

import re

from generator.core.i18n import N_, _
from generator.model.press import STANDARDS
from generator.preflight.facts import DocumentFacts
from generator.preflight.findings import Finding, info, problem

PDFX_VERSION = "PDF/X-1a:2003"
# Versions a RIP recognises that are not X-1a:2003, and what to say about them.
OTHER_VERSIONS = {
    "PDF/X-1:2001": N_("is PDF/X-1a:2001 only with GTS_PDFXConformance (PDF/X-1a:2001)"),
    "PDF/X-1a:2001": N_("is not a GTS_PDFXVersion (that is PDF/X-1:2001 with a conformance key)"),
    "PDF/X-3:2002": N_("is PDF/X-3, which allows colour that PDF/X-1a does not"),
    "PDF/X-3:2003": N_("is PDF/X-3, which allows colour that PDF/X-1a does not"),
    "PDF/X-4": N_("is PDF/X-4, which allows transparency and colour that PDF/X-1a does not"),
    "PDF/X-4p": N_("is PDF/X-4p, which allows transparency and colour that PDF/X-1a does not"),
    "PDF/X-5g": N_("is PDF/X-5, which allows what PDF/X-1a does not"),
    "PDF/X-5pg": N_("is PDF/X-5, which allows what PDF/X-1a does not"),
}
UNKNOWN_VERSION = N_("is not a PDF/X version a RIP recognises")
MAX_PDF_VERSION = {"PDF/X-1a:2003": (1, 4), "PDF/X-1:2001": (1, 3), "PDF/X-4": (1, 6)}
# A PDF date with a time zone: D:YYYYMMDDHHmmSS then Z, or +HH'mm' / -HH'mm'.
DATE_WITH_ZONE = re.compile(r"^D:\d{14}(Z(00'?(00'?)?)?|[+-]\d{2}'?\d{2}'?)$")
ICC_REGISTRY = {"http://www.color.org", "http://www.color.org/", "www.color.org"}
# Characterization data registered with the ICC (www.color.org's registry), the identifiers
# a print shop's preflight knows without an embedded profile.
REGISTERED_CONDITIONS = {
    "FOGRA27", "FOGRA28", "FOGRA29", "FOGRA30", "FOGRA31", "FOGRA39", "FOGRA39L",
    "FOGRA40", "FOGRA40L", "FOGRA41", "FOGRA42", "FOGRA43", "FOGRA44", "FOGRA45", "FOGRA46",
    "FOGRA47", "FOGRA51", "FOGRA52", "FOGRA53", "FOGRA54", "FOGRA55", "FOGRA56", "FOGRA57",
    "FOGRA58", "FOGRA59", "FOGRA60", "FOGRA61", "FOGRA62", "CGATS TR 001", "CGATS TR 002",
    "CGATS TR 003", "CGATS TR 005", "CGATS TR 006", "CGATS TR 011", "CGATS TR 012",
    "CGATS TR 013", "CGATS TR 014", "CGATS TR 015", "CGATS TR 016", "CGATS21-2-CRPC1",
    "CGATS21-2-CRPC2", "CGATS21-2-CRPC3", "CGATS21-2-CRPC4", "CGATS21-2-CRPC5",
    "CGATS21-2-CRPC6", "CGATS21-2-CRPC7", "IFRA26", "IFRA30", "JC200103", "JCW2003",
    "JCN2002", "Japan Color 2011", "IDEAlliance GRACoL 2013", "PSR_LWC_PLUS_V2_M1",
    "PSR_LWC_STD_V2_M1", "PSR_SC_PLUS_V2_M1", "PSR_SC_STD_V2_M1", "PSO Coated v3",
    "PSO Uncoated v3 (FOGRA52)",
}  # fmt: skip


def identity(facts: DocumentFacts, limits: dict) -> list[Finding]:
    """GTS_PDFXVersion, the PDF version, the Info keys and the trailer ID."""
    found = []
    expected = limits["standard"]
    version = facts.info.get("GTS_PDFXVersion")
    conformance = facts.info.get("GTS_PDFXConformance")
    x1a_2001 = version == "PDF/X-1:2001" and conformance == "PDF/X-1a:2001"
    x1a_2001 = x1a_2001 and expected == PDFX_VERSION
    if version is None:
        found.append(
            problem(
                "pdfx-version",
                "document",
                _("not marked PDF/X (no GTS_PDFXVersion)"),
                _("export as {version}").format(version=expected),
            )
        )
    elif version != expected and not x1a_2001 and expected != PDFX_VERSION:
        found.append(
            problem(
                "pdfx-version",
                "document",
                _("GTS_PDFXVersion ({version}) is not {expected}, which the printer profile "
                  "asks for").format(version=version, expected=expected),
                _("export as {version}").format(version=expected),
            )
        )  # fmt: skip
    elif version != expected and not x1a_2001:
        why = _(OTHER_VERSIONS[version]) if version in OTHER_VERSIONS else _(UNKNOWN_VERSION)
        found.append(
            problem(
                "pdfx-version",
                "document",
                _("GTS_PDFXVersion ({version}) {why}").format(version=version, why=why),
                _("export as {version}: the key must read exactly that").format(
                    version=PDFX_VERSION
                ),
            )
        )
    limit = MAX_PDF_VERSION["PDF/X-1:2001" if x1a_2001 else expected]
    if _version(facts.version) > limit:
        allowed = ".".join(map(str, limit))
        found.append(
            problem(
                "pdf-version",
                "document",
                _("PDF {version} is newer than {standard} allows ({allowed})").format(
                    version=facts.version, standard=expected, allowed=allowed
                ),
                _("write PDF {allowed} (no object streams, no later features)").format(
                    allowed=allowed
                ),
            )
        )
    if STANDARDS.get(expected) and STANDARDS[expected].xmp:
        found += _xmp_agreement(facts, expected)
    if not facts.info.get("Title", "").strip():
        found.append(
            problem(
                "info-title",
                "document",
                _("the document has no Title"),
                _("set a Title in the document information"),
            )
        )
    for key in ("CreationDate", "ModDate"):
        value = facts.info.get(key)
        if value is None or not DATE_WITH_ZONE.match(value):
            said = (
                _("{key} is missing")
                if value is None
                else _("{key} is '{value}': it has no time zone or is no date")
            )
            found.append(
                problem(
                    "info-dates",
                    "document",
                    said.format(key=key, value=value),
                    _("write the date as D:YYYYMMDDHHmmSS with Z or +HH'mm'"),
                )
            )
    if facts.info.get("Trapped") not in ("/True", "/False"):
        found.append(
            problem(
                "info-trapped",
                "document",
                _("Trapped is {value}, not True or False").format(
                    value=facts.info.get("Trapped", _("missing"))
                ),
                _("set Trapped to False (or True if the file is trapped)"),
            )
        )
    if not facts.has_id:
        found.append(
            problem(
                "trailer-id",
                "document",
                _("the file has no document ID"),
                _("PDF/X requires an ID in the trailer: save it again with one"),
            )
        )
    marked = _("PDF/X: {version}, PDF {pdf}").format(
        version=version or _("none"), pdf=facts.version
    )
    found.append(info(marked))
    return found


def _xmp_agreement(facts: DocumentFacts, standard: str) -> list[Finding]:
    """PDF/X-4 names itself in XMP metadata too, and XMP and Info agree."""
    if facts.xmp.get("GTS_PDFXVersion") != standard:
        return [
            problem(
                "xmp",
                "document",
                _("the XMP metadata does not name {standard} (pdfxid:GTS_PDFXVersion)").format(
                    standard=standard
                ),
                _("export as {version}: it writes the XMP metadata").format(version=standard),
            )
        ]
    if facts.xmp.get("Title", "") != facts.info.get("Title", ""):
        return [
            problem(
                "xmp",
                "document",
                _("the XMP title is not the document information's Title"),
                _("give both the same title"),
            )
        ]
    return []


def output_intent(facts: DocumentFacts, limits: dict) -> list[Finding]:
    """One GTS_PDFX output intent naming its condition; a condition outside the ICC registry
    brings its own CMYK profile."""
    intents = [intent for intent in facts.intents if intent.subtype == "/GTS_PDFX"]
    fix = _("name a registered condition (e.g. FOGRA39) or embed its profile (DestOutputProfile)")
    if not intents:
        return [problem("output-intent", "document", _("no PDF/X output intent (GTS_PDFX)"), fix)]
    if len(intents) > 1:
        return [
            problem(
                "output-intent",
                "document",
                _("{count} PDF/X output intents, where one is allowed").format(count=len(intents)),
                _("keep one GTS_PDFX output intent"),
            )
        ]
    intent = intents[0]
    found = []
    wanted = limits.get("condition")
    if wanted and intent.identifier.strip() and intent.identifier != wanted:
        found.append(
            problem(
                "output-intent",
                "document",
                _("the file is made for {found}, the printer profile prints {wanted}").format(
                    found=intent.identifier, wanted=wanted
                ),
                _("make the file for {wanted}, or check it with the printer profile it was "
                  "made for").format(wanted=wanted),
            )
        )  # fmt: skip
    if not intent.identifier.strip():
        found.append(
            problem(
                "output-intent",
                "document",
                _("the output intent has no OutputConditionIdentifier"),
                fix,
            )
        )
    registered = intent.registry in ICC_REGISTRY and intent.identifier in REGISTERED_CONDITIONS
    if intent.profile_channels is None and intent.identifier.strip() and not registered:
        found.append(
            problem(
                "output-intent",
                "document",
                _(
                    "the condition '{condition}' is not in the ICC registry (RegistryName: "
                    "{registry}) and no profile is embedded"
                ).format(condition=intent.identifier, registry=intent.registry or _("none")),
                fix,
            )
        )
    if intent.profile_channels not in (None, 4):
        found.append(
            problem(
                "output-intent",
                "document",
                _("the output profile has {count} channels, not CMYK").format(
                    count=intent.profile_channels
                ),
                _("embed the CMYK profile of the printing condition"),
            )
        )
    found.append(info(_("output intent: {name}").format(name=intent.identifier or _("none"))))
    return found


def _version(text: str) -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in text.split("."))
    except ValueError:
        return (9, 9)
