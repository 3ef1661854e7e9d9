"""Printed words that are the source's: found in the source document, and in every product
that prints them (PDF and HTML text)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from generator.build import Project, collect
from tests.conftest import CARDS, LAYOUTS, ROOT
from tests.pdf_tools import page_texts, squeeze

SEED = ROOT.parent / "shared" / "seeds" / "000_eed9601510d8074e.txt"


@pytest.fixture(scope="module")
def source() -> str:
    if not SEED.exists():
        pytest.skip(f"the sources are not beside the project ({SEED})")
    return " ".join(SEED.read_text(encoding="utf-8").split())


@pytest.fixture(scope="module")
def content():
    return collect(Project(CARDS, LAYOUTS, Path("output")))


def form_headers(poster) -> list[str]:
    label = poster.labels["intensity_form"]
    return [f"{f.name} – {f.intensity} {label}" for i in poster.intensities for f in i.forms]


def test_form_headers_are_the_source_tables_words(content, source: str) -> None:
    headers = form_headers(content.posters["continuum"])
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


def test_the_workshop_prompt_is_a_whole_question_of_the_source(content, source: str) -> None:
    """Its second sentence alone ("Waar plaats je die …") had nothing for "die" to refer to."""
    prompt = content.posters["continuum"].labels["workshop_prompt"]
    assert prompt in source
    assert len(re.findall(r"[?.!](\s|$)", prompt)) >= 2  # the question with its antecedent
