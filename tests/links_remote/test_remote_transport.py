"""The connections under the checker (links/transport.py): the user's proxy
from the environment, `no_proxy`, TLS failures, cookies across a redirect."""

from __future__ import annotations

import importlib.util

import pytest
from remote_server import Farm
from remote_support import verdicts

from blogcheck.links.model import Status

_NOTHING_THERE = "http://127.0.0.2:9"  # a loopback address where nothing listens


def test_the_proxy_from_the_environment_carries_the_requests(farm: Farm, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("http_proxy", farm.url(""))
    monkeypatch.delenv("no_proxy", raising=False)
    found = verdicts([f"{_NOTHING_THERE}/ok/a", f"{_NOTHING_THERE}/missing/b"], retries=0)
    assert [v.status for v in found.values()] == [Status.OK, Status.BROKEN]
    assert {(e.method, e.host, e.path) for e in farm.log} == {  # absolute-form: a proxy request
        ("HEAD", "127.0.0.2:9", f"{_NOTHING_THERE}/ok/a"), ("HEAD", "127.0.0.2:9", f"{_NOTHING_THERE}/missing/b"),
        ("GET", "127.0.0.2:9", f"{_NOTHING_THERE}/missing/b")}


def test_no_proxy_hosts_are_asked_directly(farm: Farm, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("http_proxy", farm.url(""))
    monkeypatch.setenv("no_proxy", "127.0.0.2")
    found = verdicts([f"{_NOTHING_THERE}/ok/a"], retries=0)
    assert found[f"{_NOTHING_THERE}/ok/a"].hint == "connection refused: nothing listens there"
    assert farm.log == []


def test_https_to_a_server_without_tls_is_a_tls_failure(farm: Farm) -> None:
    url = farm.url("/ok/a").replace("http://", "https://")
    found = verdicts([url], retries=0)
    assert found[url].status is Status.BROKEN
    assert found[url].hint.startswith("TLS (https) failed: ")
    assert found[url].seen == "HEAD tls"


def test_a_cookie_set_on_a_redirect_is_sent_back(farm: Farm) -> None:
    found = verdicts([farm.url("/cookie/a")])
    assert found[farm.url("/cookie/a")].status is Status.OK
    assert [e.status for e in farm.hits()] == [302, 200]


def test_a_socks_proxy_without_pysocks_leaves_links_unverified_saying_why(monkeypatch: pytest.MonkeyPatch) -> None:
    if importlib.util.find_spec("socks") is not None:
        pytest.skip("PySocks is installed here: the SOCKS proxy would be used")
    monkeypatch.setenv("all_proxy", "socks5://127.0.0.1:9")
    monkeypatch.delenv("no_proxy", raising=False)
    found = verdicts([f"{_NOTHING_THERE}/ok/a"], retries=0)
    verdict = found[f"{_NOTHING_THERE}/ok/a"]
    assert verdict.status is Status.UNVERIFIED
    assert "needs PySocks" in verdict.hint
