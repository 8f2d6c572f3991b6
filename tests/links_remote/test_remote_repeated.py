"""Headers sent twice: one value sent twice counts once (urllib3 joins them into
`/ok, /ok`); two different Locations name no one page and are malformed."""

from __future__ import annotations

import socket

from raw_server import RawServer, Request, Route, answer, ok
from remote_support import verdicts

from blogcheck.links.model import Status


def _twice(name: str, first: str, second: str, status: str = "301 Moved") -> Route:
    def route(client: socket.socket, request: Request, server: RawServer) -> bool:
        return answer(client, request, status, ((name, first), (name, second)))

    return route


def _server() -> RawServer:
    return RawServer({
        "/same-location": _twice("Location", "/ok", "/ok"),
        "/two-locations": _twice("Location", "/ok", "/elsewhere"),
        "/page-twice": _twice("Content-Type", "text/html", "text/html", "200 OK"),
        "/image-then-page": _twice("Content-Type", "image/png", "text/html", "200 OK"),
        "/ok": ok})


def test_a_location_sent_twice_is_followed_once() -> None:
    with _server() as server:
        url = server.url("/same-location")
        verdict = verdicts([url])[url]
        asked = [r.path for r in server.log]
    assert (verdict.status, verdict.seen) == (Status.OK, "HEAD 301 -> HEAD 200")  # it was BC201: `/ok,%20/ok`
    assert asked == ["/same-location", "/ok"]


def test_two_different_locations_are_malformed_not_followed() -> None:
    with _server() as server:
        url = server.url("/two-locations")
        verdict = verdicts([url], retries=0)[url]
        asked = {r.path for r in server.log}
    assert verdict.status is Status.UNVERIFIED
    assert "two different Location headers: '/ok' and '/elsewhere'" in verdict.hint
    assert asked == {"/two-locations"}


def test_an_image_url_serving_a_page_twice_over_is_broken() -> None:
    with _server() as server:
        twice, last = server.url("/page-twice"), server.url("/image-then-page")
        found = verdicts([twice, last], image=True)
    assert found[twice].status is Status.BROKEN  # it was ok: "text/html, text/html" is no page type
    assert found[twice].hint == "serves a web page (text/html), not an image"
    assert found[last].status is Status.BROKEN  # the last Content-Type counts, as in browsers
