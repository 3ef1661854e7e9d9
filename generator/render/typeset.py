"""Set a paragraph as a Dutch typesetter would: hyphenate sparingly.

Ragged-right body text is set without hyphenation first. Only when a line (not the last)
would then be clearly short is it set again with hyphenation, and that setting is kept
only if its last line is not a lone fragment of a broken word. When a frame's text does not
fit, it is set again eagerly (hyphenated wherever a break helps) before it is set smaller:
a typesetter breaks words before shrinking the type.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

# Balancing searches the narrowest width that keeps a text's number of lines, down to this
# share of the frame's width, in this many halvings (within 1 % of the width).
BALANCE_FLOOR = 0.5
BALANCE_STEPS = 7

# A line is clearly short when more than this share of its width is left empty (it is less
# than two-thirds full): ragged-right text on a pocket card is otherwise left unbroken.
SHORT_LINE = 1 / 3


class Typeset(Flowable):
    """A paragraph that chooses between its unhyphenated and its hyphenated setting when it
    knows its width."""

    def __init__(
        self,
        make: Callable[[ParagraphStyle], Paragraph],
        plain: ParagraphStyle,
        hyphenating: ParagraphStyle,
        eager: bool = False,
    ) -> None:
        super().__init__()
        self.make, self.style, self.hyphenating, self.eager = make, plain, hyphenating, eager
        self.chosen: Paragraph | None = None

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        chosen = self.make(self.style)
        size = chosen.wrap(available_width, available_height)
        if self.eager or has_short_line(chosen, available_width):
            hyphenated = self.make(self.hyphenating)
            hyphenated_size = hyphenated.wrap(available_width, available_height)
            if not ends_in_fragment(hyphenated):
                chosen, size = hyphenated, hyphenated_size
        self.chosen = chosen
        self.width, self.height = size
        return size

    def draw(self) -> None:
        assert self.chosen is not None, "wrap() first"
        self.chosen.drawOn(self.canv, 0, 0)


class Balanced(Flowable):
    """A title, heading or question set in lines of even length, as a typesetter breaks
    them: at the narrowest width that keeps the number of lines its frame's width gives, so
    that no word is left alone on the last line while the line above has room for it. Its
    height is the text's at the full width (the same lines), so fitting is unchanged."""

    def __init__(self, text: Flowable, style: ParagraphStyle) -> None:
        super().__init__()
        self.text, self.style = text, style
        self.used = 0.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        size = self.text.wrap(available_width, available_height)
        lines = line_count(self.text)
        self.used = available_width
        if lines > 1:
            narrow, wide = available_width * BALANCE_FLOOR, available_width
            for _ in range(BALANCE_STEPS):
                middle = (narrow + wide) / 2
                self.text.wrap(middle, available_height)
                if line_count(self.text) == lines:
                    wide = middle
                else:
                    narrow = middle
            self.used = wide
            size = self.text.wrap(wide, available_height)
        self.width, self.height = available_width, size[1]
        return self.width, self.height

    def draw(self) -> None:
        room = self.width - self.used
        shift = {TA_CENTER: room / 2, TA_RIGHT: room}.get(self.style.alignment, 0.0)
        self.text.drawOn(self.canv, shift, 0)


def line_count(flowable: Flowable) -> int:
    """How many lines a wrapped paragraph (plain, hyphenating or balanced) was set in."""
    inner = getattr(flowable, "chosen", None) or getattr(flowable, "text", None)
    if isinstance(inner, Flowable):
        return line_count(inner)
    paragraph = getattr(flowable, "paragraph", None)
    if isinstance(paragraph, Flowable):  # a question beside its tick box
        return line_count(paragraph)
    lines = getattr(getattr(flowable, "blPara", None), "lines", None)
    return len(lines) if lines is not None else 1


def line_texts(paragraph: Paragraph) -> list[tuple[float, str]]:
    """Each line of a wrapped paragraph: the width left empty, and its text."""
    lines = []
    for line in paragraph.blPara.lines:
        if isinstance(line, tuple):  # one font: (space left, words)
            extra, words = line
            lines.append((extra, " ".join(words)))
        else:  # fragments of several fonts
            text = "".join(getattr(word, "text", "") for word in line.words)
            lines.append((line.extraSpace, text))
    return lines


def has_short_line(paragraph: Paragraph, width: float) -> bool:
    room = width - paragraph.style.leftIndent - paragraph.style.rightIndent
    return any(extra > SHORT_LINE * room for extra, _ in line_texts(paragraph)[:-1])


def ends_in_fragment(paragraph: Paragraph) -> bool:
    """The last line is the lone tail of a word broken at the end of the line before."""
    lines = line_texts(paragraph)
    if len(lines) < 2:
        return False
    before, last = lines[-2][1].rstrip(), lines[-1][1].strip()
    return before.endswith("-") and " " not in last
