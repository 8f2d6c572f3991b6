"""The lines kramdown takes into an indented code block where the Markdown preview
(CommonMark) starts something else (jekyll 4.3 asked, tests/integrations/test_jekyll_lazy_code.py).

kramdown's code block (CODEBLOCK_MATCH, codeblock.rb) runs on over the lines right
under its code, whatever they start (text, `- item`, `# Head`, `> quote`, a fence, `---`),
up to a blank line, a block attribute list (`{: .x}`), the `^` mark or a line that
starts or ends a block HTML element, and joins each to the line above with a space:
`pip install foo Then run it` on the page. Past a blank line an indented line goes on
with the same block, and so do the lines under it. CommonMark's indented code takes no
such line. In a list item or a quote the same, as kramdown reads their lines (a quote
runs on to a blank line, `>` or not: `kramdown_blocks`). The markup check reports the
first line of each run (BC621); the links and spelling checks read none of it."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from blogcheck.jekyll.kramdown_blocks import Box, Lines, boxes, innermost, read
from blogcheck.jekyll.kramdown_html import SPAN_ELEMENTS
from blogcheck.jekyll.kramdown_indent import as_read

if TYPE_CHECKING:
    from markdown_it.token import Token

# an indented line right above a line of text: a body with none holds no run. The prefix (markers,
# `>`, indentation) is bounded and the spaces after the indent possessive: linear on a line of 100,000
# spaces (unbounded, each split of it was tried: 0.6 s for 8,000 spaces, hours for a megabyte)
MAY_HOLD = re.compile(r"^[ \t>*+\d.-]{0,64}?(?:\t| {4})[ \t]*+\S.*\n[ \t>]*+[^\s>]", re.M)
_INDENT = re.compile(r"(?:\t| {4})[ \t]*\S")  # codeblock.rb's INDENT, then text
_SPAN = "|".join(sorted(SPAN_ELEMENTS | {"script"}))  # LAZY_END_HTML_SPAN_ELEMENTS
# LAZY_END_HTML_START and LAZY_END_HTML_STOP (case counts: `<SPAN>` ends the run)
_HTML = re.compile(rf" {{0,3}}(?:<(?!(?:{_SPAN})\b)[A-Za-z_]|</(?!(?:{_SPAN})\b)[A-Za-z_][\w.:-]*\s*>)")
_SHOWN = {"bullet_list_open": "a list", "ordered_list_open": "a list", "heading_open": "a heading",
          "blockquote_open": "a quote", "fence": "a code block of its own", "table_open": "a table",
          "hr": "a rule", "html_block": "HTML"}


@dataclass(frozen=True)
class Swallowed:
    """Body lines `first` to `stop` (0-based, `stop` excluded), code to kramdown right under
    the code line above `first`; `shown`: what the preview shows at `first`."""

    first: int
    stop: int
    box: Box  # the post, list item or quote the code is in
    shown: str = "text"

    @property
    def place(self) -> str:
        """"" at the top level, "quote" or "item"."""
        return self.box.kind


def swallowed(lines: Lines, stream: list[Token]) -> Iterator[Swallowed]:
    """Each run of lines under an indented code block of `stream` (the block tokens of
    `lines.rendered`) that kramdown makes code; none where Liquid or HTML may make a line
    anything (`Lines.unsure`)."""
    root: Box | None = None
    starting: dict[int, list[str]] = {}
    for token in stream:
        if token.type != "code_block" or token.map is None or any(lines.unsure[token.map[0]:token.map[1]]):
            continue
        if root is None:
            root, starting = boxes(lines, stream)
        box = innermost(root, token.map[0])
        if box.in_unsure() or not _code_starts(lines, box, token.map[0]):
            continue
        stop = token.map[1]
        while stop < box.stop and _lazy(lines, box, stop):
            stop += 1
        if stop > token.map[1]:
            types = starting.get(token.map[1], [])
            shown = next((_SHOWN[kind] for kind in types if kind in _SHOWN), "text")
            yield Swallowed(token.map[1], stop, box, shown)


def _code_starts(lines: Lines, box: Box, number: int) -> bool:
    """kramdown starts a code block on line `number` of `box`: indented, after a blank line
    (or first in a quote)."""
    seen = as_read(box, number, lines.text)
    if seen is None or not _INDENT.match(seen):
        return False
    if number == box.first:
        return box.kind == "quote"
    return number - 1 >= box.first and box.blank(lines, number - 1)


def _lazy(lines: Lines, box: Box, number: int) -> bool:
    """Line `number` goes on with the code block above it in `box`."""
    if not box.text(lines, number):
        return False
    seen = as_read(box, number, lines.text)
    return seen is not None and _HTML.match(seen) is None


def in_body(body: str) -> list[Swallowed]:
    """`swallowed` of a post's body, parsed as the markup checks parse it (the parse is shared)."""
    if MAY_HOLD.search(body) is None:
        return []
    lines, stream, _ = read(body)
    return list(swallowed(lines, stream))


@functools.lru_cache(maxsize=2)
def rows(body: str) -> frozenset[int]:
    """The body lines (0-based) of every run: code on the page, whatever the preview shows.
    Kept for the last two bodies: the links and spelling checks ask about the same post."""
    return frozenset(n for run in in_body(body) for n in range(run.first, run.stop))
