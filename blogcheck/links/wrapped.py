"""Liquid tags that a hard-wrapped paragraph breaks across lines.

`([#1338]({{ site.repository` then `}}/issues/1338))` on the next line: Jekyll
renders the Liquid first, so the page has one link. In the masked text that
markdown-it reads, the line break is still inside the link's target, which makes
it no link. Here each such break moves out of the tag onto a space of the same
paragraph (after the tag on its last line, else before it on its first line, past
the list, quote or heading marker that starts it): one character for one, so every
offset of the text stays, and only which line a character is on changes (extract.py
maps positions back through offsets). A space whose next character could start a
block (`-`, `#`, `>`, a digit...) is not taken; a tag with no such space stays
broken, as before."""

from __future__ import annotations

import bisect
import re

from blogcheck.links.liquid import Tag

_STARTS_BLOCK = frozenset("-+*>#=|~`<0123456789:[ \t\r\n")
_MARKERS = re.compile(r"(?:>\s*)*(?:[-+*]|\d{1,9}[.)]|#{1,6})?")  # a line's block markers, and nothing else


def unwrap(masked: str, tags: list[Tag], rows: set[int]) -> str:
    """`masked` with the line breaks inside `tags` moved out, for tags whose every line
    is one of `rows` (paragraph lines, 0-based); `masked` itself when none moves."""
    starts = [0, *(i + 1 for i, c in enumerate(masked) if c == "\n")]
    out = list(masked)
    for tag in tags:
        first = bisect.bisect_right(starts, tag.start) - 1
        last = bisect.bisect_right(starts, tag.end - 1) - 1
        if last == first or not all(row in rows for row in range(first, last + 1)):
            continue
        breaks = [i for i in range(tag.start, tag.end) if out[i] == "\n"]
        spaces = _spaces(out, tag, starts, first, last, len(breaks))
        if spaces is None:
            continue
        for at in breaks:
            out[at] = "x"
            if out[at - 1] == "\r":
                out[at - 1] = "x"
        for at in spaces:
            out[at] = "\n"
    return "".join(out)


def _spaces(out: list[str], tag: Tag, starts: list[int], first: int, last: int, wanted: int) -> list[int] | None:
    """`wanted` spaces where a line may end: after the tag on its last line, else
    before it on its first line (never the indentation); None when too few."""
    end = starts[last + 1] - 1 if last + 1 < len(starts) else len(out)
    after = [i for i in range(tag.end, end) if _breakable(out, i)]
    if len(after) >= wanted:
        return after[:wanted]
    line = starts[first]
    while line < tag.start and out[line] in " \t":
        line += 1
    before = [i for i in range(tag.start - 1, line, -1)
              if _breakable(out, i) and not _MARKERS.fullmatch("".join(out[line:i]).strip())]
    return before[:wanted] if len(before) >= wanted else None


def _breakable(out: list[str], at: int) -> bool:
    return out[at] in " \t" and at + 1 < len(out) and out[at + 1] not in _STARTS_BLOCK
