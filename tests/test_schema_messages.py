"""Each schema rule the messages treat apart, broken once: the message names the file, the line,
the item and the fix.

The documents are the small deck of tests/strategies.py (and the shipped checklist form's
settings), written to a file and read back as the build reads them; expected lines are found in
the text written, never typed in. Hints the schemas give (`x-hint`) are read from the schemas,
not repeated here. Each test that takes `lang` runs in English and in Dutch (tests/messages.py).
"""

from __future__ import annotations

import copy
import math
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.core.errors import Location, Problem
from generator.load.yaml_file import read_yaml
from generator.validate.localize import localize
from generator.validate.schema_check import check_schema, load_schema
from tests.messages import item, said
from tests.projects import LAYOUTS
from tests.strategies import small_deck

DECK = load_schema("deck")
TEXT_HINT = DECK["$defs"]["plain_text"]["x-hint"]


class Written:
    """A document written to a YAML file, read back, and checked against a schema."""

    def __init__(self, folder: Path, document: Any, schema: str = "deck") -> None:
        self.path = folder / "file.yaml"
        self.text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=1000)
        self.path.write_text(self.text, encoding="utf-8")
        self.problems = check_schema(read_yaml(self.path), schema, self.path)

    def line(self, fragment: str) -> int:
        """The line of the text written that holds the fragment (once); "\n" ends a line."""
        lines = enumerate(self.text.splitlines(keepends=True), 1)
        found = [n for n, line in lines if fragment in line]
        assert len(found) == 1, (fragment, found)
        return found[0]

    def only(self) -> Problem:
        """The one problem found (twice the same counts once, as UserError shows it)."""
        problems = set(self.problems)
        assert len(problems) == 1, [str(problem) for problem in self.problems]
        return problems.pop()

    def assert_only(self, fragment: str, message: str, hint: str) -> None:
        """One problem: on the line of the fragment, with this message and this fix."""
        assert self.only() == Problem(Location(self.path, self.line(fragment)), message, hint)


def deck(change: Any = None) -> dict[str, Any]:
    """The small deck, with a change made to it: change(deck) edits it in place."""
    document = copy.deepcopy(small_deck())
    if change:
        change(document)
    return document


def first_question(document: dict[str, Any]) -> dict[str, Any]:
    return document["cards"][0]["questions"][0]


def test_the_small_deck_is_valid(tmp_path: Path) -> None:
    assert Written(tmp_path, deck()).problems == []


def test_a_missing_key_is_reported_on_its_mapping(tmp_path: Path, lang: str) -> None:
    written = Written(tmp_path, deck(lambda d: d["deck"].pop("title")))
    written.assert_only(
        "deck:",
        said("{item}: the key '{key}' is missing", item="deck", key="title"),
        said("add '{key}: ...'", key="title"),
    )


def test_a_card_without_its_kind_is_one_problem_that_lists_the_kinds(
    tmp_path: Path, lang: str
) -> None:
    """Not besides the keys the other kinds require (their `if kind: …` holds without one)."""
    written = Written(tmp_path, deck(lambda d: d["cards"][0].pop("kind")))
    kinds = ", ".join(DECK["$defs"]["card"]["properties"]["kind"]["enum"])
    written.assert_only(
        "- id: c0",
        said("{item} has no kind", item=item("card 'c0'")),
        said("add 'kind: ...' with one of: {kinds}", kinds=kinds),
    )


def test_an_unknown_key_like_a_known_one_is_a_did_you_mean_and_nothing_more(
    tmp_path: Path, lang: str
) -> None:
    """`txt` for `text`: the missing `text` is not reported besides."""

    def typo(document: dict[str, Any]) -> None:
        question = first_question(document)
        question["txt"] = question.pop("text")

    written = Written(tmp_path, deck(typo))
    written.assert_only(
        "txt:",
        said("{item}: unknown key '{key}'", item=item("card 'c0' › question 'q0'"), key="txt"),
        said("did you mean '{option}'?", option="text"),
    )


def test_an_unknown_key_like_no_known_one_lists_the_valid_keys(tmp_path: Path, lang: str) -> None:
    written = Written(tmp_path, deck(lambda d: first_question(d).update(kleur="rood")))
    known = ", ".join(sorted(DECK["$defs"]["question"]["properties"]))
    written.assert_only(
        "kleur:",
        said("{item}: unknown key '{key}'", item=item("card 'c0' › question 'q0'"), key="kleur"),
        said("valid keys here: {keys}", keys=known),
    )


def test_a_value_not_among_the_options_suggests_the_closest(tmp_path: Path, lang: str) -> None:
    written = Written(tmp_path, deck(lambda d: d["cards"][0].update(kind="question")))
    options = ", ".join(DECK["$defs"]["card"]["properties"]["kind"]["enum"])
    written.assert_only(
        "kind:",
        said("{item}: {value} is not one of: {options}", item=item("card 'c0' › kind"),
             value="'question'", options=options),
        said("did you mean '{option}'?", option="questions"),
    )  # fmt: skip


QUOTES = "a text that looks like a number, date, yes/no or null goes between quotation marks"
LIST = "a list (lines starting with '- ')"


@pytest.mark.parametrize(
    ("key", "value", "expected", "found", "hint"),
    [
        ("check", "ja", "true or false", "'ja'", "write true or false"),
        ("check", 1, "true or false", "1", "write true or false"),
        ("text", 7, "a text", "7", QUOTES),
        ("sub", "x", LIST, "'x'", "write each item on its own line, starting with '- '"),
    ],
)  # fmt: skip
def test_a_value_of_the_wrong_type_says_what_was_expected_and_found(
    tmp_path: Path, key: str, value: Any, expected: str, found: str, hint: str, lang: str
) -> None:
    written = Written(tmp_path, deck(lambda d: first_question(d).update({key: value})))
    where = item(f"card 'c0' › question 'q0' › {key}")
    written.assert_only(
        f"{key}:",
        said("{item}: expected {expected}, found {found}", item=where, expected=said(expected),
             found=found),
        said(hint),
    )  # fmt: skip


def test_a_text_left_empty_asks_for_the_text(tmp_path: Path, lang: str) -> None:
    """`text:` with nothing after it: the text is missing, not a value of the wrong type."""
    written = Written(tmp_path, deck(lambda d: first_question(d).update(text=None)))
    written.assert_only(
        "text:",
        said("{item}: the text is missing", item=item("card 'c0' › question 'q0' › text")),
        said("write the text after '{key}:'", key="text"),
    )


def test_keys_under_a_single_text_ask_for_one_text(tmp_path: Path, lang: str) -> None:
    written = Written(tmp_path, deck(lambda d: d["deck"].update(language={"nl": "nl"})))
    written.assert_only(
        "language:",
        said("{item}: expected {expected}, found {found}", item="deck › language",
             expected=said("a text"), found=said("a group of keys")),
        said("write one text after the colon, with no keys (such as nl:) under it"),
    )  # fmt: skip


def test_a_text_per_language_is_reported_in_that_form(tmp_path: Path, lang: str) -> None:
    """A text is one text or one per language (oneOf): a mapping is judged as the second."""
    written = Written(tmp_path, deck(lambda d: d["cards"][0].update(heading={"nl": 5})))
    written.assert_only(
        "nl: 5",
        said("{item}: expected {expected}, found {found}", item=item("card 'c0' › heading › nl"),
             expected=said("a text"), found="5"),
        said(QUOTES),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("trim", "fragment", "message", "hint"),
    [
        ("B9", "trim:", ("{item}: {value} is not valid", {"item": "deck › trim",
                                                           "value": "'B9'"}), "oneOf0"),
        ({"width_mm": 100}, "trim:", ("{item}: the key '{key}' is missing",
                                      {"item": "deck › trim", "key": "height_mm"}),
         ("add '{key}: ...'", {"key": "height_mm"})),
        ({"width_mm": 10, "height_mm": 100}, "width_mm:",
         ("{item}: {value} is too small; the limit is {limit}",
          {"item": "deck › trim › width_mm", "value": 10, "limit": 40}),
         "choose a value within the limit"),
        ({"width_mm": 100, "height_mm": 500}, "height_mm:",
         ("{item}: {value} is too large; the limit is {limit}",
          {"item": "deck › trim › height_mm", "value": 500, "limit": 420}),
         "choose a value within the limit"),
    ],
)  # fmt: skip
def test_one_of_two_forms_is_judged_in_the_form_of_the_value(
    tmp_path: Path, trim: Any, fragment: str, message: tuple, hint: str, lang: str
) -> None:
    """`trim` is a paper name or {width_mm, height_mm}: a text is told what texts fit, a
    mapping what its keys need; pattern and minimum/maximum messages on the way."""
    if hint == "oneOf0":
        hint = DECK["properties"]["deck"]["properties"]["trim"]["oneOf"][0]["x-hint"]
    fix = said(hint[0], **hint[1]) if isinstance(hint, tuple) else said(hint)
    written = Written(tmp_path, deck(lambda d: d["deck"].update(trim=trim)))
    written.assert_only(fragment, said(message[0], **message[1]), fix)


@pytest.mark.parametrize("ident", ["Kaart 1", "c0\n", "c0-", "../c0"])
def test_an_id_that_does_not_match_the_pattern_gets_the_pattern_hint(
    tmp_path: Path, ident: str, lang: str
) -> None:
    """Also an id with a final newline: `$` is the very end of the text (ECMA-262), not before
    a final newline (Python)."""
    written = Written(tmp_path, deck(lambda d: d["cards"][0].update(id=ident)))
    written.assert_only(
        "- id: " + yaml.safe_dump(ident).splitlines()[0],
        said("{item}: {value} is not valid", item=item(f"card '{ident}' › id"), value=repr(ident)),
        said(DECK["$defs"]["id"]["x-hint"]),
    )


@pytest.mark.parametrize("text", ["", "   "])
def test_an_empty_text_is_one_problem(tmp_path: Path, text: str, lang: str) -> None:
    """ "" breaks minLength and pattern, "   " the pattern: either reads as empty."""
    written = Written(tmp_path, deck(lambda d: first_question(d).update(text=text)))
    written.assert_only(
        "text:",
        said("{item}: is empty", item=item("card 'c0' › question 'q0' › text")),
        said(TEXT_HINT),
    )


def test_a_text_too_long_says_how_long_it_is_and_may_be(tmp_path: Path, lang: str) -> None:
    limit = DECK["$defs"]["plain_text"]["maxLength"]
    written = Written(tmp_path, deck(lambda d: first_question(d).update(text="a" * (limit + 1))))
    written.assert_only(
        "text:",
        said("{item}: the text has {count} characters; at most {limit} fit",
             item=item("card 'c0' › question 'q0' › text"), count=limit + 1, limit=limit),
        said("shorten it"),
    )  # fmt: skip


def test_a_list_too_short_or_too_long_gives_the_limit(tmp_path: Path, lang: str) -> None:
    written = Written(tmp_path, deck(lambda d: d.update(cards=[])))
    fix = said("split the list, or add an item")
    written.assert_only(
        "cards:", said("{item}: {count} items; the limit is {limit}", item="cards", count=0,
                       limit=1), fix
    )  # fmt: skip
    limit = DECK["properties"]["levels"]["maxItems"]
    levels = [{"id": f"l{n}", "name": f"Niveau {n}"} for n in range(limit + 1)]
    written = Written(tmp_path, deck(lambda d: d.update(levels=levels)))
    written.assert_only(
        "levels:\n",
        said("{item}: {count} items; the limit is {limit}", item="levels", count=limit + 1,
             limit=limit),
        fix,
    )  # fmt: skip


def test_an_empty_text_per_language_is_empty(tmp_path: Path, lang: str) -> None:
    """minProperties, a rule without a message of its own: the schema's hint is the fix."""
    written = Written(tmp_path, deck(lambda d: d["cards"][0].update(heading={})))
    written.assert_only(
        "heading:",
        item("card 'c0' › heading")
        + ": "
        + said("{value} is empty", value=said("a group of keys")),
        said(DECK["$defs"]["text"]["oneOf"][1]["x-hint"]),
    )


def test_a_language_listed_twice(tmp_path: Path, lang: str) -> None:
    """uniqueItems, a rule without a message or hint of its own in the schema."""
    written = Written(tmp_path, deck(lambda d: d["deck"].update(translations=["en", "en"])))
    written.assert_only(
        "translations:",
        f"deck › translations: {said('{value} lists an item twice', value=said(LIST))}",
        said("remove the item that is listed twice"),
    )


def test_a_length_that_must_be_more_than_zero(tmp_path: Path, lang: str) -> None:
    """exclusiveMinimum, a rule without a message of its own: the schema's hint is the fix."""
    form = yaml.safe_load((LAYOUTS / "checklist-form" / "form.yaml").read_text(encoding="utf-8"))
    written = Written(tmp_path, {**form, "margin_mm": 0}, "checklist-form")
    written.assert_only(
        "margin_mm:",
        f"margin_mm: {said('{value} is not more than {limit}', value=0, limit=0)}",
        said(load_schema("checklist-form")["properties"]["margin_mm"]["x-hint"]),
    )


@pytest.mark.parametrize("number", [math.inf, -math.inf, math.nan])
def test_a_number_yaml_reads_as_infinite_or_not_a_number_is_no_number(
    tmp_path: Path, number: float
) -> None:
    """`.inf` and `.nan` are no JSON numbers: the schema check refuses them as numbers."""
    written = Written(
        tmp_path, deck(lambda d: d["deck"].update(trim={"width_mm": number, "height_mm": 100}))
    )
    written.assert_only(
        "width_mm:",
        f"deck › trim › width_mm: expected a number, found {number!r}",
        "write a number here",
    )


def test_a_translated_version_is_checked_as_plain_text(tmp_path: Path) -> None:
    """The texts of a language version are a str subclass (marking them translated), which
    jsonschema-rs does not take: they are checked as plain text, and the lines stay."""

    def english(document: dict[str, Any]) -> None:
        document["deck"]["translations"] = ["en"]
        document["cards"][0]["heading"] = {"nl": "Start", "en": "Start"}
        first_question(document)["check"] = "ja"

    written = Written(tmp_path, deck(english))
    version, missing = localize(read_yaml(written.path), "en", ["nl", "en"], written.path)
    assert not missing
    assert type(version["cards"][0]["heading"]) is not str
    assert check_schema(version, "deck", written.path) == [
        Problem(
            Location(written.path, written.line("check:")),
            "card 'c0' › question 'q0' › check: expected true or false, found 'ja'",
            "write true or false",
        )
    ]


def test_a_key_that_is_not_text_is_an_unknown_key(tmp_path: Path) -> None:
    """The reader refuses such keys; a document made in code may still have one."""
    document = read_yaml(Written(tmp_path, deck()).path)
    document["deck"][1] = "x"
    [problem] = check_schema(document, "deck", tmp_path / "file.yaml")
    assert problem.message == "deck: unknown key '1'"
