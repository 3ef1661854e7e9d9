"""`serve`: the time from saving an edited question to the page's feed announcing the new
version, and the new picture fetched, as a browser would.

Run in its own process as `python -m bench.serve REPO SCRATCH`: copies REPO's cards/ and
layouts/ into SCRATCH, starts `serve` (the real loop: watchfiles, the watch engine, the
pictures, the server) on a free port in a thread, listens to its change feed, then edits one
Dutch question of the main deck `EDITS` times (bench.warm's edit, a different text each time)
and times each edit until an update whose page holds the new text has come and every new
picture in it (the card's, the one-card's) has been read. Prints one JSON line:
{"save_to_picture_s": [...]}.
"""

from __future__ import annotations

import http.client
import json
import logging
import re
import shutil
import sys
import threading
import time
from pathlib import Path

from bench.context import Bench
from bench.measure import check, python, run_once
from bench.warm import MAIN_DECK, chosen_questions, edit_question

EDITS = 3
PICTURE = re.compile(r'src="(/pictures/[^"]+)"')


class Feed:
    """The server's change feed, read as a page reads it."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.connection.request("GET", "/events")
        self.response = self.connection.getresponse()

    def next_html(self) -> str:
        """The products' part of the next version announced."""
        while not (line := self.response.fp.readline().decode()).startswith("data: "):
            if not line:
                raise RuntimeError("the change feed ended")
        return json.loads(line.removeprefix("data: "))["html"]

    def fetch(self, path: str) -> bytes:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            connection.request("GET", path)
            return connection.getresponse().read()
        finally:
            connection.close()


def main(argv: list[str]) -> int:
    from generator.core.project import Project
    from generator.desk.serve.run import serve
    from generator.desk.serve.server import Server

    logging.getLogger("generator").setLevel(logging.ERROR)  # no notes about the content
    repo, scratch = Path(argv[0]), Path(argv[1])
    cards, layouts = scratch / "cards", scratch / "layouts"
    shutil.copytree(repo / "cards", cards)
    shutil.copytree(repo / "layouts", layouts)
    project = Project(cards=cards, layouts=layouts, output=scratch / "output")
    server, stop = Server(0), threading.Event()
    args = (project, server, "nl", lambda changed, update: None, stop)
    thread = threading.Thread(target=serve, args=args, daemon=True)
    thread.start()
    question = chosen_questions(cards / MAIN_DECK)["warm_s"]  # a level question: its own card
    feed = Feed(server.server_address[1])
    shown = set(PICTURE.findall(feed.next_html()))  # after the first build
    figures = []
    for edit in range(1, EDITS + 1):
        start = time.perf_counter()
        edit_question(cards / MAIN_DECK, question, edit)
        while f"herzien {edit})" not in (html := feed.next_html()):
            pass  # a version from before this save
        new = set(PICTURE.findall(html)) - shown  # its card, and the one-card that holds it too
        assert new, "the page announced the new text without a new picture"
        for picture in sorted(new):
            assert feed.fetch(picture).startswith(b"\x89PNG")
        figures.append(time.perf_counter() - start)
        shown = set(PICTURE.findall(html))
    stop.set()
    thread.join(timeout=30)
    print(json.dumps({"save_to_picture_s": figures}))
    return 0


def save_to_picture(bench: Bench) -> list[float]:
    """The seconds of each edit, measured by this module in a new process."""
    bench.say(f"serve: save → updated picture ({EDITS} edits)")
    args = python("-m", "bench.serve", bench.repo, bench.folder("serve"))
    run = run_once(args, bench.repo)
    check(run, args)
    return json.loads(run.stdout.strip().splitlines()[-1])["save_to_picture_s"]


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
