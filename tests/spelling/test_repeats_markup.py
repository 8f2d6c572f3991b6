"""BC403 reads a word twice as readers see it: across emphasis, a link's target and
an HTML comment, but not across code, an image or a word glued to the next."""

from __future__ import annotations

from pathlib import Path

import pytest

from blogcheck.checks import Context
from blogcheck.checks.spelling import check_post, speller_for
from blogcheck.config import Config
from blogcheck.jekyll.site import load_site
from blogcheck.post import Post, load

BODY = (
    "It was the **the** bold.\n\n"  # 5
    "Go to [the](x) the link.\n\n"  # 7
    "Is it the <!-- c --> the comment?\n\n"  # 9
    "A link to [the page](/a \"t\") page there.\n\n"  # 11: `page` twice, in and after the link text
    "It was the `the` end, the ![the](a.png) the one.\n\n"  # 13: code and images show something between
    "Then the**the** glued, and the <img src=\"a.png\"> the image.\n"  # 15
)


@pytest.mark.parametrize("prefilter", [True, False], ids=["prefilter", "whole"])
def test_a_word_twice_across_markup(tmp_path: Path, prefilter: bool) -> None:
    (tmp_path / "_posts").mkdir()
    path = tmp_path / "_posts" / "2024-01-01-p.md"
    path.write_text("---\ntitle: t\n---\n\n" + BODY, encoding="utf-8")
    site = load_site(tmp_path)
    post = load(path, "p.md", site, 10**6)
    assert isinstance(post, Post)
    speller = speller_for(Context(site, Config(), [post]))
    found = [(d.line, d.column, d.extras["word"]) for d in check_post(post, speller, prefilter) if d.code == "BC403"]
    assert found == [(5, 14, "the"), (7, 16, "the"), (9, 22, "the"), (11, 30, "page")]
