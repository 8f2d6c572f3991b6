"""BC210's fix after an autolink: each link is rewritten where it is written, the
unlinked text that looks like a URL is left alone, and a link that cannot be
placed for sure is reported without a fix."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from remote_server import Farm
from remote_support import one_post_site

from blogcheck.cli import main


def _check(site: Path, farm: Farm, capsys: pytest.CaptureFixture[str], *flags: str) -> list[dict[str, object]]:
    main(["check", "--select", "links", "--ignore", "BC209", "--no-cache", "--format", "json",
          "--remap", rf"^http://example\.test/ {farm.url('/plain/')}",
          "--remap", rf"^https://example\.test/ {farm.url('/secure/')}", *flags, str(site)])
    found: list[dict[str, object]] = json.loads(capsys.readouterr().out)["diagnostics"]
    return found


def test_fix_after_an_autolink_rewrites_the_links_not_the_text(tmp_path: Path, farm: Farm,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    site = one_post_site(tmp_path, "http://example.test/gone is the old address; <http://example.test/ok> is home.\n"
                                   "See [x](http://example.test/up) and [y](http://example.test/ok#there).\n")
    post = site / "_posts" / "2024-01-01-a.md"
    found = _check(site, farm, capsys)
    lines = post.read_text().splitlines()
    assert [(d["code"], d["line"], d["column"]) for d in found] == [
        ("BC210", 4, lines[3].index("<") + 2),
        ("BC210", 5, lines[4].index("http://example.test/up") + 1),  # it was 4:1, the unlinked text
        ("BC210", 5, lines[4].index("http://example.test/ok") + 1)]
    _check(site, farm, capsys, "--fix")
    assert post.read_text().splitlines()[3:] == [
        "http://example.test/gone is the old address; <https://example.test/ok> is home.",
        "See [x](https://example.test/up) and [y](https://example.test/ok#there)."]


def test_a_link_that_cannot_be_placed_gets_no_fix(tmp_path: Path, farm: Farm,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    site = one_post_site(tmp_path, "http://example.test/gone was it; see [the new one](http://example.test/&#117;p).\n")
    post = site / "_posts" / "2024-01-01-a.md"
    before = post.read_text()
    found = _check(site, farm, capsys, "--fix")
    assert [(d["code"], d["line"], d["column"], "fix" in d) for d in found] == [("BC210", 4, 1, False)]
    assert post.read_text() == before  # it rewrote the unlinked `http://` of the text
