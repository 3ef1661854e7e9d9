"""The print shop's rules beyond PDF/X, and those every profile shares: bleed, fonts, ink,
text size and position, fine lines, black and white, image resolution."""

from __future__ import annotations

from collections.abc import Iterable

from generator.core.i18n import N_, _, ngettext, number
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
# A tint is screened into dots: a tinted line thinner than this, or tinted text smaller than
# this, breaks up on press (hold them solid, or make them thicker and larger).
TINT_LINE_PT = 0.75
TINT_TEXT_PT = 8.0
TOLERANCE_MM = 0.01
SIDES = {"left": N_("left"), "bottom": N_("bottom"), "right": N_("right"), "top": N_("top")}
PAINTS = {"text": N_("text"), "fill": N_("fill"), "stroke": N_("stroke")}


def bleed(facts: DocumentFacts, limits: dict) -> list[Finding]:
    found = []
    wanted = limits.get("bleed_mm", BLEED_MM)
    for page in facts.pages:
        trim = page.trim or page.art
        if trim is None:
            continue
        outer = page.bleed or page.media
        sides = {
            "left": trim[0] - outer[0], "bottom": trim[1] - outer[1],
            "right": outer[2] - trim[2], "top": outer[3] - trim[3],
        }  # fmt: skip
        short = {side: gap / MM for side, gap in sides.items() if gap / MM < wanted - TOLERANCE_MM}
        if short:
            where = ", ".join(
                _("{side} {mm} mm").format(side=_(SIDES[side]), mm=number(mm, 1))
                for side, mm in short.items()
            )
            found.append(
                problem(
                    "bleed",
                    f"page {page.number}",
                    _("bleed too small ({sides})").format(sides=where),
                    _("extend backgrounds and the page {mm} mm beyond the trim").format(
                        mm=number(wanted)
                    ),
                )
            )
    sizes = sorted({_size(page) for page in facts.pages})
    pages = ngettext("{count} page: {sizes}", "{count} pages: {sizes}", len(facts.pages))
    found.append(info(pages.format(count=len(facts.pages), sizes=", ".join(sizes))))
    return found


def fonts(facts: DocumentFacts, limits: dict) -> list[Finding]:
    missing = {font.name: font.where for font in facts.fonts if not font.embedded}
    found = [
        problem(
            "fonts",
            where,
            _("font {name} is not embedded").format(name=name),
            _("embed every font (base-14 fonts such as Helvetica are never embedded)"),
        )
        for name, where in sorted(missing.items())
    ]
    names = ", ".join(sorted({f.name for f in facts.fonts})) or _("none")
    found.append(info(_("fonts: {names}").format(names=names)))
    return found


def ink(facts: DocumentFacts, limits: dict) -> list[Finding]:
    found = []
    for page in facts.pages:
        limit = limits.get("ink_limit", MAX_INK)
        heavy = [(sum(ink), where) for ink, where in _inks(page) if sum(ink) > limit + 1e-6]
        if heavy:
            total, where = max(heavy)
            found.append(
                problem(
                    "ink",
                    where,
                    _("a colour has {total:.0%} total ink").format(total=total),
                    _("keep C+M+Y+K at or below {limit:.0%}").format(limit=limit),
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
                    _('text at {size} pt ("{sample}")').format(
                        size=number(min(t.size for t in small), 1), sample=_sample(small)
                    ),
                    _("print needs at least {size} pt").format(size=number(MIN_TEXT_PT)),
                )
            )
    sizes = [text.size for page in facts.pages for text in page.texts]
    if sizes:
        found.append(info(_("smallest text: {size} pt").format(size=number(min(sizes), 1))))
    return found


def safe_area(facts: DocumentFacts, limits: dict) -> list[Finding]:
    """Text at least the safe zone inside the trim; text wholly beyond the bleed is a
    printer's mark (a slug), cut away with it."""
    found = []
    safe_mm = limits.get("safe_mm", SAFE_MM)
    margin = safe_mm * MM
    for page in facts.pages:
        trim = page.trim or page.art
        if trim is None:
            continue
        printed = page.bleed or trim
        near = {text: _distance(text, trim) for text in page.texts if _overlaps(text, printed)}
        outside = [text for text, gap in near.items() if gap < margin - 0.01]
        if outside:
            nearest = min(near[text] for text in outside) / MM
            found.append(
                problem(
                    "safe-area",
                    outside[0].where,
                    _('text {mm} mm from the trim edge ("{sample}")').format(
                        mm=number(nearest, 1), sample=_sample(outside)
                    ),
                    _("keep text at least {mm} mm inside the trim").format(mm=number(safe_mm)),
                )
            )
    return found


def images(facts: DocumentFacts, limits: dict) -> list[Finding]:
    needed = limits["min_ppi"]
    found = [
        problem(
            "image-resolution",
            image.where,
            _("an image at {ppi} ppi").format(ppi=number(image.ppi, 0)),
            _("use an image of at least {ppi} ppi at its printed size").format(ppi=needed),
        )
        for page in facts.pages
        for image in page.images
        if image.ppi < needed - 0.5
    ]
    count = sum(len(page.images) for page in facts.pages)
    found.append(info(_("images: {count}").format(count=count)))
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
                    _('{size} pt text in rich black ({inks}: "{sample}")').format(
                        size=number(rich[0].size, 1),
                        inks=_percent(rich[0].ink),
                        sample=_sample(rich),
                    ),
                    _("set text below {size} pt in 100 % K only").format(
                        size=number(RICH_BLACK_BELOW_PT)
                    ),
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
            line = min(thin, key=lambda p: p.width or 0.0)  # each has a width (above)
            found.append(
                problem(
                    "thin-lines",
                    line.where,
                    _("a line of {width} pt").format(width=number(line.width or 0.0, 2)),
                    _("make lines at least {width} pt wide").format(width=number(THIN_LINE_PT)),
                )
            )
    return found


def fine_tints(facts: DocumentFacts, limits: dict) -> list[Finding]:
    """Tinted lines thinner than TINT_LINE_PT and tinted text smaller than TINT_TEXT_PT: a
    screen breaks such fine elements into dots, where solid ink holds them."""
    found = []
    for page in facts.pages:
        lines = [
            p
            for p in page.paints
            if p.kind == "stroke"
            and p.width is not None
            and p.width < TINT_LINE_PT - 0.001
            and is_tint(p.ink)
        ]
        if lines:
            line = min(lines, key=lambda p: p.width or 0)
            found.append(
                problem(
                    "fine-tints",
                    line.where,
                    _("a {width} pt line in a tint ({inks})").format(
                        width=number(line.width or 0, 2), inks=_percent(line.ink)
                    ),
                    _("draw tinted lines at least {width} pt wide, or in solid ink").format(
                        width=number(TINT_LINE_PT)
                    ),
                )
            )
        texts = [t for t in page.texts if t.size < TINT_TEXT_PT - 0.01 and is_tint(t.ink)]
        if texts:
            text = min(texts, key=lambda t: t.size)
            found.append(
                problem(
                    "fine-tints",
                    text.where,
                    _('{size} pt text in a tint ({inks}: "{sample}")').format(
                        size=number(text.size, 1), inks=_percent(text.ink), sample=_sample(texts)
                    ),
                    _("set tinted text at {size} pt or larger, or in solid ink").format(
                        size=number(TINT_TEXT_PT)
                    ),
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
                    _('{size} pt text in {count} inks ({inks}: "{sample}")').format(
                        size=number(texts[0].size, 1),
                        count=_inks_used(texts[0].ink),
                        inks=_percent(texts[0].ink),
                        sample=_sample(texts),
                    ),
                    _("set text below {size} pt in one ink").format(size=number(ONE_INK_BELOW_PT)),
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
                    _("a {width} pt line in {count} inks ({inks})").format(
                        width=number(lines[0].width or 0.0, 2),
                        count=_inks_used(lines[0].ink),
                        inks=_percent(lines[0].ink),
                    ),
                    _("draw lines under {width} pt in one ink").format(
                        width=number(ONE_INK_LINE_PT)
                    ),
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
                    _("white {kind} is set to overprint: it will not print").format(
                        kind=_(PAINTS[kind]) if kind in PAINTS else kind
                    ),
                    _("set white to knock out (overprint off)"),
                )
            )
    return found


def _inks(page: PageFacts) -> Iterable[tuple[Cmyk, str]]:
    yield from ((p.ink, p.where) for p in page.paints if p.ink is not None)
    yield from ((t.ink, t.where) for t in page.texts if t.ink is not None)


def _inks_used(ink: Cmyk | None) -> int:
    return 1 if ink is None else sum(value > INK_EPSILON for value in ink)


def is_tint(ink: Cmyk | None) -> bool:
    """An ink printed as a screen: some ink it uses is well short of solid."""
    return ink is not None and any(INK_EPSILON < value < 1 - INK_EPSILON for value in ink)


def _is_rich_black(ink: Cmyk | None) -> bool:
    return ink is not None and ink[3] >= 1 - INK_EPSILON and _inks_used(ink) > 1


def _is_white(ink: Cmyk | None) -> bool:
    return ink is not None and _inks_used(ink) == 0


def _percent(ink: Cmyk | None) -> str:
    if ink is None:
        return _("spot colour")
    used = [(name, value) for name, value in zip("CMYK", ink, strict=True) if value > INK_EPSILON]
    return " ".join(f"{name}{value * 100:.0f}" for name, value in used) or _("white")


def _distance(text: Text, trim) -> float:
    """How far the text's box stays inside the trim (negative: it reaches outside)."""
    box = text.box
    return min(box[0] - trim[0], box[1] - trim[1], trim[2] - box[2], trim[3] - box[3])


def _overlaps(text: Text, box) -> bool:
    own = text.box
    return own[0] < box[2] and own[2] > box[0] and own[1] < box[3] and own[3] > box[1]


def _sample(texts: list[Text]) -> str:
    return " ".join(text.sample for text in texts[:3])[:60]


def _size(page: PageFacts) -> str:
    box = page.trim or page.art or page.media
    size = {"width": number((box[2] - box[0]) / MM, 1), "height": number((box[3] - box[1]) / MM, 1)}
    if page.trim is None and page.art is None:
        return _("{width} × {height} mm").format(**size)
    outer = page.bleed or page.media
    return _("{width} × {height} mm trim, {bleed} mm bleed").format(
        bleed=number((box[0] - outer[0]) / MM, 1), **size
    )
