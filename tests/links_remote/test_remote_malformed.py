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


def test_a_redirect_no_browser_follows_is_broken_and_a_mail_address_a_warning(farm: Farm) -> None:
    """Browsers refuse a redirect to `file:`, `javascript:` or `data:` (and dropped
    `ftp:`): no reader gets a page. `mailto:` is handed to a mail program: not
    checkable, not broken."""
    unsafe, mail = farm.url("/raw/file-location"), farm.url("/raw/mailto-location")
    found = verdicts([unsafe, mail])
    assert (found[unsafe].status, found[unsafe].hint) == (
        Status.BROKEN, "redirects to file:///etc/hosts, where no browser follows")
    assert (found[mail].status, found[mail].hint) == (
        Status.UNVERIFIED, "redirects to mailto:team@example.org, not a web page")


def test_a_retry_after_of_zero_still_waits_the_back_off(farm: Farm) -> None:
    """`Retry-After: 0` (or a date gone by) would send the tries back to back to a host
    that is rate-limiting: the usual back-off is the least wait."""
    url = farm.url("/ratelimit/zero?after=0")
    verdict = verdicts([url])[url]
    assert verdict.status is Status.OK
    assert verdict.seen == "HEAD 429 (waited 0.5 s) then HEAD 200", verdict.seen


def test_an_image_served_as_text_html_is_judged_by_its_bytes(farm: Farm) -> None:
    """Browsers show an <img> by its signature whatever the Content-Type says (a PHP
    chart script that never sets it); a web page served for an image stays broken."""
    png, page = farm.url("/raw/png-as-html"), farm.url("/raw/page-as-html")
    found = verdicts([png, page], image=True)
    assert found[png].status is Status.OK
    assert (found[page].status, found[page].hint) == (Status.BROKEN, "serves a web page (text/html), not an image")
