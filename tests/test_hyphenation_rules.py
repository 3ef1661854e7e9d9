"""How text is broken: never a name (a word with a capital), never a title or heading."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from generator.core.errors import Location
from generator.render.drawlist import Para
from generator.render.flow import TextSetter
from generator.render.hyphenation import hyphenator
from generator.render.typeset import Balanced, Typeset, ends_in_fragment, has_short_line, line_texts
from generator.validate.layout import load_layout
from tests.pdf_tools import page_texts
from tests.projects import CARDS, LAYOUTS


def broken_words(path: Path) -> list[tuple[str, str]]:
    """Words a line end broke with a hyphen: (head, tail)."""
    found = []
    for text in page_texts(path):
        lines = [line.strip() for line in text.splitlines()]
        for line, following in itertools.pairwise(lines):
            if re.search(r"\w-$", line) and re.match(r"^\w", following):
                found.append((line.split()[-1][:-1], following.split()[0]))
    return found


def test_a_name_is_never_broken() -> None:
    for language in ("nl", "en"):
        breaks = hyphenator(language)
        assert list(breaks("samenwerkingsafspraken" if language == "nl" else "collaboration"))
        assert list(breaks("Zoetermeer")) == [] and list(breaks("Windesheim")) == []


def test_no_product_breaks_a_word_with_a_capital(built: dict[str, Path]) -> None:
    prints = [path for name, path in built.items() if name.endswith("_print.pdf")]
    broken = [pair for path in prints for pair in broken_words(path)]
    assert [head + tail for head, tail in broken if head[:1].isupper() and "-" not in head] == []


# A heading style of each layout, and a body style.
HEADING_AND_BODY = {"pocket-card": ("heading", "question"), "poster": ("form-name", "explanation")}


def test_titles_and_headings_are_not_hyphenated() -> None:
    for name, (heading, body) in HEADING_AND_BODY.items():
        layout = load_layout(name, LAYOUTS, Location(LAYOUTS))
        setter = TextSetter(layout, "nl", lambda colour: None)
        assert not layout.styles[heading].hyphenate and layout.styles[body].hyphenate
        for style in layout.styles.values():
            paragraph = setter._flowable(Para(style.name, "Samenwerkingsafspraken"), style, 0)
            if isinstance(paragraph, Balanced):  # lines balanced around the same setting
                paragraph = paragraph.text
            assert isinstance(paragraph, Typeset) == style.hyphenate, style.name


def test_body_text_is_hyphenated_only_where_a_line_would_be_clearly_short() -> None:
    layout = load_layout("pocket-card", LAYOUTS, Location(LAYOUTS))
    setter = TextSetter(layout, "nl", lambda colour: None)
    text = ("Zien we problematiek op meerdere leefgebieden, bij verschillende gezinsleden en in "
            "samenwerkingsverbanden tussen organisaties?")  # fmt: skip
    chosen = {"plain": 0, "hyphenated": 0}
    for width in range(90, 300, 3):
        paragraph = setter._flowable(Para("body", text), layout.styles["body"], 0)
        paragraph.wrap(width, 1000)
        plain = paragraph.make(paragraph.style)
        plain.wrap(width, 1000)
        if paragraph.chosen.style is paragraph.style:
            chosen["plain"] += 1
            hyphenated = paragraph.make(paragraph.hyphenating)
            hyphenated.wrap(width, 1000)
            assert not has_short_line(plain, width) or ends_in_fragment(hyphenated), width
        else:
            chosen["hyphenated"] += 1
            assert has_short_line(plain, width) and not ends_in_fragment(paragraph.chosen)
    assert chosen["plain"] and chosen["hyphenated"], chosen  # both happen at some width


def test_a_lone_fragment_on_the_last_line_is_recognised() -> None:
    layout = load_layout("pocket-card", LAYOUTS, Location(LAYOUTS))
    setter = TextSetter(layout, "nl", lambda colour: None)
    style = setter._paragraph_style(layout.styles["body"], 10, False, True)
    from generator.render.markup import content_paragraph

    found = False
    for width in range(60, 200):
        paragraph = content_paragraph("Hebben we de samenwerkingsafspraken", style)
        paragraph.wrap(width, 1000)
        lines = [text for _, text in line_texts(paragraph)]
        lone = len(lines) > 1 and lines[-2].endswith("-") and " " not in lines[-1].strip()
        assert ends_in_fragment(paragraph) == lone
        found = found or lone
    assert found


def test_a_listed_word_breaks_only_at_its_hyphens() -> None:
    breaks = hyphenator("nl", ("leef-gebieden", "samenwerkings-afspraken", "professionals"))
    assert list(breaks("leefgebieden")) == [("leef", "gebieden")]
    assert list(breaks("samenwerkingsafspraken")) == [("samenwerkings", "afspraken")]
    assert list(breaks("professionals")) == []  # listed without a hyphen: never broken
    assert len(list(hyphenator("nl")("leefgebieden"))) > 1  # the patterns alone break it more
    dutch = hyphenator("nl", ("co-öperatie",))
    assert list(dutch("coöperatie")) == [("co", "operatie")]  # the trema goes at a break


def test_products_break_listed_words_at_their_seams(built: dict[str, Path]) -> None:
    from generator.validate.hyphenation import read_exceptions

    listed = {w.replace("-", "").lower(): w.lower() for w in read_exceptions(CARDS)["nl"]}
    assert listed
    prints = [path for name, path in built.items() if name.endswith("_print.pdf")]
    for path in prints:
        for head, tail in broken_words(path):
            word = f"{head}-{tail}".lower()
            seam = next((w for w in listed if word.replace("-", "").startswith(w)), None)
            if seam is not None:
                assert word.startswith(listed[seam]), (path.name, word)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("words:\n  - leef-gebieden\n  - leef-gebieden\n", "listed before, on line 2"),
        ("words:\n  - leef gebieden\n", "is not a word with hyphens"),
        ("words:\n  - 3-d\n", "is not a word with hyphens"),
        ("words:\n  - a--b\n", "is not a word with hyphens"),
        ("woorden:\n  - leef-gebieden\n", "this list of words is not one"),
        ("words:\n  - leef-gebieden\nextra: 1\n", "unknown key 'extra'"),
    ],
)
def test_a_mistake_in_the_word_list_is_named(tmp_path: Path, text: str, message: str) -> None:
    from generator.core.errors import UserError
    from generator.validate.hyphenation import read_exceptions

    (tmp_path / "hyphenation").mkdir()
    (tmp_path / "hyphenation" / "nl.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(UserError) as raised:
        read_exceptions(tmp_path)
    [problem] = raised.value.problems
    assert message in problem.message and problem.hint
    assert problem.location.file.name == "nl.yaml" and problem.location.line > 0


def test_a_full_frame_is_hyphenated_before_its_text_is_set_smaller() -> None:
    from generator.core.geometry import PT_PER_MM
    from generator.render.drawlist import Frame

    layout = load_layout("pocket-card", LAYOUTS, Location(LAYOUTS))
    setter = TextSetter(layout, "nl", lambda colour: None)
    text = " ".join(["Samenwerkingsafspraken en verantwoordelijkheden tussen organisaties"] * 3)
    block = Para("body", text)
    for width_mm in range(40, 80):
        width = width_mm * PT_PER_MM
        plain = setter._flowable(block, layout.styles["body"], 0)
        eager = setter._flowable(block, layout.styles["body"], 0, eager=True)
        plain_height, eager_height = plain.wrap(width, 1e4)[1], eager.wrap(width, 1e4)[1]
        if eager_height < plain_height:
            break
    else:
        raise AssertionError("no width where hyphenation saves a line")
    between = (plain_height + eager_height) / 2 / PT_PER_MM
    frame = Frame(0, 0, width_mm, between, (block,))
    placed, _, step, _overflowed = setter.fit(frame)
    assert step == 0  # not set smaller: hyphenated instead
    assert placed[0].flowable.chosen.style is placed[0].flowable.hyphenating
