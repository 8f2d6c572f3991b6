"""Whether kramdown makes a heading's id from its text: then a fix of a word in it
changes the id (`## Day 1` is `#day-1`) and breaks the links to it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it.token import Token

_OWN_ID = re.compile(r"\{#[\w:.-]+\}\s*$")


def auto_id(heading: Token, lines: list[str]) -> bool:
    """Whether kramdown makes the id of `heading` (its `heading_open`, whose lines include a
    setext underline) from its text: not when the heading gives its own (`## Day 1 {#start}`,
    or a `{: #start}` line after it). `lines` are the body's lines as written."""
    assert heading.map is not None
    text = lines[heading.map[0]] if heading.map[0] < len(lines) else ""
    after = lines[heading.map[1]] if heading.map[1] < len(lines) else ""
    return not _OWN_ID.search(text) and not (after.lstrip().startswith("{:") and "#" in after)
