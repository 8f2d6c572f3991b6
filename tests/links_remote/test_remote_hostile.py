"""Servers that answer in ways meant to hold a checker: every wait stays bounded."""

from __future__ import annotations

import time

from remote_server import Farm
from remote_support import verdicts

from blogcheck.links.model import Status
from blogcheck.links.replies import retry_after_seconds


def test_a_huge_retry_after_never_pauses_a_host_for_long(farm: Farm) -> None:
    farm.busy_for = 120.0  # every route answers 429 for two minutes
    farm.retry_after = "100000"
    urls = [farm.url(f"/ok/{n}") for n in range(12)]
    started = time.monotonic()
    found = verdicts(urls, max_retry_wait=0.5, retries=1)
    assert time.monotonic() - started < 20
    assert {v.status for v in found.values()} == {Status.UNVERIFIED}


def test_a_body_dripped_byte_by_byte_is_given_up_on_time(farm: Farm) -> None:
    url = farm.url("/drip/a")
    started = time.monotonic()
    verdict = verdicts([url], timeout=1.0, retries=0)[url]
    assert time.monotonic() - started < 10
    assert verdict.status is Status.OK  # the status line said 200; only the body was slow


def test_a_body_nobody_reads_does_not_hold_the_check_once_the_status_is_known(farm: Farm) -> None:
    """HEAD refused, GET 200 with a body dripping a byte at a time: the verdict is known from
    the status line; emptying the body (for the connection's reuse) took the whole timeout."""
    url = farm.url("/nohead-drip/a")
    started = time.monotonic()
    verdict = verdicts([url], timeout=6.0, retries=0)[url]
    assert verdict.status is Status.OK and verdict.seen == "HEAD 405 then GET 200"
    assert time.monotonic() - started < 4.0  # not the 6 s timeout


def test_odd_retry_after_values_are_ignored_not_fatal() -> None:
    assert retry_after_seconds("\u00b2") is None
    assert retry_after_seconds("12") == 12.0
    assert retry_after_seconds("not a date") is None
