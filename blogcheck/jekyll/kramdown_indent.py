"""A line as kramdown reads it inside its quotes and list items, tabs included.

blockquote.rb takes `> ?` off each line of a quote, and list.rb takes an item's
indentation (the columns of its marker and the spaces or tab after it) off each line
indented that far, a leading tab counted as 4 spaces. What is left is what kramdown
parses: a heading only when its `#` comes first (checked with `jekyll build`)."""

from __future__ import annotations

import re

from blogcheck.jekyll.kramdown_blocks import Box
from blogcheck.jekyll.kramdown_lists import content_column

_QUOTE = re.compile(r"^ {0,3}> ?")  # kramdown's BLOCKQUOTE_START
_ITEM = re.compile(r"^( {0,3}(?:[-*+]|\d+\.))([ \t]+)")  # LIST_START_UL, LIST_START_OL (no `1)` list)
_TABS = re.compile(r"^\t+")


def as_read(box: Box, number: int, text: list[str]) -> str | None:
    """Line `number` of `text` as kramdown reads it inside `box` (see `boxes`); None when
    an item around it is none to kramdown (`1)`) or its indentation is not replayed."""
    line = text[number] if box.parent is None else as_read(box.parent, number, text)
    if line is None or box.kind == "":
        return line
    if box.kind == "quote":
        return _QUOTE.sub("", line, count=1)
    first = line if number == box.first or box.parent is None else as_read(box.parent, box.first, text)
    marker = _ITEM.match(first or "")
    if marker is None or box.unsure:
        return None
    if number == box.first:
        return line[marker.end():]
    indent = content_column(marker[1], marker[2])
    if not _content(indent).match(line):
        return line  # a lazy line, or one after the item: as it is
    line = _TABS.sub(lambda tabs: "    " * len(tabs[0]), line)
    return line[indent:] if line.startswith(" " * indent) else line


def _content(indent: int) -> re.Pattern[str]:
    """list.rb's content_re: a line indented as far as the item's text."""
    return re.compile(rf"^(?:(?:\t| {{4}}){{{indent // 4}}} {{{indent % 4}}}|(?:\t| {{4}}){{{indent // 4 + 1}}})")
