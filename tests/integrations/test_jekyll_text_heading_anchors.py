"""`#fragment` links to headings that kramdown shows as text (BC616), against a real Jekyll
build: the page has no id for ` # Top`, `>  # Quoted` or `   ## In item` (past its item's
text), so a link to one is BC203, which says why; a heading kramdown reads keeps its id."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from integration_support import built_post, one_post_site

from blogcheck.cli import main

BODY = """ # Top Indented

>  # Quoted Head

- item

   ## In Item

> # Real Quote

# Real Head

[a](#top-indented) [b](#quoted-head) [c](#in-item) [d](#real-quote) [e](#real-head)
"""


def test_a_link_to_a_heading_kramdown_shows_as_text_is_broken(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    site = one_post_site(tmp_path / "site", BODY)
    page = built_post(site)
    assert re.findall(r'id="([^"]+)"', page) == ["real-quote", "real-head"]
    monkeypatch.chdir(site)
    main(["check", "--offline", "--no-cache", "--select", "BC203", "--format", "json"])
    found = json.loads(capsys.readouterr().out)["diagnostics"]
    assert [(d["line"], d["message"].split("`")[1]) for d in found] == [
        (16, "#top-indented"), (16, "#quoted-head"), (16, "#in-item")]
    assert found[0]["message"] == ("`#top-indented` matches no heading or id in this post: the heading "
                                   "`# Top Indented` on line 4 is text to kramdown (BC616), so the page has no such id")
    assert "on line 6" in found[1]["message"] and "`## In Item` on line 10" in found[2]["message"]
