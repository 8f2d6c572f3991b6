"""The rest of a line after an HTML comment that starts a block, against a real Jekyll
build: a tab or 4 spaces after the `-->` start an indented code block (no link, on the
lazy lines under it either); an HTML element closed on the line stays raw, and the
paragraph after it runs on over the next lines (`<!-- c --> <div>x</div> [a` / `b](/x)`)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from integration_support import built_post, one_post_site

from blogcheck.cli import main

BODY = """<!-- c -->     [a](/code-1/)

<!-- c -->\t[a](/code-2/)

<!-- c -->     code
lazy [b](/code-3/)

> <!-- c -->     [a](/code-4/)

<!-- c --> <div>x</div>     [a](/code-5/)

<!-- c -->   [three spaces](/gone-1/)

Text
<!-- c -->     [in the paragraph](/gone-2/)

<!-- c --> <div>x</div> [a
b](/gone-3/)

<!-- c --> <div><a href="/gone-4/">x</a> [raw](/raw-1/)</div> <p>y</p> [a
b](/gone-5/)

<!-- c --> <div><div>[raw](/raw-2/)</div></div> [a](/gone-6/)

Text
<!-- c --> <div>[shown](/gone-7/)</div> [a
b](/gone-8/)
"""

FOUND = [(15, 29, "/gone-1/"), (18, 35, "/gone-2/"), (21, 4, "/gone-3/"), (23, 26, "/gone-4/"), (24, 4, "/gone-5/"),
         (26, 53, "/gone-6/"), (29, 25, "/gone-7/"), (30, 4, "/gone-8/")]


def test_after_a_comment_code_stays_code_and_a_paragraph_runs_on(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    site = one_post_site(tmp_path / "site", BODY)
    page = built_post(site)
    assert set(re.findall(r'href="(/[^"]*)"', page)) == {url for *_, url in FOUND}
    assert "[a](/code-1/)" in page and "lazy [b](/code-3/)" in page and "[raw](/raw-2/)" in page
    monkeypatch.chdir(site)
    main(["check", "--offline", "--no-cache", "--select", "links", "--format", "json"])
    found = [(d["line"], d["column"], d["url"]) for d in json.loads(capsys.readouterr().out)["diagnostics"]]
    assert found == FOUND, found
