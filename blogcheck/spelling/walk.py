"""Placing a block's inline children in its source lines, left to right (prose.py):
markdown-it's inline tokens carry no columns, so each construct (a tag, a code span,
an autolink, a link's target) is passed where it is written, and no prose word is
ever looked for inside one."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from blogcheck.parse.markdown import Cursor, parser

if TYPE_CHECKING:
    from markdown_it.token import Token


@dataclass
class Walk:
    """Places a block's inline children in its source lines, left to right. Each
    construct is passed where it is written (a tag, a code span, a link's target),
    so no text is ever looked for inside one. `lost`: one could not be passed for
    sure, so every later place in the block is a guess."""

    cursor: Cursor
    lost: bool = False
    code: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)  # (line, column) 0-based

    def at(self, found: tuple[int, int]) -> tuple[int, int]:
        """A found (file line, 1-based column) as (body line, 0-based column)."""
        return found[0] - self.cursor.body_line, found[1] - 1

    def enter(self, content: str) -> tuple[int, int] | None:
        """Go to a table cell's text as written; its end, to go on from after it."""
        found = self.cursor.find(content) if content else None
        if found is None:
            self.lost = self.lost or bool(content)
            return None
        line, column = self.at(found)
        self.cursor.move_to(line, column)
        return line, column + len(content)

    def verbatim(self, text: str) -> None:
        """Past `text`, written as it is, over one line or more (an inline HTML tag)."""
        for part in text.split("\n"):
            if part.strip() and self.cursor.find(part.strip()) is None:
                self.lost = True
                return

    def code_span(self, token: Token) -> None:
        """Past a code span: from its opening run of backticks to the closing one."""
        run = len(token.markup)
        opener = self.cursor.search(re.compile(f"`{{{run}}}(?!`)"))
        closer = self.cursor.search(re.compile(f"(?<!`)`{{{run}}}(?!`)")) if opener else None
        if opener is None or closer is None:
            self.lost = True
            return
        start, (line, column) = self.at(opener), self.at(closer)
        self.code.append((start, (line, column + run)))
        if start[0] == line:  # on one line, what is between must be the span's text
            inside = self.cursor.lines[line][start[1] + run: column]
            self.lost = self.lost or token.content not in (inside, inside[1:-1])

    def autolink(self, href: str) -> None:
        """Past `<url>`, when it is the URL of `href`."""
        found = self.cursor.find("<")
        if found is None:
            self.lost = True
            return
        line, column = self.at(found)
        row = self.cursor.lines[line]
        end = row.find(">", column)
        url = row[column + 1: end] if end > 0 else ""
        md = parser()
        if not url or href not in (md.normalizeLink(url), md.normalizeLink("mailto:" + url)):
            self.lost = True
            return
        self.cursor.move_to(line, end + 1)

    def target(self, href: str, title: str) -> bool:
        """Past the end of a link's or image's text and its target: `](url "title")`
        (checked against the token's, as markdown-it wrote them), `][label]` or `]`.
        Whether the text is also the link's label (`[text]`, `[text][]`), or may be."""
        found = self.cursor.find("]")
        line, column = self.at(found) if found else (0, 0)
        end = _target_end(self.cursor.lines[line], column + 1, href, title) if found else None
        if end is None:
            self.lost = True
            return True
        self.cursor.move_to(line, end)
        return end == column + 1 or self.cursor.lines[line][column + 1: end] == "[]"


def _target_end(line: str, at: int, href: str, title: str) -> int | None:
    """Where the target that starts at `line[at]`, after a link text's `]`, ends;
    None when that is not sure (a target written over two lines)."""
    if line.startswith("(", at):
        end = _inline_end(line, at + 1, href, title)
        if end != -1:
            return end
    if line.startswith("[", at):
        from markdown_it.rules_inline import StateInline

        label = parser().helpers.parseLinkLabel(StateInline(line, parser(), {}, []), at)
        return label + 1 if label >= 0 else None
    return at  # `[text]`: a shortcut reference, or `[text](...)` that is no target


def _inline_end(line: str, at: int, href: str, title: str) -> int | None:
    """The end of `url "title")` from `at`, when it is `href` and `title`; -1 when it
    is no target at all (markdown-it then read `[text]` as a reference)."""
    helpers, pos = parser().helpers, _space(line, at)
    if pos >= len(line):
        return None  # the target is on the next line
    url = helpers.parseLinkDestination(line, pos, len(line))
    if not url.ok:
        return -1
    same, start = parser().normalizeLink(url.str) == href, url.pos
    pos = _space(line, start)
    written = ""
    if start < pos < len(line):
        found = helpers.parseLinkTitle(line, pos, len(line))
        if found.ok:
            written, pos = found.str, _space(line, found.pos)
    if pos < len(line) and line[pos] == ")":
        return pos + 1 if same and written == title else None
    return None if same else -1


def _space(line: str, at: int) -> int:
    while at < len(line) and line[at] in " \t":
        at += 1
    return at
