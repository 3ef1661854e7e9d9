"""The translators' exchange file: a gettext PO file (polib) per translated deck or poster and
language, which every translation tool reads (Poedit, Lokalize, Weblate, OmegaT, memoQ).

Each printed text with its own translation is one entry: the text's id as its context
(msgctxt), the Dutch as msgid, the translation as msgstr, and as notes for the translator the
card and kind of text and the glossary's reserved terms the Dutch says. Read back, an entry
whose translation changed is an edit; what cannot be right (an unknown id, a Dutch text that
changed since the file was made, an empty or fuzzy translation, a file that is no PO file) is
a problem with the file's line, and nothing is read.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import polib

from generator.core.errors import Location, Problem, UserError, fail
from generator.core.i18n import _
from generator.exchange.places import LANGUAGE_NAMES, FilePlaces, TextPlace
from generator.exchange.read_workbook import Edit, same_words
from generator.validate.glossary import Term


def po_file(places: FilePlaces, language: str, terms: list[Term], stamp: datetime) -> bytes:
    """The PO file of a content file's texts that have a translation of their own."""
    catalogue = polib.POFile(wrapwidth=0)
    catalogue.metadata = {
        "Project-Id-Version": f"{places.item_id}",
        "POT-Creation-Date": stamp.strftime("%Y-%m-%d %H:%M+0000"),
        "PO-Revision-Date": stamp.strftime("%Y-%m-%d %H:%M+0000"),
        "Language": language,
        "Language-Team": LANGUAGE_NAMES.get(language, language),
        "Last-Translator": "",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Source-Language": places.language,
        "X-Generator": "voorwie",
    }
    reserved = ", ".join(word for term in terms for word in term.reserved[:1])
    catalogue.header = _(
        "Translation of {file} into {language}. msgctxt is the text's id: leave it as it is. "
        "Reserved words ({words}) may stand only where the Dutch says their term."
    ).format(file=places.file.name, language=LANGUAGE_NAMES.get(language, language),
             words=reserved or _("none"))  # fmt: skip
    for place in places.places:
        if places.language in place.texts and language in place.texts:
            catalogue.append(polib.POEntry(
                msgctxt=place.id, msgid=place.texts[places.language],
                msgstr=place.texts[language], comment=_notes(places, place, terms),
            ))  # fmt: skip
    return catalogue.__unicode__().encode("utf-8")


def _notes(places: FilePlaces, place: TextPlace, terms: list[Term]) -> str:
    where = (_("card {number} '{title}'").format(number=place.card,
                                                title=places.card_titles.get(place.card_id, ""))
             if place.card else _("the whole deck") if places.kind == "deck"
             else _("the poster"))  # fmt: skip
    kind = _(place.noun)
    notes = [f"{where}: {kind}"]
    source = place.texts[places.language].lower()
    for term in terms:
        said = next((word for word in term.source if word in source), None)
        if said:
            notes.append(_("reserved term: '{source}' is '{word}' (only where the Dutch says it)")
                         .format(source=said, word=term.reserved[0]))  # fmt: skip
    return "\n".join(notes)


def open_po(path: Path) -> polib.POFile:
    """The PO file at path, or a problem saying it is none."""
    try:
        return polib.pofile(str(path), encoding="utf-8")
    except (OSError, ValueError, UnicodeDecodeError) as error:
        raise fail(
            Location(path),
            _("this is not a translation file (PO) that can be read: {reason}").format(
                reason=str(error).splitlines()[0][:120]),
            _("save it from the translation tool as a .po file, or export it again with "
              "voorwie export FILE.po --deck ID"),
        ) from None  # fmt: skip


def made_for(catalogue: polib.POFile) -> str | None:
    """The id of the deck or poster the file was exported from."""
    return catalogue.metadata.get("Project-Id-Version")


def read_po(catalogue: polib.POFile, path: Path, places: FilePlaces, language: str) -> list[Edit]:
    """The translations in the PO file that differ from the content file's."""
    file_language = catalogue.metadata.get("Language", language)
    if file_language != language:
        raise fail(
            Location(path),
            _("the file translates into '{found}', not into '{wanted}'").format(
                found=file_language, wanted=language),
            _("give --language {found}, or use the file of that language").format(
                found=file_language),
        )  # fmt: skip
    by_id = {place.id: place for place in places.places}
    problems, edits = [], []
    for entry in catalogue:
        if entry.obsolete:
            continue
        place = by_id.get(entry.msgctxt or "")
        wrong = _wrong(entry, place, places, language)
        if wrong is not None:
            problems.append(Problem(Location(path, entry.linenum or 0), *wrong))
        elif place is not None and same_words(entry.msgstr) != same_words(place.texts[language]):
            where = str(Location(path, entry.linenum or 0))
            edits.append(Edit(places, place, {language: same_words(entry.msgstr)}, where))
    if problems:
        raise UserError(problems)
    return edits


def _wrong(
    entry: polib.POEntry, place: TextPlace | None, places: FilePlaces, language: str
) -> tuple[str, str] | None:
    """What is wrong with an entry (message, fix), if anything."""
    if place is None or places.language not in place.texts or language not in place.texts:
        return (
            _("the id '{id}' (msgctxt) is not one of {file}'s translated texts").format(
                id=entry.msgctxt, file=places.file.name
            ),
            _("keep msgctxt as exported"),
        )
    if same_words(entry.msgid) != same_words(place.texts[places.language]):
        return (
            _("the Dutch text of '{id}' changed since this file was made").format(id=place.id),
            _("export the file again and translate the new text"),
        )
    if "fuzzy" in entry.flags:
        return (
            _("the translation of '{id}' is marked fuzzy (unsure)").format(id=place.id),
            _("check it and remove the fuzzy mark"),
        )
    if not entry.msgstr.strip():
        return (
            _("the translation of '{id}' is empty").format(id=place.id),
            _("translate the text; to leave it as it was, copy it back"),
        )
    return None
