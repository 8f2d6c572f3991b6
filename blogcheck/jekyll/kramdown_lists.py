"""Ordered lists that the preview numbers from their first number and kramdown, which
Jekyll runs, from 1: kramdown keeps no start number (its `<ol>` has no `start`).

Study notes number their steps and paste an image (or a paragraph, code, a bullet
list) under each: `1. Setup`, the image, `2. Load the data`. Unless the image is
indented under the item, the list ends at it, and the next one starts at 2 in the
preview, which honours the number, and at 1 on the site: every step reads `1.`.

kramdown's list goes on past a line only as list.rb says: a blank line, another item
of the list (`N.`), a line indented to the item's content, or, right after a line of
the item, any line of text but a block HTML tag or an attribute list (a lazy line:
`1. Step` then `- detail` then `2. Step` is one list to kramdown, two to CommonMark).

kramdown knows no `1)` list at all: such items on adjacent lines run together into
one paragraph on the page (`paren_lists`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from blogcheck.jekyll.kramdown_blocks import Box, Lines, boxes, innermost
from blogcheck.jekyll.kramdown_html import SPAN_ELEMENTS

if TYPE_CHECKING:
    from markdown_it.token import Token

_ITEM = re.compile(r"^( {0,3}\d+\.)([ \t]+)\S")  # kramdown's LIST_START_OL, with content after it
_HR = re.compile(r"^ {0,3}([*_-])[ \t]*\1[ \t]*\1(?:\1|[ \t])*$")
_NOT_LAZY = re.compile(rf"^ {{0,3}}(?:\{{:|</?(?!(?:{'|'.join(sorted(SPAN_ELEMENTS | {'script'}))})\b)[A-Za-z])")
# (an attribute list or a block HTML tag ends a lazy run)
_MOVABLE = frozenset({"paragraph_open", "fence", "html_block", "bullet_list_open", "table_open"})


@dataclass(frozen=True)
class Renumbered:
    """An ordered list the preview starts at `start` and kramdown at 1."""

    first: int  # body line (0-based) of its first item
    start: int
    indent: list[int]  # body lines to indent by `by` spaces so that the list above goes on; [] for none
    by: int


def renumbered(lines: Lines, stream: list[Token]) -> Iterator[Renumbered]:
    root: Box | None = None
    for index, token in enumerate(stream):
        if token.type != "ordered_list_open" or token.markup != "." or token.map is None:
            continue
        start = _start(token)
        first = token.map[0]
        if start == 1 or lines.unsure[first]:
            continue
        root = root or boxes(lines, stream)[0]
        before, back = 2, index - 1  # block tokens starting on `first` up to this list's first item, theirs included
        while back >= 0 and (stream[back].map or [-1])[0] == first:
            before, back = before + 1, back - 1
        item = innermost(root, first, before)  # this list's first item: its content follows its list_item_open
        box = item.parent if item.parent is not None else item
        if box.in_unsure():
            continue
        above, since = _list_above(stream, index)
        if _hidden_item(stream[since:index]):
            continue  # a line of text or HTML between reads as an item to kramdown: its list may go on
        above_map = stream[above].map if above is not None else None
        above_line = above_map[0] if above_map else None
        if above_line is not None and _goes_on(lines, box, above_line, first):
            continue  # kramdown numbers on: the list above takes this one as items
        yield Renumbered(first, start, *_fix(lines, stream, box, above, index, start))


def _list_above(stream: list[Token], index: int) -> tuple[int | None, int]:
    """Index of the ordered list that ends last before the one at `index`, at its level,
    if any; and where the tokens to look at between them start (that list, or the start
    of the container)."""
    level = stream[index].level
    for back in range(index - 1, -1, -1):
        if stream[back].level < level:
            return None, back + 1
        if stream[back].type == "ordered_list_close" and stream[back].level == level:
            above = next(i for i in range(back, -1, -1) if stream[i].type == "ordered_list_open"
                         and stream[i].level == level)
            return above, above
    return None, 0


def _hidden_item(between: list[Token]) -> bool:
    """A paragraph or HTML block `between` the list above (or the container's start)
    and this one has a line like `4. step` inside it, where kramdown starts or goes on
    with a list that the preview does not show."""
    return any(t.type in ("inline", "html_block") and any(_ITEM.match(line) for line in t.content.split("\n")[1:])
               for t in between) or any(t.type == "html_block" and _ITEM.match(t.content) for t in between)


def _start(token: Token) -> int:
    """The number an ordered list starts at in the preview (markdown-it's `start`, 1 unset): `0.` is 0."""
    start = token.attrGet("start")
    return 1 if start is None else int(str(start))


def content_column(marker: str, spacing: str) -> int:
    """Where an item's text starts, as kramdown's parse_first_list_line counts it: a tab
    after the marker goes on to the next multiple of 4 (`1.<tab>Step`: column 4, not 3)."""
    column = len(marker)
    for character in spacing:
        column += 4 - column % 4 if character == "\t" else 1
    return column


def _goes_on(lines: Lines, box: Box, above: int, first: int) -> bool:
    """kramdown's list at line `above` takes every line up to `first` and `first` as its
    next item (list.rb): the list goes on."""
    indent, after_blank = 0, False
    for number in range(above, first + 1):
        if lines.unsure[number]:
            return True  # Liquid or HTML decides: say nothing
        text = box.line(number, lines.text[number])
        item = _ITEM.match(text)
        lead = len(item[1]) - len(item[1].lstrip(" ")) if item is not None else 0
        if item is not None and lead <= (3 if not indent else min(indent - 1, 3)):
            if number == first:
                return True
            indent, after_blank = content_column(item[1], item[2]), False
        elif not text.strip():
            after_blank = True
        elif number == first or (after_blank and _HR.match(text)):
            return False
        elif text[:indent].strip() == "" and len(text) > indent:
            after_blank = False  # the item's content
        elif after_blank or _NOT_LAZY.match(text):
            return False
    return False


def _fix(lines: Lines, stream: list[Token], box: Box, above: int | None, index: int,
         start: int) -> tuple[list[int], int]:
    """The lines between the list above and this one, to indent to its items' content
    so that one list goes on: when both lists stand at the top of the post, the one
    above ends at `start` - 1, and what is between is text, images, code, HTML, a
    bullet list or a table (not a heading, a rule or a quote)."""
    opened = stream[above] if above is not None else None
    if opened is None or above is None or box.parent is not None or opened.map is None:
        return [], 0
    close = next(i for i in range(above, index) if stream[i].type == "ordered_list_close"
                 and stream[i].level == opened.level)
    items = [t.map[0] for t in stream[above:close] if t.type == "list_item_open" and t.map
             and t.level == opened.level + 1]
    between = [t for t in stream[close + 1:index] if t.level == opened.level and t.nesting >= 0]
    if _start(opened) + len(items) != start or any(t.type not in _MOVABLE for t in between):
        return [], 0
    marker = _ITEM.match(lines.text[items[-1]])
    first = stream[index].map
    if marker is None or first is None:
        return [], 0
    return [n for n in range(opened.map[1], first[0]) if lines.text[n].strip()], content_column(marker[1], marker[2])


@dataclass(frozen=True)
class TextNumbers:
    """Lines `15. Tour of LLMs` inside a paragraph, under a line of text: CommonMark lets only
    a `1.` start a list there, so the preview shows the lines as typed; kramdown ends the
    paragraph at the first and makes a list numbered from 1 (the typed numbers are lost)."""

    first: int  # body line (0-based) of the first such line
    dots: list[tuple[int, int]]  # (body line, 0-based column of the number's dot) of each


def text_numbers(lines: Lines, stream: list[Token]) -> Iterator[TextNumbers]:
    for token in stream:
        if token.type != "paragraph_open" or token.level != 0 or token.map is None:
            continue
        first, stop = token.map
        if any(lines.unsure[first:stop]):
            continue  # Liquid or HTML decides: say nothing
        dots = [(n, len(found[1]) - 1) for n in range(first + 1, stop) if (found := _ITEM.match(lines.text[n]))]
        if dots:
            yield TextNumbers(dots[0][0], dots)


@dataclass(frozen=True)
class ParenList:
    """A `1)` list the preview shows, whose items kramdown (which knows only `1.`) runs
    together into one paragraph: at least two of them stand on adjacent lines."""

    first: int  # body line (0-based) of its first item
    markers: list[tuple[int, int, int]]  # (body line, 0-based columns of the number and of its `)`) of each item


def paren_lists(lines: Lines, stream: list[Token]) -> Iterator[ParenList]:
    for index, token in enumerate(stream):
        if token.type != "ordered_list_open" or token.markup != ")" or token.map is None:
            continue
        items: list[Token] = []
        for later in stream[index + 1:]:
            if later.type == "ordered_list_close" and later.level == token.level:
                break
            if later.type == "list_item_open" and later.level == token.level + 1 and later.map is not None:
                items.append(later)
        starts = [item.map[0] for item in items if item.map is not None]
        if any(lines.unsure[token.map[0]:token.map[1]]) or not any(lines.text[n - 1].strip(" \t>") for n in starts[1:]):
            continue  # Liquid decides, or each item is a paragraph of its own to kramdown: it reads as a list
        found = [(n, lines.text[n].find(item.info + ")"), item.info) for n, item in zip(starts, items, strict=True)]
        if all(at >= 0 for _, at, _ in found):
            yield ParenList(starts[0], [(n, at, at + len(number)) for n, at, number in found])
