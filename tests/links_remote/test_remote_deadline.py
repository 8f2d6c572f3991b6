"""One deadline for an answer's status line and headers, however slowly they
trickle in; headers cut short by the end of the connection are no answer; and a
HEAD that hangs, is reset or closed is asked again with GET."""

from __future__ import annotations

import socket
import time

from raw_server import RawServer, Request, Route, answer, reset
from remote_support import verdicts

from blogcheck.links.model import Status


def _trickle(client: socket.socket, request: Request, server: RawServer) -> bool:
    """A header line a byte every 0.1 s, for 8 s at most (the client gives up long before)."""
    client.sendall(b"HTTP/1.1 200 OK\r\nX-Slow: ")
    for _ in range(80):
        if server.stop.wait(0.1):
            break
        client.sendall(b"a")
    return False


def _cut_header(client: socket.socket, request: Request, server: RawServer) -> bool:
    client.sendall(b"HTTP/1.1 200 OK\r\nContent-Ty")
    return False


def _cut_status(client: socket.socket, request: Request, server: RawServer) -> bool:
    client.sendall(b"HTTP/1.1 200 OK\r\n")
    return False


def _no_head(then: str) -> Route:
    """GET answers 200; HEAD is left unanswered ("hang", until the client leaves), reset or closed."""

    def route(client: socket.socket, request: Request, server: RawServer) -> bool:
        if request.method == "GET":
            return answer(client, request)
        if then == "hang":
            client.settimeout(8)
            client.recv(1)  # returns when the client closes, or after 8 s
            return False
        return reset(client) if then == "reset" else False

    return route


def _server() -> RawServer:
    return RawServer({"/trickle": _trickle, "/cut-header": _cut_header, "/cut-status": _cut_status,
                      "/headhang": _no_head("hang"), "/headreset": _no_head("reset"), "/headclose": _no_head("close")})


def test_headers_that_trickle_in_are_given_up_at_the_timeout() -> None:
    with _server() as server:
        url = server.url("/trickle")
        started = time.monotonic()
        verdict = verdicts([url], timeout=1.0, retries=0)[url]
        took = time.monotonic() - started
    assert verdict.status is Status.UNVERIFIED  # it was ok, after the server gave up (each byte reset the timeout)
    assert verdict.seen == "HEAD timeout then GET timeout"
    assert took < 6  # two timeouts of 1 s, not the 8 s of trickle


def test_headers_cut_by_the_end_of_the_connection_are_no_answer() -> None:
    with _server() as server:
        header, status = server.url("/cut-header"), server.url("/cut-status")
        found = verdicts([header, status], retries=0)
    for verdict in found.values():
        assert verdict.status is Status.UNVERIFIED  # it was ok: a 200 without its headers' end
        assert verdict.seen == "HEAD malformed answer then GET malformed answer"
        assert "the connection ended before the headers did" in verdict.hint


def test_a_head_that_hangs_is_asked_again_with_get() -> None:
    with _server() as server:
        url = server.url("/headhang")
        started = time.monotonic()
        verdict = verdicts([url], timeout=1.0)[url]
        took = time.monotonic() - started
        methods = [r.method for r in server.log]
    assert (verdict.status, verdict.seen) == (Status.OK, "HEAD timeout then GET 200")  # it was two HEAD timeouts
    assert methods == ["HEAD", "GET"]
    assert took < 5


def test_a_head_reset_or_closed_is_asked_again_with_get() -> None:
    with _server() as server:
        reset_url, closed_url = server.url("/headreset"), server.url("/headclose")
        found = verdicts([reset_url, closed_url])
    assert (found[reset_url].status, found[reset_url].seen) == (Status.OK, "HEAD reset then GET 200")
    assert (found[closed_url].status, found[closed_url].seen) == (Status.OK, "HEAD reset then GET 200")


def _mute(client: socket.socket, request: Request, server: RawServer) -> bool:
    """Reads the request and never answers (until the client leaves, 8 s at most)."""
    client.settimeout(8)
    client.recv(1)
    return False


def test_a_host_that_answers_nothing_is_given_up_for_the_run() -> None:
    """Forty links to a host that is down: after SILENT requests timed out with no
    answer, the rest are not sent (each would wait the whole timeout): warnings that
    say why, in a bounded time."""
    from blogcheck.links.hosts import SILENT

    with RawServer({"/mute": _mute}) as server:
        urls = [server.url(f"/mute?page={n}") for n in range(40)]
        found = verdicts(urls, timeout=0.5, retries=0)
        sent = len(server.hits("/mute"))
    assert {v.status for v in found.values()} == {Status.UNVERIFIED}
    given_up = [v for v in found.values() if "not requested in this run" in v.hint]
    assert len(given_up) >= 40 - 2 * 10  # at most the first waves (10 in flight, HEAD then GET) were sent
    assert f"answered none of the {SILENT} requests sent to it in time" in given_up[0].hint
    assert sent <= 2 * 10  # HEAD and GET of the first wave at most, not 80
