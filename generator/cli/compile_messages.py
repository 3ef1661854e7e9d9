"""Development only (needs Babel): each language's .po files compiled together into the one
.mo file the program reads (generator/core/i18n.py). `make messages` runs it; tests/test_i18n.py
compares its result with the committed file.

    python -m generator.cli.compile_messages
    python -m generator.cli.compile_messages --prune TEMPLATE.pot

`--prune` first takes out of an extracted template the messages another catalogue of the
language (revision.po, install.po, ...) already translates, so that `pybabel update` does not
add them to voorwie.po a second time, untranslated.
"""

from __future__ import annotations

import datetime
import io
import sys
from pathlib import Path

from generator.core.i18n import DEFAULT, DOMAIN, LANGUAGES, LOCALE_FOLDER, compiled_path

FIXED_DATE = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)  # the same .po, the same bytes


def compiled(language: str) -> bytes:
    """The language's .po files as one .mo; an entry without a translation leaves another
    file's translation of it in place."""
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    merged = Catalog(locale=language, domain=DOMAIN, project="voorwie-generator",
                     creation_date=FIXED_DATE, revision_date=FIXED_DATE)  # fmt: skip
    for path in sorted((LOCALE_FOLDER / language / "LC_MESSAGES").glob("*.po")):
        with path.open("rb") as file:
            for message in read_po(file, locale=language):
                if message.id and _translated(message.string):
                    merged[message.id] = message
    buffer = io.BytesIO()
    write_mo(buffer, merged)
    return buffer.getvalue()


def prune(template: Path) -> int:
    """Remove from the template what another catalogue translates; how many were removed."""
    from babel.messages.pofile import read_po, write_po

    elsewhere = set()
    for language in LANGUAGES:
        for path in sorted((LOCALE_FOLDER / language / "LC_MESSAGES").glob("*.po")):
            if path.stem != DOMAIN:
                with path.open("rb") as file:
                    translated = read_po(file, locale=language)
                elsewhere |= {m.id for m in translated if m.id and _translated(m.string)}
    with template.open("rb") as file:
        catalog = read_po(file)
    removed = [message.id for message in catalog if message.id and message.id in elsewhere]
    for message_id in removed:
        del catalog[message_id]
    with template.open("wb") as file:
        write_po(file, catalog, omit_header=False, sort_output=True)
    return len(removed)


def _translated(string: str | tuple[str, ...] | list[str] | None) -> bool:
    return all(string) if isinstance(string, tuple) else bool(string)


def main() -> int:
    if sys.argv[1:2] == ["--prune"]:
        print(f"{prune(Path(sys.argv[2]))} messages left to their own catalogues")
        return 0
    for language in LANGUAGES:
        if language != DEFAULT:
            compiled_path(language).write_bytes(compiled(language))
            print(f"compiled {compiled_path(language).relative_to(LOCALE_FOLDER.parent.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
