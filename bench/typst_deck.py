"""Typst beside us, in the same run: every shipped deck's cards (Dutch), a page per face in
the cards' own font, compiled by Typst's Python binding; then bench.warm's question edited and
compiled again by the same `typst.Compiler` (its incremental recompile), best of EDITS. The
texts go in as data (JSON) that the Typst document reads, so nothing needs escaping.
Typst lays out far less than we do (no fitting, no imposition, no PDF/X, one file): the row
is what an editor would compare a save with."""

from __future__ import annotations

import json
import time

from bench.context import Bench
from bench.warm import MAIN_DECK, chosen_questions
from generator.core.markup import plain
from generator.core.project import Project
from generator.validate.against_layouts import layout_of
from generator.validate.content import collect
from generator.validate.settings import Settings

EDITS = 3
DOCUMENT = """#set page(width: 105mm, height: 148mm, margin: 6mm)
#set text(font: "{family}", size: 10.5pt, lang: "nl", hyphenate: true)
#set par(justify: false)
#let cards = json("cards.json")
#for card in cards [
  #heading(level: 2, card.heading)
  #for q in card.questions [
    - #q.text
      #for s in q.sub [
        - #s
      ]
  ]
  #for p in card.points [
    - #p
  ]
  #pagebreak(weak: true)
  #align(bottom)[#text(size: 7pt)[#card.deck · Kaart #card.number]]
  #pagebreak()
]
"""


def typst_recompile(bench: Bench) -> dict[str, float]:
    """Typst's cold compile and its warm recompiles after one edited question, in seconds."""
    import typst  # a development package: only the bench needs it

    def measure() -> dict[str, float]:
        bench.say(f"Typst: the shipped decks, one question edited ({EDITS} times)")
        folder = bench.folder("typst")
        project = Project(cards=bench.repo / "cards", layouts=bench.repo / "layouts",
                          output=folder / "output")  # fmt: skip
        content = collect(project)
        decks = [deck for deck in content.decks.values() if deck.language == "nl"]
        font = layout_of(decks[0], Settings(project.layouts)).font
        question = chosen_questions(bench.repo / "cards" / MAIN_DECK)["warm_s"]
        cards = [_card(deck, card, number) for deck in decks
                 for number, card in enumerate(deck.cards, start=1)]  # fmt: skip
        (folder / "main.typ").write_text(DOCUMENT.format(family=font.family), "utf-8")
        data = folder / "cards.json"
        data.write_text(json.dumps(cards), "utf-8")
        compiler = typst.Compiler(str(folder / "main.typ"),
                                  font_paths=[str(font.path("regular").parent)])  # fmt: skip
        start = time.perf_counter()
        compiler.compile()
        cold = time.perf_counter() - start
        warm = []
        for edit in range(EDITS):
            for card in cards:
                for q in card["questions"]:
                    if q["id"] == question:
                        q["text"] = f"{q['text']} (herzien {edit})"
            data.write_text(json.dumps(cards), "utf-8")
            start = time.perf_counter()
            compiler.compile()
            warm.append(time.perf_counter() - start)
        return {"cold_s": cold, "warm_s": min(warm), "cards": float(len(cards))}

    return bench._once("typst", measure)


def _card(deck, card, number: int) -> dict:
    heading = card.heading or (card.level.name if card.level else "") or deck.title
    return {
        "deck": plain(deck.title), "number": number, "heading": plain(heading),
        "questions": [{"id": q.id, "text": plain(q.text), "sub": [plain(s.text) for s in q.sub]}
                      for q in card.questions],
        "points": [plain(p.text) for p in card.points],
    }  # fmt: skip
