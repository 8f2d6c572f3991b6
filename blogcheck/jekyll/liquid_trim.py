"""Liquid's whitespace control that takes away the line breaks Markdown reads (BC511).

`{%-` and `{{-` remove every space and line break before the tag, `-%}` and `-}}` every
one after it, before Markdown reads the text. In a layout that only tidies the HTML; in
a post it can join what Markdown keeps apart (checked with Jekyll 4.3):

- a blank line removed: two paragraphs, a paragraph and a list, run together into one
  (`Para two\\n\\n{%- for i in x -%}\\n- item` gives `Para two- item 1- item 2`);
- the line break before a line that starts a block (`- item`, `# Heading`, a code
  fence, `> quote`, a table row, an HTML block, a kramdown `{: .class}`) removed, where
  text stands before the tag on its line, or the indentation of such a line removed: the
  block's mark is no longer at a line's start (or a nested item is not nested);
- the line break after a heading, a code fence, a setext underline or a table row
  removed, or the one ending such a line a tag stands on: what follows joins it;
- a loop whose tags take away both line breaks around its body (`{% for -%}` and
  `{%- endfor %}`): the turns are written with nothing between them
  (`- item 1- item 2`).

Not judged: whitespace next to the post's start or end or next to another tag, the
branch tags (`else`, `elsif`, `when`: the text on their other side is another branch's),
and `highlight` (Jekyll writes line breaks around highlighted code)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from blogcheck.links.liquid import Tag

_BLOCK = re.compile(r"(?:[-*+]\s|\d{1,9}[.)]\s|#{1,6}(?:\s|$)|`{3,}|~{3,}|>|\||\{:|<(?:div|table|p|ul|ol|dl|details|"
                    r"figure|section|blockquote|pre|h[1-6])\b)", re.IGNORECASE)
_MARKED = re.compile(r"(?:[-*+]\s|\d{1,9}[.)]\s|#{1,6}(?:\s|$)|`{3,}|~{3,}|>|\|)")  # Markdown's own marks
_UNDERLINE = re.compile(r"(?:=+|-+)[ \t\r]*(?:\n|$)")  # a setext heading's: it must start its line
_STOPS = re.compile(r"\s*(?:#{1,6}(?:\s|$)|`{3,}|~{3,}|=+\s*$|-{2,}\s*$|\|)")  # lines nothing may join
_SPACE = re.compile(r"\s*")
_INDENT = re.compile(r"[ \t]*")
_BLANK = re.compile(r"\n[ \t\r]*\n")
_QUIET = frozenset({"else", "elsif", "when", "highlight", "endhighlight"})
_LOOPS = frozenset({"for", "tablerow"})


@dataclass(frozen=True)
class Problem:
    tag: Tag
    message: str


def problems(body: str, tags: list[Tag]) -> list[Problem]:
    """The tags (in the text, in order) whose whitespace control joins Markdown's blocks."""
    found: list[Problem] = []
    opened: list[Tag] = []  # loops open at this tag
    for tag in tags:
        if not tag.output and tag.name in _QUIET:
            continue
        left, right = body[tag.start + 2] == "-", body[tag.end - 3] == "-"
        why = (_before(body, tag, right) if left else "") or (_after(body, tag) if right else "")
        if tag.output and tag.markup.strip() in ('""', "''"):
            why = ""  # `{{- '' }}` writes nothing, on purpose
        if not tag.output and tag.name in _LOOPS:
            opened.append(tag)
        elif not tag.output and tag.name in ("endfor", "endtablerow") and opened:
            loop = opened.pop()  # (always: a loop left open here would pair with the next end tag)
            why = why or (_turns(body, loop, tag) if left else "")
        if why:
            found.append(Problem(tag, why))
    return found


def _before(body: str, tag: Tag, right: bool) -> str:
    start = tag.start
    while start > 0 and body[start - 1].isspace():  # (no slice of the text before: many tags, linear time)
        start -= 1
    gap = body[start:tag.start]
    if "\n" not in gap or start == 0 or body[start - 1] == "}":  # no line break, the post's start, a tag's end
        return ""
    end = _line_end(body, tag.end)
    # something stands on the tag's line after it (what follows a `capture` is captured, not written)
    writes = tag.output or (tag.name != "capture" and (body[tag.end:end].strip() or right))
    mark = body[tag.start:tag.start + 3]
    if _BLANK.search(gap) and (writes or not (_blank_line_at(body, end) or _BLOCK.match(body, end + 1))):
        return f"`{mark}` removes the blank line before it: the block above and what follows run together"
    line = body[body.rfind("\n", 0, start) + 1:start]
    if writes and _STOPS.match(line):
        return (f"`{mark}` removes the line break after `{line.strip()[:30]}`: what follows joins that line (a "
                "heading's text, a table row, or a code fence that then no longer opens or closes)")
    return ""


def _after(body: str, tag: Tag) -> str:
    end = _SPACE.match(body, tag.end).end()  # type: ignore[union-attr] # (it matches "" at least)
    gap = body[tag.end:end]
    if "\n" not in gap or end == len(body) or body.startswith(("{{", "{%"), end):
        return ""
    mark = body[tag.end - 3:tag.end]
    line_start = body.rfind("\n", 0, tag.start) + 1
    before = body[line_start:tag.start]
    alone = not before.strip() and not tag.output and body[tag.start + 2] != "-"
    following = body[end:_line_end(body, end)].strip()[:30]
    if _BLANK.search(gap):
        if alone and _opens_block(body, line_start):
            return ""  # on a line of its own after a blank line: what follows starts a block there all the same
        return f"`{mark}` removes the blank line after it: the tag's line and the block below run together"
    if not alone and _STOPS.match(before):
        return f"`{mark}` removes the line break that ends its line: `{following}` joins it"
    if not alone and (_BLOCK.match(body, end) or _UNDERLINE.match(body, end)):
        return (f"`{mark}` removes the line break before `{following}`, which then no longer starts a line: "
                "Markdown shows its mark as text")
    lost = len(gap[gap.rfind("\n") + 1:].expandtabs(4))
    kept = len(_INDENT.match(before)[0].expandtabs(4)) if alone else 0  # type: ignore[index] # (matches "")
    code = lost >= kept + 4 and not _BLOCK.match(body, end)  # indented code no more
    if alone and (code or (lost > kept and _nested(body, line_start, end))):
        return (f"`{mark}` removes the indentation of `{following}`: it is no longer indented code, or no longer "
                "nests in the item above")
    return ""


def _nested(body: str, line_start: int, end: int) -> bool:
    """The line at `end` is a bulleted item under one with the same bullet on the line
    above `line_start`: without its indentation it becomes the next item, not a nested one."""
    above = body[body.rfind("\n", 0, max(line_start - 1, 0)) + 1:max(line_start - 1, 0)].lstrip()
    return bool(above[:2] in ("- ", "* ", "+ ") and body.startswith(above[:2], end))


def _turns(body: str, loop: Tag, end: Tag) -> str:
    """`{%- endfor %}` takes away the line breaks at the end of the loop's body: with the
    `-%}` of `{% for -%}` taking those at its start, each turn is written right after
    the one before, on its line; without it, a blank line the writer left between the
    turns is gone, and their paragraphs run together."""
    inner = body[loop.end:end.start]
    first = inner.lstrip()
    lead, trail = inner[:len(inner) - len(first)], inner[len(inner.rstrip()):]
    line = first.splitlines()[0].strip()[:30] if first.strip() else ""
    if body[loop.end - 3] == "-" and "\n" in lead + trail and _MARKED.match(first):
        return (f"`{{%- {end.name}` and the `-%}}` of its `{{% {loop.name} %}}` remove the line breaks around the "
                f"loop's body: each turn's `{line}` joins the line of the turn before")
    if body[loop.end - 3] != "-" and _BLANK.search(trail) and not _BLANK.search(lead) and "\n" in lead and \
            line and not _BLOCK.match(first):
        return (f"`{{%- {end.name}` removes the blank line that ends the loop's body: each turn's `{line}` runs "
                "together with the turn before, in one paragraph")
    return ""


def _line_end(body: str, at: int) -> int:
    end = body.find("\n", at)
    return end if end >= 0 else len(body)


def _blank_line_at(body: str, end: int) -> bool:
    """The line after the one ending at `end` is blank, or there is none."""
    return end >= len(body) or not body[end + 1:_line_end(body, end + 1)].strip()


def _opens_block(body: str, line_start: int) -> bool:
    """The line at `line_start` is the post's first, or follows a blank line."""
    previous = body[body.rfind("\n", 0, max(line_start - 1, 0)) + 1:max(line_start - 1, 0)]
    return line_start == 0 or not previous.strip()
