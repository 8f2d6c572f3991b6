"""kramdown's comment extension: `{::comment} ... {:/comment}` (or `{:/}`). kramdown
writes its content into an HTML comment, unparsed, so no reader sees its words or
follows its links (kramdown 2.4, asked); one never closed is text. With each tag
alone on its line (the opening one indented 3 spaces at most), the comment is a
block of its own; else it is part of a paragraph, whose first line kramdown's table
parser reads before it, `|` of the comment included."""

from __future__ import annotations

import re

# Stops at the next opener, so a file of unclosed `{::comment}` costs linear time.
COMMENT = r"\{::comment\}(?:(?!\{::comment\}).)*?\{:/(?:comment)?\}"
_PATTERN = re.compile(COMMENT, re.DOTALL)


def regions(text: str) -> list[tuple[int, int]]:
    """(start, stop) offsets of each kramdown comment of `text`."""
    return [match.span() for match in _PATTERN.finditer(text)] if "{::comment}" in text else []


def is_block(text: str, start: int, end: int) -> bool:
    """Whether the comment `text[start:end]` is a block: each tag alone on its line."""
    before_opener = text[text.rfind("\n", 0, start) + 1:start]
    opener_end = text.index("}", start) + 1
    closer = text.rindex("{:/", start, end)
    return (len(before_opener) <= 3 and not before_opener.strip(" ")
            and not text[opener_end:_line_end(text, opener_end)].strip()
            and not text[text.rfind("\n", 0, closer) + 1:closer].strip()
            and not text[end:_line_end(text, end)].strip())


def _line_end(text: str, offset: int) -> int:
    found = text.find("\n", offset)
    return found if found >= 0 else len(text)
