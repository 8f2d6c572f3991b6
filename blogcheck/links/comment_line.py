"""What kramdown makes of the rest of a line after an HTML comment that starts a block
(jekyll 4.3 asked, tests/integrations/test_jekyll_comment_lines.py).

kramdown ends the comment at its `-->` and parses on from there as from a line's start:
an HTML element closed on the line (`<div>x</div>`) is raw HTML, its inside Markdown
shown as typed, and after it the same again; then a tab or 4 spaces start an indented
code block, which runs on over the next lines up to a blank one (lazy lines, `> x` and
`- x` too) and so holds no link; anything else starts a paragraph, which runs on."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from blogcheck.jekyll.kramdown_html import SPAN_ELEMENTS

_BLOCK_TAG = re.compile(r"<([A-Za-z][\w-]*)")
_TAG = re.compile(r"<!--.*?-->|<[^<>]*>", re.S)
_SPAN = "|".join(sorted(SPAN_ELEMENTS))
# codeblock.rb's lazy line ends at a blank line, a block attribute list, the `^` mark, or a
# line that starts or ends a block HTML element (LAZY_END_HTML_START, LAZY_END_HTML_STOP)
_LAZY_END = re.compile(rf"[ \t>]*(?:$|\{{:|\^[ \t]*$|</?(?!(?:{_SPAN})\b)[A-Za-z])", re.I)


@dataclass(frozen=True)
class After:
    """The rest of a comment's line: `kind` "text" (a paragraph starts at `start`), "code"
    (an indented code block starts at `start`) or "" (nothing, or raw HTML that runs on
    past the line); `raw`: the spans of text inside the HTML elements closed before it."""

    kind: str
    start: int
    raw: list[tuple[int, int]] = field(default_factory=list)


def block_tag(rest: str) -> re.Match[str] | None:
    """The block-level HTML tag that `rest` starts with (`<div>`: raw HTML to kramdown,
    not a paragraph), if any."""
    tag = _BLOCK_TAG.match(rest)
    return tag if tag is not None and tag[1].lower() not in SPAN_ELEMENTS else None


def after(content: str, end: int) -> After:
    """What kramdown reads in `content` from `end` (just past a comment's `-->`) to the
    line's end."""
    stop = content.find("\n", end)
    stop = len(content) if stop < 0 else stop
    raw: list[tuple[int, int]] = []
    while True:
        if content.startswith(("\t", "    "), end):
            return After("code", end, raw)
        start = stop - len(content[end:stop].lstrip(" \t"))
        tag = block_tag(content[start:stop])
        if start == stop or tag is None:
            return After("text" if start < stop else "", start, raw)
        end = _closed(content, start, stop, tag[1])
        if end < 0:
            return After("", stop, raw)
        tags = list(_TAG.finditer(content, start, end))
        raw += [(a.end(), b.start()) for a, b in itertools.pairwise(tags) if content[a.end():b.start()].strip()]


def lazy_end(lines: list[str], row: int) -> int:
    """The first row from `row` that ends an indented code block's lazy lines."""
    while row < len(lines) and not _LAZY_END.match(lines[row]):
        row += 1
    return row


def _closed(content: str, start: int, stop: int, name: str) -> int:
    """The offset past the end tag that closes the `name` element opened at `start`, on
    the line (before `stop`); -1 when it is not closed there."""
    depth = 0
    for tag in re.compile(rf"<(/?){re.escape(name)}(?=[\s/>])[^<>]*>", re.I).finditer(content, start, stop):
        depth += -1 if tag[1] else 0 if tag[0].endswith("/>") else 1
        if depth == 0:
            return tag.end()
    return -1
