"""Where kramdown, which Jekyll runs, and the preview a writer reads disagree about
tables (see `kramdown_blocks` for the lines and containers kramdown sees).

kramdown 2.4 (`parser/kramdown/table.rb`) tries a table, before a paragraph and
after lists, quotes, code, headings, rules, HTML and block math, at each line that
opens a block after a boundary (a blank line, or the start of the post, a list item
or a quote) and holds a `|` that is not escaped. The table takes the lines after it
while each holds a `|`, and must end at a boundary; no header separator is needed.
So a paragraph whose every line holds a `|` outside code (`P(Y|X) is the
posterior.`, `<|endoftext|>`, `[MLOps | Specialization](...)`) is a table of cells
on the page, its `|` gone, where the preview shows the paragraph; and a GFM table
right under a line of text, or with a line of text under it, or with no row under
its header, is a paragraph of pipes and dashes on the page, where the preview shows
the table."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from blogcheck.jekyll.kramdown_blocks import MARKER, Box, Lines, boxes, innermost
from blogcheck.jekyll.kramdown_pipes import pipe_on_every_line, pipes

if TYPE_CHECKING:
    from markdown_it.token import Token

_TABLE_OR_TEXT = frozenset({"paragraph_open", "table_open"})  # blocks no parser before the table one takes
_SEPARATOR = frozenset("+|:- \t")
_PIPE = re.compile(r"^\||[^\\\n]\|")  # kramdown's TABLE_PIPE_CHECK: a `|` not after a backslash


@dataclass(frozen=True)
class Table:
    """A table kramdown makes: body lines `first` to `stop` (0-based, `stop` excluded)."""

    first: int
    stop: int
    shown: bool  # the preview shows a table there too (a GFM table starts on `first`)
    meant: bool  # written as a table: a line starts with `|`, or is a `---|---` separator
    lines: Lines = field(repr=False, compare=False)

    @functools.cached_property
    def _read(self) -> dict[int, tuple[list[int], bool]]:
        return {n: pipes(self.lines.text[n]) for n in range(self.first, self.stop)}

    @property
    def pipes(self) -> dict[int, list[int]]:
        """Line -> 0-based columns of its cell-splitting pipes outside code and HTML."""
        return {n: columns for n, (columns, _) in self._read.items()}

    @property
    def escapable(self) -> bool:
        """Every pipe can be written `\\|`: none in `$$ ... $$` math (where `\\|` is `‖`)
        or in an autolink (where it would change the URL)."""
        in_math = any(_in_math(self.lines.text[n], columns) for n, columns in self.pipes.items())
        return not in_math and all(ok for _, ok in self._read.values())


def read(lines: Lines, stream: list[Token]) -> tuple[list[Table], list[Unrendered]]:
    """The tables kramdown makes of the body, and the preview's tables it makes none of."""
    if not any(t.type == "table_open" or (t.type == "inline" and "|" in t.content) for t in stream):
        return [], []  # every `|` is in code or HTML: no table to make
    root, starting = boxes(lines, stream)
    made = _tables(lines, stream, root, starting)
    return made, list(_unrendered(lines, stream, made, root))


def _tables(lines: Lines, stream: list[Token], root: Box, starting: dict[int, list[str]]) -> list[Table]:
    gfm = {token.map[0] for token in stream if token.type == "table_open" and token.map}
    within = {n for token in stream if token.type == "paragraph_open" and token.map
              for n in range(token.map[0] + 1, token.map[1])}  # the lines of a paragraph after its first
    found: list[Table] = []

    def visit(box: Box) -> None:
        line = box.first
        while line < box.stop:
            child = box.child_at(line)
            if child is not None and (line != child.first or child.unsure):
                line = child.stop
                continue
            if line > box.first and lines.unsure[line - 1] and box.text(lines, line):
                line = _next_blank(lines, line, box)  # a table might start here, and take lines up to a blank one
                continue
            types = starting.get(line, [])
            kind = types[box.depth] if line == box.first and box.depth < len(types) else (types or [""])[0]
            kind = kind or ("paragraph_open" if line in within else "")  # a `{: .note}` line ends a block
            at_boundary = line == box.first or box.blank(lines, line - 1)
            table = _table(lines, line, box, gfm) if at_boundary and kind in _TABLE_OR_TEXT else None
            if isinstance(table, int):
                line = table  # a table might stand here or not: its lines are left alone
            elif table is not None:
                found.append(table)
                line = table.stop
            elif child is not None:
                visit(child)
                line = child.stop
            else:
                line += 1

    visit(root)
    return found


def _next_blank(lines: Lines, line: int, box: Box) -> int:
    return next((n for n in range(line, box.stop) if not box.text(lines, n)), box.stop)


@dataclass(frozen=True)
class Unrendered:
    """A GFM table of the preview that kramdown shows as text, and why."""

    first: int  # body line (0-based) of its header row
    blank_before: bool  # kramdown needs a blank line above it
    blank_at: int | None  # ... and one before this body line (a line of text under the rows), if any
    no_body: bool  # it has no row under its header, and kramdown drops such a table


def _unrendered(lines: Lines, stream: list[Token], made: list[Table], root: Box) -> Iterator[Unrendered]:
    """The GFM tables of the preview that kramdown makes no table of."""
    starts = [t.first for t in made]  # in order: found top to bottom
    for token in stream:
        if token.type != "table_open" or token.map is None:
            continue
        first, stop = token.map
        at = bisect.bisect_right(starts, first) - 1  # the last table kramdown makes from here up
        if any(lines.unsure[max(first - 1, 0):stop + 1]) or (at >= 0 and first < made[at].stop):
            continue
        if MARKER.match(lines.text[first].lstrip(" \t>")):
            continue  # a header row that starts like a list item: the preview's reading is in doubt
        box = innermost(root, first)
        if box.in_unsure():
            continue
        end = first
        while end < box.stop and box.text(lines, end) and _PIPE.search(lines.text[end]):
            end += 1
        blank_at = end if end < box.stop and not box.blank(lines, end) else None
        rows = [box.line(n, lines.text[n]) for n in range(first, end)]
        before, body = first != box.first and not box.blank(lines, first - 1), _has_body(rows)
        if before or blank_at is not None or not body:
            yield Unrendered(first, before, blank_at, not body)


def _table(lines: Lines, first: int, box: Box, gfm: set[int]) -> Table | int | None:
    """kramdown's table parse at `first` (table.rb): lines while each holds a `|`, then a
    boundary or the container's end; a `|` outside code and HTML on every line; a row
    under the header. The end of its lines when Liquid or HTML leaves that unknown."""
    split = _item_split(lines, box, first)
    limit = box.stop if split is None else split
    end = first
    while end < limit and box.text(lines, end) and _PIPE.search(lines.text[end]):
        end += 1
    if end > first and end < len(lines.unsure) and lines.unsure[end]:
        return end
    if end == first or (end < limit and not box.blank(lines, end)):
        return None
    rows = [box.line(n, lines.text[n]) for n in range(first, end)]
    if _math_block(lines, first, box, rows[0].lstrip(" ")):
        return None
    if not pipe_on_every_line("\n".join(rows)) or not _has_body(rows):
        return None
    meant = any(row.lstrip().startswith("|") or _separator(row) for row in rows)
    return Table(first, end, first in gfm, meant, lines)


def _item_split(lines: Lines, box: Box, first: int) -> int | None:
    """Where kramdown splits a list item: its first lines, then a nested list with no blank
    line before it. list.rb reads the lines before the nested list as a document of their
    own, so they end at a boundary (`* `opts` {Object|string}` with `  * `encoding`` under
    it, as Node.js's API docs write every option). None when the item is not split there."""
    if box.kind != "item" or first != box.first or MARKER.match(box.line(first, lines.text[first])):
        return None
    nested = next((child.first for child in box.children if child.kind == "item"), None)
    if nested is None or any(not box.text(lines, n) for n in range(first, nested)):
        return None
    seen = lines.text[nested] if box.parent is None else box.parent.line(nested, lines.text[nested])
    return nested if len(seen) > box.indent and seen[:box.indent].isspace() else None  # indented: nested, not lazy


def _in_math(line: str, columns: list[int]) -> bool:
    """A pipe at one of `columns` lies between `$$` and `$$`."""
    marks = [found.start() for found in re.finditer(r"\$\$", line)]
    return any(bisect.bisect_left(marks, column) % 2 for column in columns)


def _math_block(lines: Lines, first: int, box: Box, row: str) -> bool:
    """kramdown's block math, tried before tables: `$$` opening the block, the next `$$`
    ending a line, and a boundary after it (block_math.rb)."""
    if not row.startswith("$$"):
        return False
    close, line = row.find("$$", 2), first
    if close < 0:
        at = bisect.bisect_right(lines.dollars, first)
        line = lines.dollars[at] if at < len(lines.dollars) else box.stop
        if line >= box.stop:
            return False
        row = box.line(line, lines.text[line])
        close = row.find("$$")
    return close >= 0 and not row[close + 2:].strip() and (line + 1 >= box.stop or box.blank(lines, line + 1))


def _has_body(rows: list[str]) -> bool:
    """kramdown drops a table without body rows: the rows above its first separator
    line (after a row) are its header."""
    row_seen = header = False
    for row in rows:
        if not _separator(row):
            if header:
                return True
            row_seen = True
        elif row_seen:
            header = True
    return row_seen and not header


def _separator(line: str) -> bool:
    return "-" in line and "|" in line and set(line) <= _SEPARATOR
