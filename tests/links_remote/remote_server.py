"""A real threaded HTTP server on 127.0.0.1 (port 0) for the remote-link tests.

The path picks the behaviour; every request is logged (method, path, status,
bytes sent, start and end times, Host header), and the server tracks how many
requests were in flight at once, per Host and across the farms sharing a
`Tracker`. Stdlib only; nothing leaves the machine."""

from __future__ import annotations

import gzip
import json
import socket
import struct
import threading
import time
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010800000000376ef924"
                    "0000000a49444154789c6360000000020001e221bc330000000049454e44ae426082")


# /raw/<name>: these bytes as the whole answer, then the connection closes (answers
# http.server would refuse to write: not HTTP, too many headers, raw UTF-8 in a header).
_CLOSE = b"Connection: close\r\nContent-Length: 0\r\n\r\n"
RAW = {
    "bad-status": b"HTTP/1.1 abc Weird\r\n" + _CLOSE,
    "not-http": b"\x1b[2J\x1b[31mhello\x07\r\n\r\n",  # terminal escapes, as a hostile server might send
    "many-headers": b"HTTP/1.1 200 OK\r\n" + b"".join(b"X-%d: v\r\n" % n for n in range(150)) + _CLOSE,
    "two-lengths": b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n" + _CLOSE,
    "utf8-location": "HTTP/1.1 301 Moved\r\nLocation: /ok/caf\u00e9\r\n".encode() + _CLOSE,
    "latin1-location": "HTTP/1.1 301 Moved\r\nLocation: /ok/caf\u00e9\r\n".encode("latin-1") + _CLOSE,
    "bad-location": b"HTTP/1.1 302 Found\r\nLocation: http://[::1/x\r\n" + _CLOSE,
    "file-location": b"HTTP/1.1 302 Found\r\nLocation: file:///etc/hosts\r\n" + _CLOSE,
    "mailto-location": b"HTTP/1.1 302 Found\r\nLocation: mailto:team@example.org\r\n" + _CLOSE,
    # an image script that never sets its Content-Type, and a page: both say text/html
    "png-as-html": b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\nContent-Length: %d\r\n\r\n"
                   % len(PNG) + PNG,
    "page-as-html": b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\nContent-Length: 27\r\n\r\n"
                    b"<html><p>not an image</p>\n\n",
}


# /doc/<name>: a documentation page with anchors written in the ways pages write them.
DOC = (b'<!doctype html><html><body><h2 id="intro">Intro</h2><h3 id=\'setup-steps\'>Setup</h3>'
       b'<p><a name="legacy">old anchor</a> <span id=caf\xc3\xa9-et-th&eacute;>French</span></p>'
       b'<script type="application/json">{"html":"<h2 id=\\"user-content-usage\\">Usage</h2>"}</script>'
       b'</body></html>')


@dataclass
class Entry:
    method: str
    path: str
    host: str
    start: float
    end: float = 0.0
    status: int = 0
    sent: int = 0
    answered: bool = False  # left the in-flight count (just before the answer goes out)


class Tracker:
    """Requests in flight now and at most, per Host header and in all."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.now: dict[str, int] = {}
        self.peak: dict[str, int] = {}
        self.total = self.peak_total = 0

    def enter(self, host: str) -> None:
        with self.lock:
            self.now[host] = self.now.get(host, 0) + 1
            self.peak[host] = max(self.peak.get(host, 0), self.now[host])
            self.total += 1
            self.peak_total = max(self.peak_total, self.total)

    def leave(self, host: str) -> None:
        with self.lock:
            self.now[host] -= 1
            self.total -= 1


@dataclass
class Farm:
    """Start with `with Farm() as farm:`; `farm.url("/ok/a")` is a URL on it."""

    latency: float = 0.0
    huge_bytes: int = 20_000_000
    busy_for: float = 0.0  # >0: every request in the first busy_for s after the first one gets 429
    retry_after: str = "1"  # what /busy/ answers carry
    tracker: Tracker = field(default_factory=Tracker)
    log: list[Entry] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.lock = threading.Lock()
        self.connections: set[tuple[str, int]] = set()  # client (address, port): one per TCP connection
        self.limited: dict[str, float] = {}
        self.busy_since = 0.0
        self.server = _Server(("127.0.0.1", 0), _Handler)
        self.server.farm = self
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def __enter__(self) -> Farm:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def hits(self, prefix: str = "/") -> list[Entry]:
        with self.lock:
            return [e for e in self.log if e.path.startswith(prefix)]


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    request_queue_size = 128
    farm: Farm

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # resets and broken pipes are what some routes are for


class QuietHandler(BaseHTTPRequestHandler):
    """HTTP/1.1, HEAD and GET both to `_serve`, nothing logged: the base of the tests' servers."""

    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_HEAD(self) -> None:
        self._serve()

    def do_GET(self) -> None:
        self._serve()

    def _serve(self) -> None:
        raise NotImplementedError


class _Handler(QuietHandler):
    disable_nagle_algorithm = True  # headers and body go out as two writes: no 40 ms delayed-ACK stall
    server: _Server

    def _serve(self) -> None:
        farm = self.server.farm
        entry = Entry(self.command, self.path, self.headers.get("Host", ""), time.monotonic())
        with farm.lock:
            farm.log.append(entry)
            farm.connections.add(self.client_address[:2])
        farm.tracker.enter(entry.host)
        try:
            if farm.latency:
                time.sleep(farm.latency)
            _route(self, farm, entry)
        finally:
            entry.end = time.monotonic()
            self.answering(entry)

    def answering(self, entry: Entry) -> None:
        """Out of the in-flight count before the answer is sent: once the client
        has it, it may rightly start its next request at once."""
        if not entry.answered:
            entry.answered = True
            self.server.farm.tracker.leave(entry.host)

    def reply(self, entry: Entry, status: int, body: bytes = b"", ctype: str = "text/html; charset=utf-8",
              headers: tuple[tuple[str, str], ...] = ()) -> None:
        entry.status = status
        self.answering(entry)
        self.send_response(status)
        if ctype:  # "": no Content-Type at all
            self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
            entry.sent = len(body)


def _route(h: _Handler, farm: Farm, e: Entry) -> None:
    parts = urlsplit(h.path)
    kind, _, rest = parts.path.strip("/").partition("/")
    page = b"<!doctype html><title>ok</title><p>fine</p>\n"
    if farm.busy_for:
        with farm.lock:
            farm.busy_since = farm.busy_since or time.monotonic()
            busy = time.monotonic() - farm.busy_since < farm.busy_for
        if busy:
            return h.reply(e, 429, b"slow down\n", "text/plain", (("Retry-After", farm.retry_after),))
    if kind == "ok":
        return h.reply(e, 200, page)
    if kind == "img":
        return h.reply(e, 200, PNG, "image/png")
    if kind == "page":  # an HTML page where an image is expected
        return h.reply(e, 200, page)
    if kind == "untyped":  # no Content-Type, or one naming no kind: a page, or a PNG (/untyped/png/...)
        ctype = "application/octet-stream" if "octet" in rest else ""
        return h.reply(e, 200, PNG if rest.startswith("png") else b"\n " + page, ctype)
    if kind in ("missing", "ua"):
        return h.reply(e, 404, b"not found\n", "text/plain")
    if kind == "gone":
        return h.reply(e, 410, b"gone\n", "text/plain")
    if kind in ("status", "guc"):
        code = int(rest.split("/")[0]) if kind == "status" else 403
        return h.reply(e, code, b"no\n", "text/plain")
    if kind == "redirect":
        hops, _, name = rest.partition("/")
        target = f"/redirect/{int(hops) - 1}/{name}" if int(hops) > 1 else f"/ok/{name}"
        return h.reply(e, 301, headers=(("Location", target),))
    if kind == "loop":
        other = rest[: -len("/again")] if rest.endswith("/again") else rest + "/again"
        return h.reply(e, 302, headers=(("Location", f"/loop/{other}"),))
    if kind == "cookie":  # redirects to itself once to set a cookie, as some sites do
        if "seen=1" in (h.headers.get("Cookie") or ""):
            return h.reply(e, 200, page)
        return h.reply(e, 302, headers=(("Location", h.path), ("Set-Cookie", "seen=1; Path=/")))
    if kind == "nohead":
        return h.reply(e, 405, headers=(("Allow", "GET"),)) if h.command == "HEAD" else h.reply(e, 200, page)
    if kind == "slow":
        time.sleep(int(rest.split("/")[0]) / 1000)
        return h.reply(e, 200, page)
    if kind == "ratelimit":
        return _ratelimit(h, farm, e, rest, parse_qs(parts.query))
    if kind == "drip":  # a body that comes a byte at a time, for as long as the client listens
        return _drip(h, e)
    if kind == "nohead-drip":  # HEAD refused, so the status comes from a GET whose body drips
        return h.reply(e, 405, b"", "text/plain") if h.command == "HEAD" else _drip(h, e)
    if kind == "huge":
        if "nohead" in parts.query and h.command == "HEAD":
            return h.reply(e, 405, headers=(("Allow", "GET"),))
        return _huge(h, farm, e)
    if kind == "to":  # a redirect to any URL (?u=...)
        return h.reply(e, 302, headers=(("Location", parse_qs(parts.query)["u"][0]),))
    if kind == "plain":  # a site that sends every http:// request to its https:// address (path, query kept)
        return h.reply(e, 301, headers=(("Location", "https://example.test/" + h.path[len("/plain/"):]),))
    if kind == "secure":  # that https:// address (remapped here): an image or a page
        return h.reply(e, 200, PNG, "image/png") if parts.path.endswith(".png") else h.reply(e, 200, page)
    if kind == "doc":
        if rest == "latin1":  # an id with a non-ASCII letter, in the charset the page names
            return h.reply(e, 200, '<h2 id="caf\u00e9">'.encode("latin-1"), "text/html; charset=ISO-8859-1")
        if rest == "many":  # 150,000 ids in 2.5 MB
            return h.reply(e, 200, b"<html>" + b"".join(b'<p id="s%d">' % n for n in range(150_000)))
        if rest == "gzip":  # compressed though the client asked for none
            return h.reply(e, 200, gzip.compress(DOC), headers=(("Content-Encoding", "gzip"),))
        return h.reply(e, 200, DOC)
    if kind == "raw":
        e.status = -1
        h.answering(e)
        h.close_connection = True
        h.wfile.write(RAW[rest])
        return None
    if kind == "reset":
        h.answering(e)
        h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        h.close_connection = True
        h.connection.close()
        return None
    if kind == "yt" and rest == "oembed":
        return _oembed(h, e, parse_qs(parts.query))
    if kind == "tw" and rest == "oembed":
        return _tweet(h, e, parse_qs(parts.query))
    if kind == "wayback" and rest == "available":
        return _wayback(h, e, parse_qs(parts.query))
    return h.reply(e, 404, b"no such route\n", "text/plain")


def _ratelimit(h: _Handler, farm: Farm, e: Entry, name: str, query: dict[str, list[str]]) -> None:
    """429 to the first request per name (Retry-After in seconds, or as a date with ?date=1), then 200."""
    wait = int(query.get("after", ["1"])[0])
    with farm.lock:
        first = name not in farm.limited
        farm.limited.setdefault(name, time.monotonic())
    if first:
        value = formatdate(time.time() + wait, usegmt=True) if "date" in query else str(wait)
        return h.reply(e, 429, b"slow down\n", "text/plain", (("Retry-After", value),))
    return h.reply(e, 200, b"<p>fine</p>")


def _drip(h: _Handler, e: Entry) -> None:
    e.status = 200
    h.answering(e)
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.send_header("Content-Length", "100000")
    h.end_headers()
    try:
        for _ in range(600):  # 60 s at most, then the server gives up by itself
            h.wfile.write(b"x")
            h.wfile.flush()
            e.sent += 1
            time.sleep(0.1)
    except OSError:
        h.close_connection = True


def _huge(h: _Handler, farm: Farm, e: Entry) -> None:
    """A big body in 4 KiB writes through a small send buffer; `sent` counts what went out."""
    h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 8192)
    e.status = 200
    h.answering(e)
    h.send_response(200)
    h.send_header("Content-Type", "video/mp4")
    h.send_header("Content-Length", str(farm.huge_bytes))
    h.end_headers()
    chunk = b"\0" * 4096
    try:
        while h.command != "HEAD" and e.sent < farm.huge_bytes:
            h.wfile.write(chunk)
            e.sent += len(chunk)
            time.sleep(0.0005)  # about 8 MB/s: a client that stops reading is seen within a few writes
    except OSError:
        h.close_connection = True


def _oembed(h: _Handler, e: Entry, query: dict[str, list[str]]) -> None:
    """A stand-in for YouTube's oEmbed API: the id's first letters pick the answer."""
    page = parse_qs(urlsplit(query.get("url", [""])[0]).query)
    ident = (page.get("v") or page.get("list") or [""])[0]
    for prefix, status in (("gone", 404), ("bad", 400), ("priv", 401), ("deny", 403), ("busy", 429)):
        if ident.startswith(prefix) or ident.startswith("PL" + prefix):
            return h.reply(e, status, b"", "text/plain")
    if ident.startswith("consent"):  # a consent wall: 200, a web page, no answer about the video
        return h.reply(e, 200, b"<html><title>Before you continue</title></html>", "text/html; charset=utf-8")
    if ident.startswith("notjson"):  # a proxy's error text, sent as JSON
        return h.reply(e, 200, b"{not json", "application/json")
    if ident.startswith("array"):  # JSON, but no oEmbed object
        return h.reply(e, 200, b"[]", "application/json")
    body = json.dumps({"title": ident, "type": "video", "provider_name": "YouTube"}).encode()
    return h.reply(e, 200, body, "application/json")


def _tweet(h: _Handler, e: Entry, query: dict[str, list[str]]) -> None:
    """A stand-in for Twitter's oEmbed API: the account's first letters pick the answer."""
    account = urlsplit(query.get("url", [""])[0]).path.split("/")[1]
    for prefix, status in (("gone", 404), ("locked", 403), ("busy", 429)):
        if account.startswith(prefix):
            return h.reply(e, status, b"", "text/plain")
    return h.reply(e, 200, json.dumps({"author_name": account, "type": "rich"}).encode(), "application/json")


def _wayback(h: _Handler, e: Entry, query: dict[str, list[str]]) -> None:
    """A stand-in for the Wayback Machine's availability API: words in the asked URL
    pick the answer; a copy is dated at the asked timestamp (or 2021-05-04)."""
    url = query.get("url", [""])[0]
    stamp = query.get("timestamp", ["20210504"])[0] + "093000"
    closest = {"available": True, "url": f"http://web.archive.org/web/{stamp}/{url}", "timestamp": stamp,
               "status": "200"}
    if "nocopy" in url:
        return h.reply(e, 200, b'{"url": "x", "archived_snapshots": {}}', "application/json")
    if "error-copy" in url:  # the archive only has a copy of the site's own error page
        closest["status"] = "404"
    if "elsewhere" in url:  # an answer naming a copy on another host is not used
        closest["url"] = "https://evil.example/web/1/x"
    if "garbled" in url:
        return h.reply(e, 200, b'{"archived_snapshots": {"closest": ', "application/json")
    if "down" in url:
        return h.reply(e, 503, b"", "text/plain")
    if "huge" in url:  # 100 KB of padding: more than a client needs to read
        return h.reply(e, 200, b'{"pad": "' + b"x" * 100_000 + b'"}', "application/json")
    body = json.dumps({"url": url, "archived_snapshots": {"closest": closest}}).encode()
    return h.reply(e, 200, body, "application/json")
