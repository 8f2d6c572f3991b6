"""The pipes of a table's lines as kramdown counts them (table.rb): a `|` in text, not
after a backslash, not in a code span, and not inside an HTML element that kramdown
reads in the text (kramdown/html.rb, parse_span_html); markdown-it-py's inline parser
finds the code spans and tags."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from blogcheck.jekyll.kramdown_blocks import TAG_NAME

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

# kramdown's HTML_BLOCK_ELEMENTS and HTML_ELEMENTS_WITHOUT_BODY (kramdown/parser/html.rb).
_BLOCKS = """address article aside applet body blockquote caption col colgroup dd div dl dt fieldset figcaption footer
form h1 h2 h3 h4 h5 h6 header hgroup hr html head iframe legend menu li main map nav ol optgroup p pre section summary
table tbody td th thead tfoot tr ul"""
_BLOCK_ELEMENTS = frozenset(_BLOCKS.split())
_EMPTIES = "area base br col command embed hr img input keygen link meta param source track wbr"
_EMPTY = frozenset(_EMPTIES.split())
_PIPE = re.compile(r"\|")
UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")  # a `|` not after a backslash: kramdown's TABLE_PIPE_CHECK
_PIPE_AT_START = re.compile(r"\||.*?[^\\\n]\|")  # kramdown's TABLE_PIPE_CHECK, matched at a line's start


def pipe_on_every_line(text: str) -> bool:
    """kramdown's last test of a table (table.rb, "Check if each line has at least one
    unescaped pipe that is not inside a code span/code HTML element"), replayed step by
    step over its pieces of text, code spans and HTML elements, as Ruby splits them."""
    pipe_on_line = False
    for kind, value in _segments(text):
        parts = _ruby_lines(value)
        if kind == "code":
            if len(parts) > 2 or (len(parts) == 2 and not pipe_on_line):
                break
            pipe_on_line = pipe_on_line and len(parts) != 2
        elif kind == "text":
            if len(parts) > 1 and not pipe_on_line and not _PIPE_AT_START.match(parts[0]):
                break
            pipe_on_line = (pipe_on_line and len(parts) <= 1) or bool(parts and _PIPE_AT_START.match(parts[-1]))
    return pipe_on_line


def _ruby_lines(value: str) -> list[str]:
    """Ruby's `value.split("\\n")`, which drops the empty strings at the end."""
    parts = value.split("\n")
    while parts and not parts[-1]:
        parts.pop()
    return parts


def _segments(text: str) -> list[tuple[str, str]]:
    """`text` as kramdown's table parser cuts it with its code span and HTML parsers:
    ("text", raw text), ("code", a code span's content), ("html", an element, whose
    inside kramdown does not look at)."""
    found: list[tuple[str, str]] = []
    at, depth, start = 0, 0, 0  # `start`: where the current piece of text began
    for child in _inline().parseInline(text)[0].children or []:
        if child.type == "code_inline" and not depth:
            opening = text.find(child.markup, at)
            closing = text.find(child.markup, opening + len(child.markup)) if opening >= 0 else -1
            if closing < 0:
                continue
            found.extend([("text", text[start:opening]), ("code", text[opening + len(child.markup):closing])])
            at = start = closing + len(child.markup)
        elif child.type == "html_inline":
            where = text.find(child.content, at)
            if where < 0:
                continue
            at = where + len(child.content)
            step = _nesting(child.content)
            if step > 0 and not depth:
                found.append(("text", text[start:where]))
            depth = max(0, depth + step)
            if step < 0 and not depth:
                found.append(("html", ""))
                start = at
        elif child.type in ("text", "text_special"):
            written = child.markup if child.type == "text_special" else child.content
            where = text.find(written, at)
            at = where + len(written) if where >= 0 else at
    found.append(("text", text[start:]) if not depth else ("html", ""))
    return [(kind, value) for kind, value in found if kind != "text" or value]


def pipes(line: str) -> tuple[list[int], bool]:
    """Columns of the pipes of a source line that kramdown splits cells at (not after a
    backslash, not in a code span, not inside an HTML element; in a link's URL or an
    image's alt text too: kramdown's table parser knows no links), and whether all of them
    can be escaped with `\\|`: one in an autolink (`<https://a|b>`) or a link's URL would
    change the URL, and is left to the writer (`%7C`)."""
    hidden: list[tuple[int, int]] = []  # code spans and the inside of HTML elements
    in_text: list[tuple[int, int]] = []  # text a `\\|` may be written in
    at, depth, opened, autolink = 0, 0, 0, False
    for child in _inline().parseInline(line)[0].children or []:
        if child.type in ("link_open", "link_close"):
            autolink = child.type == "link_open" and child.markup == "autolink"
        if child.type == "code_inline" and not depth:
            opening = line.find(child.markup, at)
            closing = line.find(child.markup, opening + len(child.markup)) if opening >= 0 else -1
            if closing >= 0:
                hidden.append((opening, closing + len(child.markup)))
                at = closing + len(child.markup)
            continue
        written = child.markup if child.type == "text_special" else child.content
        start = line.find(written, at) if written else -1
        if start < 0:
            continue
        at = start + len(written)
        comment = child.type == "html_inline" and written.startswith("<!--")  # no element to kramdown's table
        if child.type == "html_inline" and not comment:
            step = _nesting(written)
            if step > 0 and not depth:
                opened = start
            depth = max(0, depth + step)
            if step < 0 and not depth:
                hidden.append((opened, at))
        elif (child.type == "text" or comment) and not depth and not autolink:
            in_text.append((start, at))
    if depth:
        hidden.append((opened, len(line)))  # an element left open hides the rest of the line
    every = [m.start() for m in UNESCAPED_PIPE.finditer(line)]
    found = sorted(set(every) - set(_within(line, hidden)))
    return found, set(found) <= set(_within(line, in_text))


def _within(line: str, ranges: list[tuple[int, int]]) -> list[int]:
    """The columns of the pipes inside `ranges` (in order, none inside another): linear time."""
    return [m.start() for a, b in ranges for m in _PIPE.finditer(line, a, b)]


def _nesting(tag: str) -> int:
    """+1 for a start tag kramdown reads as an element in text, which hides the rest up
    to its end tag (or to the end, when there is none: kramdown closes it there); -1
    for an end tag; 0 for a tag of a block element (text to kramdown there), an empty
    one, or no tag (kramdown/html.rb, parse_span_html)."""
    name = TAG_NAME.match(tag)
    if name is None or name[1].lower() in _BLOCK_ELEMENTS or name[1].lower() in _EMPTY or tag.endswith("/>"):
        return 0
    return -1 if tag.startswith("</") else 1


@functools.lru_cache(maxsize=1)
def _inline() -> MarkdownIt:
    """Inline Markdown with escapes and entities kept apart from text (no `text_join`),
    so that each text is written as such in the line."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").disable("text_join")
