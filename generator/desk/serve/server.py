"""The HTTP server: loopback only, reading only (GET and HEAD), and only the page, its own
assets, its pictures, the change feed and the files under the output folder.

Refused: every other method (405); a Host other than this server's (403: a web site that
rebinds its name to 127.0.0.1 reads nothing); a path with `.` or `..` as a part, an empty part,
a backslash, a colon or a NUL, also percent-encoded (404); a file that resolves outside the
output folder, through a symbolic link say (403).
"""

from __future__ import annotations

import logging
import mimetypes
import os
import shutil
import threading
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote

if TYPE_CHECKING:
    from generator.desk.serve.desk import Desk

HOST = "127.0.0.1"
DEFAULT_PORT = 8765
ASSETS = Path(__file__).parent / "assets"
ASSET_TYPES = {"page.css": "text/css; charset=utf-8", "page.js": "text/javascript; charset=utf-8"}
KEEP_ALIVE_S = 15.0  # a comment on the feed this often, so a page notices a server gone
FORBIDDEN_PARTS = {"", ".", ".."}
FORBIDDEN_CHARACTERS = ("\\", ":", "\x00")
PAGE_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
ALWAYS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Resource-Policy": "same-origin",
}
log = logging.getLogger(__name__)


def request_parts(target: str) -> list[str] | None:
    """The parts of a request's path, decoded once; None for one that is not plainly a path
    below the root ([''] is the root itself)."""
    path = target.split("?", 1)[0].split("#", 1)[0]
    if not path.startswith("/"):
        return None
    try:
        decoded = unquote(path, errors="strict")
    except UnicodeDecodeError:
        return None
    if decoded == "/":
        return [""]
    parts = decoded[1:].split("/")
    if any(c in decoded for c in FORBIDDEN_CHARACTERS) or FORBIDDEN_PARTS & set(parts):
        return None
    return parts


class Handler(BaseHTTPRequestHandler):
    server: Server
    server_version = "voorwie-serve"
    sys_version = ""

    def do_GET(self) -> None:
        self.answer(body=True)

    def do_HEAD(self) -> None:
        self.answer(body=False)

    def __getattr__(self, name: str) -> Callable[[], None]:
        """POST, PUT, DELETE and every other method: refused, the page only reads."""
        if name.startswith("do_"):
            return self.refuse_method
        raise AttributeError(name)

    def refuse_method(self) -> None:
        self.close_connection = True
        self.plain(HTTPStatus.METHOD_NOT_ALLOWED, {"Allow": "GET, HEAD"})

    def answer(self, body: bool) -> None:
        if not self.host_is_ours():
            return self.plain(HTTPStatus.FORBIDDEN)
        parts = request_parts(self.path)
        route = ROUTES.get(parts[0]) if parts else None
        if parts is None or route is None:
            return self.plain(HTTPStatus.NOT_FOUND)
        return route(self, parts[1:], body)

    def host_is_ours(self) -> bool:
        host, port = self.headers.get("Host"), self.server.server_address[1]
        return host is None or host in {f"{HOST}:{port}", f"localhost:{port}"}

    # The routes, by the path's first part.

    def page(self, rest: list[str], body: bool) -> None:
        if rest:
            return self.plain(HTTPStatus.NOT_FOUND)
        html = self.server.desk.page().encode()
        headers = {"Cache-Control": "no-store", "Content-Security-Policy": PAGE_POLICY}
        return self.send(html, "text/html; charset=utf-8", headers, body)

    def asset(self, rest: list[str], body: bool) -> None:
        if len(rest) != 1 or rest[0] not in ASSET_TYPES:
            return self.plain(HTTPStatus.NOT_FOUND)
        data = (ASSETS / rest[0]).read_bytes()
        return self.send(data, ASSET_TYPES[rest[0]], {"Cache-Control": "no-cache"}, body)

    def picture(self, rest: list[str], body: bool) -> None:
        data = self.server.desk.pictures.png(rest[0]) if len(rest) == 1 else None
        if data is None:
            return self.plain(HTTPStatus.NOT_FOUND)
        immutable = {"Cache-Control": "max-age=31536000, immutable"}  # named by its pixels
        return self.send(data, "image/png", immutable, body)

    def output_file(self, rest: list[str], body: bool) -> None:
        root = self.server.desk.output.resolve()
        try:
            path = root.joinpath(*rest).resolve(strict=True)
        except (OSError, RuntimeError, ValueError):  # not there, a loop of links, a NUL
            return self.plain(HTTPStatus.NOT_FOUND)
        if not path.is_relative_to(root):
            return self.plain(HTTPStatus.FORBIDDEN)
        if not path.is_file():
            return self.plain(HTTPStatus.NOT_FOUND)
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        headers = {"Cache-Control": "no-cache"}
        if kind == "text/html":  # the digital companion: shown, but it runs nothing here
            headers["Content-Security-Policy"] = "sandbox"
        with path.open("rb") as file:
            size = os.fstat(file.fileno()).st_size
            self.head(HTTPStatus.OK, kind, size, headers)
            if body:
                shutil.copyfileobj(file, self.wfile)

    def events(self, rest: list[str], body: bool) -> None:
        """The change feed (server-sent events): the current version at once, then each new
        one as it is published."""
        if rest:
            return self.plain(HTTPStatus.NOT_FOUND)
        self.head(HTTPStatus.OK, "text/event-stream; charset=utf-8", None,
                  {"Cache-Control": "no-store"})  # fmt: skip
        if not body:
            return None
        feed, seen = self.server.desk.feed, -1
        message = b"retry: 1000\n\n"  # the page asks again a second after losing the server
        while True:
            try:
                self.wfile.write(message)
                self.wfile.flush()
            except OSError:  # the page was closed
                return None
            version = feed.wait(seen, KEEP_ALIVE_S)
            if version is None:  # the server stops
                return None
            message = version.event() if version.number != seen else b": still here\n\n"
            seen = version.number

    # Writing answers.

    def head(self, status: int, kind: str, length: int | None, headers: dict[str, str]) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        if length is not None:
            self.send_header("Content-Length", str(length))
        for name, value in {**ALWAYS, **headers}.items():
            self.send_header(name, value)
        self.end_headers()

    def send(self, data: bytes, kind: str, headers: dict[str, str], body: bool) -> None:
        self.head(HTTPStatus.OK, kind, len(data), headers)
        if body:
            self.wfile.write(data)

    def plain(self, status: HTTPStatus, headers: dict[str, str] | None = None) -> None:
        """A short answer in plain text: the status and its phrase."""
        data = f"{status.value} {status.phrase}\n".encode()
        self.head(status, "text/plain; charset=utf-8", len(data), headers or {})
        if self.command != "HEAD":
            self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:
        log.debug(format, *args)


ROUTES: dict[str, Callable[[Handler, list[str], bool], None]] = {
    "": Handler.page,
    "assets": Handler.asset,
    "pictures": Handler.picture,
    "output": Handler.output_file,
    "events": Handler.events,
}


class Server(ThreadingHTTPServer):
    """Bound to 127.0.0.1 when made (so a port in use is known before the first build);
    answers from start(desk) until stop()."""

    daemon_threads = True  # a page's open feed does not keep the program running
    allow_reuse_address = os.name != "nt"  # on Windows it would let a second server share the port

    def __init__(self, port: int = DEFAULT_PORT) -> None:
        super().__init__((HOST, port), Handler)
        self.desk: Desk
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.server_address[1]}/"

    def start(self, desk: Desk) -> None:
        self.desk = desk
        self._thread = threading.Thread(target=self.serve_forever, name="serve", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        if self._thread is not None:
            self.desk.feed.close()
            self.shutdown()
            self._thread.join()
        self.server_close()
