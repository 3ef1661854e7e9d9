"""The continuum poster, its workshop sheet, regional editions and the complete digital PDF."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader

from generator.build.pipeline import Request, build
from generator.core.markup import plain
from generator.core.project import Project
from generator.load.yaml_file import read_yaml
from generator.model.poster import Poster
from generator.validate.edition import apply_edition, validate_edition
from generator.validate.localize import language_versions
from generator.validate.poster import validate_poster
from tests.pdf_tools import BASE14, MM, fonts, page_texts, squeeze
from tests.projects import CARDS, LAYOUTS, MAIN_DECK, deck_versions
from tests.test_html import web_only_labels

POSTER_FILE = CARDS / "continuum.yaml"
EDITION_FILE = CARDS / "editions" / "midden-holland.yaml"
A_SIZES = {"A3": (297, 420), "A2": (420, 594), "A1": (594, 841)}
BLEED, SAFE = 3, 4


@pytest.fixture(scope="module")
def poster() -> Poster:
    """The Dutch poster, read as the build reads it."""
    return language_versions(
        read_yaml(POSTER_FILE), POSTER_FILE, "poster", validate_poster, lambda item, lang: {}
    )[0]


@pytest.fixture(scope="module")
def regional(poster: Poster) -> Poster:
    return apply_edition(poster, validate_edition(read_yaml(EDITION_FILE), EDITION_FILE))


@pytest.fixture(scope="module")
def all_sizes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    output = tmp_path_factory.mktemp("sizes")
    written = build(Project(CARDS, LAYOUTS, output), Request(sizes=("A3", "A2", "A1")))
    return {path.name: path for path in written}


def test_every_poster_text_is_printed(built: dict[str, Path], poster: Poster) -> None:
    """Each text stands on the poster, the workshop sheet or (contacts) a regional edition."""
    products = ["continuum_A3_print.pdf", "continuum-workshop_A3_print.pdf",
                "continuum_midden-holland_A3_print.pdf"]  # fmt: skip
    printed = squeeze(" ".join(text for name in products for text in page_texts(built[name])))
    web_only = web_only_labels()  # printed on the HTML page instead (tested there)
    missing = [
        ref
        for ref, text in poster.texts.items()
        if ref not in web_only and squeeze(text) not in printed
    ]
    assert not missing


def test_the_flowchart_starts_with_the_decks_start_question(built: dict[str, Path]) -> None:
    start = deck_versions(MAIN_DECK)[0].cards[1].questions[0]
    printed = squeeze(page_texts(built["continuum_A3_print.pdf"])[0])
    for question in [start, *start.sub]:
        assert squeeze(question.text) in printed


def test_intensities_run_from_low_at_the_top_to_high_at_the_bottom(
    built: dict[str, Path], poster: Poster
) -> None:
    with pdfplumber.open(built["continuum_A3_print.pdf"]) as pdf:
        page = pdf.pages[0]
        tops = [
            page.search(intensity.name, regex=False)[0]["top"] for intensity in poster.intensities
        ]
        assert tops == sorted(tops)
        assert not page.images, "the poster is vector only"


@pytest.mark.parametrize("size", list(A_SIZES))
def test_poster_sizes_have_exact_trim_and_bleed(all_sizes: dict[str, Path], size: str) -> None:
    for name in (f"continuum_{size}_print.pdf", f"continuum-workshop_{size}_print.pdf"):
        page = PdfReader(all_sizes[name]).pages[0]
        width, height = A_SIZES[size]
        trim = [BLEED * MM, BLEED * MM, (BLEED + width) * MM, (BLEED + height) * MM]
        full = [0, 0, (width + 2 * BLEED) * MM, (height + 2 * BLEED) * MM]
        assert [float(v) for v in page.trimbox] == pytest.approx(trim, abs=0.01)
        assert [float(v) for v in page.bleedbox] == pytest.approx(full, abs=0.01)
        assert [float(v) for v in page.mediabox] == pytest.approx(full, abs=0.01)


def test_larger_sizes_scale_the_type(all_sizes: dict[str, Path], poster: Poster) -> None:
    heights = {}
    for size in A_SIZES:
        with pdfplumber.open(all_sizes[f"continuum_{size}_print.pdf"]) as pdf:
            title = pdf.pages[0].search(poster.title, regex=False)[0]
            heights[size] = title["bottom"] - title["top"]
    assert heights["A2"] == pytest.approx(heights["A3"] * 2**0.5, rel=0.02)
    assert heights["A1"] == pytest.approx(heights["A3"] * 2, rel=0.02)


@pytest.mark.parametrize(
    "name", ["continuum_A3_print.pdf", "continuum-workshop_A3_print.pdf", "continuum_digital.pdf"]
)
def test_poster_fonts_are_embedded_subsets(built: dict[str, Path], name: str) -> None:
    for font in fonts(built[name]):
        tag, _, family = str(font["/BaseFont"]).lstrip("/").partition("+")
        assert len(tag) == 6 and family not in BASE14
        assert "/FontFile2" in font["/FontDescriptor"]


@pytest.mark.parametrize("name", ["continuum_A3_print.pdf", "continuum-workshop_A3_print.pdf"])
def test_poster_text_stays_inside_the_safe_area(built: dict[str, Path], name: str) -> None:
    width, height = A_SIZES["A3"]
    with pdfplumber.open(built[name]) as pdf:
        for char in pdf.pages[0].chars:
            assert char["x0"] >= (BLEED + SAFE) * MM and char["x1"] <= (BLEED + width - SAFE) * MM
            assert char["top"] >= (BLEED + SAFE) * MM
            assert char["bottom"] <= (BLEED + height - SAFE) * MM


def test_the_workshop_sheet_has_the_scale_but_empty_lanes(
    built: dict[str, Path], poster: Poster
) -> None:
    printed = squeeze(page_texts(built["continuum-workshop_A3_print.pdf"])[0])
    assert squeeze(poster.labels["workshop_prompt"]) in printed
    for intensity in poster.intensities:
        assert squeeze(intensity.name) in printed
        assert squeeze(intensity.forms[0].explanation) not in printed
        assert all(squeeze(example.text) not in printed for example in intensity.forms[0].examples)


def test_the_regional_edition_adds_its_examples_and_contacts(
    built: dict[str, Path], regional: Poster
) -> None:
    base = squeeze(page_texts(built["continuum_A3_print.pdf"])[0])
    edition = squeeze(page_texts(built["continuum_midden-holland_A3_print.pdf"])[0])
    added = [text for ref, text in regional.texts.items() if ref.startswith("edition")]
    assert added
    for text in added:
        assert squeeze(text) in edition
    assert squeeze(regional.region.contacts[0].detail) not in base


def test_building_one_edition_writes_only_its_products(workspace: Path) -> None:
    written = build(Project(workspace / "cards", workspace / "layouts", workspace / "output"),
                    Request(edition="midden-holland"))  # fmt: skip
    assert sorted(p.name for p in written) == [
        "continuum_midden-holland-workshop_A3_print.pdf",
        "continuum_midden-holland.html",
        "continuum_midden-holland_A3_print.pdf",
        "continuum_midden-holland_digital.pdf",
        "manifest.json",  # records the files the generator owns in output/
    ]


def test_an_edition_naming_an_unknown_intensity_is_an_error(workspace: Path, run_cli) -> None:
    path = workspace / "cards" / "editions" / "midden-holland.yaml"
    text = path.read_text().replace("  cooperatie:\n", "  cooperatei:\n")
    path.write_text(text)
    run = run_cli(workspace, "build")
    line = text.splitlines().index("  cooperatei:") + 1
    assert run.exit_code == 1
    assert f"cards/editions/midden-holland.yaml:{line}: examples: poster 'continuum' has no " \
        "intensity 'cooperatei'" in run.output  # fmt: skip
    assert "did you mean 'cooperatie'?" in run.output


def test_a_poster_naming_an_unknown_deck_is_an_error(workspace: Path, run_cli) -> None:
    path = workspace / "cards" / "continuum.yaml"
    text = path.read_text().replace("  deck: voor-wie-doen-we-wat", "  deck: voor-wie")
    path.write_text(text)
    run = run_cli(workspace, "build")
    line = text.splitlines().index("  deck: voor-wie") + 1
    assert run.exit_code == 1
    assert f"cards/continuum.yaml:{line}: poster › deck: no deck with id 'voor-wie'" in run.output


def test_too_much_poster_text_names_the_intensity_and_line(workspace: Path, run_cli) -> None:
    path = workspace / "cards" / "continuum.yaml"
    rows = path.read_text().splitlines()
    start = rows.index("  - id: cooperatie")
    key = next(n for n in range(start, len(rows)) if rows[n].strip() == "description:")
    rows[key + 2] += " veel meer woorden" * 60  # the first line of the text under `nl: >-`
    path.write_text("\n".join(rows) + "\n")
    run = run_cli(workspace, "build")
    line = key + 1  # the `description:` key
    assert run.exit_code == 1
    least = load_layout_styles()["description"]["min_size"]
    assert (
        f"cards/continuum.yaml:{line}: poster 'continuum' (poster, A3): intensity 'cooperatie' "
        f"does not fit, even at the minimum size of {least:g} pt"
    ) in run.output


def load_layout_styles() -> dict:
    return read_yaml(LAYOUTS / "poster" / "layout.yaml")["styles"]


# --- the complete digital PDF ------------------------------------------------------------------


@pytest.fixture(scope="module")
def digital(built: dict[str, Path]) -> PdfReader:
    return PdfReader(built["continuum_digital.pdf"])


def dutch_decks(built: dict[str, Path]) -> list[Path]:
    """The print files of the Dutch decks: the main deck's first."""
    decks = [path for name, path in sorted(built.items()) if name.endswith("_print.pdf")
             and not name.startswith("continuum") and "-en_" not in name
             and "_one-card_" not in name]  # fmt: skip
    return sorted(decks, key=lambda path: not path.name.startswith("voor-wie-doen-we-wat"))


def test_digital_pdf_holds_every_card_and_the_poster_cut_to_trim(
    built: dict[str, Path], digital: PdfReader
) -> None:
    """The main deck, the poster, then every other deck in the same language."""
    main, *others = dutch_decks(built)
    cards = len(PdfReader(main).pages)
    sides = len(PdfReader(built["continuum_A3_print.pdf"]).pages)  # the wall and its back
    rest = sum(len(PdfReader(path).pages) for path in others)
    assert len(digital.pages) == cards + sides + rest
    sizes = [(105, 148)] * cards + [A_SIZES["A3"]] * sides + [(105, 148)] * rest
    for page, (width, height) in zip(digital.pages, sizes, strict=True):
        assert float(page.mediabox.width) == pytest.approx(width * MM, abs=0.01)
        assert float(page.mediabox.height) == pytest.approx(height * MM, abs=0.01)
    text = squeeze(" ".join(page.extract_text() for page in digital.pages))
    for path in (main, *others):
        for card_page in page_texts(path):
            assert squeeze(card_page) in text


def test_digital_pdf_has_bookmarks_per_part(built: dict[str, Path], digital: PdfReader) -> None:
    """One per deck and one for the poster, each at its first page; one per card below."""
    main, *others = dutch_decks(built)
    cards = len(PdfReader(main).pages)
    sides = len(PdfReader(built["continuum_A3_print.pdf"]).pages)
    starts, page = [0, cards], cards + sides
    for path in others:
        starts.append(page)
        page += len(PdfReader(path).pages)
    top = [item for item in digital.outline if not isinstance(item, list)]
    children = next(item for item in digital.outline if isinstance(item, list))
    assert [digital.get_destination_page_number(item) for item in top] == starts
    assert [digital.get_destination_page_number(item) for item in children] == list(
        range(0, cards, 2)
    )


def test_digital_pdf_bookmarks_and_author_read_as_text(digital: PdfReader, poster: Poster) -> None:
    """The main deck's and the poster's texts are translated: each bookmark and the author are
    still text (they were once written as arrays of their letters)."""
    deck = deck_versions(MAIN_DECK)[0]
    top = [item.title for item in digital.outline if not isinstance(item, list)]
    assert top[:2] == [plain(deck.title), plain(poster.title)]
    assert digital.metadata.author == plain(deck.source)
    cards = next(item for item in digital.outline if isinstance(item, list))
    assert all(isinstance(item.title, str) and "', '" not in item.title for item in cards)


def poster_links(built: dict[str, Path], digital: PdfReader) -> list[tuple[str, int, float]]:
    """Each link on the digital poster's front: the text it covers, the
    page it leads to and (for a place on a page) the top of that place, in pdfplumber's y."""
    poster_index = len(PdfReader(built["voor-wie-doen-we-wat_print.pdf"]).pages)
    annotations = [a.get_object() for a in digital.pages[poster_index]["/Annots"]]
    found = []
    with pdfplumber.open(built["continuum_digital.pdf"]) as pdf:
        page = pdf.pages[poster_index]
        for annotation in annotations:
            x0, y0, x1, y1 = (float(v) for v in annotation["/Rect"])
            destination = annotation["/Dest"]
            target = digital.get_page_number(destination[0].get_object())
            top = page.height - float(destination[3]) if str(destination[1]) == "/XYZ" else 0.0
            inside = page.crop((x0, page.height - y1, x1, page.height - y0)).extract_text()
            found.append((inside, target, top))
    return found


def test_flowchart_steps_link_to_their_explanations(
    built: dict[str, Path], digital: PdfReader, poster: Poster
) -> None:
    """The start question leads to its card, step 1 to the question cards, step 2 to the
    forms' explanations on the poster's back: never to the page it stands on."""
    poster_index = len(PdfReader(built["voor-wie-doen-we-wat_print.pdf"]).pages)
    deck = deck_versions(MAIN_DECK)[0]
    start_card = next(i for i, c in enumerate(deck.cards) if any(q.id == poster.start_question
                                                                 for q in c.questions))  # fmt: skip
    first_questions = next(i for i, c in enumerate(deck.cards) if c.kind == "questions")
    links = {text.split("\n")[0].split(" · ")[0]: (page, top)
             for text, page, top in poster_links(built, digital)}  # fmt: skip
    label = plain(poster.labels["step"])
    assert links[plain(poster.labels["start"])][0] == 2 * start_card
    assert links[f"{label} 1"][0] == 2 * first_questions
    assert links[f"{label} 2"][0] == poster_index + 1  # the back, not the page it is on


def test_each_intensity_links_to_its_explanation(
    built: dict[str, Path], digital: PdfReader, poster: Poster
) -> None:
    """Each intensity's row on the front leads to the place on the back where its forms are
    explained: the text at the top of that place is the intensity's name."""
    poster_index = len(PdfReader(built["voor-wie-doen-we-wat_print.pdf"]).pages)
    links = poster_links(built, digital)
    with pdfplumber.open(built["continuum_digital.pdf"]) as pdf:
        back = pdf.pages[poster_index + 1]
        for intensity in poster.intensities:
            # its row: the link covering its name that leaves the front (step 2's list and
            # the route's answers lead to the rows on the front)
            name = squeeze(intensity.name)
            rows = [(page, top) for text, page, top in links
                    if name in squeeze(text) and page != poster_index]  # fmt: skip
            assert rows, f"{intensity.id}: no link to its explanation"
            page, top = rows[-1]  # (step 2's box, listing the intensities, comes first)
            assert page == poster_index + 1, intensity.id
            place = back.crop((0, top, back.width, min(top + 40 * MM, back.height)))
            words = place.extract_text().split()  # the name stands beside the text
            assert all(word in words for word in intensity.name.split()), intensity.id
            explained = [f.explanation for f in intensity.forms if f.explanation]
            assert squeeze(explained[0][:60]) in squeeze(place.extract_text()), intensity.id


def test_digital_pdf_gives_each_subset_its_own_name(built: dict[str, Path]) -> None:
    names: dict[str, bytes] = {}
    for font in fonts(built["continuum_digital.pdf"]):
        data = font["/FontDescriptor"]["/FontFile2"].get_object().get_data()
        name = str(font["/BaseFont"])
        assert names.setdefault(name, data) == data, f"two different subsets are called {name}"
    assert len(names) >= 4  # regular and bold, from the cards and from the poster


def test_a_flowchart_step_more_than_the_layout_draws_is_named_by_validate(
    workspace: Path, run_cli
) -> None:
    from tests.editing import load, save

    path = workspace / "cards" / "continuum.yaml"
    document = load(path)
    document["flow"].append({**document["flow"][-1], "id": "extra-step"})
    save(path, document)
    run = run_cli(workspace, "validate")  # validate says it, not only build
    assert run.exit_code == 1
    assert "cards/continuum.yaml:" in run.output and "flowchart step(s)" in run.output
    assert "draws 2" in run.output and "flow_boxes" in run.output
