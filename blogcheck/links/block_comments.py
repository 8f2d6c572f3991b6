"""HTML comments that start a block, read as kramdown reads them.

kramdown ends such a comment at its `-->` and reads the rest of the line as the start
of a paragraph, which runs on over the next lines (`<!-- c --> [a` then `b](/x)`: one
link, jekyll 4.3 asked); a comment does not end a paragraph either (`Text` then
`<!-- c --> [a](/x)`: one paragraph). CommonMark makes the comment's lines an HTML
block, so markdown-it splits the paragraph there and finds no such link. `hide`
writes a text character over each such comment, one for one, so that markdown-it
reads the lines as kramdown does and every offset stays where it was."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from blogcheck.jekyll.kramdown_html import SPAN_ELEMENTS

if TYPE_CHECKING:
    from markdown_it.token import Token

COMMENT_FIRST = re.compile(r" {0,3}(<!--.*?-->)[ \t]*", re.S)
_BLOCK_TAG = re.compile(r"<([A-Za-z][\w-]*)")
_TEXT = "\ue000"  # a private-use character: plain text to markdown-it, in no post


def block_tag(rest: str) -> re.Match[str] | None:
    """The block-level HTML tag that `rest` starts with (`<div>`: raw HTML to kramdown,
    not a paragraph), if any."""
    tag = _BLOCK_TAG.match(rest)
    return tag if tag is not None and tag[1].lower() not in SPAN_ELEMENTS else None


def hide(lines: list[str], stream: list[Token]) -> list[str]:
    """`lines` (the masked body's) with each comment that starts an HTML block of
    `stream` and has Markdown after it on its line written over; `lines` itself when
    there is none. A comment whose lines are not found as written is left alone."""
    out = lines
    for token in stream:
        comment = COMMENT_FIRST.match(token.content) if token.type == "html_block" and token.map else None
        if comment is None or not _markdown_after(token.content, comment.end()):
            continue
        assert token.map is not None
        over = _over(lines, token.map[0], token.content, comment.span(1))
        if over is not None:
            out = out if out is not lines else list(lines)
            for row, (start, stop) in over.items():
                out[row] = out[row][:start] + _TEXT * (stop - start) + out[row][stop:]
    return out


def _markdown_after(content: str, end: int) -> bool:
    rest = content[end:].split("\n", 1)[0]
    return bool(rest.strip()) and block_tag(rest) is None


def _over(lines: list[str], first: int, content: str, span: tuple[int, int]) -> dict[int, tuple[int, int]] | None:
    """Row -> (start, stop) columns of the comment at `span` of a block's `content`
    (its lines without a quote's `> ` or a list's indent) in the body `lines`; a line
    of white space only is kept (blank, it still ends a paragraph)."""
    found: dict[int, tuple[int, int]] = {}
    at = 0
    for number, piece in enumerate(content.split("\n")):
        start, stop = max(span[0] - at, 0), min(span[1] - at, len(piece))
        at += len(piece) + 1
        if start >= stop:
            continue
        row = first + number
        line = lines[row].rstrip("\r") if row < len(lines) else ""
        if not line.endswith(piece):  # tabs made spaces, a line moved: not guessed
            return None
        if piece[start:stop].strip():
            shift = len(line) - len(piece)
            found[row] = (shift + start, shift + stop)
    return found
