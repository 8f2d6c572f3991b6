"""A loopback stand-in for github.com and api.github.com (real threaded HTTP on 127.0.0.1).

`/web/...` is github.com as busy link checkers meet it: 429 to every request.
`/api/...` answers the REST API's paths for a small fixed world, the way the
API does: a JSON body with `message` for errors, no body for HEAD, 401 without
the right token, a renamed repository's 301 to `/repositories/ID`. Every
request is logged with its Authorization header."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http.server import ThreadingHTTPServer
from typing import Any
from urllib.parse import unquote, urlsplit

from remote_server import QuietHandler

TOKEN = "test-token-0123"
SPENT = "test-token-spent"  # its rate limit is used up
HOSTILE = "/repos/octo/site/contents/hostile.md?ref=main"  # 404 with 60,000 nested JSON lists
PUBLIC = {"private": False, "full_name": "octo/site"}
# API path (query included, as sent) -> (status, JSON body)
WORLD: dict[str, tuple[int, dict[str, Any]]] = {
    "/repos/octo/site": (200, {"id": 1, "name": "site", "full_name": "octo/site", "private": False}),
    "/repos/octo/notes": (200, {"id": 2, "name": "notes", "full_name": "octo/notes", "private": True}),
    "/repositories/42": (200, {"id": 42, "name": "renamed", "full_name": "octo/renamed", "private": False}),
    "/repos/octo/site/contents/docs/a.md?ref=main": (200, {"type": "file"}),
    "/repos/octo/site/contents/docs?ref=main": (200, {"type": "dir"}),
    "/repos/octo/site/contents/a.py?ref=feature%2Fx": (200, {"type": "file"}),
    "/repos/octo/site/commits/main": (200, {"sha": "abc"}),
    "/repos/octo/site/issues/1": (200, {"number": 1}),
    "/repos/octo/site/issues/5": (410, {"message": "This issue was deleted"}),
    "/repos/octo/site/git/ref/tags/v1.0": (200, {"ref": "refs/tags/v1.0"}),
    "/repos/octo/site/contents/a.md?ref=abc1234": (200, {"type": "file"}),
    "/users/octo": (200, {"login": "octo"}),
    "/gists/0123456789abcdef0123": (200, {"id": "0123456789abcdef0123"}),
}


@dataclass
class Seen:
    method: str
    path: str
    authorization: str


@dataclass
class GitHubMirror:
    log: list[Seen] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.lock = threading.Lock()
        # two servers, as github.com and api.github.com are two hosts: the checker's
        # gates (hosts.py) close the one that answers 429, not the other
        self.servers = [ThreadingHTTPServer(("127.0.0.1", 0), _Handler) for _ in range(2)]
        for server in self.servers:
            server.daemon_threads = True
            server.mirror = self  # type: ignore[attr-defined]
        self.threads = [threading.Thread(target=s.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
                        for s in self.servers]

    def __enter__(self) -> GitHubMirror:
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        for server in self.servers:
            server.shutdown()
            server.server_close()

    def remap(self) -> tuple[tuple[str, str], ...]:
        web, api = (f"http://127.0.0.1:{s.server_address[1]}" for s in self.servers)
        return ((r"^https://(github\.com|raw\.githubusercontent\.com|gist\.github\.com)/", f"{web}/web/"),
                (r"^https://api\.github\.com/", f"{api}/api/"))

    def api_paths(self) -> list[str]:
        with self.lock:
            return [f"{s.method} {s.path[len('/api'):]}" for s in self.log if s.path.startswith("/api/")]


class _Handler(QuietHandler):
    def _serve(self) -> None:
        mirror: GitHubMirror = self.server.mirror  # type: ignore[attr-defined]
        with mirror.lock:
            mirror.log.append(Seen(self.command, self.path, self.headers.get("Authorization", "")))
        if self.path.startswith("/web/"):
            return self._answer(429, {}, {"Retry-After": "120"})
        path = self.path[len("/api"):]
        if self.headers.get("Authorization") == f"Bearer {SPENT}":
            return self._answer(403, {"message": "API rate limit exceeded for installation ID 1."})
        if self.headers.get("Authorization") != f"Bearer {TOKEN}":
            return self._answer(401, {"message": "Bad credentials"})
        if path == HOSTILE:
            return self._send(404, b"[" * 60_000)
        if urlsplit(path).path == "/repos/octo/old":
            return self._answer(301, {"message": "Moved Permanently"}, {"Location": "/api/repositories/42"})
        status, body = WORLD.get(path, (0, {}))
        if status:
            return self._answer(status, body)
        parts = urlsplit(path)
        if "/contents/" in parts.path and parts.query.startswith("ref="):
            ref = unquote(parts.query[4:])
            if ref not in ("main", "feature/x", "abc1234"):
                return self._answer(404, {"message": f"No commit found for the ref {ref}"})
        if "/commits/" in parts.path:
            return self._answer(422, {"message": f"No commit found for SHA: {parts.path.rsplit('/', 1)[1]}"})
        self._answer(404, {"message": "Not Found"})

    def _answer(self, status: int, body: dict[str, Any], headers: dict[str, str] | None = None) -> None:
        self._send(status, json.dumps(body).encode(), headers)

    def _send(self, status: int, data: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)
