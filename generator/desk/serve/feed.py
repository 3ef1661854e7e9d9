"""The change feed: the latest version of the page's products, numbered; every open page waits
for a newer one (server-sent events)."""

from __future__ import annotations

import json
import secrets
import threading
from dataclasses import dataclass


@dataclass(frozen=True)
class Version:
    number: int
    html: str  # the products' part of the page
    run: str  # this server's run: a page from an earlier run takes any version of this one

    @property
    def id(self) -> str:
        return f"{self.run}-{self.number}"

    def event(self) -> bytes:
        """As a server-sent event: its id, its name and the version as one line of JSON."""
        data = json.dumps({"version": self.id, "html": self.html})
        return f"id: {self.id}\nevent: update\ndata: {data}\n\n".encode()


class Feed:
    def __init__(self) -> None:
        self._latest = Version(0, "", secrets.token_hex(4))
        self._closed = False
        self._changed = threading.Condition()

    def publish(self, html: str) -> Version:
        with self._changed:
            self._latest = Version(self._latest.number + 1, html, self._latest.run)
            self._changed.notify_all()
            return self._latest

    def latest(self) -> Version:
        return self._latest

    def wait(self, after: int, timeout: float) -> Version | None:
        """The latest version once it is newer than `after`, or after `timeout` seconds
        whatever it is; None once the feed is closed."""
        with self._changed:
            self._changed.wait_for(lambda: self._closed or self._latest.number > after, timeout)
            return None if self._closed else self._latest

    def close(self) -> None:
        """Let every waiting page go (the server stops)."""
        with self._changed:
            self._closed = True
            self._changed.notify_all()
