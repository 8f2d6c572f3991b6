"""Prose spans of a post, each with its file line and column.

From the markdown-it token stream: the text of paragraphs, headings, list items,
table cells, link text and image alt text, and the text readers see in raw HTML
blocks. Never code (fenced, indented or inline), HTML tags and attributes,
autolinks or link targets. Liquid (`{% %}`, `{{ }}`, and whole
`highlight`/`raw`/`comment` blocks), kramdown attribute lists (`{: .x}`) and
TeX math are masked first with no-break spaces, so every column stays true.
Front-matter `title`, `description` and `excerpt` values come first."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from blogcheck.links.html import markdown_from, markdown_inside
from blogcheck.parse import kramdown_comments
from blogcheck.parse.markdown import Cursor, line_tokens, tokens, tokens_where
from blogcheck.spelling.html_text import hides, joins, pieces
from blogcheck.spelling.tokens import REPEAT, WORD

if TYPE_CHECKING:
    from markdown_it.token import Token

    from blogcheck.post import Post

FRONT_KEYS = ("title", "description", "excerpt")
# Each alternative stops at the next opener of its kind, so a file full of unclosed
# `{%` or `{{` costs linear time, not quadratic.
_MASK = re.compile(
    kramdown_comments.COMMENT + r"|"  # kramdown's `{::comment} ... {:/}`: an HTML comment on the page
    r"\{%-?\s*(highlight|raw|comment)\b(?:(?!\{%-?\s*\1\b).)*?\{%-?\s*end\1\s*-?%\}"  # not prose inside
    r"|\{%(?:[^{%]|\{(?!%)|%(?!\}))*%\}"  # Liquid tags
    r"|\{\{(?:[^{}]|\{(?!\{)|\}(?!\}))*\}\}"  # Liquid output
    r"|\{::?[^{}\n]*\}"  # kramdown IAL / extensions
    r"|\{#[^{}\s]+\}"  # kramdown header id: `## Background {#background}`
    r"|\[\^[^\]\s]+\]"  # footnote marker `[^note-label]`: shown as a number
    r"|\$\$[^$]*(?:\$(?!\$)[^$]*)*\$\$"  # display math
    # inline TeX: a TeX character before the next `$` (a lookahead: `[^$\n]*?[\\^_{}=][^$\n]*?` tried the
    # rest of the line again from each such character, quadratic on a long line after a lone `$`)
    r"|(?<![\\$\w])\$(?=\S)(?=[^$\n]*[\\^_{}=])[^$\n]*(?<=\S)\$(?![\w$])",
    re.DOTALL,
)
_GLUED = re.compile(r"^\S+")
_GLUED_END = re.compile(r"\S+$")
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")  # what a backslash can escape in Markdown
_ALT = 1 << 40  # block numbers of image alt texts start here
_NESTED = 1 << 41  # and those of Markdown inside HTML blocks
_SKIP_INLINE = {"code_inline", "html_inline", "softbreak", "hardbreak"}


@dataclass(frozen=True)
class Span:
    text: str
    line: int  # file line of text[0], 1-based
    column: int  # file column of text[0], 1-based
    block: int  # spans of one paragraph, heading or cell share it
    joined: bool  # follows the previous span of its block across a line break only
    where: str  # "body", or the front-matter key
    exact: bool = True  # False: found chunk by chunk, so its place is a best guess (never auto-fixed)


def mask(body: str) -> str:
    """`body` with non-prose constructs blanked, same length and line breaks."""
    return _MASK.sub(lambda m: re.sub(r"[^\n]", "\u00a0", m[0]), body)


def spans(post: Post, wanted: frozenset[str] | set[str] | None = None) -> Iterator[Span]:
    """The post's prose spans. With `wanted` (words that could be findings), inline
    Markdown is parsed only for paragraphs, headings and cells that hold one of them
    or a word written twice: two thirds of markdown-it's time is inline parsing."""
    yield from _front(post)
    masked = mask(post.body)
    lines = masked.split("\n")
    stream = tokens(masked) if wanted is None else tokens_where(
        masked, lambda stream, n: holds(stream[n].content, wanted))
    for block, token in enumerate(stream):
        if token.type == "inline" and token.children:
            yield from _inline(token, Cursor.for_block(lines, post.body_line, token), block + 1)
        elif token.type == "html_block" and token.map and (wanted is None or holds(token.content, wanted)):
            yield from _html_block(token, lines, post.body_line, block + 1)


def holds(text: str, wanted: frozenset[str] | set[str]) -> bool:
    return not wanted.isdisjoint(WORD.findall(text)) or REPEAT.search(text) is not None


def _html_block(token: Token, lines: list[str], body_line: int, block: int, depth: int = 0) -> Iterator[Span]:
    """The text readers see in a raw HTML block. kramdown reads as Markdown the
    lines inside a first element that says `markdown="1"`, and the lines after
    the first element (no blank line after `</div>`): those are parsed as such."""
    assert token.map is not None
    content = token.content.split("\n")
    start = markdown_from(token.content)
    html_lines = len(content) if start is None or start == 0 else start
    parts = [(html_lines, len(content))] if html_lines < len(content) else []
    shown = content[:html_lines]
    inside = markdown_inside(token.content)
    if inside:
        parts.insert(0, inside)
        shown = ["" if inside[0] <= n < inside[1] else line for n, line in enumerate(shown)]
    cursor = Cursor.for_block(lines, body_line, token)
    indent: dict[int, int | None] = {}  # by line: columns before markdown-it's copy (`> ` of a quote)
    for piece in pieces("\n".join(shown)):
        number = token.map[0] + piece.line
        if piece.line not in indent:
            row, written = (lines[number].rstrip("\r") if number < len(lines) else ""), content[piece.line]
            indent[piece.line] = len(row) - len(written) if row.endswith(written) else None
        shift = indent[piece.line]
        if shift is None:
            continue  # not where markdown-it says: no guess
        cursor.move_to(number, shift + piece.column)
        text = _GLUED.sub("", piece.text) if piece.glued_before else piece.text
        text = _GLUED_END.sub("", text) if piece.glued_after else text
        if text.strip():
            yield from _located(text, cursor, block, False)
    if depth >= 2:
        return
    for number, (_, sub) in enumerate(line_tokens(token, parts)):
        nested = _NESTED + block * 1000 + number
        if sub.type == "inline" and sub.children:
            yield from _inline(sub, Cursor.for_block(lines, body_line, sub), nested)
        elif sub.type == "html_block":
            yield from _html_block(sub, lines, body_line, nested, depth + 1)


def _inline(token: Token, cursor: Cursor, block: int) -> Iterator[Span]:
    yield from _children(token.children or [], cursor, block)


def _children(children: list[Token], cursor: Cursor, block: int) -> Iterator[Span]:
    """Text children in reading order; an image's alt text is a block of its own,
    so no word runs on from it into the text around it."""
    joined, autolink, after_html, word_before, href = False, False, False, False, ""
    hidden = 0  # inside inline `<code>`, `<kbd>`... of the paragraph
    for child in children:
        # `<u>S</u>aturation`: a word cut by a tag goes on after it.
        glued, after_html = after_html and word_before, child.type == "html_inline" and joins(child.content)
        if child.type != "html_inline":
            word_before = child.type == "text" and child.content[-1:].isalnum()
        else:
            hidden = max(hidden + hides(child.content), 0)
        if hidden and child.type != "html_inline":
            if child.type in ("text", "code_inline"):
                cursor.find(child.content)  # move past it, so later text is found after it
            continue
        if child.type == "image":
            yield from _children(child.children or [], cursor, _ALT + block * 1000 + len(child.content))
        elif child.type == "link_open":
            autolink, href = child.markup == "autolink", str(child.attrs.get("href", ""))
        elif child.type == "link_close":
            autolink = False
            if href:
                cursor.find(href)  # past the link target, so later text is not looked for inside it
        elif child.type in _SKIP_INLINE:
            if child.type == "code_inline":
                cursor.find(child.content)  # move past it, so later text is found after it
            joined = child.type == "softbreak"
            continue
        elif child.type == "text" and child.content.strip() and not autolink:
            text = _GLUED.sub("", child.content) if glued else child.content
            if text.strip():
                yield from _located(text, cursor, block, joined)
        joined = False


def _located(text: str, cursor: Cursor, block: int, joined: bool) -> Iterator[Span]:
    """The text where it is written; when markdown-it changed it (escapes,
    entities), chunk by chunk instead."""
    where = cursor.find(text)
    if where is not None:
        yield Span(text, where[0], where[1], block, joined, "body")
        return
    for number, chunk in enumerate(text.split()):
        near = 8 * len(chunk) + 512  # the next chunk is close by: never scan the rest of a long block for it
        found = cursor.find(chunk, near)
        if found is None and len(chunk) <= 200 and _PUNCTUATION.search(chunk):
            # `It\'s`, `\*note\*`: markdown-it dropped the backslashes
            escaped = (rf"\\?{re.escape(c)}" if _PUNCTUATION.match(c) else re.escape(c) for c in chunk)
            found = cursor.search(re.compile("".join(escaped)), near)
        if found is not None:
            yield Span(chunk, found[0], found[1], block, joined or number > 0, "body", exact=False)


def _front(post: Post) -> Iterator[Span]:
    """Front-matter prose values, found word by word from where YAML put them."""
    lines = post.text.split("\n")
    for block, key in enumerate(FRONT_KEYS, start=-len(FRONT_KEYS)):
        value = post.front.data.get(key)
        if not isinstance(value, str) or not value.strip():
            continue
        pos = post.front.locate((key,))
        end = min(post.body_line - 1, len(lines))
        cursor = Cursor(lines, 1, pos.line - 1, end)
        # Start at the value's column: the key itself must not be matched.
        cursor.find(lines[pos.line - 1][: pos.column - 1]) if pos.column > 1 else None
        single = "\n" not in value and cursor.find(value)
        if single:
            yield Span(value, single[0], single[1], block, False, key)
            continue
        for number, chunk in enumerate(value.split()):
            found = cursor.find(chunk)
            if found is not None:
                yield Span(chunk, found[0], found[1], block, number > 0, key, exact=False)
