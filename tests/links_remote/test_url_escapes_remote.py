"""URLs with escapes, requested as a browser requests them, and pages read as a
browser reads them: a stray `%` is sent as `%25` and the valid escapes beside
it as they are; a reserved escape written in a Markdown target is never decoded;
a page's ids are read after decoding it by its byte-order mark, and `/` separates
attributes (`<br/id="x">`). A loopback server answers only the exact request
paths a browser would send, and logs every path it gets."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from remote_server import QuietHandler
from remote_support import one_post_site, quick

from blogcheck.cli import main
from blogcheck.links.model import Status, Target
from blogcheck.links.remote import check_targets

_FOUND = {  # raw request path -> (Content-Type, body); `/moved` redirects, any other path is 404
    "/wiki/Caf%C3%A9_100%25": ("text/html", b"<p>ok</p>"),
    "/e9/%25zz%2F": ("text/html", b"<p>ok</p>"),
    "/docs/a%2Fb/%C3%BC": ("text/html", b"<p>ok</p>"),  # urllib3 writes an escape's hex digits upper-case
    "/docs/a%3Fb/%C3%BC": ("text/html", b"<p>ok</p>"),
    "/utf16le": ("text/html", b"\xff\xfe" + '<h2 id="intro">Intro</h2><p id="caf\u00e9">'.encode("utf-16-le")),
    "/utf16be": ("text/html; charset=utf-8", b"\xfe\xff" + '<h2 id="intro">Intro</h2>'.encode("utf-16-be")),
    "/utf8bom": ("text/html; charset=iso-8859-1", b"\xef\xbb\xbf" + '<h2 id="caf\u00e9">'.encode()),
    "/search?q=5%25&r=%C3%A9": ("text/html", b"<p>ok</p>"),
    "/slash": ("text/html", b'<p>one<br/id="sl">two<img src="x.png"/name=pic></p>'),
}


class _Handler(QuietHandler):
    server: _Server

    def _serve(self) -> None:
        with self.server.lock:
            self.server.paths.append(self.path)
        ctype, body = _FOUND.get(self.path, ("text/plain", b"not found"))
        self.send_response(200 if self.path in _FOUND else 301 if self.path == "/moved" else 404)
        if self.path == "/moved":
            self.send_header("Location", "/wiki/Caf%C3%A9_100%")
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class _Server(ThreadingHTTPServer):
    """Threaded HTTP on 127.0.0.1:0; `paths` lists the raw paths asked, in order."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.lock = threading.Lock()
        self.paths: list[str] = []

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{path}"


@pytest.fixture
def server() -> Iterator[_Server]:
    running = _Server()
    threading.Thread(target=running.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    yield running
    running.shutdown()
    running.server_close()


def _check_post(tmp_path: Path, server: _Server, body: str, capsys: pytest.CaptureFixture[str]) -> list[object]:
    """BC2xx findings of one post whose links to https://t.example/ go to the server."""
    site = one_post_site(tmp_path, body)
    main(["check", "--select", "links", "--format", "json", "--no-cache",
          "--remap", rf"^https://t\.example/ {server.url('/')}", str(site)])
    found = json.loads(capsys.readouterr().out)["diagnostics"]
    return [(d["code"], d["url"], d["line"], d["column"]) for d in found]


def test_a_stray_percent_is_sent_as_25_and_the_valid_escapes_beside_it_as_written(
        tmp_path: Path, server: _Server, capsys: pytest.CaptureFixture[str]) -> None:
    body = ("[cafe](https://t.example/wiki/Caf%C3%A9_100%)\n"
            "<https://t.example/e9/%zz%2F>\n"
            '<a href="https://t.example/wiki/Caf%C3%A9_100%">cafe</a>\n'
            "[gone](https://t.example/gone/%C3%A9%)\n")
    assert _check_post(tmp_path, server, body, capsys) == [
        ("BC201", "https://t.example/gone/%C3%A9%", 7, 8)]
    assert set(server.paths) == {"/wiki/Caf%C3%A9_100%25", "/e9/%25zz%2F", "/gone/%C3%A9%25"}


def test_a_stray_percent_in_the_query_and_in_a_redirect_is_sent_as_25(server: _Server) -> None:
    targets = [Target(server.url("/search?q=5%&r=%C3%A9")), Target(server.url("/moved"))]
    found = check_targets(targets, quick(retries=0))
    assert [found[t].status for t in targets] == [Status.OK, Status.OK]
    assert found[targets[1]].final_url == server.url("/wiki/Caf%C3%A9_100%")  # as the Location says
    assert sorted(set(server.paths)) == ["/moved", "/search?q=5%25&r=%C3%A9", "/wiki/Caf%C3%A9_100%25"]


def test_a_reserved_escape_beside_a_raw_letter_is_requested_as_written(
        tmp_path: Path, server: _Server, capsys: pytest.CaptureFixture[str]) -> None:
    body = "[docs](https://t.example/docs/a%2fb/\u00fc) and [q](https://t.example/docs/a%3fb/\u00fc)\n"
    assert _check_post(tmp_path, server, body, capsys) == []
    assert set(server.paths) == {"/docs/a%2Fb/%C3%BC", "/docs/a%3Fb/%C3%BC"}


def _anchors(server: _Server, page: str, *names: str) -> dict[str, Status]:
    targets = [Target(server.url(f"{page}#{name}")) for name in names]
    found = check_targets(targets, quick(retries=0))
    return {t.url.partition("#")[2]: v.status for t, v in found.items()}


def test_ids_of_a_page_with_a_byte_order_mark_are_read_in_its_encoding(server: _Server) -> None:
    assert _anchors(server, "/utf16le", "intro", "caf%C3%A9", "gone") == {
        "intro": Status.OK, "caf%C3%A9": Status.OK, "gone": Status.BROKEN}
    assert _anchors(server, "/utf16be", "intro", "gone") == {"intro": Status.OK, "gone": Status.BROKEN}
    # the mark wins over the charset the Content-Type names, as in browsers
    assert _anchors(server, "/utf8bom", "caf%C3%A9", "cafe") == {"caf%C3%A9": Status.OK, "cafe": Status.BROKEN}


def test_a_slash_separates_an_id_from_the_tag_name_or_the_attribute_before(server: _Server) -> None:
    assert _anchors(server, "/slash", "sl", "pic", "two") == {
        "sl": Status.OK, "pic": Status.OK, "two": Status.BROKEN}
