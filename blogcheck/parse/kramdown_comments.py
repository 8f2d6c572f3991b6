"""kramdown's comment extension: `{::comment} ... {:/comment}` (or `{:/}`). kramdown
writes its content into an HTML comment, unparsed, so no reader sees its words or
follows its links (kramdown 2.4, asked); one never closed is text."""

from __future__ import annotations

import re

# Stops at the next opener, so a file of unclosed `{::comment}` costs linear time.
COMMENT = r"\{::comment\}(?:(?!\{::comment\}).)*?\{:/(?:comment)?\}"
_PATTERN = re.compile(COMMENT, re.DOTALL)


def regions(text: str) -> list[tuple[int, int]]:
    """(start, stop) offsets of each kramdown comment of `text`."""
    return [match.span() for match in _PATTERN.finditer(text)] if "{::comment}" in text else []
