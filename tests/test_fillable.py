"""The fillable PDF checklist: a checkbox per question, a notes field per level, fonts embedded
(the notes fields' too), reproducible bytes; and a real PDF engine (PDFium) fills it in."""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable
from dataclasses import replace
from functools import cache
from pathlib import Path

import pypdfium2
import pypdfium2.raw as pdfium_c
import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from generator.build.pipeline import validate
from generator.core.errors import Location, Problem, UserError
from generator.core.geometry import PAPER_MM, mm
from generator.core.markup import plain
from generator.core.project import Project
from generator.load.yaml_file import read_yaml
from generator.model.deck import Deck
from generator.model.layout import MEASURES, FormSettings, Layout
from generator.preflight.document import read_pdf
from generator.preflight.rules import preflight
from generator.render.drawlist import parse_face
from generator.render.fillable import checklist_groups, render_fillable_checklist
from generator.validate.layout import load_layout
from generator.validate.schema_check import load_schema
from generator.validate.settings import FORM_FOLDER, load_form_settings
from tests.pdf_tools import BASE14, squeeze
from tests.projects import CARDS, LAYOUTS, MAIN_DECK, CopyProject, deck_versions

MULTILINE = 1 << 12  # text field flag


@cache
def layout() -> Layout:
    return load_layout("pocket-card", LAYOUTS, Location(MAIN_DECK))


@cache
def decks() -> tuple[Deck, ...]:
    return tuple(deck_versions(MAIN_DECK))  # Dutch, then English


@cache
def form(language_index: int) -> bytes:
    return render_fillable_checklist(decks()[language_index], layout(), form_settings()).pdf


@cache
def form_settings() -> FormSettings:
    return load_form_settings(LAYOUTS / FORM_FOLDER)


def fields(pdf: bytes) -> dict[str, DictionaryObject]:
    """Every form field by its name."""
    reader = PdfReader(io.BytesIO(pdf))
    return {
        str(field.get_object()["/T"]): field.get_object()
        for field in reader.trailer["/Root"]["/AcroForm"]["/Fields"]
    }


LANGUAGES = pytest.mark.parametrize("index", [0, 1], ids=["nl", "en"])


@LANGUAGES
def test_a_checkbox_per_question_named_by_id_and_read_out_as_the_question(index: int) -> None:
    deck, found = decks()[index], fields(form(index))
    questions = [q for card in deck.cards for q in card.all_questions()]
    boxes = {name: f for name, f in found.items() if f["/FT"] == "/Btn"}
    assert set(boxes) == {q.id for q in questions if q.check}, "hints get no box"
    for question in questions:
        if question.check:
            assert str(boxes[question.id]["/TU"]) == plain(question.text)
            assert str(boxes[question.id]["/V"]) == "/Off"


@LANGUAGES
def test_a_multiline_notes_field_per_level(index: int) -> None:
    deck, found = decks()[index], fields(form(index))
    notes = {name: f for name, f in found.items() if f["/FT"] == "/Tx"}
    groups = checklist_groups(deck, layout())
    assert set(notes) == {f"notes-{group.id}" for group in groups}
    assert {level.id for level in deck.levels} <= {group.id for group in groups}
    for group in groups:
        field = notes[f"notes-{group.id}"]
        assert field["/Ff"] & MULTILINE
        assert "/MaxLen" not in field, "notes are not cut short"
        assert str(field["/TU"]) == f"{plain(deck.labels['notes'])}: {plain(group.name)}"


@LANGUAGES
def test_every_question_and_level_is_printed(index: int) -> None:
    deck = decks()[index]
    text = squeeze(
        "".join(page.extract_text() for page in PdfReader(io.BytesIO(form(index))).pages)
    )
    wanted = [
        q.text for card in deck.cards if card.kind == "questions" for q in card.all_questions()
    ]
    wanted += [level.name for level in deck.levels] + [deck.title, deck.labels["notes"]]
    assert [w for w in wanted if squeeze(plain(w)) not in text] == []


def test_every_font_is_embedded_and_none_is_a_standard_font(tmp_path: Path) -> None:
    """The page text: the layout's subsets; the notes fields: the regular weight, whole."""
    pdf = form(0)
    path = tmp_path / "checklist.pdf"
    path.write_bytes(pdf)
    assert all(finding.ok for finding in preflight(read_pdf(path), "screen"))
    acroform = PdfReader(io.BytesIO(pdf)).trailer["/Root"]["/AcroForm"]
    (name, font), *others = acroform["/DR"]["/Font"].items()
    assert not others and name == "/FormFont"
    font = font.get_object()
    assert font["/Subtype"] == "/TrueType" and font["/Encoding"] == "/WinAnsiEncoding"
    embedded = font["/FontDescriptor"]["/FontFile2"].get_object()
    assert embedded.get_data() == layout().font.path("regular").read_bytes()
    for field in fields(pdf).values():
        if field["/FT"] == "/Tx":
            assert str(field["/DA"]).startswith("/FormFont ")
        else:
            appearance = field["/AP"]["/N"]["/Yes"].get_object()
            assert "/Font" not in appearance["/Resources"], "a tick is drawn, not typed"
    assert not any(standard.encode() in pdf for standard in BASE14 - {"Symbol"})


def test_same_input_gives_the_same_bytes() -> None:
    assert render_fillable_checklist(decks()[0], layout(), form_settings()).pdf == form(0)


def test_pdfium_fills_it_in() -> None:
    """Tick a box and type a note as a tablet would; the note is drawn in the embedded font."""
    document = pypdfium2.PdfDocument(form(0))
    document.init_forms()
    page, env = document[0], document.formenv
    pdfium_c.FORM_OnAfterLoadPage(page, env)
    annotations = [
        pdfium_c.FPDFPage_GetAnnot(page, i) for i in range(pdfium_c.FPDFPage_GetAnnotCount(page))
    ]

    def click(annotation: object) -> None:
        rect = pdfium_c.FS_RECTF()
        pdfium_c.FPDFAnnot_GetRect(annotation, rect)
        x, y = (rect.left + rect.right) / 2, (rect.top + rect.bottom) / 2
        pdfium_c.FORM_OnLButtonDown(env, page, 0, x, y)
        pdfium_c.FORM_OnLButtonUp(env, page, 0, x, y)

    kinds = [pdfium_c.FPDFAnnot_GetFormFieldType(env, a) for a in annotations]
    box = annotations[kinds.index(pdfium_c.FPDF_FORMFIELD_CHECKBOX)]
    notes = annotations[kinds.index(pdfium_c.FPDF_FORMFIELD_TEXTFIELD)]
    click(box)
    assert pdfium_c.FPDFAnnot_IsChecked(env, box)
    pdfium_c.FORM_ForceToKillFocus(env)
    click(notes)
    typed = "Met school én gezin: €50"
    for char in typed:
        pdfium_c.FORM_OnChar(env, page, ord(char), 0)
    pdfium_c.FORM_ForceToKillFocus(env)
    saved = io.BytesIO()
    document.save(saved)
    notes_field = next(f for f in fields(saved.getvalue()).values() if f["/FT"] == "/Tx")
    assert str(notes_field["/V"]) == typed
    appearance = notes_field["/AP"]["/N"].get_object()
    assert list(appearance["/Resources"]["/Font"]) == ["/FormFont"]


def test_decks_without_question_cards_have_no_checklist() -> None:
    files = [path for path in sorted(CARDS.glob("*.yaml")) if "deck" in read_yaml(path)]
    with_questions = {
        deck.id for path in files for deck in deck_versions(path) if deck.has_checklist
    }
    assert "voor-wie-doen-we-wat" in with_questions and "wat-werkt" not in with_questions


def test_a_broken_setting_is_named_with_its_line(tmp_path: Path) -> None:
    folder = tmp_path / FORM_FOLDER
    shutil.copytree(LAYOUTS / FORM_FOLDER, folder)
    settings = folder / "form.yaml"
    lines = settings.read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, start=1) if text.startswith("box_mm:"))
    lines[line - 1] = "box_mm: -2"
    settings.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(UserError) as caught:
        load_form_settings(folder)
    (problem,) = caught.value.problems
    assert problem.location == Location(settings, line)
    assert problem.message.startswith("box_mm: -2 ") and problem.hint == "a positive number"


def test_a_mistyped_setting_is_an_unknown_key_with_a_suggestion(tmp_path: Path) -> None:
    """A typo in form.yaml is not ignored: the schema names it, its line and the key meant."""
    folder = tmp_path / FORM_FOLDER
    shutil.copytree(LAYOUTS / FORM_FOLDER, folder)
    settings = folder / "form.yaml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text.replace("\nnotes_mm:", "\nnotes_mn:"), encoding="utf-8")
    rows = settings.read_text(encoding="utf-8").splitlines()
    line = next(n for n, row in enumerate(rows, start=1) if "notes_mn" in row)
    with pytest.raises(UserError) as caught:
        load_form_settings(folder)
    said = [(p.location, p.message.split(": ", 1)[-1], p.hint) for p in caught.value.problems]
    assert (Location(settings, line), "unknown key 'notes_mn'", "did you mean 'notes_mm'?") in said


def test_the_form_schema_asks_for_what_the_form_uses() -> None:
    """Every measure of FormSettings is required, and the paper sizes are those we can draw."""
    schema = load_schema("checklist-form")
    assert set(schema["required"]) == {"template", "page", "styles", *MEASURES}
    assert schema["properties"]["page"]["enum"] == list(PAPER_MM)
    used = {"title", "subtitle", "band", "question", "subquestion", "notes", "source", "footer"}
    assert set(schema["properties"]["styles"]["required"]) == used


def test_a_form_style_the_layout_lacks_is_named_before_drawing(
    tmp_path: Path, copy_project: CopyProject
) -> None:
    """form.yaml names the layout's styles by role: a style the layout does not define is an
    error of validate, at form.yaml, naming the style and where styles are defined."""
    layouts = copy_project(tmp_path, cards=(), output=False) / "layouts"
    form = layouts / FORM_FOLDER / "form.yaml"
    text = form.read_text(encoding="utf-8")
    style = load_form_settings(LAYOUTS / FORM_FOLDER).styles["footer"]
    form.write_text(text.replace(f"footer: {style}", "footer: voetnoot", 1), encoding="utf-8")
    with pytest.raises(UserError) as caught:
        validate(Project(CARDS, layouts, tmp_path / "output"))
    (problem,) = caught.value.problems
    assert problem.location.file == form
    assert "voetnoot" in problem.message and "layout.yaml" in problem.hint


# -- the form's template: flowing pages --------------------------------------------------------


def form_with_template(tmp_path: Path, edit: Callable[[str], str]) -> FormSettings:
    """The shipped form settings, with its template as edit() makes it, in a tmp folder."""
    folder = tmp_path / FORM_FOLDER
    shutil.copytree(LAYOUTS / FORM_FOLDER, folder)
    template = folder / form_settings().template
    template.write_text(edit(template.read_text(encoding="utf-8")), encoding="utf-8")
    return load_form_settings(folder)


def broken(tmp_path: Path, edit: Callable[[str], str]) -> Problem:
    """The one problem rendering the main deck's form with an edited template gives."""
    settings = form_with_template(tmp_path, edit)
    with pytest.raises(UserError) as caught:
        render_fillable_checklist(decks()[0], layout(), settings)
    (problem,) = caught.value.problems
    return problem


def test_the_shipped_template_draws_what_the_form_settings_say(tmp_path: Path) -> None:
    """Page size and measures come from form.yaml: a taller notes field moves the page break."""
    pages = len(PdfReader(io.BytesIO(form(0))).pages)
    taller = form_with_template(tmp_path, lambda text: text)
    taller = replace(taller, notes_mm=taller.notes_mm * 3)
    grown = render_fillable_checklist(decks()[0], layout(), taller).pdf
    assert len(PdfReader(io.BytesIO(grown)).pages) > pages


@pytest.mark.parametrize(
    ("edit", "message", "hint"),
    [
        (lambda t: t.replace("<pages", "<page", 1).replace("</pages>", "</page>"),
         "the template must produce <pages>, not <page>",
         "put the template's elements inside one <pages> … </pages>"),
        (lambda t: t.replace('<pages balance="false">', '<pages balance="no">'),
         '<pages> takes one attribute, balance, "true" or "false"', "see layouts/README.md"),
        (lambda t: t.replace("<flow ", "<frame ", 1).replace("</flow>", "</frame>"),
         "<pages> holds one <flow>, one <first-page> and one <every-page>, not <frame> here",
         "see layouts/README.md"),
        (lambda t: t.replace("<flow ", "<!-- ", 1).replace("</flow>", "-->").replace(
            "{% for group in groups %}", "{% for group in [] %}"),
         "<pages> has no <flow>", "see layouts/README.md"),
        (lambda t: t.replace("<keep>", "<keep><keep/>", 1),
         "<keep> cannot stand in a <keep>", "use one of: p, check, bar, gap, field"),
        (lambda t: t.replace(' tooltip="{{ q.text | plain }}"', ""),
         "<check field='{box}'> is a form field: it needs a tooltip (its accessible "
         "name) and stands in a <flow> only",
         "give it tooltip=\"…\", or leave field out of a frame's check"),
        (lambda t: t.replace('<field name="notes-{{ group.id }}"', '<field name="same"'),
         "two form fields are named 'same'", "give every field of the form a name of its own"),
        (lambda t: t.replace('h="{{ form.notes_mm }}"', 'h="400"'),
         "checklist {deck}: a field is taller (400 mm) than a page's flow has room for",
         "shorten the text, or give the template's <flow> more room"),
        (lambda t: t.replace('<flow x="{{ m }}"', '<flow x="1"'),
         "outside the safe area", "adapt the template's frames"),
    ],
    ids=["root", "balance", "part", "no-flow", "nested-keep", "tooltip", "same-name",
         "too-tall", "safe-area"],
)  # fmt: skip
def test_a_broken_form_template_is_named_with_the_fix(
    tmp_path: Path, edit: Callable[[str], str], message: str, hint: str
) -> None:
    problem = broken(tmp_path, edit)
    template = tmp_path / FORM_FOLDER / form_settings().template
    deck = decks()[0]
    items = [i for g in checklist_groups(deck, layout()) for q in g.questions for i in (q, *q.sub)]
    message = message.format(box=next(i.id for i in items if i.check), deck=deck.id)
    if "safe area" not in message:
        assert problem.location.file == template
    assert message in problem.message and hint in problem.hint


def test_a_form_field_in_a_card_frame_is_named_with_the_fix(tmp_path: Path) -> None:
    """A checkbox field belongs to a flow: in a card's frame it is an error naming the file."""
    template = tmp_path / "face.xml.j2"
    xml = '<face><frame x="5" y="5" w="50" h="50"><check style="question" x="0" box="3" '
    xml += 'text_x="5" field="q" tooltip="Q">Q</check></frame></face>'
    with pytest.raises(UserError) as caught:
        parse_face(xml, template)
    (problem,) = caught.value.problems
    assert problem.location == Location(template)
    assert "stands in a <flow> only" in problem.message and "leave field out" in problem.hint


def test_a_group_taller_than_a_page_breaks_between_its_questions(tmp_path: Path) -> None:
    """With wide gaps no level fits on a page: its questions go on over the next pages, every
    field stays above the footer and by the page's top margin, and none is lost."""
    settings = replace(form_settings(), item_gap_mm=40)
    pdf = render_fillable_checklist(decks()[0], layout(), settings).pdf
    reader = PdfReader(io.BytesIO(pdf))
    height = float(reader.pages[0].mediabox.height)
    low = mm(settings.margin_mm + settings.footer_mm) - 0.01
    high = height - mm(settings.margin_mm) + mm(settings.box_mm) / 2  # a box centred on a line
    assert len(reader.pages) > len(PdfReader(io.BytesIO(form(0))).pages)
    for page in reader.pages:
        for annotation in page.get("/Annots", []):
            _x, bottom, _x2, top = (float(v) for v in annotation.get_object()["/Rect"])
            assert low <= bottom and top <= high
    assert fields(pdf).keys() == fields(form(0)).keys()
