"""Links after an HTML comment that starts a line, against a real Jekyll build: kramdown
ends the comment at its `-->` and reads the rest of the line as a paragraph that runs on
over the next lines, so `<!-- c --> [two` / `lines](/x)` is a link on the page. CommonMark
makes the comment's lines an HTML block, and blogcheck found no such link at all."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from integration_support import built_post, one_post_site

from blogcheck.cli import main

BODY = """<!-- c --> [wrapped
text](/gone-1/) here.

<!-- a --> <!-- b --> [two
comments](/gone-2/), and Text <!-- c --> [mid
line](/gone-3/).

<!-- c --> ![alt
text](/gone-4.png)

<!-- c --> [a reference
link][r] and <https://example.com/auto> and
<https://example.com/next>, not <http://example.com/a
b>.

<!-- c --> [URL on the next line](
/gone-5/)

<!-- c
--> [closed on the
next line](/gone-6/)

Text before
<!-- c --> [in the
paragraph](/gone-7/)

> <!-- c --> [quoted
> text](/gone-8/)

- <!-- c --> [listed
  text](/gone-9/)

{::comment}c{:/comment} [kramdown
comment](/gone-10/)

<!-- c --> `code
[text](/text-1/)` is shown as typed, and so is
[r2]: /text-2/

Use [r2].

<details>

<!-- c --> [raw](/text-3/) in details.

</details>

[r]: /gone-11/
"""

FOUND = [(5, 7, "/gone-1/"), (8, 11, "/gone-2/"), (9, 7, "/gone-3/"), (12, 7, "/gone-4.png"), (20, 1, "/gone-5/"),
         (24, 12, "/gone-6/"), (28, 12, "/gone-7/"), (31, 9, "/gone-8/"), (34, 9, "/gone-9/"), (37, 10, "/gone-10/"),
         (51, 6, "/gone-11/")]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_links_after_a_comment_that_starts_a_line_are_the_links_jekyll_renders(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], newline: str) -> None:
    site = one_post_site(tmp_path / "site", BODY.replace("\n", newline))
    page = built_post(site)
    local = {url for url in re.findall(r'(?:href|src)="(/[^"]*)"', page) if url.startswith(("/gone", "/text"))}
    assert local == {url for *_, url in FOUND}, local
    assert re.findall(r'href="(https:[^"]*)"', page) == ["https://example.com/auto", "https://example.com/next"]
    monkeypatch.chdir(site)
    main(["check", "--offline", "--no-cache", "--select", "links", "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    found = [(d["line"], d["column"], d["url"]) for d in report["diagnostics"]]
    assert found == FOUND, found
    assert "2 remote links (2 distinct URLs) not checked: offline" in report["summary"]["notes"][0]
