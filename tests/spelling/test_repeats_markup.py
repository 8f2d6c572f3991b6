"""BC403 reads a word twice as readers see it: into emphasis, a link's text and across
an HTML comment, but not across code, an image, a word glued to the next, or the end
of emphasis or a link (the writer marked the border of a phrase there)."""

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
    "Go to the [the](x) link.\n\n"  # 7
    "Is it the <!-- c --> the comment?\n\n"  # 9
    "It is on [on Mix](/a \"t\") now.\n\n"  # 11: `on` twice, before and in the link text
    "It was the `the` end, the ![the](a.png) the one.\n\n"  # 13: code and images show something between
    "Then the**the** glued, and the <img src=\"a.png\"> the image.\n"  # 15
)


def _repeats(root: Path, body: str, prefilter: bool) -> list[tuple[int, int, str]]:
    """BC403's (line, column, word) in a one-post site at `root` whose body is `body`."""
    (root / "_posts").mkdir()
    path = root / "_posts" / "2024-01-01-p.md"
    path.write_text("---\ntitle: t\n---\n\n" + body, encoding="utf-8")
    site = load_site(root)
    post = load(path, "p.md", site, 10**6)
    assert isinstance(post, Post)
    speller = speller_for(Context(site, Config(), [post]))
    return [(d.line, d.column, d.extras["word"]) for d in check_post(post, speller, prefilter) if d.code == "BC403"]


@pytest.mark.parametrize("prefilter", [True, False], ids=["prefilter", "whole"])
def test_a_word_twice_across_markup(tmp_path: Path, prefilter: bool) -> None:
    assert _repeats(tmp_path, BODY, prefilter) == [(5, 14, "the"), (7, 12, "the"), (9, 22, "the"), (11, 11, "on")]


@pytest.mark.parametrize("prefilter", [True, False], ids=["prefilter", "whole"])
def test_a_repeat_after_the_end_of_emphasis_or_a_link_is_meant(tmp_path: Path, prefilter: bool) -> None:
    """Real text (urllib3's notes, Node.js's README): the repeated word starts a new phrase."""
    body = ("The proxy is the **first origin being connected to** to reach the target.\n\n"
            "* [dnlup](https://github.com/dnlup)\n  **dnlup** <<dnlup.dev@gmail.com>>\n\n"
            "A link to [the page](/a) page there, and *the* the end.\n\n"
            "But it is on [on Mix](/a) now.\n")
    assert _repeats(tmp_path, body, prefilter) == [(12, 15, "on")]
