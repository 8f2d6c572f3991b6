"""The headings the Markdown preview (CommonMark) shows and kramdown shows as text: their
`#` is not first on the line as kramdown reads it (`kramdown_indent.as_read`): ` ## Title`
at the top level, `>  # Title` in a quote, `   ## Title` under a `- ` item, past its text
(checked with `jekyll build`). BC616 reports them, and the page gives them no id."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from blogcheck.jekyll.kramdown_blocks import Box, Lines, boxes, innermost, read
from blogcheck.jekyll.kramdown_indent import as_read

if TYPE_CHECKING:
    from markdown_it.token import Token

# a line where CommonMark may see a heading with something before its `#`: a body with none holds none
MAY_HOLD = re.compile(r"^[ \t>*+\d.-]*[ \t]#{1,6}(?:[ \t]|$)", re.M)


@dataclass(frozen=True)
class TextHeading:
    number: int  # its body line, 0-based
    box: Box | None  # the quote or list item it is in; None at the top level
    seen: str  # its line as kramdown reads it there

    @property
    def place(self) -> str:
        """"" at the top level, "quote" or "item"."""
        return "" if self.box is None else self.box.kind


def as_text(lines: Lines, stream: list[Token]) -> Iterator[TextHeading]:
    """Each `#` heading of `stream` (the block tokens of `lines.rendered`) that kramdown
    reads after spaces or a tab, so shows as text; none on a line that may be anything
    to kramdown (`Lines.unsure`)."""
    root: Box | None = None
    for token in stream:
        if token.type != "heading_open" or not token.markup.startswith("#") or token.map is None \
                or any(lines.unsure[token.map[0]:token.map[1]]):
            continue
        number, box = token.map[0], None
        if token.level:
            root = root or boxes(lines, stream)[0]
            box = innermost(root, number)
            if box.in_unsure():
                continue
        seen = lines.text[number] if box is None else as_read(box, number, lines.text)
        # no text, no heading to kramdown either: `#` shows as typed, however placed
        if seen is not None and seen[:1] in (" ", "\t") and seen.lstrip(" \t")[:1] == "#" and seen.strip("# \t"):
            yield TextHeading(number, box, seen)


def in_body(body: str) -> list[TextHeading]:
    """`as_text` of a post's body, parsed as the markup checks parse it (the parse is shared)."""
    if MAY_HOLD.search(body) is None:
        return []
    lines, stream, _ = read(body)
    return list(as_text(lines, stream))
