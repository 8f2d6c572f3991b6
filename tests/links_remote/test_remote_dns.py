"""A machine without network says "no such host" for every name. That proves
nothing, so when no name resolves at all the links are unverified, not broken.

The resolver is the part under test here, so the tests stand in for a DNS server
that knows only `localhost` (what this machine's CI has anyway)."""

from __future__ import annotations

import socket
from typing import Any

import pytest
from remote_server import Farm
from remote_support import verdicts

from blogcheck.links.model import Status

_real = socket.getaddrinfo


def _only_localhost(host: Any, *args: Any, **kwargs: Any) -> Any:
    if host in ("localhost", "127.0.0.1"):
        return _real(host, *args, **kwargs)
    raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")


@pytest.fixture
def no_dns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("blogcheck.links.addresses.socket.getaddrinfo", _only_localhost)


def test_no_name_resolving_makes_missing_hosts_unverified(no_dns: None) -> None:
    urls = ["https://docs.python.org/3/", "https://example.com/a"]
    found = verdicts(urls)
    assert found[urls[0]].status is Status.UNVERIFIED
    assert found[urls[1]].status is Status.UNVERIFIED
    assert "is the network down?" in found[urls[0]].hint


def test_a_missing_host_is_broken_when_other_names_resolve(no_dns: None, farm: Farm) -> None:
    # a mirror on `localhost` (a link written to localhost is not requested: test_remote_local.py)
    local, mirror = "https://mirror.test/ok/a", farm.url("/").replace("127.0.0.1", "localhost")
    urls = [local, "https://docs.python.org/3/", "https://example.com/a"]
    found = verdicts(urls, remap=((r"^https://mirror\.test/", mirror),))
    assert found[local].status is Status.OK
    assert found[urls[1]].status is Status.BROKEN
    assert found[urls[1]].hint == "no such host: docs.python.org"


def test_one_missing_host_alone_stays_broken(no_dns: None) -> None:
    url = "https://no-such-blog-host.example/post"
    assert verdicts([url])[url].status is Status.BROKEN


def test_the_run_says_why_once(no_dns: None, tmp_path: Any, capsys: pytest.CaptureFixture[str]) -> None:
    from blogcheck.cli import main

    (tmp_path / "_config.yml").write_text("title: t\n")
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_posts" / "2024-01-01-a.md").write_text(
        "---\ntitle: a\n---\n\n[a](https://docs.python.org/3/) [b](https://example.com/x)\n")
    code = main(["check", "--no-cache", "--select", "links", str(tmp_path / "_posts")])
    out = capsys.readouterr().out
    assert code == 0
    assert out.count("BC202") == 2 and "BC201" not in out
    assert "note: no host name could be resolved (2 tried): 2 links reported as unverified" in out
