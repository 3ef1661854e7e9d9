"""The continuum poster as a wall poster (read at 1.5 m) with its companion on the back.

Read back from the PDFs the build writes: the size of every character on the front, what
the front and the back print, and the press's fine elements. The content is the shipped
one (or a revised copy, VOORWIE_TEST_CARDS): the expectations come from the loaded poster,
never from its wording.
"""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
import pytest

from generator.build.pipeline import Request, build
from generator.core.project import Project
from generator.load.yaml_file import read_yaml
from generator.model.poster import Poster
from generator.preflight.document import read_pdf
from generator.validate.edition import apply_edition, validate_edition
from generator.validate.localize import language_versions
from generator.validate.poster import validate_poster
from tests.pdf_tools import MM, page_texts, squeeze
from tests.projects import CARDS, LAYOUTS

POSTER_FILE = CARDS / "continuum.yaml"
EDITION_FILE = CARDS / "editions" / "midden-holland.yaml"
BODY_PT = 11  # the smallest body size on an A3 wall poster (PRODUCT.md)
# A tint thinner or smaller than this must be solid black instead.
FINE_LINE_PT, FINE_TEXT_PT = 0.75, 8
WALL = ["continuum_A3_print.pdf", "continuum-en_A3_print.pdf",
        "continuum_midden-holland_A3_print.pdf"]  # fmt: skip


@pytest.fixture(scope="module")
def posters() -> dict[str, Poster]:
    """The Dutch and the English poster and the regional edition, by print-file name."""
    dutch, english = language_versions(
        read_yaml(POSTER_FILE), POSTER_FILE, "poster", validate_poster, lambda item, lang: {}
    )
    regional = apply_edition(dutch, validate_edition(read_yaml(EDITION_FILE), EDITION_FILE))
    return {
        "continuum_A3_print.pdf": dutch,
        "continuum-en_A3_print.pdf": english,
        "continuum_midden-holland_A3_print.pdf": regional,
    }


def footer_top_pt(path: Path) -> float:
    """Where the footer (credits and edition, the poster's meta) starts on the front, in
    pdfplumber's points from the top of the page: the layout's footer rule."""
    layout = read_yaml(LAYOUTS / "poster" / "layout.yaml")
    design_h = layout["design_mm"][1]
    footer = layout["dimensions"]["footer"]
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        trim = page.trimbox if hasattr(page, "trimbox") else page.bbox
        scale = (trim[3] - trim[1]) / (design_h * MM)
        return trim[1] + (design_h - layout["safe_mm"] - footer) * MM * scale


def body_sizes(path: Path, page_number: int = 0) -> list[tuple[float, str]]:
    """(size, character) of every character on a page above its footer, in points on A3."""
    below = footer_top_pt(path)
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[page_number]
        scale = (page.trimbox[3] - page.trimbox[1]) / (420 * MM) if page.trimbox else 1
        return [(c["size"] / scale, c["text"]) for c in page.chars if c["top"] < below - 0.5]


@pytest.mark.parametrize("name", WALL)
def test_the_wall_side_sets_every_body_text_at_11_pt_or_more(
    built: dict[str, Path], name: str
) -> None:
    sizes = body_sizes(built[name])
    assert sizes, "no text above the footer"
    smallest = min(sizes)
    assert smallest[0] >= BODY_PT - 0.05, f"{name}: {smallest[1]!r} at {smallest[0]:.2f} pt"


def test_the_size_check_finds_text_smaller_than_11_pt(workspace: Path) -> None:
    """The measure above fails a poster whose descriptions are set at 10 pt."""
    layout = workspace / "layouts" / "poster" / "layout.yaml"
    text = layout.read_text(encoding="utf-8")
    start = text.index("  description:")
    end = text.index("\n", start)
    line = text[start:end]
    small = line.replace("size: 11,", "size: 10,").replace("min_size: 11,", "min_size: 10,")
    assert small != line
    layout.write_text(text[:start] + small + text[end:], encoding="utf-8")
    project = Project(workspace / "cards", workspace / "layouts", workspace / "output")
    written = {p.name: p for p in build(project, Request())}
    assert min(body_sizes(written["continuum_A3_print.pdf"]))[0] < BODY_PT - 0.05


def test_names_and_headings_are_larger_than_the_body(built: dict[str, Path]) -> None:
    sizes = [size for size, _ in body_sizes(built["continuum_A3_print.pdf"])]
    assert max(sizes) >= 2 * BODY_PT  # the title
    with pdfplumber.open(built["continuum_A3_print.pdf"]) as pdf:
        words = pdf.pages[0].extract_words(extra_attrs=["size"])
    body = min(sizes)
    poster = language_versions(
        read_yaml(POSTER_FILE), POSTER_FILE, "poster", validate_poster, lambda item, lang: {}
    )[0]
    for intensity in poster.intensities:
        first = intensity.name.split()[-1]
        assert any(w["text"] == first and w["size"] >= body + 3 for w in words), intensity.id


@pytest.mark.parametrize("name", WALL)
def test_every_intensity_shows_its_forms_and_examples_on_the_wall(
    built: dict[str, Path], posters: dict[str, Poster], name: str
) -> None:
    front = squeeze(page_texts(built[name])[0])
    for intensity in posters[name].intensities:
        assert squeeze(intensity.name) in front
        assert squeeze(intensity.description) in front, intensity.id
        examples = [e for f in intensity.forms for e in (*f.examples, *f.regional)]
        assert examples, f"{intensity.id}: no examples"
        for form in intensity.forms:
            assert squeeze(form.name) in front, form.id
        for example in examples:
            assert squeeze(example.text) in front, example.ref
            if example.why:
                assert squeeze(example.why) in front, example.ref


@pytest.mark.parametrize("name", WALL)
def test_the_forms_explanations_are_on_the_back_not_on_the_wall(
    built: dict[str, Path], posters: dict[str, Poster], name: str
) -> None:
    front, back = (squeeze(text) for text in page_texts(built[name]))
    explained = [f for i in posters[name].intensities for f in i.forms if f.explanation]
    assert explained
    for form in explained:
        assert squeeze(form.explanation) in back, form.id
        assert squeeze(form.explanation) not in front, form.id
        assert squeeze(posters[name].form_header(form)) in back, form.id


def test_the_back_is_the_same_size_as_the_front(built: dict[str, Path]) -> None:
    with pdfplumber.open(built["continuum_A3_print.pdf"]) as pdf:
        assert len(pdf.pages) == 2
        assert pdf.pages[0].bbox == pdf.pages[1].bbox


def test_a_form_the_table_names_inside_another_stands_among_the_forms(
    built: dict[str, Path], posters: dict[str, Poster]
) -> None:
    """Connectie has two forms (Bijlage 3 names the second in the first's explanation), and
    the wall poster and the workshop sheet print every form of every intensity."""
    poster = posters["continuum_A3_print.pdf"]
    connectie = poster.intensities[1]
    assert len(connectie.forms) >= 2
    second = connectie.forms[1]
    assert squeeze(second.name).lower() in squeeze(connectie.forms[0].explanation or "").lower()
    for name in ("continuum_A3_print.pdf", "continuum-workshop_A3_print.pdf"):
        front = squeeze(page_texts(built[name])[0])
        for form in (f for i in poster.intensities for f in i.forms):
            assert squeeze(form.name) in front, (name, form.id)


def test_the_route_leads_each_answer_to_intensities(
    built: dict[str, Path], posters: dict[str, Poster]
) -> None:
    """The flowchart says how step 1's answers lead to a place on the continuum."""
    poster = posters["continuum_A3_print.pdf"]
    assert poster.route is not None
    front = squeeze(page_texts(built["continuum_A3_print.pdf"])[0])
    assert squeeze(poster.route.question) in front
    ids = {intensity.id for intensity in poster.intensities}
    for answer in poster.route.answers:
        assert squeeze(answer.text) in front
        assert set(answer.to) <= ids


def test_an_answer_leading_to_no_intensity_is_an_error(workspace: Path, run_cli) -> None:
    path = workspace / "cards" / "continuum.yaml"
    text = path.read_text(encoding="utf-8").replace("to: [coordinatie]", "to: [coordinatei]")
    path.write_text(text, encoding="utf-8")
    run = run_cli(workspace, "build")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "coordinatei" in row)
    assert run.exit_code == 1
    assert (
        f"cards/continuum.yaml:{line}: route › answer 2: no intensity 'coordinatei' on the "
        "continuum"
    ) in run.output
    assert "did you mean 'coordinatie'?" in run.output


def test_the_credits_name_the_authors_and_the_model(
    built: dict[str, Path], posters: dict[str, Poster]
) -> None:
    for name, poster in posters.items():
        assert poster.authors and poster.model
        for page in page_texts(built[name]):
            assert squeeze(poster.authors) in squeeze(page), name
            assert squeeze(poster.model) in squeeze(page), name


def _tint(ink: tuple[float, float, float, float] | None) -> bool:
    """A colour that is neither white nor solid: a screen the press must hold."""
    return ink is not None and any(0.001 < value < 0.999 for value in ink)


@pytest.mark.parametrize(
    "name",
    [
        "continuum_A3_print.pdf",
        "continuum-en_A3_print.pdf",
        "continuum_midden-holland_A3_print.pdf",
        "continuum-workshop_A3_print.pdf",
    ],
)
def test_no_tinted_hairline_and_no_small_tinted_text(built: dict[str, Path], name: str) -> None:
    facts = read_pdf(built[name])
    for page in facts.pages:
        thin = [p for p in page.paints if p.kind == "stroke" and _tint(p.ink)
                and p.width is not None and p.width < FINE_LINE_PT - 0.001]  # fmt: skip
        assert not thin, f"{name}: a tinted line of {min(p.width for p in thin)} pt"
        small = [t for t in page.texts if _tint(t.ink) and t.size < FINE_TEXT_PT - 0.05]
        assert not small, f"{name}: tinted text at {min(t.size for t in small)} pt"


def test_the_fine_element_check_finds_a_tinted_hairline(workspace: Path) -> None:
    """The check above fails a poster whose row outlines are 0.5 pt at 30 % black."""
    layout = workspace / "layouts" / "poster" / "layout.yaml"  # the outline is a dimension
    text = layout.read_text(encoding="utf-8")
    assert re.search(r"^  row_pt: [\d.]+", text, re.M)
    layout.write_text(re.sub(r"^  row_pt: [\d.]+", "  row_pt: 0.5", text, flags=re.M),
                      encoding="utf-8")  # fmt: skip
    project = Project(workspace / "cards", workspace / "layouts", workspace / "output")
    written = {p.name: p for p in build(project, Request())}
    paints = [p for page in read_pdf(written["continuum_A3_print.pdf"]).pages for p in page.paints]
    assert any(p.kind == "stroke" and _tint(p.ink) and p.width == pytest.approx(0.5)
               for p in paints)  # fmt: skip
