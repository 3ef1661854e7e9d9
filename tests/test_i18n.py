"""Messages in Dutch and English: the language chosen, and a catalogue whose translations
keep every placeholder of their message."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from generator.core import i18n

PLACEHOLDER = re.compile(r"\{(\w*)[^{}]*\}")


def catalogue_files() -> list[Path]:
    return sorted(i18n.LOCALE_FOLDER.glob("*/LC_MESSAGES/*.po"))


def mismatched_placeholders(path: Path) -> list[str]:
    """Translations whose placeholders differ from their message's."""
    with path.open("rb") as file:
        catalogue = read_po(file)
    found = []
    for message in catalogue:
        if not message.id or not message.string:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        # the singular's against the singular, a plural's against the plural (click's differ)
        wanted = [set(PLACEHOLDER.findall(ids[min(n, len(ids) - 1)])) for n in range(len(strings))]
        found += [f"{path.name}:{message.lineno}: {ids[0]!r}"
                  for string, placeholders in zip(strings, wanted, strict=True)
                  if set(PLACEHOLDER.findall(string)) != placeholders]  # fmt: skip
    return found


@pytest.fixture
def language() -> Iterator[None]:
    yield
    i18n.use(None)


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({"LANG": "nl_NL.UTF-8"}, "nl"),
        ({"LC_MESSAGES": "nl_BE", "LANG": "en_GB.UTF-8"}, "nl"),
        ({"LC_ALL": "en_US.UTF-8", "LANG": "nl_NL.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LANG": "C"}, "en"),
        ({}, "en"),
    ],
)
def test_the_language_comes_from_the_locale(environment: dict[str, str], expected: str) -> None:
    assert i18n.language_from_environment(environment) == expected


def test_dutch_messages_come_from_the_catalogue(language: None) -> None:
    i18n.use("nl")
    assert i18n._("error") == "fout"
    assert i18n._("a message nobody translated") == "a message nobody translated"
    i18n.use("en")
    assert i18n._("error") == "error"


@pytest.mark.parametrize(
    ("value", "digits", "english", "dutch"),
    [(0.5, None, "0.5", "0,5"), (9.0, None, "9", "9"), (2.345, 1, "2.3", "2,3"),
     (-1, 1, "-1.0", "-1,0"), (1200.0, 0, "1200", "1200"), (0.125, None, "0.125", "0,125")],
)  # fmt: skip
def test_a_number_is_written_as_the_language_writes_it(
    value: float, digits: int | None, english: str, dutch: str, language: None
) -> None:
    """A decimal comma in Dutch, a point in English; never a thousands separator."""
    i18n.use("en")
    assert i18n.number(value, digits) == english
    i18n.use("nl")
    assert i18n.number(value, digits) == dutch


def test_no_message_formats_a_number_itself() -> None:
    """A number in a message is formatted by i18n.number (a decimal comma in Dutch): a
    format spec such as {size:g} or {mm:.1f} in a message would print a point."""
    specs = [
        message.id
        for path in sorted((i18n.LOCALE_FOLDER / "nl" / "LC_MESSAGES").glob("*.po"))
        for message in read_po(path.open("rb"), locale="nl")
        if message.id and re.search(r"\{\w+:[^}]*[efgn]\}", str(message.id))
    ]
    assert specs == []


def test_every_translation_keeps_its_placeholders() -> None:
    assert catalogue_files()
    assert [
        problem for path in catalogue_files() for problem in mismatched_placeholders(path)
    ] == []


def test_a_lost_placeholder_is_found(tmp_path: Path) -> None:
    broken = tmp_path / "voorwie.po"
    broken.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
        "msgid \"there is no layout '{name}'\"\nmsgstr \"er is geen opmaak '{naam}'\"\n",
        encoding="utf-8",
    )
    assert mismatched_placeholders(broken) == ["voorwie.po:5: \"there is no layout '{name}'\""]


def test_the_compiled_catalogue_is_that_of_the_po_files() -> None:
    """The program reads the committed .mo; a translation edited in a .po is not shown until
    `make messages` compiles it, so a stale .mo fails here."""
    from generator.cli.compile_messages import compiled

    for language in i18n.LANGUAGES:
        if language != i18n.DEFAULT:
            assert i18n.compiled_path(language).read_bytes() == compiled(language), (
                f"{i18n.compiled_path(language)} lags its .po files: run `make messages`"
            )


def test_a_po_edit_without_compiling_is_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.cli import compile_messages

    folder = tmp_path / "nl" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    for po in (i18n.LOCALE_FOLDER / "nl" / "LC_MESSAGES").glob("*.po"):
        (folder / po.name).write_bytes(po.read_bytes())
    (folder / "voorwie.mo").write_bytes(i18n.compiled_path("nl").read_bytes())
    extra = 'msgid "a new message"\nmsgstr "een nieuw bericht"\n'
    (folder / "extra.po").write_text(extra, encoding="utf-8")
    monkeypatch.setattr(i18n, "LOCALE_FOLDER", tmp_path)
    monkeypatch.setattr(compile_messages, "LOCALE_FOLDER", tmp_path)
    assert i18n.compiled_path("nl").read_bytes() != compile_messages.compiled("nl")


def test_make_messages_leaves_a_message_another_catalogue_translates_to_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`compile_messages --prune` takes out of the extracted template what revision.po (or any
    other catalogue) translates, so `pybabel update` does not add it to voorwie.po untranslated;
    what no catalogue translates stays."""
    from generator.cli import compile_messages

    folder = tmp_path / "nl" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    other = 'msgid "moved"\nmsgstr "verplaatst"\n\nmsgid "untranslated"\nmsgstr ""\n'
    (folder / "revision.po").write_text(other, encoding="utf-8")
    (folder / "voorwie.po").write_text('msgid "own"\nmsgstr "eigen"\n', encoding="utf-8")
    template = tmp_path / "voorwie.pot"
    template.write_text(
        'msgid ""\nmsgstr ""\n\nmsgid "moved"\nmsgstr ""\n\nmsgid "own"\nmsgstr ""\n\n'
        'msgid "untranslated"\nmsgstr ""\n', encoding="utf-8",
    )  # fmt: skip
    monkeypatch.setattr(compile_messages, "LOCALE_FOLDER", tmp_path)
    assert compile_messages.prune(template) == 1
    text = template.read_text(encoding="utf-8")
    assert 'msgid "moved"' not in text
    assert 'msgid "own"' in text and 'msgid "untranslated"' in text
