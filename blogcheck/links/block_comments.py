"""HTML comments that start a block, read as kramdown reads them.

kramdown ends such a comment at its `-->` and reads the rest of the line as the start
of a paragraph, which runs on over the next lines (`<!-- c --> [a` then `b](/x)`: one
link, jekyll 4.3 asked); a comment does not end a paragraph either (`Text` then
`<!-- c --> [a](/x)`: one paragraph). CommonMark makes the comment's lines an HTML
block, so markdown-it splits the paragraph there and finds no such link. `read`
writes a text character over each such comment (and over the text inside the HTML
elements closed after it, which kramdown keeps raw), one for one, so that markdown-it
reads the lines as kramdown does and every offset stays where it was; it also gives
where kramdown reads code after a comment (`comment_line`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from blogcheck.links import comment_line

if TYPE_CHECKING:
    from markdown_it.token import Token

COMMENT_FIRST = re.compile(r" {0,3}(<!--.*?-->)[ \t]*", re.S)
_TEXT = "\ue000"  # a private-use character: plain text to markdown-it, in no post


@dataclass(frozen=True)
class Read:
    """The masked body's lines as `read` leaves them, and where kramdown reads code after
    a comment: (row, column, stop row), from the column of the row to the stop row."""

    lines: list[str]
    code: list[tuple[int, int, int]]


def read(lines: list[str], stream: list[Token]) -> Read:
    """`lines` (the masked body's) with each comment that starts an HTML block of `stream`
    and has Markdown after it on its line written over, and the text inside the HTML
    elements closed after it (`lines` itself when there is none); and the code that
    starts after such a comment. A comment whose lines are not found as written is left
    alone. Under a paragraph's line, the comment is in that paragraph to kramdown, and
    so is all that follows it."""
    out, code = lines, []
    for index, token in enumerate(stream):
        comment = COMMENT_FIRST.match(token.content) if token.type == "html_block" and token.map else None
        if comment is None:
            continue
        assert token.map is not None
        rest = comment_line.after(token.content, comment.end(1))
        if _in_paragraph(stream, index):  # all of it the paragraph's text
            rest = comment_line.After("text" if token.content[comment.end(1):].split("\n", 1)[0].strip() else "", 0)
        spans = [(rest.start, rest.start + 1)] if rest.kind == "code" else [comment.span(1), *rest.raw]
        over = _over(lines, token.map[0], token.content, spans) if rest.kind else None
        if over is None:
            continue
        if rest.kind == "code":
            code.append((over[0][0], over[0][1], comment_line.lazy_end(lines, over[0][0] + 1)))
            continue
        out = out if out is not lines else list(lines)
        for row, start, stop in over:
            if out[row][start:stop].strip():  # a line of white space only is kept: it still ends a paragraph
                out[row] = out[row][:start] + _TEXT * (stop - start) + out[row][stop:]
    return Read(out, code)


def _in_paragraph(stream: list[Token], index: int) -> bool:
    """The block at `stream[index]` starts right under a paragraph's last line."""
    inline, token = stream[index - 2] if index > 1 else None, stream[index]
    return stream[index - 1].type == "paragraph_close" and inline is not None and inline.map is not None \
        and token.map is not None and inline.map[1] == token.map[0]


def _over(lines: list[str], first: int, content: str,
          spans: list[tuple[int, int]]) -> list[tuple[int, int, int]] | None:
    """(row, start, stop) of the parts of `spans` of a block's `content` (its lines
    without a quote's `> ` or a list's indent) in the body `lines`, each part on one row."""
    found: list[tuple[int, int, int]] = []
    pieces = content.split("\n")
    for first_at, last_at in spans:
        at = 0
        for row, piece in enumerate(pieces, first):
            start, stop = max(first_at - at, 0), min(last_at - at, len(piece))
            at += len(piece) + 1
            if start >= stop:
                continue
            line = lines[row].rstrip("\r") if row < len(lines) else ""
            if not line.endswith(piece):  # tabs made spaces, a line moved: not guessed
                return None
            found.append((row, len(line) - len(piece) + start, len(line) - len(piece) + stop))
    return found
