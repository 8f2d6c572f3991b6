"""Plain HTTP checks against a real loopback server: verdicts, HEAD then GET,
redirects, bodies, timeouts, retries and Retry-After."""

from __future__ import annotations

import threading
import time

from remote_server import Farm
from remote_support import quick, verdicts

from blogcheck.links.http import BODY_LIMIT, Client
from blogcheck.links.model import Status, Target
from blogcheck.links.remote import check_targets


def test_good_links_of_every_awkward_kind_are_never_broken(farm: Farm) -> None:
    paths = [f"/{kind}/{i}" for kind in ("ok", "redirect/2", "nohead", "cookie", "ratelimit") for i in range(8)]
    found = verdicts([farm.url(p) for p in paths])
    assert {u: v.status for u, v in found.items() if v.status is not Status.OK} == {}


def test_gone_pages_and_dead_hosts_are_broken(farm: Farm) -> None:
    found = verdicts([farm.url("/missing/a"), farm.url("/gone/b"), farm.url("/loop/c"), "http://127.0.0.1:1/x",
                      "https://nosuch.invalid/page", farm.url("/status/400/d")], retries=0)
    assert {u: v.status for u, v in found.items()} == dict.fromkeys(found, Status.BROKEN)
    assert found[farm.url("/missing/a")].seen == "HEAD 404 then GET 404"
    assert found[farm.url("/gone/b")].http_status == 410
    assert "redirect loop" in found[farm.url("/loop/c")].hint
    assert "connection refused" in found["http://127.0.0.1:1/x"].hint
    assert found["https://nosuch.invalid/page"].hint == "no such host: nosuch.invalid"


def test_bot_walls_server_errors_and_resets_are_unverified_not_broken(farm: Farm) -> None:
    found = verdicts([farm.url("/status/403/a"), farm.url("/status/401/b"), farm.url("/status/500/c"),
                      farm.url("/reset/d"), farm.url("/status/999/e")], retries=1)
    assert {v.status for v in found.values()} == {Status.UNVERIFIED}
    assert found[farm.url("/status/999/e")].seen == "HEAD 999 then GET 999"  # not retried: it will not change
    assert "LinkedIn's bot wall" in found[farm.url("/status/999/e")].hint
    assert found[farm.url("/status/500/c")].seen == "HEAD 500 then GET 500 (waited 0.5 s) then GET 500"
    assert "reset" in found[farm.url("/reset/d")].hint


def test_head_refused_is_asked_again_with_get(farm: Farm) -> None:
    found = verdicts([farm.url("/nohead/a")])
    assert found[farm.url("/nohead/a")].seen == "HEAD 405 then GET 200"
    assert [(e.method, e.status) for e in farm.hits()] == [("HEAD", 405), ("GET", 200)]


def test_an_image_url_serving_a_web_page_is_broken(farm: Farm) -> None:
    found = verdicts([farm.url("/page/a.png"), farm.url("/img/b.png")], image=True)
    assert found[farm.url("/page/a.png")].status is Status.BROKEN
    assert "not an image" in found[farm.url("/page/a.png")].hint
    assert found[farm.url("/img/b.png")].status is Status.OK
    assert verdicts([farm.url("/page/a.png")])[farm.url("/page/a.png")].status is Status.OK  # fine as a link


def test_an_image_url_serving_markup_with_no_type_is_broken(farm: Farm) -> None:
    """No Content-Type (or `application/octet-stream`): a browser sniffs the body, and an
    HTML body shows no image. Only a HEAD was sent, and the image was ok."""
    urls = [farm.url(f"/untyped/{what}/x") for what in ("page", "page-octet", "png", "png-octet")]
    found = verdicts(urls, image=True)
    assert [found[u].status for u in urls] == [Status.BROKEN, Status.BROKEN, Status.OK, Status.OK]
    assert found[urls[0]].hint == "serves markup (a web page?) with no image type, not an image"
    assert found[urls[0]].seen == "HEAD 200 then GET 200"
    assert verdicts([urls[0]])[urls[0]].status is Status.OK  # fine as a link


def test_redirects_are_followed_and_reported(farm: Farm) -> None:
    verdict = verdicts([farm.url("/redirect/3/x")])[farm.url("/redirect/3/x")]
    assert verdict.status is Status.OK
    assert verdict.final_url == farm.url("/ok/x")
    assert verdict.seen == "HEAD 301 -> HEAD 301 -> HEAD 301 -> HEAD 200"


def test_a_redirect_loop_is_caught_in_a_few_requests(farm: Farm) -> None:
    verdict = verdicts([farm.url("/loop/x")])[farm.url("/loop/x")]
    assert verdict.status is Status.BROKEN
    assert len(farm.hits("/loop/")) <= 4


def test_too_many_redirects_is_broken(farm: Farm) -> None:
    verdict = verdicts([farm.url("/redirect/5/x")], max_redirects=3)[farm.url("/redirect/5/x")]
    assert verdict.status is Status.BROKEN
    assert verdict.hint == "more than 3 redirects"


def test_a_huge_body_is_never_downloaded(farm: Farm) -> None:
    found = verdicts([farm.url("/huge/a.mp4"), farm.url("/huge/b.mp4?nohead=1")])
    assert {v.status for v in found.values()} == {Status.OK}
    time.sleep(0.3)  # let the server notice the client hung up
    sent = {e.path: (e.method, e.sent) for e in farm.hits("/huge/") if e.status == 200}
    assert sent["/huge/a.mp4"] == ("HEAD", 0)
    assert sent["/huge/b.mp4?nohead=1"][0] == "GET"
    assert sent["/huge/b.mp4?nohead=1"][1] < 1_000_000  # of 20 MB; what socket buffers took
    reply = Client(quick()).request("GET", farm.url("/huge/c.mp4"))
    assert 0 < reply.body_bytes <= BODY_LIMIT


def test_a_timeout_is_unverified_after_one_head_and_one_get(farm: Farm) -> None:
    verdict = verdicts([farm.url("/slow/1500/a")], timeout=0.3)[farm.url("/slow/1500/a")]
    assert verdict.status is Status.UNVERIFIED
    assert verdict.seen == "HEAD timeout then GET timeout"  # two timeouts in all, as two HEADs were
    assert [e.method for e in farm.hits("/slow/")] == ["HEAD", "GET"]


def test_retry_after_in_seconds_is_honoured(farm: Farm) -> None:
    verdict = verdicts([farm.url("/ratelimit/a?after=1")])[farm.url("/ratelimit/a?after=1")]
    assert verdict.status is Status.OK
    first, second = farm.hits("/ratelimit/")
    assert (first.status, second.status) == (429, 200)
    assert 1.0 <= second.start - first.end < 1.5


def test_retry_after_as_an_http_date_is_honoured(farm: Farm) -> None:
    url = farm.url("/ratelimit/a?after=2&date=1")
    assert verdicts([url])[url].status is Status.OK
    first, second = farm.hits("/ratelimit/")
    assert 1.0 <= second.start - first.end < 2.5  # an HTTP date counts whole seconds


def test_a_retry_after_beyond_the_cap_is_not_waited_for(farm: Farm) -> None:
    url = farm.url("/ratelimit/a?after=600")
    started = time.monotonic()
    verdict = verdicts([url], max_retry_wait=5)[url]
    assert time.monotonic() - started < 2
    assert verdict.status is Status.UNVERIFIED
    assert len(farm.hits("/ratelimit/")) == 1


def test_a_host_that_limits_every_request_is_paused_as_a_whole() -> None:
    with Farm(busy_for=1.0) as busy:
        urls = [busy.url(f"/ok/{i}") for i in range(12)]
        found = verdicts(urls, max_per_host=4)
        assert {v.status for v in found.values()} == {Status.OK}
        limited = [e for e in busy.hits() if e.status == 429]
        # The first wave (4 in flight) and the three started before the fourth 429 came back; without
        # the pause every one of the 12 would have been asked during the busy second.
        assert len(limited) <= 7
        assert len(busy.hits()) == 12 + len(limited)


def test_a_host_that_asks_for_a_longer_wait_than_allowed_gets_no_more_requests() -> None:
    """GitHub answers every checker 429 with a Retry-After of a minute or more: after four
    in a row, the host's other links are not requested in this run (no pause of
    max_retry_wait after every four refusals), and the run says so once."""
    with Farm(busy_for=120.0, retry_after="90") as busy, Farm() as other:
        urls = [busy.url(f"/ok/{i}") for i in range(40)]
        found = check_targets([Target(u) for u in [*urls, other.url("/ok/fine")]],
                              quick(max_retry_wait=5.0, max_per_host=2))
        assert found[Target(other.url("/ok/fine"))].status is Status.OK  # another host is not affected
        verdicts_here = [found[Target(u)] for u in urls]
        assert {v.status for v in verdicts_here} == {Status.UNVERIFIED}
        sent = len(busy.hits())
        assert 4 <= sent <= 6  # the four in a row, and what was in flight meanwhile
        not_sent = [v for v in verdicts_here if v.seen == "not requested"]
        assert len(not_sent) == 40 - sent
        assert "asked to wait 90 s (Retry-After), more than max_retry_wait (5 s): not requested in this run" \
            in not_sent[0].hint
        assert found.warnings == [f"127.0.0.1:{busy.port} answered 429/503 to 4 requests in a row and asked to wait "
                                  f"90 s (Retry-After), more than max_retry_wait (5 s): {40 - sent} requests to it "
                                  "were not sent in this run"]


def test_a_host_that_refuses_after_every_pause_waits_longer_each_time_then_no_more() -> None:
    """Retry-After: 1 every time, and every time a refusal: pauses of 1 and 2 s, then the
    next (4 s) would be longer than max_retry_wait (3 s): the host is closed for the run."""
    with Farm(busy_for=120.0, retry_after="1") as busy:
        urls = [busy.url(f"/ok/{i}") for i in range(60)]
        started = time.monotonic()
        found = check_targets([Target(u) for u in urls], quick(max_retry_wait=3.0, max_per_host=4, retries=0))
        took = time.monotonic() - started
        assert {v.status for v in found.values()} == {Status.UNVERIFIED}
        assert len(busy.hits()) < 30  # three rounds of refusals, not 60 requests
        assert 3.0 <= took < 20  # the two pauses were kept; the bound only says "it ends"
        assert found.warnings[0].startswith(f"127.0.0.1:{busy.port} went on answering 429/503 after pauses; the "
                                            "next would last 4 s, more than max_retry_wait (3 s): ")


def test_pauses_double_from_the_wait_the_host_asked_for() -> None:
    """Retry-After: 2 every time, max_retry_wait 3 s: after the 2 s pause the host refuses
    again, and the next pause (4 s) would be longer than allowed: closed after one pause.
    The doubling started from 1 s whatever the host asked, so a host naming 2 s was paused
    2 s twice (and one naming 25 s, 25 s five times: 150 s for 20 links)."""
    with Farm(busy_for=120.0, retry_after="2") as busy:
        urls = [busy.url(f"/ok/{i}") for i in range(30)]
        started = time.monotonic()
        found = check_targets([Target(u) for u in urls], quick(max_retry_wait=3.0, max_per_host=4, retries=0))
        took = time.monotonic() - started
        assert {v.status for v in found.values()} == {Status.UNVERIFIED}
        assert 2.0 <= took < 3.9, took  # one pause of 2 s, not two
        assert found.warnings[0].startswith(f"127.0.0.1:{busy.port} went on answering 429/503 after pauses; the "
                                            "next would last 4 s, more than max_retry_wait (3 s): ")


def test_a_wait_too_long_to_read_is_said_in_words() -> None:
    with Farm(busy_for=120.0, retry_after="9" * 20) as busy:
        verdict = verdicts([busy.url("/ok/a")])[busy.url("/ok/a")]
        assert verdict.status is Status.UNVERIFIED
        assert "asks to wait more than a week (Retry-After)" in verdict.hint, verdict.hint


def test_the_per_host_limit_is_never_exceeded() -> None:
    with Farm(latency=0.15) as slow:
        verdicts([slow.url(f"/ok/{i}") for i in range(20)], max_per_host=3)
        assert slow.tracker.peak == {f"127.0.0.1:{slow.port}": 3}


def test_the_global_limit_holds_across_hosts() -> None:
    with Farm(latency=0.15) as one, Farm(latency=0.15, tracker=one.tracker) as two:
        urls = [farm.url(f"/ok/{i}") for farm in (one, two) for i in range(12)]
        verdicts(urls, max_concurrency=5, max_per_host=8)
        assert one.tracker.peak_total == 5


def test_one_request_per_distinct_url_however_often_it_is_written(farm: Farm) -> None:
    spellings = [farm.url("/ok/a"), farm.url("/ok/a#top"), farm.url("/ok/a#other"),
                 f"HTTP://127.0.0.1:{farm.port}/ok/a", f" http://127.0.0.1:{farm.port}/ok/a "]
    targets = [Target(url) for url in spellings * 10] + [Target(farm.url(f"/ok/{i % 7}")) for i in range(70)]
    found = check_targets(targets, quick(remote_anchors=False))  # `#other` alone: test_remote_anchors.py
    assert {v.status for v in found.values()} == {Status.OK}
    assert set(found) == set(targets)
    paths = [e.path for e in farm.hits()]
    assert sorted(paths) == sorted({"/ok/a", *(f"/ok/{i}" for i in range(7))})
    assert found.requests == len(paths)


def test_a_linked_image_costs_one_request_for_the_image_and_the_link(farm: Farm) -> None:
    """`[![shot](U)](U)` (9 URLs of the corpus): the image's answer says the link is ok
    too. A page served where an image is expected is a broken image but a fine link: then
    the link is asked itself, and both verdicts stay apart."""
    image, page = farm.url("/img/shot.png"), farm.url("/page/p")
    targets = [Target(image, image=True), Target(image), Target(page, image=True), Target(page)]
    found = check_targets(targets, quick())
    assert [found[t].status for t in targets] == [Status.OK, Status.OK, Status.BROKEN, Status.OK]
    assert sorted((e.method, e.path) for e in farm.hits()) == [  # the page's GET: a look at its first bytes
        ("GET", "/page/p"), ("HEAD", "/img/shot.png"), ("HEAD", "/page/p"), ("HEAD", "/page/p")]
    assert found.requests == 4


def test_connections_are_kept_alive_and_reused(farm: Farm) -> None:
    urls = [farm.url(f"/{kind}/{i}") for i in range(15) for kind in ("ok", "nohead", "missing")]
    verdicts(urls, max_per_host=2)
    assert len(farm.hits()) == 75  # 15 HEAD + 15 x (HEAD, GET) + 15 x (HEAD, GET)
    assert len(farm.connections) <= 4  # two slots; a 405/404 answer does not cost a new connection


def test_a_shared_lookup_that_fails_reaches_every_waiter_instead_of_hanging() -> None:
    client = Client(quick())

    def boom() -> int:
        time.sleep(0.1)
        raise RuntimeError("boom")

    errors: list[str] = []

    def ask() -> None:
        try:
            client.once("key", boom)
        except RuntimeError as exc:
            errors.append(str(exc))

    threads = [threading.Thread(target=ask) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=5)
    assert errors == ["boom"] * 3
    assert not any(t.is_alive() for t in threads)
