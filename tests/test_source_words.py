"""Printed words that are the source's: found in the source document (tests marked `sources`:
an audit of the content against ../shared/seeds, run by `make audit`, not by `make test`, so a
researcher's revision cannot turn the suite red), and in every product that prints them (PDF
and HTML text)."""

from __future__ import annotations

import html
import re
from dataclasses import replace
from pathlib import Path

import pytest

from generator.build.pipeline import build
from generator.core.project import Project
from generator.validate.content import collect
from generator.validate.corrections import undo, unsourced
from tests.pdf_tools import page_texts, squeeze
from tests.projects import CARDS, LAYOUTS, ROOT

SEED = ROOT.parent / "shared" / "seeds" / "000_eed9601510d8074e.txt"


@pytest.fixture(scope="module")
def source() -> str:
    if not SEED.exists():
        pytest.skip(f"the sources are not beside the project ({SEED})")
    return " ".join(SEED.read_text(encoding="utf-8").split())


@pytest.fixture(scope="module")
def content():
    return collect(Project(CARDS, LAYOUTS, Path("output")))


def form_headers(poster, tabled: bool = False) -> list[str]:
    """Every form's header; `tabled`: only those of the source's table (a form with its
    explanation there), not a form the table names inside another's explanation."""
    forms = [f for i in poster.intensities for f in i.forms if f.explanation or not tabled]
    return [poster.form_header(f) for f in forms]


@pytest.mark.sources
def test_form_headers_are_the_source_tables_words(content, source: str) -> None:
    headers = form_headers(content.posters["continuum"], tabled=True)
    assert len(headers) == 5
    for header in headers:
        assert header in source, header


PRODUCTS = [
    "continuum_A3_print.pdf",
    "continuum-workshop_A3_print.pdf",
    "continuum_midden-holland_A3_print.pdf",
    "continuum_digital.pdf",
    "continuum-en_A3_print.pdf",
]


@pytest.mark.parametrize("name", PRODUCTS)
def test_every_product_prints_the_form_headers(built: dict[str, Path], content, name: str) -> None:
    poster = content.posters["continuum-en" if "-en" in name else "continuum"]
    text = squeeze(" ".join(page_texts(built[name])))
    for header in form_headers(poster):
        assert squeeze(header) in text, (name, header)


@pytest.mark.parametrize("page", ["continuum.html", "continuum-en.html"])
def test_the_html_page_prints_the_form_headers(built: dict[str, Path], content, page) -> None:
    poster = content.posters["continuum-en" if "-en" in page else "continuum"]
    text = html.unescape(re.sub(r"<[^>]+>", " ", built[page].read_text(encoding="utf-8")))
    for header in form_headers(poster):
        assert squeeze(header) in squeeze(text), header


@pytest.mark.sources
def test_the_workshop_prompt_is_a_whole_question_of_the_source(content, source: str) -> None:
    """Its second sentence alone ("Waar plaats je die …") had nothing for "die" to refer to."""
    prompt = content.posters["continuum"].labels["workshop_prompt"]
    assert prompt in source
    assert len(re.findall(r"[?.!](\s|$)", prompt)) >= 2  # the question with its antecedent


@pytest.mark.sources
def test_the_praatplaat_credits_both_schools_of_its_slides(built: dict[str, Path], content) -> None:
    slides = (SEED.parent / "003_60a2d3f2ccb066bc.txt").read_text(encoding="utf-8")
    schools = {"Hanzehogeschool Groningen", "Windesheim Flevoland"}
    assert all(" ".join(school.split()) in " ".join(slides.split()) for school in schools)
    deck = content.decks["praatplaat"]
    printed = squeeze(" ".join(page_texts(built["praatplaat_print.pdf"])))
    for school in schools:
        assert school in deck.source and squeeze(school) in printed


def test_a_sub_point_is_printed_under_its_point(tmp_path: Path) -> None:
    """In the reference deck (tests/reference/proef.yaml), whatever the shipped decks say."""
    import pdfplumber

    reference = ROOT / "tests" / "reference"
    build(Project(reference, LAYOUTS, tmp_path))
    [deck] = collect(Project(reference, LAYOUTS, tmp_path)).decks.values()
    nested = [(point, sub) for card in deck.cards
              for point in (*card.points, *(card.back.points if card.back else ()))
              for sub in point.sub]  # fmt: skip
    assert nested
    with pdfplumber.open(tmp_path / f"{deck.id}_print.pdf") as pdf:
        pages = [page.extract_words() for page in pdf.pages]
    for point, sub in nested:
        first = {text: text.split()[0] for text in (point.text, sub.text)}
        words = next(ws for ws in pages if {w["text"] for w in ws} >= set(first.values()))
        spots = {text: next(w for w in words if w["text"] == word) for text, word in first.items()}
        assert spots[sub.text]["x0"] > spots[point.text]["x0"] + 5
        assert spots[sub.text]["top"] > spots[point.text]["top"]


QUOTE_STYLES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def _words(text: str) -> str:
    """Text compared for its words: markup, soft hyphens, quote styles and white space
    folded; a last full stop or colon and the case of the first letter do not count."""
    text = text.replace("*", "").replace("\u00ad", "").translate(QUOTE_STYLES)
    text = " ".join(text.split()).rstrip(".:;")
    return text[:1].lower() + text[1:]


@pytest.fixture(scope="module")
def all_sources() -> str:
    if not SEED.exists():
        pytest.skip(f"the sources are not beside the project ({SEED})")
    seeds = sorted(SEED.parent.glob("*.txt"))
    text = " ".join(" ".join(path.read_text(encoding="utf-8").split()) for path in seeds)
    return text.replace("*", "").translate(QUOTE_STYLES)


@pytest.mark.sources
def test_every_dutch_item_of_every_deck_is_transcribed_from_a_source(
    content, all_sources: str
) -> None:
    """Questions, points, sub-points, sections, parts and lead-ins, word for word, once the
    file's listed corrections of the source's slips are taken back."""
    lowered = all_sources.lower()
    missing = []
    for deck in content.decks.values():
        if deck.language != "nl":
            continue
        for card in deck.cards:
            points = [*card.points, *(card.back.points if card.back else ())]
            texts = [q.text for q in card.all_questions()] + [p.text for p in points]
            texts += [s.text for p in points for s in p.sub] + [s.text for s in card.sections]
            texts += [text for text in (card.intro, card.part) if text]
            texts = [undo(text, deck.corrections) for text in texts]
            missing += [(deck.id, card.id, t) for t in texts if _words(t).lower() not in lowered]
    assert missing == []


@pytest.mark.sources
def test_every_correction_gives_the_words_of_a_source(content, all_sources: str) -> None:
    """What a content file lists under `corrections:` as the source's wording stands in a
    source, so a correction never hides a paraphrase."""
    items = [*content.decks.values(), *content.posters.values()]
    corrections = {c for item in items if item.language == "nl" for c in item.corrections}
    # compared as the sources are: markup dropped, quote styles folded
    folded = [
        replace(c, source=c.source.replace("*", "").translate(QUOTE_STYLES))
        for c in sorted(corrections, key=str)
    ]
    problems = unsourced(folded, all_sources)
    assert [f"{p.location}: {p.message}" for p in problems] == []


@pytest.mark.sources
def test_the_posters_core_elements_are_transcribed_from_a_source(content, all_sources: str) -> None:
    """Chapter 2's definition and its three core elements, word for word, once the poster's
    listed corrections (such as the author's name) are taken back."""
    lowered = all_sources.lower()
    missing = []
    for poster in content.posters.values():
        if poster.language != "nl":
            continue
        for text in (poster.core.intro, *poster.core.items):
            if _words(undo(text, poster.corrections)).lower() not in lowered:
                missing.append((poster.id, text))
    assert missing == []


def _zwaarte_cards(content) -> list:
    """The main deck's cards on the severity of the problems: the card 'zwaarte' and the cards
    after it (figuur 3.1 goes on over them)."""
    deck = content.decks["voor-wie-doen-we-wat"]
    ids = [card.id for card in deck.cards]
    return list(deck.cards[ids.index("zwaarte") :])


@pytest.mark.sources
def test_the_zwaarte_cards_question_is_the_tools_question(content, source: str) -> None:
    """Chapter 3 quotes the tool's question, then the users' criticism of it ("wat is zwaar?
    En, hoe meet je zwaarte …"): the card asks the quoted question."""
    [card, *_] = _zwaarte_cards(content)
    quoted = re.findall(r"[\"“‘']([^\"“”‘’']+\?)[\"”’']", source)
    assert card.intro in quoted, (card.intro, quoted)


def test_every_context_text_of_the_zwaarte_card_names_its_source(content) -> None:
    [card, *_] = _zwaarte_cards(content)
    assert card.points and all(point.source for point in card.points)


def _figure_3_1() -> list[tuple[str, list[str]]]:
    """Figuur 3.1 of seed 002: each feature (a heading) with its points."""
    text = (SEED.parent / "002_f53230b818def391.txt").read_text(encoding="utf-8")
    start = text.index("**Figuur 3.1**")
    figure = text[start : text.index("Verschillen tussen de teams", start)]
    features: list[tuple[str, list[str]]] = []
    for line in figure.splitlines():
        if line.startswith("#") and line.strip("# *"):
            features.append((line.strip("# *"), []))
        elif line.startswith("- ") and features:
            features[-1][1].append(line[2:])
    return features


@pytest.mark.sources
def test_the_zwaarte_cards_give_every_feature_of_figure_3_1_with_its_points(
    content, source: str
) -> None:
    """Figuur 3.1's five features, each with the points the source lists under it."""
    deck = content.decks["voor-wie-doen-we-wat"]
    printed = {}
    for card in _zwaarte_cards(content):
        for point in (*card.points, *(card.back.points if card.back else ())):
            printed[_words(undo(point.text, deck.corrections))] = [
                _words(undo(sub.text, deck.corrections)) for sub in point.sub
            ]
    features = _figure_3_1()
    assert len(features) == 5 and all(points for _feature, points in features)
    for feature, points in features:
        assert _words(feature) in printed, feature
        assert printed[_words(feature)] == [_words(point) for point in points], feature
