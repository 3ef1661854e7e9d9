"""Development only (needs Babel): each language's .po files compiled together into the one
.mo file the program reads (generator/i18n.py). `make messages` runs it; tests/test_i18n.py
compares its result with the committed file.

    python -m generator.compile_messages
"""

from __future__ import annotations

import datetime
import io
import sys

from generator.i18n import DEFAULT, DOMAIN, LANGUAGES, LOCALE_FOLDER, compiled_path

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


def _translated(string: str | tuple[str, ...] | list[str] | None) -> bool:
    return all(string) if isinstance(string, tuple) else bool(string)


def main() -> int:
    for language in LANGUAGES:
        if language != DEFAULT:
            compiled_path(language).write_bytes(compiled(language))
            print(f"compiled {compiled_path(language).relative_to(LOCALE_FOLDER.parent.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
