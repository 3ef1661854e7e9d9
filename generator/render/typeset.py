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
# share of the frame's width, in this many halvings of the range it starts from.
BALANCE_FLOOR = 0.5
BALANCE_STEPS = 4

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
        self._made: dict[int, Paragraph] = {}  # each setting made once, wrapped at any width

    def _setting(self, style: ParagraphStyle) -> Paragraph:
        if id(style) not in self._made:
            self._made[id(style)] = self.make(style)
        return self._made[id(style)]

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        chosen = self._setting(self.style)
        size = chosen.wrap(available_width, available_height)
        if self.eager or has_short_line(chosen, available_width):
            hyphenated = self._setting(self.hyphenating)
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
    """A title, heading or question broken as a typesetter breaks it: never one word alone
    on the last line where the frame has room to carry the word before it down too (`tied`:
    the text with its last two words tied by a no-break space), and, when `even`, at the
    narrowest width that keeps the number of lines its frame's width gives, so the lines are
    of even length (when drawn: fitting measures the same lines at the full width)."""

    def __init__(
        self,
        text: Flowable,
        style: ParagraphStyle,
        tie: Callable[[], Flowable] | None,
        even: bool = True,
    ) -> None:
        super().__init__()
        self.text, self.style, self.tie, self.even = text, style, tie, even
        self.tied: Flowable | None = None  # made when a word is left alone
        self.chosen: Flowable = text
        self.used = self.available_height = 0.0
        self.lines = 1

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        chosen = self.text
        size = chosen.wrap(available_width, available_height)
        lines = line_count(chosen)
        if lines > 1 and self.tie is not None and last_line_words(chosen) == 1:
            self.tied = self.tied or self.tie()
            tied_size = self.tied.wrap(available_width, available_height)
            if line_count(self.tied) <= lines:  # room to carry the word before down
                chosen, size = self.tied, tied_size
                lines = line_count(chosen)
        self.chosen, self.used, self.lines = chosen, available_width, lines
        self.available_height = available_height
        self.width, self.height = available_width, size[1]
        return self.width, self.height

    def balance(self) -> None:
        """Narrow the setting to the least width that keeps its lines (and leaves no word
        alone): done once, when drawn, as it changes no line and so no height. The search
        starts at the width the lines would have if the text were spread evenly over them."""
        paragraph, lines, height = _paragraph(self.chosen), self.lines, self.available_height
        if lines < 2 or self.used < self.width or not self.even:
            return
        indents = paragraph.style.leftIndent + paragraph.style.rightIndent
        filled = sum(self.width - indents - extra for extra, _ in line_texts(paragraph))
        words = min(2, last_line_words(paragraph))
        narrow = max(self.width * BALANCE_FLOOR, filled / lines + indents)
        wide = self.width
        for _ in range(BALANCE_STEPS):
            middle = (narrow + wide) / 2
            paragraph.wrap(middle, height)
            if len(paragraph.blPara.lines) == lines and last_line_words(paragraph) >= words:
                wide = middle
            else:
                narrow = middle
        self.used = wide
        paragraph.wrap(wide, height)
        self.chosen = paragraph

    def draw(self) -> None:
        self.balance()
        room = self.width - self.used
        shift = {TA_CENTER: room / 2, TA_RIGHT: room}.get(self.style.alignment, 0.0)
        self.chosen.drawOn(self.canv, shift, 0)


def tie_last_words(text: str) -> str | None:
    """The text with its last two words tied by a no-break space (None: one word only)."""
    head, space, tail = text.rstrip().rpartition(" ")
    return f"{head}\u00a0{tail}" if space and head.strip() else None


def last_line_words(flowable: Flowable) -> int:
    """How many words (split at any space, a no-break one too) a wrapped text's last line has."""
    return len(line_texts(_paragraph(flowable))[-1][1].split())


def _paragraph(flowable: Flowable) -> Paragraph:
    """The paragraph a wrapped flowable (plain, hyphenating, balanced, beside a box) set."""
    while not isinstance(flowable, Paragraph):
        flowable = getattr(flowable, "chosen", None) or flowable.paragraph
    return flowable


def line_count(flowable: Flowable) -> int:
    """How many lines a wrapped paragraph (plain, hyphenating or balanced) was set in."""
    return len(_paragraph(flowable).blPara.lines)


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
