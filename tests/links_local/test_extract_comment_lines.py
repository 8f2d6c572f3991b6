"""Link extraction after an HTML comment that starts a line (checked with jekyll 4.3:
kramdown ends the comment at its `-->` and makes a paragraph of what follows, over the
next lines too; tests/integrations/test_jekyll_comment_links.py builds the same)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from blogcheck.links import extract
from blogcheck.post import Post

MakePost = Callable[..., Post]


def _links(post: Post, kramdown: bool = True) -> list[tuple[int, int, str, str]]:
    found = extract.links(extract.parse(post), lambda raw: raw, kramdown=kramdown)
    lines = post.text.split("\n")
    for link in found:  # each position points at the URL as written
        assert lines[link.line - 1][link.column - 1 :].startswith(link.raw), link
    return [(link.line, link.column, link.kind.value, link.raw) for link in found]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_link_over_two_lines_after_a_comment(make_post: MakePost, newline: str) -> None:
    post = make_post(newline.join([
        "<!-- c --> [another", "link](/missing-page/) here.", "",
        "<!-- c", "--> ![alt", "text](/x.png) and <https://example.com/a>", "",
        "> <!-- c --> [quoted", "> text](/q/)", ""]))
    assert _links(post) == [(5, 7, "link", "/missing-page/"), (9, 7, "image", "/x.png"),
                            (9, 20, "link", "https://example.com/a"), (12, 9, "link", "/q/")]


def test_the_paragraph_after_a_comment_runs_on_as_kramdown_reads_it(make_post: MakePost) -> None:
    """A code span over the lines is code, a definition under the first line is text,
    and a comment under a line of text does not end its paragraph."""
    post = make_post(
        "<!-- c --> `code\n[x](/in-code/)` here, and\n[r]: /not-a-definition/\n\nUse [r].\n\n"
        "Text\n<!-- c --> [in\nit](/in-it/)\n"
    )
    assert _links(post) == [(12, 5, "link", "/in-it/")]


def test_after_a_comment_an_html_block_stays_raw(make_post: MakePost) -> None:
    post = make_post("<!-- c --> <div>[raw](/raw/)</div> [after](/after/)\r\n")
    assert _links(post) == [(4, 44, "link", "/after/")]


def test_on_a_commonmark_site_the_lines_of_a_comment_are_an_html_block(make_post: MakePost) -> None:
    post = make_post("<!-- c --> [another\nlink](/missing-page/) here.\n")
    assert _links(post, kramdown=False) == []


def test_after_a_comment_4_spaces_or_a_tab_start_code(make_post: MakePost) -> None:
    """kramdown's indented code block, which runs on over the lazy lines under it."""
    post = make_post("<!-- c -->     [a](/a/)\n\n<!-- c -->\t[b](/b/)\nlazy [c](/c/)\n\n<!-- c -->   [d](/d/)\n")
    assert _links(post) == [(9, 18, "link", "/d/")]


def test_after_a_comment_a_closed_html_block_then_a_paragraph_over_two_lines(make_post: MakePost) -> None:
    post = make_post("<!-- c --> <div>[raw](/raw/)</div> [a\nb](/after/)\n")
    assert _links(post) == [(5, 4, "link", "/after/")]
