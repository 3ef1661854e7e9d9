"""render_fillable_checklist(): a deck's questions as a fillable PDF form, for a tablet.

Every question (and sub-question) with a tick box gets an AcroForm checkbox named by its id,
whose tooltip (its accessible name) is the question; every level gets a multi-line notes
field. Visible text is the layout's TrueType font, embedded; the page is RGB (a screen
product). Checkbox appearances are vector ticks and need no font. The notes fields' typed
text uses a fully embedded copy of the layout's regular font (see form_font.py).
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from generator import __version__
from generator.core.geometry import PAPER_MM, mm
from generator.core.i18n import written_date
from generator.core.markup import plain
from generator.model.deck import Deck, Question
from generator.model.layout import FormSettings, Layout, Look, TextStyle
from generator.render.colors import screen_rgb
from generator.render.fonts import font_name, register_family
from generator.render.form_font import use_embedded_form_font
from generator.render.hyphenation import hyphenator
from generator.render.markup import content_paragraph
from generator.render.styles import draw_symbol, paragraph_style
from generator.render.typeset import Typeset


@dataclass(frozen=True)
class Group:
    """A part of the checklist: a level (or an unlevelled card such as the start question)."""

    id: str
    name: str
    look: Look
    questions: tuple[Question, ...]


def checklist_groups(deck: Deck, layout: Layout) -> list[Group]:
    """Unlevelled question cards first, in deck order, then the questions of each level."""
    groups = [
        Group(card.id, card.heading or "", layout.look(None), card.questions)
        for card in deck.cards
        if card.kind == "questions" and card.level is None
    ]
    for level in deck.levels:
        questions = tuple(q for card in deck.cards if card.level == level for q in card.questions)
        if questions:
            groups.append(Group(level.id, level.name, layout.look(level.index), questions))
    return groups


def render_fillable_checklist(deck: Deck, layout: Layout, settings: FormSettings) -> bytes:
    """The form as PDF bytes; the same input gives the same bytes (Canvas invariant).
    settings: the form's, checked against the layout (validate.settings)."""
    register_family(layout.font)
    buffer = io.BytesIO()
    width, height = (mm(v) for v in PAPER_MM[settings.page])
    canvas = Canvas(
        buffer,
        pagesize=(width, height),
        invariant=1,
        pageCompression=1,
        initialFontName=font_name(layout.font, "regular"),
        enforceColorSpace="rgb",
        lang=deck.language,
    )
    canvas.setTitle(plain(deck.title))
    canvas.setAuthor(plain(deck.source))
    canvas.setSubject(f"{plain(deck.title)}, {deck.labels['edition']} {deck.edition.version}")
    canvas.setCreator(f"voorwie-generator {__version__}")
    canvas.setViewerPreference("DisplayDocTitle", "true")
    use_embedded_form_font(canvas, layout.font)
    FormWriter(canvas, deck, layout, settings, (width, height)).write()
    canvas.save()
    return buffer.getvalue()


class FormWriter:
    """Flows the groups down the pages: a group starts on a new page if it would not fit."""

    def __init__(
        self,
        canvas: Canvas,
        deck: Deck,
        layout: Layout,
        settings: FormSettings,
        page: tuple[float, float],
    ) -> None:
        self.canvas, self.deck, self.layout, self.s = canvas, deck, layout, settings
        self.width, self.height = page
        self.left = mm(settings.margin_mm)
        self.inner = self.width - 2 * self.left
        self.bottom = mm(settings.margin_mm + settings.footer_mm)
        self.y = self.height - mm(settings.margin_mm)
        self._styles: dict[tuple[str, str | None, bool], ParagraphStyle] = {}
        self._items: dict[tuple[str, bool], tuple[Paragraph | Typeset, float]] = {}

    # -- text ---------------------------------------------------------------------------------

    def color(self, name: str) -> Color:
        return Color(*screen_rgb(self.layout.colors[name]))

    def paragraph(self, text: str, role: str, color: str | None = None) -> Paragraph | Typeset:
        """The text in the role's style, hyphenated as the cards are: only in styles that
        hyphenate, sparingly, with the content's word list and Dutch trema rule."""
        plain_style = self.paragraph_style(role, color)
        style: TextStyle = self.layout.styles[self.s.styles[role]]
        if not (style.hyphenate and hyphenator(self.deck.language, self.deck.hyphenation)):
            return content_paragraph(text, plain_style)
        hyphenating = self.paragraph_style(role, color, hyphenate=True)
        return Typeset(lambda chosen: content_paragraph(text, chosen), plain_style, hyphenating)

    def paragraph_style(
        self, role: str, color: str | None, hyphenate: bool = False
    ) -> ParagraphStyle:
        """One style per role, colour and hyphenation for the whole form."""
        key = (role, color, hyphenate)
        if key not in self._styles:
            self._styles[key] = self._make_style(role, color, hyphenate)
        return self._styles[key]

    def _make_style(self, role: str, color: str | None, hyphenate: bool) -> ParagraphStyle:
        style: TextStyle = self.layout.styles[self.s.styles[role]]
        language = (hyphenate and hyphenator(self.deck.language, self.deck.hyphenation)) or ""
        return paragraph_style(f"form-{role}", self.layout.font, style, style.size,
                               self.color(color or style.color), language)  # fmt: skip

    def place(self, paragraph: Paragraph | Typeset, x: float, top: float, width: float) -> float:
        """Draw with its top at `top`; its height."""
        _, h = paragraph.wrap(width, self.height)
        paragraph.drawOn(self.canvas, x, top - h)
        return h

    # -- pages --------------------------------------------------------------------------------

    def write(self) -> None:
        self.header()
        for group in checklist_groups(self.deck, self.layout):
            if self.group_height(group) > self.y - self.bottom:
                self.new_page()
            self.group(group)
            self.y -= mm(self.s.group_gap_mm)
        self.footer()

    def new_page(self) -> None:
        self.footer()
        self.canvas.showPage()
        self.y = self.height - mm(self.s.margin_mm)

    def footer(self) -> None:
        """The source, and under it the deck's title and edition: two lines, each set whole
        at the page's width (an A4 page holds either at the footer's size)."""
        labels, deck = self.deck.labels, self.deck
        date = written_date(deck.edition.date, deck.language)
        lines = [  # top to bottom: the source above, as on the cards' backs
            f"{labels['source']}: {deck.source}",
            f"{deck.title} · {labels['edition']} {deck.edition.version} ({date})",
        ]
        y = mm(self.s.margin_mm)
        for text in reversed(lines):
            paragraph = self.paragraph(text, "footer")
            _, height = paragraph.wrap(self.inner, self.height)
            paragraph.drawOn(self.canvas, self.left, y)
            y += height

    def header(self) -> None:
        """The deck's title and subtitle on a band of the brand colour across the page top."""
        pad = mm(self.s.header_pad_mm)
        parts = [self.paragraph(self.deck.title, "title")]
        if self.deck.subtitle:
            parts.append(self.paragraph(self.deck.subtitle, "subtitle"))
        heights = [p.wrap(self.inner, self.height)[1] for p in parts]
        band = pad + self.left / 2 + sum(heights) + pad
        self.canvas.setFillColor(self.color(self.layout.look(None).color))
        self.canvas.rect(0, self.height - band, self.width, band, stroke=0, fill=1)
        top = self.height - self.left / 2 - pad
        for paragraph in parts:
            top -= self.place(paragraph, self.left, top, self.inner) + mm(1.5)
        self.y = self.height - band - mm(self.s.group_gap_mm)

    # -- a group ------------------------------------------------------------------------------

    def group_height(self, group: Group) -> float:
        items = sum(self.item_height(q, sub) + mm(self.s.item_gap_mm) for q, sub in _items(group))
        notes = self.paragraph(self.deck.labels["notes"], "notes").wrap(self.inner, self.height)[1]
        return mm(self.s.band_mm) + mm(3) + items + notes + mm(1.5) + mm(self.s.notes_mm)

    def item_height(self, question: Question, sub: bool) -> float:
        """Asked when fitting a group and again when placing each question: set once."""
        return self.item_paragraph(question, sub)[1]

    def item_paragraph(self, question: Question, sub: bool) -> tuple[Paragraph | Typeset, float]:
        """A question's paragraph, wrapped, and its height; muted when it has no tick box."""
        key = (question.ref, sub)
        if key not in self._items:
            role = "subquestion" if sub else "question"
            color = None if question.check else "muted"
            paragraph = self.paragraph(question.text, role, color)
            _, height = paragraph.wrap(self.inner - self.text_x(sub), self.height)
            self._items[key] = paragraph, height
        return self._items[key]

    def text_x(self, sub: bool) -> float:
        s = self.s
        indent = s.sub_indent_mm if sub else 0
        return mm(indent + (s.sub_box_mm if sub else s.box_mm) + s.box_gap_mm)

    def group(self, group: Group) -> None:
        self.band(group)
        for question, sub in _items(group):
            if self.item_height(question, sub) > self.y - self.bottom:
                self.new_page()
            self.item(group, question, sub)
        self.notes(group)

    def band(self, group: Group) -> None:
        s, canvas = self.s, self.canvas
        h = mm(s.band_mm)
        canvas.setFillColor(self.color(group.look.color))
        canvas.roundRect(self.left, self.y - h, self.inner, h, mm(1.5), stroke=0, fill=1)
        size = mm(s.band_symbol_mm)
        canvas.setFillColor(self.color("paper"))
        draw_symbol(canvas, group.look.symbol, self.left + mm(3) + size / 2, self.y - h / 2, size)
        name = self.paragraph(group.name, "band", color="paper")
        text_x = mm(3) + size + mm(3)
        _, th = name.wrap(self.inner - text_x - mm(3), h)
        name.drawOn(canvas, self.left + text_x, self.y - h / 2 - th / 2)
        self.y -= h + mm(3)

    def item(self, group: Group, question: Question, sub: bool) -> None:
        s = self.s
        paragraph, h = self.item_paragraph(question, sub)
        paragraph.drawOn(self.canvas, self.left + self.text_x(sub), self.y - h)
        del self._items[question.ref, sub]  # placed: a long form does not keep its lines
        if question.check:
            box = mm(s.sub_box_mm if sub else s.box_mm)
            size = paragraph.style.fontSize
            centre = self.y - size + 0.33 * size  # on the first line's lower-case letters
            self.canvas.acroForm.checkbox(
                name=question.id,
                tooltip=plain(question.text),
                x=self.left + mm(s.sub_indent_mm if sub else 0),
                y=centre - box / 2,
                size=box,
                buttonStyle="check",
                borderColor=self.color("ink"),
                fillColor=self.color("paper"),
                textColor=self.color("ink"),
                borderWidth=1,
                forceBorder=True,
                fieldFlags="",
            )
        self.y -= h + mm(s.item_gap_mm)

    def notes(self, group: Group) -> None:
        s = self.s
        label = self.deck.labels["notes"]
        self.y -= self.place(self.paragraph(label, "notes"), self.left, self.y, self.inner)
        self.y -= mm(1.5)
        h = mm(s.notes_mm)
        self.canvas.acroForm.textfield(
            name=f"notes-{group.id}",
            tooltip=f"{plain(label)}: {plain(group.name)}",
            x=self.left,
            y=self.y - h,
            width=self.inner,
            height=h,
            fieldFlags="multiline",
            maxlen=None,
            fontName=font_name(self.layout.font, "regular"),
            fontSize=s.notes_font_pt,
            borderColor=self.color("rule"),
            fillColor=self.color("paper"),
            textColor=self.color("ink"),
            borderWidth=1,
            forceBorder=True,
        )
        self.y -= h


def _items(group: Group) -> list[tuple[Question, bool]]:
    """Questions and their sub-questions, in order, each with whether it is a sub-question."""
    return [(item, item is not q) for q in group.questions for item in (q, *q.sub)]
