"""Set a paragraph as a Dutch typesetter would: hyphenate sparingly.

Ragged-right body text is set without hyphenation first. Only when a line (not the last)
would then be clearly short is it set again with hyphenation, and that setting is kept
only if its last line is not a lone fragment of a broken word. When a frame's text does not
fit, it is set again eagerly (hyphenated wherever a break helps) before it is set smaller:
a typesetter breaks words before shrinking the type.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

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
