"""End to end: `blogcheck check` on a site whose remote links are remapped
(`--remap`) to a real threaded HTTP server on 127.0.0.1. Nothing leaves the
machine; YouTube's oEmbed API and GitHub attachments are played by the server."""

from __future__ import annotations

import json
import threading
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from blogcheck.cli import main

POST_A = """\
---
title: Remote links
---
[fine](https://example.test/ok) and [gone](https://example.test/gone).
![a picture](https://example.test/pic.png) ![a page, not an image](https://example.test/page)
<iframe src="https://www.youtube.com/embed/AAAAAAAAAAA"></iframe>
[removed](https://youtu.be/BBBBBBBBBBB) and [private](https://www.youtube.com/watch?v=CCCCCCCCCCC).
![pasted](https://github.com/user-attachments/assets/0a1b2c3d) [busy](https://example.test/busy)
A [local one](/nope/) and `[in code](https://example.test/code-only)`.
"""
POST_B = """\
---
title: Same link again
---
Again: [gone](https://example.test/gone), [fine](https://EXAMPLE.test/ok#part).
<script src="https://example.test/deleted-gist.js"></script>
"""
OEMBED = {"AAAAAAAAAAA": 200, "BBBBBBBBBBB": 404, "CCCCCCCCCCC": 401}


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def _answer(self, body: bool) -> None:
        path = urlsplit(self.path).path
        with self.server.lock:
            self.server.hits[path] += 1
        status, kind = 404, "text/html"
        if path == "/ok" or path == "/page":
            status = 200
        elif path == "/pic.png":
            status, kind = 200, "image/png"
        elif path == "/busy":
            status = 429
        elif path == "/yt/oembed":
            watch = parse_qs(urlsplit(self.path).query)["url"][0]
            video = parse_qs(urlsplit(watch).query).get("v", [""])[0]
            status, kind = OEMBED.get(video, 404), "application/json"
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", "2")
        if status == 429:
            self.send_header("Retry-After", "0")
        self.end_headers()
        if body:
            self.wfile.write(b"{}")

    def do_HEAD(self) -> None:
        self._answer(body=False)

    def do_GET(self) -> None:
        self._answer(body=True)

    def log_message(self, format: str, *args: object) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.hits: Counter[str] = Counter()
        self.lock = threading.Lock()


@pytest.fixture
def server() -> Iterator[_Server]:
    running = _Server()
    thread = threading.Thread(target=running.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield running
    finally:
        running.shutdown()
        running.server_close()
        thread.join(timeout=5)


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "site"
    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text("title: t\n", encoding="utf-8")
    (root / "blogcheck.toml").write_text("[links]\nretries = 0\ntimeout = 5\n", encoding="utf-8")
    (root / "_posts" / "2024-01-01-a.md").write_text(POST_A, encoding="utf-8")
    (root / "_posts" / "2024-01-02-b.md").write_text(POST_B, encoding="utf-8")
    monkeypatch.chdir(root)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return root


def _remaps(server: _Server) -> list[str]:
    base = f"http://127.0.0.1:{server.server_address[1]}"
    rules = [rf"^https?://example\.test/ {base}/", rf"^https://www\.youtube\.com/ {base}/yt/",
             rf"^https://github\.com/ {base}/gh/"]
    return [arg for rule in rules for arg in ("--remap", rule)]


def _check(capsys: pytest.CaptureFixture[str], *argv: str, select: str = "links") -> tuple[int, str]:
    code = main(["check", "--select", select, "--no-cache", *argv])
    return code, capsys.readouterr().out


def test_verdicts_map_to_codes_at_every_place(server: _Server, site: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _check(capsys, *_remaps(server))
    lines = [line for line in out.splitlines() if not line.startswith("    hint:")]
    assert code == 1
    assert lines == [
        "_posts/2024-01-01-a.md:4:44: BC201 broken link: https://example.test/gone (HEAD 404 then GET 404)",
        "_posts/2024-01-01-a.md:5:68: BC301 broken image: https://example.test/page (HEAD 200 then GET 200)",
        # after the <iframe> closes, kramdown reads Markdown again (CommonMark would not)
        "_posts/2024-01-01-a.md:7:11: BC206 video unavailable: https://youtu.be/BBBBBBBBBBB (video oEmbed 404)",
        "_posts/2024-01-01-a.md:7:55: BC207 video restricted: https://www.youtube.com/watch?v=CCCCCCCCCCC "
        "(video oEmbed 401)",
        "_posts/2024-01-01-a.md:8:11: BC302 private GitHub attachment image: "
        "https://github.com/user-attachments/assets/0a1b2c3d (HEAD 404 then GET 404)",
        "_posts/2024-01-01-a.md:8:71: BC202 could not verify link: https://example.test/busy (HEAD 429)",
        "_posts/2024-01-01-a.md:9:15: BC204 `/nope/` is no file or page of this site",
        "_posts/2024-01-02-b.md:4:15: BC201 broken link: https://example.test/gone (HEAD 404 then GET 404)",
        # the page is there, but has no element with id `part` (BC209, a warning)
        "_posts/2024-01-02-b.md:4:50: BC209 missing anchor: https://EXAMPLE.test/ok#part (GET 200)",
        # an embedded gist or widget script that is gone: the post shows nothing there
        "_posts/2024-01-02-b.md:5:14: BC201 broken link: https://example.test/deleted-gist.js (HEAD 404 then GET 404)",
        "Checked 2 files: 7 errors, 3 warnings.",
    ]
    assert server.hits["/code-only"] == 0


def test_one_request_per_distinct_url(server: _Server, site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _check(capsys, *_remaps(server))
    both = dict(server.hits)
    server.hits.clear()
    _check(capsys, *_remaps(server), "_posts/2024-01-01-a.md")
    assert both["/gone"] == server.hits["/gone"] >= 1  # the second post's copy costs nothing
    assert server.hits["/ok"] == 1  # `EXAMPLE.test/ok#part` (second post) costs no HEAD of its own:
    assert both["/ok"] == 2  # the page is asked once, and read once (GET) to look for `#part`


def test_json_has_url_and_status(server: _Server, site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out = _check(capsys, *_remaps(server), "--format", "json")
    found = {(d["code"], d["url"], d["status"], d.get("http_status")) for d in json.loads(out)["diagnostics"]}
    assert ("BC201", "https://example.test/gone", "broken", 404) in found
    assert ("BC207", "https://www.youtube.com/watch?v=CCCCCCCCCCC", "unverified", 401) in found
    assert ("BC204", "/nope/", "broken", None) in found


def test_offline_sends_nothing(server: _Server, site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _check(capsys, *_remaps(server), "--offline")
    assert sum(server.hits.values()) == 0
    assert code == 1 and "BC204" in out and "BC201" not in out


def test_unselected_remote_codes_send_nothing(server: _Server, site: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _check(capsys, *_remaps(server), select="BC204")
    assert sum(server.hits.values()) == 0
    assert code == 1 and out.count("BC204") == 1
