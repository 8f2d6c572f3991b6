"""Raw HTML is read only up to the first construct that never ends (a comment
with no `-->`, a `<![CDATA[` with no `]]>`, a `<` with no `>` after it): browsers
show nothing of it, and html.parser would search the rest of the block again
from every later `<` (a 60 KB post of `<a <a <a` took 100 s, one of `<!--`
repeated 60 s; bench figures in the session notes, not timed here)."""

from __future__ import annotations

from pathlib import Path

import pytest

from blogcheck.links.html import bounded, read
from blogcheck.spelling.html_text import pieces


@pytest.mark.parametrize(("fragment", "kept"), [
    ("<b>x</b>", "<b>x</b>"),
    ("a <!-- b --> c <!-- d", "a <!-- b --> c "),
    ("<!-- a --> <!-- b -->", "<!-- a --> <!-- b -->"),
    ("<!-- a > b", ""),
    ("<!---->", "<!---->"),
    ("<!-->", ""),  # html.parser looks for `-->` after the opener: unclosed to it
    ("p <a href", "p "),
    ("<p>ok</p> 1 < 2 <a", "<p>ok</p> 1 < 2 "),
    ("a </b c <?x d <!e", "a "),
    ("<![CDATA[x]]> <![CDATA[y", "<![CDATA[x]]> "),
    ("<![CDATA[x]> y", ""),
    ("<div>" + "<a " * 20_000, "<div>"),
    ("<pre>" + "<!--" * 20_000 + "-->", "<pre>" + "<!--" * 20_000 + "-->"),
])
def test_bounded(fragment: str, kept: str) -> None:
    assert bounded(fragment) == kept


def test_what_comes_before_is_still_read() -> None:
    fragment = ('<p><a href="https://a.test/">a</a> Recieve</p>\n<!-- <a href="https://hidden.test/"> never closed\n'
                + "<a " * 1000)
    links, _ = read(fragment)
    assert [link.value for link in links] == ["https://a.test/"]
    assert "Recieve" in "".join(piece.text for piece in pieces(fragment))
    assert "closed" not in "".join(piece.text for piece in pieces(fragment))


def test_a_post_of_unending_tags_is_checked(tmp_path: Path) -> None:
    from blogcheck.cli import main

    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    (site / "_config.yml").write_text("title: t\n")
    post = site / "_posts" / "2024-01-01-a.md"
    post.write_text("---\ntitle: A\n---\n<div>Teh start\n" + "<a href='" * 20_000 + "\n")
    assert main(["check", "--offline", "--select", "spelling,links", str(post)]) == 1  # `Teh`: BC401
