"""BC616 indented-heading: a heading the Markdown preview (CommonMark) shows and kramdown
shows as text, its `#` not first on the line as kramdown reads it (`jekyll/text_headings`):
` ## Title` at the top level, `>  # Title` in a quote (more than one space after the `>`),
`   ## Title` under a `- ` item (past the item's text). Part of the `kramdown` check."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import TYPE_CHECKING

from blogcheck.codes import diagnostic
from blogcheck.diagnostic import Diagnostic
from blogcheck.jekyll.kramdown_blocks import Box, Lines
from blogcheck.jekyll.kramdown_indent import as_read
from blogcheck.jekyll.text_headings import as_text
from blogcheck.parse.yaml_hints import as_code
from blogcheck.post import Post
from blogcheck.reporters.controls import visible

if TYPE_CHECKING:
    from markdown_it.token import Token

_WHERE = {"": "at the line's start", "quote": "right after the quote's `>` and one space",
          "item": "where its list item's text starts"}


def indented(post: Post, lines: Lines, stream: list[Token]) -> Iterator[Diagnostic]:
    """BC616 for each heading of the preview whose `#` kramdown reads after spaces or a tab."""
    for found in as_text(lines, stream):
        yield _indented(post, found.number, lines.text[found.number], found.seen, found.place,
                        _code(found.box, found.number, lines.text, found.seen))


def _code(box: Box | None, number: int, text: list[str], seen: str) -> bool:
    """kramdown reads the line as code (a tab, or 4 spaces, before it, and no paragraph
    above it to go on): a tab after a quote's `>`."""
    if box is None or not seen.startswith(("\t", "    ")):
        return False
    above = as_read(box, number - 1, text) if number > box.first else ""
    return not (above or "").strip()


def _indented(post: Post, number: int, text: str, seen: str, place: str, code: bool) -> Diagnostic:
    """The finding on body line `number`, written `text` and read by kramdown in its `place`
    as `seen`: taking out the spaces before the `#` is the fix (none for a tab)."""
    heading = seen.lstrip(" \t")
    at = len(text) - len(heading)  # the `#`, 0-based
    lead = seen[:len(seen) - len(heading)]
    fixable = text[at - len(lead):at] == lead == " " * len(lead)
    start = at - len(lead) if fixable else len(text[:at].rstrip(" \t"))
    line, shown = post.body_line + number, heading.strip() if place else text.strip()
    hint = {"": "take the spaces before the `#` out", "quote": "write one space between the `>` and the `#`",
            "item": f"take out {_spaces(len(lead))} before the `#`, so that it starts under the item's text"}[place]
    if not fixable:
        hint = {"quote": "write one space, no tab, between the `>` and the `#`",
                "item": "indent it with spaces, no tab, as far as the item's text"}.get(place, hint)
    diag = diagnostic("BC616", post.display, line, start + 1,
                      f"{as_code(visible(shown))}: kramdown takes a heading only with its `{heading.split()[0]}` "
                      f"{_WHERE[place]}, so the page shows this line as {'code' if code else 'text'} (the Markdown "
                      "preview shows a heading)", hint + " (check --fix does)" * fixable,
                      **({"fix": [[line, start + 1, lead, ""]]} if fixable else {}))
    return dataclasses.replace(diag, end_line=line, end_column=at + 1)


def _spaces(count: int) -> str:
    return "the space" if count == 1 else f"the {count} spaces"
