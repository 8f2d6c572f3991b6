"""Servers that answer, but not in HTTP, and redirects whose Location is odd:
each gets the verdict a reader's browser would, and says what was seen."""

from __future__ import annotations

from remote_server import Farm
from remote_support import verdicts

from blogcheck.links.model import Status


def test_a_garbled_status_line_is_unverified_not_an_invalid_url(farm: Farm) -> None:
    url = farm.url("/raw/bad-status")
    verdict = verdicts([url], retries=0)[url]
    assert verdict.status is Status.UNVERIFIED  # it was BROKEN, "not a valid URL"
    assert "not valid HTTP (BadStatusLine: HTTP/1.1 abc Weird)" in verdict.hint
    assert verdict.seen == "HEAD malformed answer then GET malformed answer"


def test_answers_python_cannot_read_are_unverified_with_the_reason(farm: Farm) -> None:
    many, lengths = farm.url("/raw/many-headers"), farm.url("/raw/two-lengths")
    found = verdicts([many, lengths], retries=0)
    assert found[many].status is Status.UNVERIFIED
    assert "got more than 100 headers" in found[many].hint
    assert found[lengths].status is Status.UNVERIFIED  # it was BROKEN, "not a valid URL: InvalidHeader"
    assert "Content-Length" in found[lengths].hint and "invalid URL" not in found[lengths].seen


def test_a_malformed_answer_is_asked_again_once_per_method(farm: Farm) -> None:
    url = farm.url("/raw/bad-status")
    verdict = verdicts([url], retries=2)[url]
    assert [e.method for e in farm.hits("/raw/")] == ["HEAD", "HEAD", "GET", "GET"]
    assert verdict.seen.count("(waited 0.25 s)") == 2


def test_a_servers_control_characters_never_reach_the_report(farm: Farm) -> None:
    url = farm.url("/raw/not-http")
    verdict = verdicts([url], retries=0)[url]
    assert verdict.status is Status.UNVERIFIED
    assert not any(c in verdict.hint for c in "\x1b\x07\r\n")
    assert "\\x1b[2J\\x1b[31mhello\\x07" in verdict.hint


def test_a_raw_utf8_location_is_followed_as_a_browser_does(farm: Farm) -> None:
    url = farm.url("/raw/utf8-location")
    verdict = verdicts([url])[url]
    assert verdict.status is Status.OK
    assert [e.path for e in farm.hits("/ok/")] == ["/ok/caf%C3%A9"]  # it was /ok/caf%C3%83%C2%A9


def test_a_latin1_location_is_percent_encoded_byte_by_byte(farm: Farm) -> None:
    url = farm.url("/raw/latin1-location")
    verdict = verdicts([url])[url]
    assert verdict.status is Status.OK  # it was BROKEN: requests could not read the Location as UTF-8
    assert [e.path for e in farm.hits("/ok/")] == ["/ok/caf%E9"]


def test_a_redirect_to_an_invalid_url_is_broken_and_says_so(farm: Farm) -> None:
    url = farm.url("/raw/bad-location")
    verdict = verdicts([url])[url]
    assert verdict.status is Status.BROKEN
    assert verdict.seen == "HEAD 302"
    assert verdict.hint == "redirects to an invalid URL (Invalid IPv6 URL): 'http://[::1/x'"


def test_a_retry_after_longer_than_the_limit_is_named(farm: Farm) -> None:
    url = farm.url("/ratelimit/long?after=100000")
    verdict = verdicts([url], max_retry_wait=5)[url]
    assert verdict.status is Status.UNVERIFIED
    assert verdict.seen == "HEAD 429"
    assert "asks to wait 100000 s (Retry-After), more than max_retry_wait (5 s)" in verdict.hint
