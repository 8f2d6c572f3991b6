"""Liquid's whitespace control that takes away the line breaks Markdown reads (BC511).

`{%-` and `{{-` remove every space and line break before the tag, `-%}` and `-}}` every
one after it, before Markdown reads the text. In a layout that only tidies the HTML; in
a post it can join what Markdown keeps apart (checked with Jekyll 4.3):

- a blank line removed: two paragraphs, a paragraph and a list, run together into one
  (`Para two\\n\\n{%- for i in x -%}\\n- item` gives `Para two- item 1- item 2`);
- the line break before a line that starts a block (`- item`, `# Heading`, a code
  fence, `> quote`, a table row) removed, where text stands before the tag on its line:
  the block's mark is no longer at a line's start, and shows as text;
- the line break after a heading or a code fence removed: what follows joins the
  heading, or the fence no longer closes (the rest of the post becomes code).

Only whitespace next to text is judged (a tag at the post's start or end, or next to
another tag, is left alone)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from blogcheck.links.liquid import Tag

_BLOCK = re.compile(r"(?:[-*+]\s|\d{1,9}[.)]\s|#{1,6}(?:\s|$)|`{3,}|~{3,}|>|\|)")
_SPACE = re.compile(r"\s*")
_STOPS = re.compile(r"\s*(?:#{1,6}(?:\s|$)|`{3,}|~{3,})")  # a line nothing may join: a heading, a fence


@dataclass(frozen=True)
class Problem:
    tag: Tag
    message: str


def problems(body: str, tags: list[Tag]) -> list[Problem]:
    """The tags (in the text, in order) whose whitespace control joins Markdown's blocks."""
    found: list[Problem] = []
    for tag in tags:
        written = body[tag.start:tag.end]
        why = ""
        if written[2:3] == "-":
            why = _before(body, tag)
        if not why and written[-3:-2] == "-":
            why = _after(body, tag)
        if why:
            found.append(Problem(tag, why))
    return found


def _before(body: str, tag: Tag) -> str:
    start = tag.start
    while start > 0 and body[start - 1].isspace():  # (no slice of the text before: many tags, linear time)
        start -= 1
    gap = body[start:tag.start]
    if "\n" not in gap or start == 0 or body[start - 1] in "}":  # no line break, the post's start, a tag's end
        return ""
    rest = body[tag.end:_line_end(body, tag.end)]
    if not (tag.output or rest.strip() or body[tag.end - 3] == "-"):
        return ""  # nothing ends up on the line above: the tag writes nothing, and its line ends there
    if _blank(gap):
        return (f"`{_mark(body, tag, True)}` removes the blank line before it: the block above and what the tag "
                "writes run together into one paragraph")
    line = body[body.rfind("\n", 0, start) + 1:start]
    if _STOPS.match(line):
        return (f"`{_mark(body, tag, True)}` removes the line break after `{line.strip()[:30]}`: what the tag writes "
                "joins that line (a heading's text, or a code fence that then no longer opens or closes)")
    return ""


def _after(body: str, tag: Tag) -> str:
    end = _SPACE.match(body, tag.end).end()  # type: ignore[union-attr] # (it matches "" at least)
    gap = body[tag.end:end]
    if "\n" not in gap or end == len(body) or body.startswith(("{{", "{%"), end):
        return ""
    line_start = body.rfind("\n", 0, tag.start) + 1
    alone = not body[line_start:tag.start].strip() and not tag.output and body[tag.start + 2] != "-"
    if alone and _blank(gap) and _opens_block(body, line_start):
        return ""  # on a line of its own after a blank line: what follows starts a block there all the same
    if _blank(gap):
        return (f"`{_mark(body, tag, False)}` removes the blank line after it: the tag's line and the block below run "
                "together into one paragraph")
    if not alone and _BLOCK.match(body, end):
        following = body[end:_line_end(body, end)]
        return (f"`{_mark(body, tag, False)}` removes the line break before `{following.strip()[:30]}`, which then no "
                "longer starts a line: Markdown shows its mark as text")
    return ""


def _line_end(body: str, at: int) -> int:
    end = body.find("\n", at)
    return end if end >= 0 else len(body)


def _opens_block(body: str, line_start: int) -> bool:
    """The line at `line_start` is the post's first, or follows a blank line."""
    previous = body[body.rfind("\n", 0, max(line_start - 1, 0)) + 1:max(line_start - 1, 0)]
    return line_start == 0 or not previous.strip()


def _blank(gap: str) -> bool:
    return re.search(r"\n[ \t]*\n", gap) is not None


def _mark(body: str, tag: Tag, left: bool) -> str:
    written = body[tag.start:tag.end]
    return written[:3] if left else written[-3:]
