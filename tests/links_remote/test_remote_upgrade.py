"""BC210: an http:// link whose redirects end at its own https:// address, known
from the chain the check follows anyway (no extra request), fixed by `--fix`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from remote_server import Farm
from remote_support import one_post_site

from blogcheck.cli import main


def _site(tmp_path: Path, farm: Farm) -> Path:
    return one_post_site(tmp_path, "Read [the docs](http://example.test/docs/?v=2#usage) and "
                         "![a chart](HTTP://example.test/c.png).\n"
                         f"Not these: [moved]({farm.url('/to?u=https://example.test/other')}) "
                         f"[plain]({farm.url('/ok/p')})\n"
                         '<a href="http://example.test/docs/?v=2">again</a>\n', newline="\r\n")


def _check(site: Path, farm: Farm, capsys: pytest.CaptureFixture[str], *flags: str) -> list[dict[str, object]]:
    main(["check", "--select", "links", "--no-cache", "--format", "json",
          "--remap", rf"^http://example\.test/ {farm.url('/plain/')}",
          "--remap", rf"^https://example\.test/ {farm.url('/secure/')}", *flags, str(site)])
    found: list[dict[str, object]] = json.loads(capsys.readouterr().out)["diagnostics"]
    return found


def test_an_exact_upgrade_is_reported_where_each_link_is_written(tmp_path: Path, farm: Farm,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    site = _site(tmp_path, farm)
    found = _check(site, farm, capsys, "--ignore", "BC209")
    lines = (site / "_posts" / "2024-01-01-a.md").read_text().splitlines()
    assert [(d["code"], d["severity"], d["line"], d["column"], d["url"]) for d in found] == [
        ("BC210", "warning", 4, lines[3].index("http://") + 1, "http://example.test/docs/?v=2#usage"),
        ("BC210", "warning", 4, lines[3].index("HTTP://") + 1, "HTTP://example.test/c.png"),
        ("BC210", "warning", 6, lines[5].index("http://") + 1, "http://example.test/docs/?v=2")]
    assert found[0]["hint"] == ("link `https://example.test/docs/?v=2#usage`: the first request no longer goes out "
                                "unencrypted")
    assert "(HEAD 301 -> HEAD 200)" in str(found[0]["message"])
    # the chain was followed anyway: one HEAD per hop and URL, nothing more
    assert sorted((e.method, e.path) for e in farm.hits()) == sorted(("HEAD", p) for p in [
        "/plain/docs/?v=2", "/secure/docs/?v=2", "/plain/c.png", "/secure/c.png",
        "/to?u=https://example.test/other", "/secure/other", "/ok/p"])


def test_a_link_whose_anchor_is_missing_is_upgraded_too(tmp_path: Path, farm: Farm,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    found = _check(_site(tmp_path, farm), farm, capsys)
    assert [(d["code"], d["line"]) for d in found] == [("BC209", 4), ("BC210", 4), ("BC210", 4), ("BC210", 6)]
    assert found[0]["final_url"] == found[1]["final_url"] == farm.url("/secure/docs/?v=2")


def test_fix_writes_https_and_nothing_else(tmp_path: Path, farm: Farm, capsys: pytest.CaptureFixture[str]) -> None:
    site = _site(tmp_path, farm)
    post = site / "_posts" / "2024-01-01-a.md"
    before = post.read_bytes()
    _check(site, farm, capsys, "--fix", "--ignore", "BC209")
    after = post.read_bytes()
    assert after == before.replace(b"(http://example.test/docs", b"(https://example.test/docs").replace(
        b"(HTTP://example", b"(https://example").replace(b'"http://example', b'"https://example')
    assert after.count(b"\r\n") == before.count(b"\r\n")
    assert _check(site, farm, capsys, "--ignore", "BC209") == []  # fixed: nothing left to say
