"""Interim (1xx) answers: `103 Early Hints` before the real answer is skipped, as
browsers and curl do, and a connection never gets out of step with its answers."""

from __future__ import annotations

import socket

from raw_server import RawServer, Request, answer, ok
from remote_support import verdicts

from blogcheck.links.model import Status


def _early(client: socket.socket, request: Request, server: RawServer) -> bool:
    """`/early?s=404`: 103 Early Hints, then the real answer with that status."""
    client.sendall(b"HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload; as=style\r\n\r\n")
    return answer(client, request, request.path.partition("s=")[2] + " Real")


def _hints(client: socket.socket, request: Request, server: RawServer) -> bool:
    """`/hints?n=20`: n interim answers (100, 102, 103), then 200."""
    count = int(request.path.partition("n=")[2])
    client.sendall(b"".join(b"HTTP/1.1 %d Wait\r\n\r\n" % (100, 102, 103)[n % 3] for n in range(count)))
    return answer(client, request)


def _switch(client: socket.socket, request: Request, server: RawServer) -> bool:
    """101 Switching Protocols nobody asked for, with bytes after it."""
    return answer(client, request, "101 Switching Protocols")


def _server() -> RawServer:
    return RawServer({"/early": _early, "/hints": _hints, "/switch": _switch, "/ok": ok})


def test_early_hints_are_skipped_and_the_real_answer_judged() -> None:
    with _server() as server:
        gone, fine = server.url("/early?s=404"), server.url("/early?s=200")
        found = verdicts([gone, fine], retries=0)
    assert found[gone].status is Status.BROKEN  # it was BC202 "HEAD 103 then GET 103"
    assert found[gone].seen == "HEAD 404 then GET 404"
    assert (found[fine].status, found[fine].seen) == (Status.OK, "HEAD 200")


def test_a_connection_stays_in_step_after_early_hints() -> None:
    with _server() as server:
        urls = [server.url(p) for p in ("/early?s=404", "/ok?a", "/nothing?b", "/ok?c", "/early?s=410", "/ok?e")]
        found = verdicts(urls, retries=0, max_per_host=1)
        connections = {r.connection for r in server.log}
    assert {u.rpartition("/")[2]: v.http_status for u, v in found.items()} == {
        "early?s=404": 404, "ok?a": 200, "nothing?b": 404, "ok?c": 200, "early?s=410": 410, "ok?e": 200}
    assert len(connections) == 1  # kept alive all along, and in step


def test_many_interim_answers_are_skipped_up_to_a_bound() -> None:
    with _server() as server:
        few, many = server.url("/hints?n=15"), server.url("/hints?n=40")
        found = verdicts([few, many], retries=0)
    assert found[few].status is Status.OK
    assert found[many].status is Status.UNVERIFIED
    assert "more than 16 interim (1xx) answers" in found[many].hint


def test_a_101_is_unverified_in_plain_words_and_its_connection_dropped() -> None:
    with _server() as server:
        switch, fine = server.url("/switch"), server.url("/ok")
        found = verdicts([switch, fine], retries=0, max_per_host=1)
        log = list(server.log)
    assert found[switch].status is Status.UNVERIFIED
    assert found[switch].hint == ("the server switches protocols (101) where a page was asked for, and sends none; "
                                  "check it in a browser")
    assert found[fine].status is Status.OK
    # never reused: what follows a 101 is not HTTP
    for number, request in enumerate(log):
        if request.path == "/switch":
            assert request.connection not in {r.connection for r in log[number + 1 :]}
