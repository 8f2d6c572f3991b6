"""A user name and password written in a link (`http://reader:s3cret@host/feed`)
are sent as Basic auth, as requests and browsers send them, and the password is
never shown: not in findings, JSON, nor the cache file."""

from __future__ import annotations

import base64
import json
import socket
from pathlib import Path

import pytest
from raw_server import RawServer, Request, answer
from remote_support import one_post_site

from blogcheck.cli import main

_GOOD = "Basic " + base64.b64encode(b"reader:s3cret").decode()


def _auth(client: socket.socket, request: Request, server: RawServer) -> bool:
    if request.headers.get("authorization") == _GOOD:
        return answer(client, request)
    return answer(client, request, "401 Unauthorized", (("WWW-Authenticate", 'Basic realm="feed"'),))


def test_credentials_in_a_url_are_sent_and_the_password_never_shown(tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    cache = tmp_path / "cache" / "links.sqlite"
    with RawServer({"/auth": _auth}) as server:
        base = f"http://reader:s3cret@127.0.0.1:{server.port}"
        site = one_post_site(tmp_path, f"[feed]({base}/auth) and [old]({base}/gone)\n")
        main(["check", "--select", "links", "--cache", str(cache), "--format", "json", str(site)])
        first = capsys.readouterr()
        main(["check", "--select", "links", "--cache", str(cache), str(site)])  # /auth from the cache now
        second = capsys.readouterr()
        sent = [(r.path, r.headers.get("authorization")) for r in server.log]
    found = json.loads(first.out)["diagnostics"]
    masked = f"http://reader:***@127.0.0.1:{server.port}/gone"
    assert [(d["code"], d["url"]) for d in found] == [("BC201", masked)]  # /auth was BC202: 401
    assert masked in str(found[0]["message"])
    assert masked in second.out
    assert ("/auth", _GOOD) in sent
    assert all(header == _GOOD for _, header in sent)
    for text in (first.out, first.err, second.out, second.err):
        assert "s3cret" not in text
    for stored in cache.parent.iterdir():
        assert b"s3cret" not in stored.read_bytes()


def test_a_token_written_as_the_user_name_is_never_shown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`https://TOKEN@host/...`, as git remotes are often written: no password, but the user name is the secret."""
    token = "ghp_0123456789abcdefABCDEF0123456789abcd"
    cache = tmp_path / "cache" / "links.sqlite"
    with RawServer({}) as server:
        site = one_post_site(tmp_path, f"[repo](http://{token}@127.0.0.1:{server.port}/gone) and "
                                       f"[me](http://git@127.0.0.1:{server.port}/gone2)\n")
        main(["check", "--select", "links", "--cache", str(cache), "--format", "json", str(site)])
        out = capsys.readouterr()
    urls = [d["url"] for d in json.loads(out.out)["diagnostics"]]
    assert urls == [f"http://***@127.0.0.1:{server.port}/gone", f"http://git@127.0.0.1:{server.port}/gone2"]
    assert token not in out.out + out.err
    for stored in cache.parent.iterdir():
        assert token.encode() not in stored.read_bytes()
