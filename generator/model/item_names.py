"""How the items of the content are named in messages, in the reader's language.

A ref says where a text comes from: "card 'vragen-gezin' › question 'gezin-draagkracht'",
"edition 'midden-holland' › contact 2", "card 'start' (front)". Refs are keys (of the
manifest, the release files and the caches), so they stay as written; `shown()` gives a
ref with its nouns in the reader's language, for a message. Ids and keys stay as they are.
"""

from __future__ import annotations

import re

from generator.core.i18n import N_, _

NOUNS = {
    "sub-question": N_("sub-question"),
    "sub-point": N_("sub-point"),
    "question": N_("question"),
    "card": N_("card"),
    "section": N_("section"),
    "level": N_("level"),
    "kind": N_("kind"),
    "step": N_("step"),
    "intensity": N_("intensity"),
    "form": N_("form"),
    "example": N_("example"),
    "item": N_("item"),
    "contact": N_("contact"),
    "point": N_("point"),
    "edition": N_("edition"),
    "poster": N_("poster"),
    "one-card": N_("one-card"),
}
PHRASES = {"calibration sheet": N_("calibration sheet")}
SIDES = {"front": N_("front"), "back": N_("back")}
# What a product is, as its label starts ("deck voor-wie-doen-we-wat").
KINDS = {
    "deck": N_("deck"),
    "poster": N_("poster"),
    "checklist": N_("checklist"),
    "digital": N_("digital"),
    "one-card": N_("one-card"),
}

# A noun names an item when an id ('x'), a number (#2) or a count (contact 2) follows it.
_NOUN = re.compile(rf"(?<![\w'-])({'|'.join(map(re.escape, NOUNS))})(?= '| #| \d)")
_SIDE = re.compile(r"\((front|back)\)$")
_PHRASE = re.compile("|".join(map(re.escape, PHRASES)))


def shown(ref: str) -> str:
    """The ref in the reader's words: "kaart 'vragen-gezin' › vraag 'gezin-draagkracht'"."""
    text = _NOUN.sub(lambda found: _(NOUNS[found[1]]), ref)
    text = _PHRASE.sub(lambda found: _(PHRASES[found[0]]), text)
    return _SIDE.sub(lambda found: "(" + _(SIDES[found[1]]) + ")", text)


def kind_name(kind: str) -> str:
    """A kind of product or content file (deck, poster, …) in the reader's words."""
    return _(KINDS[kind]) if kind in KINDS else kind


def product(label: str) -> str:
    """A product's label ("deck voor-wie-doen-we-wat") in the reader's words."""
    kind, _space, name = label.partition(" ")
    return f"{kind_name(kind)} {name}" if name else kind_name(kind)


LANGUAGE_NAMES = {"nl": N_("Dutch"), "en": N_("English")}


def language_name(code: str) -> str:
    """A language's name in the reader's words ('nl' → Dutch); another code as it is."""
    return _(LANGUAGE_NAMES[code]) if code in LANGUAGE_NAMES else code


def listed(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c', in the reader's words."""
    if len(items) < 2:
        return "".join(items)
    return _("{items} and {last}").format(items=", ".join(items[:-1]), last=items[-1])
