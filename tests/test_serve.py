"""`serve` over plain HTTP: what it answers (the page, its assets, pictures large enough to
read, the files under output/, the change feed) and what it refuses (other methods, paths out
of output/, links out of it, a foreign Host); and the page following saves, errors and fixes."""

from __future__ import annotations

import io
import json
import re
import time
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PIL import Image

from generator.core import i18n
from tests.projects import CopyProject, project_in
from tests.serving import DECK_ID, FIXTURE, Serving, replace_in, serving

SECRET = "not for the page"
QUESTION = "Wie zit er vandaag aan tafel?"
PRINT_FILE = f"{DECK_ID}_print.pdf"
MIN_FACE_PX = 600


class Images(HTMLParser):
    """Every picture on a page: its attributes, and the link around it."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[dict[str, str]] = []
        self._link: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "a":
            self._link = values.get("href")
        elif tag == "img":
            self.found.append({**values, "link": self._link or ""})

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self._link = None


def images(html: str) -> list[dict[str, str]]:
    parser = Images()
    parser.feed(html)
    return parser.found


@pytest.fixture(scope="module")
def served(copy_project: CopyProject) -> Iterator[Serving]:
    """The fixture deck served; beside output/ a file the page must never give."""
    folder = copy_project("served", cards=[FIXTURE], output=False)
    project = project_in(folder)
    (folder / "secret.txt").write_text(SECRET, encoding="utf-8")
    with serving(project) as running:
        assert running.get("/")[0] == 200  # answered once the first build is done
        output = project.output
        (output / "escape.txt").symlink_to(folder / "secret.txt")
        (output / "up").symlink_to(folder, target_is_directory=True)
        (output / "same.pdf").symlink_to(output / PRINT_FILE)
        yield running


def page(served: Serving) -> str:
    status, _, body = served.get("/")
    assert status == 200
    return body.decode()


def test_it_listens_on_the_loopback_address_only(served: Serving) -> None:
    assert served.server.server_address[0] == "127.0.0.1"


def test_each_card_front_beside_its_back_links_to_its_page_of_the_pdf(served: Serving) -> None:
    pictures = images(page(served))
    assert [p["link"] for p in pictures] == [f"/output/{PRINT_FILE}#page={n}" for n in (1, 2, 3, 4)]
    front_of_questions = pictures[2]
    assert QUESTION in front_of_questions["alt"]  # the words on the picture, from the PDF
    for picture in pictures:
        status, headers, data = served.get(picture["src"])
        assert status == 200 and headers["Content-Type"] == "image/png"
        size = Image.open(io.BytesIO(data)).size
        assert size == (int(picture["width"]), int(picture["height"]))
        assert size[1] >= MIN_FACE_PX  # a card face large enough to read


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/", "text/html"),
        ("/?from=bookmark", "text/html"),
        ("/assets/page.js", "text/javascript"),
        ("/assets/page.css", "text/css"),
        (f"/output/{PRINT_FILE}", "application/pdf"),
        ("/output/manifest.json", "application/json"),
        ("/output/same.pdf", "application/pdf"),  # a link that stays inside output/
    ],
)
def test_what_is_served_to_get_and_head(served: Serving, path: str, kind: str) -> None:
    status, headers, body = served.get(path)
    assert status == 200 and headers["Content-Type"].startswith(kind) and body
    assert headers["X-Content-Type-Options"] == "nosniff"
    status, headers, body = served.get(path, "HEAD")
    assert status == 200 and body == b"" and int(headers["Content-Length"]) > 0


def test_the_page_runs_only_its_own_script(served: Serving) -> None:
    _, headers, body = served.get("/")
    policy = headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "default-src 'none'" in policy
    assert re.findall(r"<script[^>]*>", body.decode()) == ['<script src="/assets/page.js" defer>']


def test_a_pdf_is_served_as_it_is_in_output(served: Serving) -> None:
    output = served.server.desk.output
    assert served.get(f"/output/{PRINT_FILE}")[2] == (output / PRINT_FILE).read_bytes()


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "FOO"])
@pytest.mark.parametrize("path", ["/", f"/output/{PRINT_FILE}", "/events", "/nothing"])
def test_other_methods_are_refused(served: Serving, method: str, path: str) -> None:
    before = (served.server.desk.output / PRINT_FILE).read_bytes()
    status, headers, _ = served.get(path, method, {"Content-Length": "0"})
    assert status == 405 and headers["Allow"] == "GET, HEAD"
    assert (served.server.desk.output / PRINT_FILE).read_bytes() == before


OUT_OF_OUTPUT = [
    "/output/../cards/proefdeck.yaml",
    "/output/%2e%2e/cards/proefdeck.yaml",
    "/output/%2E%2E/secret.txt",
    "/output/..%2fsecret.txt",
    "/output/%2e%2e%2fsecret.txt",
    "/output/..%5csecret.txt",
    "/output/..\\secret.txt",
    "/output/%252e%252e/secret.txt",  # encoded twice: decoded once, a name that is not there
    "/output/./../secret.txt",
    "/..",
    "/../secret.txt",
    "/%2e%2e/secret.txt",
    "//etc/passwd",
    "/output//etc/passwd",
    "/output/%2fetc%2fpasswd",
    "/output/C:%5cWindows%5cwin.ini",
    "/output/secret.txt%00.pdf",
    "/output/escape.txt",  # a link in output/ to a file outside it
    "/output/up/secret.txt",  # a link in output/ to the folder above
    "/output/up/cards/proefdeck.yaml",
    "/output/",
    "/output",
    "/cards/proefdeck.yaml",
    "/secret.txt",
    "/etc/passwd",
    "/assets/../server.py",
    "/assets/%2e%2e/server.py",
    "/assets/page.html.j2",
    "/assets/../templates/page.html.j2",
    "/pictures/..%2f..%2fsecret.txt",
    "/pictures/nothing.png",
    "http://127.0.0.1/output/../secret.txt",
]


@pytest.mark.parametrize("path", OUT_OF_OUTPUT)
def test_paths_out_of_output_and_the_assets_are_refused(served: Serving, path: str) -> None:
    status, _, body = served.get(path)
    assert status in (403, 404), (status, body[:80])
    assert SECRET.encode() not in body and b"deck:" not in body and b"import" not in body


def test_links_leading_out_of_output_are_forbidden(served: Serving) -> None:
    assert served.get("/output/escape.txt")[0] == 403
    assert served.get("/output/up/secret.txt")[0] == 403


def test_a_page_of_another_site_cannot_read_it(served: Serving) -> None:
    """A site that rebinds its name to 127.0.0.1 sends its own name as the Host."""
    port = served.port
    assert served.get("/", headers={"Host": f"evil.example:{port}"})[0] == 403
    assert served.get("/", headers={"Host": f"localhost:{port}"})[0] == 200


def read_event(served: Serving) -> dict:
    """The first update the change feed sends."""
    import http.client

    connection = http.client.HTTPConnection("127.0.0.1", served.port, timeout=30)
    try:
        connection.request("GET", "/events")
        response = connection.getresponse()
        assert response.status == 200
        assert response.getheader("Content-Type").startswith("text/event-stream")
        while not (line := response.fp.readline().decode()).startswith("data: "):
            assert line, "the feed ended"
        return json.loads(line.removeprefix("data: "))
    finally:
        connection.close()


def test_the_feed_sends_the_version_on_the_page(served: Serving) -> None:
    update = read_event(served)
    assert f'data-version="{update["version"]}"' in page(served)
    assert [p["src"] for p in images(update["html"])] == [p["src"] for p in images(page(served))]


# The page following saves (serve's whole loop, with watchfiles), over HTTP.


def wait_for(served: Serving, condition, seconds: float = 10.0) -> str:
    """The page once condition(page) holds."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        html = page(served)
        if condition(html):
            return html
        time.sleep(0.05)
    raise AssertionError(f"the page did not change in {seconds} s:\n{html[:2000]}")


@pytest.mark.slow
def test_a_save_an_error_and_its_fix_reach_the_page(
    tmp_path: Path, copy_project: CopyProject
) -> None:
    project = project_in(copy_project(tmp_path, cards=[FIXTURE], output=False))
    deck = project.cards / FIXTURE.name
    with serving(project) as served:
        before = images(page(served))
        replace_in(deck, QUESTION, "Wie schuift er vandaag aan?")
        after = images(wait_for(served, lambda html: "Wie schuift er vandaag aan?" in html))
        assert after[2]["src"] != before[2]["src"]  # the front of the edited card is new
        assert [p["src"] for p in after[:2]] == [p["src"] for p in before[:2]]  # the cover not

        replace_in(deck, "  title: Proefdeck", "  titel: Proefdeck")
        broken = wait_for(served, lambda html: 'class="problems"' in html)
        assert FIXTURE.name in broken and "titel" in broken
        assert [p["src"] for p in images(broken)] == [p["src"] for p in after]  # the last good

        replace_in(deck, "  titel: Proefdeck", "  title: Proefdeck")
        wait_for(served, lambda html: 'class="problems"' not in html)
    failed = [update.problems != [] for update in served.updates]
    assert failed[0] is False and True in failed and failed[-1] is False


# The command line.


@pytest.mark.parametrize(
    ("language", "words"),
    [("en", "cannot serve on port {port}"), ("nl", "poort {port} is niet te gebruiken")],
)
def test_a_port_in_use_is_said_before_anything_is_built(
    run_cli, tmp_path: Path, language: str, words: str
) -> None:
    import socket

    (tmp_path / "cards").mkdir()
    (tmp_path / "layouts").mkdir()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_cli(tmp_path, "--lang", language, "serve", "--port", str(port))
    i18n.use(None)
    assert result.exit_code == 1 and words.format(port=port) in result.output
    assert "--port" in result.output and not (tmp_path / "output").exists()


@pytest.mark.parametrize(("language", "words"), [("en", "is not a folder"), ("nl", "is geen map")])
def test_a_missing_folder_is_named(run_cli, tmp_path: Path, language: str, words: str) -> None:
    result = run_cli(tmp_path, "--lang", language, "serve", "--cards", "nergens")
    i18n.use(None)
    assert result.exit_code == 2 and f"nergens {words}" in result.output
