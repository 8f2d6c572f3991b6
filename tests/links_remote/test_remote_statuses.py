"""Answers that are neither a page nor a plain error, each judged and worded as
what it is: 304 and 300 without a Location, 451, 421 and 425; and a refusal by a
host that answered a moment before (restarting) is no dead host."""

from __future__ import annotations

import socket

from raw_server import RawServer, Request, Route, answer, ok, reset, status
from remote_support import quick, verdicts

from blogcheck.links.http import Client
from blogcheck.links.model import Status
from blogcheck.links.probe import judge


def _first_connection_only(code: str) -> Route:
    """`code` to every request on the server's first connection, 200 on any other."""

    def route(client: socket.socket, request: Request, server: RawServer) -> bool:
        return answer(client, request, code) if request.connection == 1 else answer(client, request)

    return route


def _restart(client: socket.socket, request: Request, server: RawServer) -> bool:
    """The host goes down mid-answer: the connection is reset, new ones are refused."""
    server.stop_listening()
    return reset(client)


def test_304_and_300_without_location_say_what_they_are() -> None:
    with RawServer({"/status": status}) as server:
        urls = [server.url("/status?s=304"), server.url("/status?s=300"), server.url("/status?s=302")]
        found = verdicts(urls, retries=0)
    hints = [found[u].hint for u in urls]
    assert {found[u].status for u in urls} == {Status.UNVERIFIED}
    assert hints == [  # both were "a 304 (300) redirect with no Location"
        "the server answers 304 Not Modified, though no copy was asked to be compared (no condition sent); "
        "check it in a browser",
        "the server offers several pages (300 Multiple Choices) and names none to go to (no Location); "
        "check it in a browser",
        "a 302 redirect with no Location; check it in a browser"]


def test_451_is_unverified_the_page_is_there_for_other_readers() -> None:
    with RawServer({"/status": status}) as server:
        url = server.url("/status?s=451")
        verdict = verdicts([url], retries=0)[url]
        image = verdicts([url], image=True, retries=0)[url]
    assert verdict.status is image.status is Status.UNVERIFIED  # it was BROKEN, "the server answers 451"
    assert verdict.hint == ("451: withheld for legal reasons where the check runs (a geo or GDPR block); readers "
                            "elsewhere may see it; check it in a browser")


def test_421_and_425_are_asked_again_once_on_a_new_connection() -> None:
    for code in ("421 Misdirected Request", "425 Too Early"):
        with RawServer({"/here": _first_connection_only(code)}) as server:
            url = server.url("/here")
            verdict = verdicts([url], retries=0)[url]
            asked = [(r.method, r.connection) for r in server.log]
        assert verdict.status is Status.OK  # it was BROKEN: the GET went down the same connection
        assert verdict.seen == f"HEAD {code[:3]} (waited 0 s) then HEAD 200"
        assert asked == [("HEAD", 1), ("HEAD", 2)]


def test_a_421_on_every_connection_is_asked_twice_per_method_only() -> None:
    with RawServer({"/status": status}) as server:
        url = server.url("/status?s=421")
        verdict = verdicts([url], retries=2)[url]
        asked = [r.method for r in server.log]
    assert verdict.seen == "HEAD 421 (waited 0 s) then HEAD 421 then GET 421 (waited 0 s) then GET 421"
    assert asked == ["HEAD", "HEAD", "GET", "GET"]


def test_a_host_refusing_after_it_answered_is_restarting_not_dead() -> None:
    with RawServer({"/restart": _restart}) as server:
        url = server.url("/restart")
        verdict = verdicts([url], retries=1)[url]
    assert verdict.status is Status.UNVERIFIED  # it was BROKEN: "connection refused: nothing listens there"
    assert verdict.seen == "HEAD reset then GET refused (waited 0.25 s) then GET refused"
    assert verdict.hint == ("connection refused, though the host answered or timed out earlier in this run "
                            "(restarting?); try again later")
    with RawServer({"/ok": ok}) as server:  # one that refuses every time is still broken
        server.stop_listening()
        url = server.url("/ok")
        dead = verdicts([url], retries=1)[url]
    assert (dead.status, dead.hint) == (Status.BROKEN, "connection refused: nothing listens there")


def _ok_then_close(client: socket.socket, request: Request, server: RawServer) -> bool:
    # `Connection: close`: the client must not keep this connection for the next request (on a
    # busy machine it could send it before seeing the close, and get a reset, not a refusal)
    answer(client, request, headers=(("Content-Type", "text/html"), ("Connection", "close")))
    return False


def test_a_refusal_after_another_link_of_the_host_answered_is_unverified() -> None:
    with RawServer({"/ok": _ok_then_close}) as server:
        client = Client(quick(retries=0))
        first = client.request("HEAD", server.url("/ok"))
        server.stop_listening()
        second = client.request("HEAD", server.url("/other"))
        client.close()
    assert first.status == 200
    assert (second.failure, second.label) == ("restarting", "HEAD refused")
    assert judge(second, False, (200,), [second.label]).status is Status.UNVERIFIED
