"""BC621 code-swallows-line: the lines right under an indented code block, which kramdown
makes part of the code and the Markdown preview shows as text, a list, a heading...
(`jekyll/kramdown_lazy_code`). Part of the `kramdown` check."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from blogcheck.codes import diagnostic
from blogcheck.diagnostic import Diagnostic
from blogcheck.jekyll.kramdown_indent import as_read
from blogcheck.jekyll.kramdown_lazy_code import MAY_HOLD, Swallowed, swallowed
from blogcheck.parse.yaml_hints import as_code
from blogcheck.post import Post
from blogcheck.reporters.controls import visible

if TYPE_CHECKING:
    from markdown_it.token import Token

    from blogcheck.jekyll.kramdown_blocks import Lines

CODES = ["BC621"]
_QUOTE = re.compile(r" {0,3}>")  # a quote's own `>`, without the space after it


def wanted(body: str) -> bool:
    return MAY_HOLD.search(body) is not None


def found(post: Post, lines: Lines, raw: list[str],
          stream: list[Token]) -> Iterator[tuple[Diagnostic, tuple[int, ...]]]:
    """Each finding, with the lines it is about besides its own: the rest of its run."""
    for run in swallowed(lines, stream):
        yield _swallowed(post, lines, raw, run), tuple(post.body_line + n for n in range(run.first + 1, run.stop))


def _swallowed(post: Post, lines: Lines, raw: list[str], run: Swallowed) -> Diagnostic:
    text = raw[run.first].rstrip("\r")
    line = post.body_line + run.first
    more = run.stop - run.first - 1
    rest = f" (and the {more} line{'s' * (more != 1)} under it)" if more else ""
    insert = _blank_line(lines, run)
    hint = "put a blank line between the code and this line" + (" (check --fix does)" if insert is not None else
                                                                  _WITHHELD.get(run.place, ""))
    diag = diagnostic("BC621", post.display, line, 1,
                      f"{as_code(visible(text.strip()))}: kramdown makes this line{rest} part of the code block "
                      f"above, joined to its last line (the Markdown preview shows {run.shown})", hint,
                      **({"fix": [[line, 1, "", insert]]} if insert is not None else {}))
    return dataclasses.replace(diag, end_line=line, end_column=len(text) + 1)


_WITHHELD = {"quote": " (by hand, a line of `>` alone: check --fix does only in a quote at the top level, "
                      "with `>` on this line)",
             "item": " (by hand: indent it as far as the item's text first, or it leaves the list)"}


def _blank_line(lines: Lines, run: Swallowed) -> str | None:
    """What `--fix` puts above the run's first line: a blank line, or `>` alone in a quote;
    None when that would move the line out of its list item or quote (jekyll asked)."""
    box, number = run.box, run.first
    if box.kind == "":
        return "\n"
    if box.parent is None or box.parent.kind != "":
        return None  # nested: not replayed
    if box.kind == "quote":
        mark = _QUOTE.match(lines.text[number])
        return None if mark is None else mark[0] + "\n"
    seen = as_read(box, number, lines.text)
    return "\n" if seen is not None and seen != lines.text[number] else None  # indented as the item's text
