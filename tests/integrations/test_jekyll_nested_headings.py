"""BC616 in quotes and list items against real Jekyll: kramdown takes a heading only with its
`#` first on the line once the quote's `>` and one space, or the item's indentation, are
taken off (the preview allows 3 spaces more); after `check --fix` each is a heading."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from integration_support import built_post, one_post_site

from blogcheck.cli import main

NESTED = """>  # Quoted

> # Fine

> >  # Nested

Text.

- item

   ## In item

Text.

1. step

    ## In step

Text.

- item
   ## Right under

Text.

- item

  >  # Quote in item

- item

  ## At the text

>\t# Tab
"""

TABS = "- item\n\n\t## Tab past\n\nText.\n\n-\titem\n\n\t## Tab at\n\nText.\n\n-\titem\n\n\t ## Tab and space\n"


def _found(site: Path, capsys: pytest.CaptureFixture[str]) -> list[tuple[int, int, object]]:
    main(["check", "--select", "BC616", "--format", "json"])
    return [(d["line"], d["column"], d.get("fix")) for d in json.loads(capsys.readouterr().out)["diagnostics"]]


def test_headings_past_a_quote_or_an_item_show_as_text_and_fix_makes_them_headings(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    site = one_post_site(tmp_path / "site", NESTED)
    monkeypatch.chdir(site)
    assert _found(site, capsys) == [(4, 3, [[4, 3, " ", ""]]), (8, 5, [[8, 5, " ", ""]]), (14, 3, [[14, 3, " ", ""]]),
                                    (20, 4, [[20, 4, " ", ""]]), (25, 3, [[25, 3, " ", ""]]),
                                    (31, 5, [[31, 5, " ", ""]]), (37, 2, None)]
    page = built_post(site)
    for text in ("# Quoted", "# Nested", "## In item", "## In step", "# Quote in item"):
        assert f"<p>{text}</p>" in page
    assert "item\n ## Right under" in page and "<code># Tab\n</code>" in page
    assert page.count("<h1") + page.count("<h2") == 2  # Fine, At the text
    assert main(["check", "--select", "BC616", "--fix"]) == 1  # the tab stays: no fix
    left = capsys.readouterr().out
    assert left.count("BC616 fixed") == 6 and "37:2: BC616 `# Tab`" in left and "shows this line as code" in left
    page = built_post(site)
    for anchor in ("quoted", "nested", "in-item", "in-step", "right-under", "quote-in-item", "fine", "at-the-text"):
        assert f'id="{anchor}"' in page
    assert _found(site, capsys) == [(37, 2, None)]


def test_a_tab_counts_as_kramdown_counts_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    """A tab is 4 columns to list.rb: past a `- ` item's text (no fix: spaces or a tab are the
    writer's to choose), at a `-<tab>` item's text (a heading), a space past it (fixed)."""
    site = one_post_site(tmp_path / "site", TABS)
    monkeypatch.chdir(site)
    assert _found(site, capsys) == [(6, 1, None), (18, 2, [[18, 2, " ", ""]])]
    page = built_post(site)
    assert "<p>## Tab past</p>" in page and 'id="tab-at"' in page and "<p>## Tab and space</p>" in page
    assert main(["check", "--select", "BC616", "--fix"]) == 1
    capsys.readouterr()
    assert 'id="tab-and-space"' in built_post(site)
