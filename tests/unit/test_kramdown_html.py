"""kramdown's raw HTML reading (`parse_raw_html`), replayed: where a raw block ends (each case
checked with kramdown 2.4: `**b**` after the block is bold only when it ends),
and what is left open when the post ends first."""

from __future__ import annotations

from pathlib import Path

import pytest

from blogcheck.jekyll.kramdown_html import raw_block


@pytest.mark.parametrize(("text", "closes"), [
    ("<div>\na <b>b</b> c\n</div>\nafter", True),
    ("<div>\n<!-- <email> -->\n<br>\n<img src=x>\n<x/>\n</DIV>\nafter", True),  # comments, void, self-closed, case
    ("<div>\n<script>if (a <b) {}</script>\n</div>", True),  # a script runs to its own end tag
    ("<div>\n`Name <email>`\n</div>\nafter", False),  # code is no code in raw HTML
    ("<div>\n<p>one\n<p>two\n</div>\nafter", False),  # an unclosed `<p>` holds `</div>` too
    ("<div>\n<Foo>x</foo>\n</div>", False),  # an unknown name keeps its case
    ("<div>\na </span> b\n</div>", True),  # an end tag of another element is text
])
def test_where_kramdown_ends_a_raw_block(text: str, closes: bool) -> None:
    found = raw_block(text, 0)
    assert found is not None
    name, end, left, _ = found
    assert name == "div"
    assert (end is not None) == closes
    if closes:
        assert text[:end].endswith(("</div>", "</DIV>")) and left == []
    else:
        assert left[0].name == "div" and len(left) >= 2


def test_no_element_opens_at_a_void_or_self_closed_tag() -> None:
    assert raw_block("<hr>\ntext", 0) is None and raw_block("<div/>\ntext", 0) is None


def test_the_text_of_pre_and_code_is_marked_as_meant_as_typed() -> None:
    text = '<div>\n<pre><code>```js\n\n```</code></pre>\n<kbd>x</kbd>\n</div>\n'
    found = raw_block(text, 0)
    assert found is not None
    _, end, _, literal = found
    assert end == len(text) - 1
    assert sorted(text[a:b] for a, b in literal) == ["<code>```js\n\n```</code>", "<kbd>x</kbd>",
                                                     "<pre><code>```js\n\n```</code></pre>"]


def test_the_end_of_an_opening_tag_is_read_past_quoted_values() -> None:
    from blogcheck.jekyll.kramdown_html import tag_end

    line = '<details class="a>b" open><summary>'
    assert tag_end(line, 0) == line.index(" open>") + len(" open")
    assert tag_end("<div\n", 0) is None and tag_end("<br/>", 0) is None


def test_unclosed_comments_are_text_and_read_in_linear_time() -> None:
    """`<!--` 40,000 times and no `-->`: each is text (kramdown's comment pattern fails);
    trying the pattern at each one again read the rest of the post each time (46 s for a
    post). In a child process with a timeout, so that a regression fails, not hangs."""
    import subprocess
    import sys

    code = ("from blogcheck.jekyll.kramdown_html import raw_block; "
            "t = '<div>' + '<!--' * 40000 + '<?' * 40000 + '</div>'; "
            "assert raw_block(t, 0)[1] == len(t)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr


def test_many_html_blocks_are_read_in_linear_time(tmp_path: Path) -> None:
    """16,000 `<div>` blocks, each with Markdown after it: each block's tokens are found by
    bisection, not by a walk over the whole post (7 s for half as many before)."""
    import json
    import subprocess
    import sys

    post = tmp_path / "2024-01-01-p.md"
    post.write_text("---\ntitle: t\n---\n" + "<div>\nx\n</div>\n\npara *a*\n\n" * 16000, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "blogcheck", "check", "--select", "markup", "--format", "json",
                           str(post)], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0 and json.loads(done.stdout)["diagnostics"] == [], done.stderr


@pytest.mark.parametrize(("tag", "markdown"), [
    ('<div markdown="1">', True),
    ('<div MARKDOWN="1">', True),  # kramdown reads attribute names in any case
    ('<div markdown="0" markdown="1">', True),  # and the last of two wins
    ('<div markdown="1" markdown="0">', False),
    ('<table markdown="1">', False),
    ("<div>", False),
])
def test_says_markdown_reads_the_attribute_as_kramdown_does(tag: str, markdown: bool) -> None:
    from blogcheck.jekyll.kramdown_html import says_markdown

    assert says_markdown(tag + "\n\n## x\n\n</div>\n", 0) is markdown
