"""Fenced code whose lines kramdown keeps indented where the preview does not.

CommonMark takes a fence's own indentation (up to 3 spaces, inside its list item or
quote) off each line of its code; kramdown takes off only the list item's and keeps the
rest (`codeblock_fenced`, kramdown-parser-gfm). A ```` ```python ```` written 4 spaces
under a `- ` item (a common habit) reaches the page with every line 2 spaces to the
right: pasted into Python, `IndentationError: unexpected indent`. (Found comparing every
code block of the corpus as kramdown and the preview render it: two posts.)"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from blogcheck.jekyll.kramdown_blocks import Lines, boxes, innermost

if TYPE_CHECKING:
    from markdown_it.token import Token


@dataclass(frozen=True)
class Shifted:
    """A fence indented `by` spaces inside its box, whose code kramdown shows that much
    further right than the preview does."""

    first: int  # body line (0-based) of the opening fence
    by: int
    dedent: list[tuple[int, int, int]]  # (body line, 0-based column, spaces) to take out so both agree
    place: str = "item"  # in a list "item", at the top level "after-list" (right after one) or at the "top"


def shifted(lines: Lines, stream: list[Token]) -> Iterator[Shifted]:
    root = None
    for at, token in enumerate(stream):
        if token.type != "fence" or token.map is None:
            continue
        first, stop = token.map
        if any(lines.unsure[first:stop]) or any("\t" in lines.text[n] for n in range(first, stop)):
            continue  # Liquid, HTML or a tab decides: say nothing
        root = root or boxes(lines, stream)[0]
        box = innermost(root, first)
        if box.in_unsure() or box.kind == "quote":
            continue
        seen = [box.line(n, lines.text[n]) for n in range(first, stop)]
        by = len(seen[0]) - len(seen[0].lstrip(" "))
        if not 1 <= by <= 3 or not any(text[:1] == " " for text in seen[1:-1]):
            continue  # not indented, or no line of code the two readers show otherwise
        dedent = []
        for offset, text in enumerate(seen):
            spaces = min(by, len(text) - len(text.lstrip(" ")))
            if spaces:
                number = first + offset
                dedent.append((number, len(lines.text[number]) - len(text), spaces))
        after = at > 0 and stream[at - 1].type in ("bullet_list_close", "ordered_list_close")
        yield Shifted(first, by, dedent, "item" if box.kind == "item" else "after-list" if after else "top")
