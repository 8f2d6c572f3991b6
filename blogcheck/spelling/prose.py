"""Prose spans of a post, each with its file line and column.

From the markdown-it token stream: the text of paragraphs, headings, list items,
table cells, link text and image alt text, and the text readers see in raw HTML
blocks. Never code (fenced, indented or inline), HTML tags and attributes,
autolinks or link targets. Liquid (`{% %}`, `{{ }}`, and whole
`highlight`/`raw`/`comment` blocks), kramdown attribute lists (`{: .x}`) and
TeX math outside code are masked first with no-break spaces, so every column
stays true. Front-matter `title`, `description` and `excerpt` values come first."""

from __future__ import annotations

import bisect
import copy
import dataclasses
import html
import itertools
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from blogcheck.links.html import markdown_from, markdown_inside
from blogcheck.parse import kramdown_comments
from blogcheck.parse.kramdown_ids import auto_id
from blogcheck.parse.markdown import Cursor, line_tokens, tokens, tokens_where
from blogcheck.spelling.html_text import alt_text, hides, joins, pieces
from blogcheck.spelling.tokens import REPEAT, WORD
from blogcheck.spelling.walk import Walk

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
    r"|\[\^[^\]\[\s]+\]",  # footnote marker `[^note-label]`: shown as a number (no `[` in it: linear on `[^[^...`)
    re.DOTALL,
)
_MATH = re.compile(
    r"\$\$[^$]*(?:\$(?!\$)[^$]*)*\$\$"  # display math
    # inline TeX: a TeX character before the next `$` (a lookahead: `[^$\n]*?[\\^_{}=][^$\n]*?` tried the
    # rest of the line again from each such character, quadratic on a long line after a lone `$`)
    r"|(?<![\\$\w])\$(?=\S)(?=[^$\n]*[\\^_{}=])[^$\n]*(?<=\S)\$(?![\w$])",
)
_GLUED = re.compile(r"^\S+")
_PROPERTIES = re.compile(r"(?:[&!]\S*[ \t]+)+")  # a YAML value's anchor and tag, before it
_GLUED_END = re.compile(r"\S+$")
_ENTITY = "&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")  # what a backslash can escape in Markdown
_ALT = 1 << 40  # block numbers of image alt texts start here
_NESTED = 1 << 41  # and those of Markdown inside HTML blocks
_BREAKS = ("softbreak", "hardbreak")
_SHOWN_TAGS = re.compile(r"<(?:br|wbr)\b", re.IGNORECASE)  # a tag that shows as a line break
_CELLS = ("th_open", "td_open")
_SURE_LONGEST = 2000  # characters of a text written with escapes whose place is checked as a whole


@dataclass(frozen=True)
class Span:
    text: str
    line: int  # file line of text[0], 1-based
    column: int  # file column of text[0], 1-based
    block: int  # spans of one paragraph, heading or cell share it
    joined: bool  # runs on from the previous span of its block: only space, a line break or unseen markup between
    where: str  # "body", or the front-matter key
    exact: bool = True  # False: its place is a best guess (never auto-fixed)
    anchored: bool = False  # in a heading whose id kramdown makes from its text: a fix would change the id
    context: str = ""  # where it is written, when not in Markdown: a YAML scalar or an HTML attribute value
    # (`yaml'`, `yaml"`, `yaml`, `attr'`, `attr"`, `attr`: the style or quote it is written in; see `written`)
    shifts: tuple[int, ...] = ()  # written with entities or escapes: where each character of `text` starts

    def at(self, offset: int) -> int:
        """The file column of `text[offset]` (an entity before it, `&ldquo;`, is longer than
        the character it stands for)."""
        return self.column + (self.shifts[offset] if offset < len(self.shifts) else offset)

    def plain(self, start: int, end: int) -> bool:
        """`text[start:end]` is written as it reads (no escape or entity in it): a fix can replace it."""
        return self.at(end) - self.at(start) == end - start

    def escapes(self) -> frozenset[int]:
        """Offsets of the marks written with a backslash (`\\*`): shown as themselves, never markup."""
        shifts, text = self.shifts, self.text
        return frozenset(i for i in range(len(shifts) - 1) if shifts[i + 1] - shifts[i] == 2 and not text[i].isalnum())


def written(fix: str, context: str) -> str | None:
    """`fix` as it must be written where a span stands, or None when no text of it
    can be: in single-quoted YAML `'` is written `''`, in double-quoted YAML `\\` and `"`
    are escaped, in a quoted HTML attribute value its quote is an entity, and an
    unquoted one takes no space or quote at all (`alt=atleast` -> `alt=at least` would
    make `least` an attribute of its own)."""
    if context == "yaml'":
        return fix.replace("'", "''")
    if context == 'yaml"':
        return fix.replace("\\", "\\\\").replace('"', '\\"')
    if context in ("attr'", 'attr"'):
        return fix.replace("&", "&amp;").replace(context[-1], "&#39;" if context[-1] == "'" else "&quot;")
    if context == "attr" and any(c.isspace() or c in "\"'=<>`" for c in fix):
        return None
    return fix


def mask(body: str) -> str:
    """`body` with non-prose constructs blanked, same length and line breaks. TeX
    math is blanked outside code only: kramdown never reads a `$$` in code as math,
    and blanking across a code fence would hide the fence from the parser."""
    masked = _MASK.sub(_blank, body)
    return _mask_math(masked) if "$" in masked else masked


# Liquid tags that put nothing on the page; any other tag (`include`, `link`, `post_url`, a
# plugin's), an output `{{ }}`, a `raw` or `highlight` block and TeX math show something there.
_QUIET_TAGS = frozenset({"if", "elsif", "else", "endif", "unless", "endunless", "case", "when", "endcase", "for",
                         "endfor", "break", "continue", "assign", "capture", "endcapture", "comment", "endcomment",
                         "tablerow", "endtablerow"})  # (`{% liquid %}` may `echo`)
_TAG_NAME = re.compile(r"\{%-?\s*(\w+)")
SHOWN = "\u00b7"  # the mask's first character where something shows: no word runs on across it


def _blank(match: re.Match[str]) -> str:
    text = match[0]
    name = _TAG_NAME.match(text)
    shown = text.startswith("{{") or (name is not None and name[1] not in _QUIET_TAGS)
    return _masked(text, shown)


def _masked(text: str, shown: bool) -> str:
    """`text` blanked with no-break spaces (line breaks kept); where it shows something
    on the page, its first character is a middle dot instead, so that `the {{ x }} the`
    is no repeated word."""
    blank = re.sub(r"[^\n]", "\u00a0", text)
    return SHOWN + blank[1:] if shown and blank[:1] == "\u00a0" else blank


def _mask_math(text: str) -> str:
    parts, done = [], 0
    for start, end in math_regions(text):
        parts += [text[done:start], _masked(text[start:end], shown=True)]
        done = end
    return "".join(parts) + text[done:]


def math_regions(text: str, display_only: bool = False) -> list[tuple[int, int]]:
    """(start, end) of the TeX math of `text`, outside code, in order: `$$ ... $$`, which
    kramdown hands to MathJax as written (`display_only`), and `$ ... $` holding a TeX
    character, which MathJax renders on many blogs (kramdown shows it as text)."""
    found, at = [], 0
    code: list[tuple[int, int]] | None = None  # found once, and only when there is math
    while (match := _MATH.search(text, at)) is not None:
        code = _code(text) if code is None else code
        crossed = _crossed(code, match.start(), match.end())
        if crossed is None:
            if not display_only or match[0].startswith("$$"):
                found.append(match.span())
            at = match.end()
        else:  # an opener in code is none; one before code whose closer is in it has no closer
            at = crossed[1] if crossed[0] <= match.start() else match.start() + 1
    return found


def _crossed(code: list[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    """The first stretch of code that [start, end) reaches into, if any."""
    for index in range(max(bisect.bisect_right(code, (start, sys.maxsize)) - 1, 0), len(code)):
        if code[index][0] >= end:
            return None
        if code[index][1] > start:
            return code[index]
    return None


def _code(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the code in `text`: fenced and indented blocks (whole
    lines, fences included), and the code spans of the blocks that hold a `$`."""
    lines = text.split("\n")
    starts = list(itertools.accumulate((len(line) + 1 for line in lines), initial=0))
    stream = tokens_where(text, lambda stream, n: "`" in stream[n].content and "$" in stream[n].content)
    found = []
    for _, token, walk in _walks(stream, lines, 0):
        if token.type in ("fence", "code_block") and token.map:
            found.append((starts[token.map[0]], starts[min(token.map[1], len(lines))]))
        elif walk is not None:
            for _ in _children(token.children or [], walk, 0, shown=False):
                pass
            found += [(starts[a] + b, starts[c] + d) for (a, b), (c, d) in walk.code]
            walk.code.clear()  # the cells of a row share the walk
    return sorted(found)


def spans(post: Post, wanted: frozenset[str] | set[str] | None = None, kramdown: bool = True) -> Iterator[Span]:
    """The post's prose spans. With `wanted` (words that could be findings), inline
    Markdown is parsed only for paragraphs, headings and cells that hold one of them
    or a word written twice: two thirds of markdown-it's time is inline parsing.
    `kramdown`: none on the lines kramdown takes into the code above them (`kramdown_lazy_code`)."""
    yield from _front(post)
    if kramdown:
        from blogcheck.jekyll.kramdown_lazy_code import rows

        code = {post.body_line + row for row in rows(post.body)}
        if code:
            yield from (span for span in _body(post, wanted) if span.line not in code)
            return
    yield from _body(post, wanted)


def _body(post: Post, wanted: frozenset[str] | set[str] | None) -> Iterator[Span]:
    masked = mask(post.body)
    lines = masked.split("\n")
    stream = tokens(masked) if wanted is None else tokens_where(
        masked, lambda stream, n: holds(stream[n].content, wanted))
    written: list[str] = []  # the body's lines as written (the mask blanks `{#id}`), read for headings only
    for block, token, walk in _walks(stream, lines, post.body_line):
        if walk is not None and block > 0 and stream[block - 1].type == "heading_open" and \
                auto_id(stream[block - 1], written := written or post.body.split("\n")):
            yield from (dataclasses.replace(span, anchored=True) for span in _children(token.children or [], walk,
                                                                                         block + 1))
        elif walk is not None:
            yield from _children(token.children or [], walk, block + 1)
        elif token.type == "html_block" and token.map and (wanted is None or holds(token.content, wanted)):
            yield from _html_block(token, lines, post.body_line, block + 1)


def _walks(stream: list[Token], lines: list[str], body_line: int) -> Iterator[tuple[int, Token, Walk | None]]:
    """Every token, with a walk over the source lines of each inline one. The cells of
    a table row share one: each cell is looked for after the cell before it."""
    walk: Walk | None = None
    for number, token in enumerate(stream):
        if token.type != "inline" or not token.map:
            yield number, token, None
            continue
        cell = number > 0 and stream[number - 1].type in _CELLS
        if not (cell and walk is not None and walk.cursor.start == token.map[0]):
            walk = Walk(Cursor.for_block(lines, body_line, token))
        end = walk.enter(token.content) if cell else None
        yield number, token, walk
        if end is not None:
            walk.cursor.move_to(*end)


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
    walk = Walk(Cursor.for_block(lines, body_line, token))
    indent: dict[int, int | None] = {}  # by line: columns before markdown-it's copy (`> ` of a quote)
    for index, piece in enumerate(pieces("\n".join(shown))):
        number = token.map[0] + piece.line
        if piece.line not in indent:
            row, written = (lines[number].rstrip("\r") if number < len(lines) else ""), content[piece.line]
            indent[piece.line] = len(row) - len(written) if row.endswith(written) else None
        shift = indent[piece.line]
        if shift is None:
            continue  # not where markdown-it says: no guess
        walk.cursor.move_to(number, shift + piece.column)
        walk.lost = False  # html.parser placed it
        text = _GLUED.sub("", piece.text) if piece.glued_before else piece.text
        text = _GLUED_END.sub("", text) if piece.glued_after else text
        if text.strip():  # an image's alt text is a block of its own: no word runs on into it
            yield from _located(text, walk, _ALT + block * 1000 + index if piece.alt else block, False,
                                "attr" + piece.quote if piece.alt else "")
    if depth >= 2:
        return
    for number, (_, sub) in enumerate(line_tokens(token, parts)):
        nested = _NESTED + block * 1000 + number
        if sub.type == "inline" and sub.children:
            yield from _children(sub.children, Walk(Cursor.for_block(lines, body_line, sub)), nested)
        elif sub.type == "html_block":
            yield from _html_block(sub, lines, body_line, nested, depth + 1)


def _children(children: list[Token], walk: Walk, block: int, shown: bool = True) -> Iterator[Span]:
    """Text children in reading order; an image's alt text is a block of its own,
    so no word runs on from it into the text around it. Every child is passed in
    the source, shown or not (`shown`: prose readers see)."""
    reading = _Reading(walk, block, shown)
    for child in children:
        yield from reading.read(child)


@dataclass
class _Reading:
    """Reading the inline children of one block, one by one."""

    walk: Walk
    block: int
    shown: bool
    hidden: int = 0  # inside inline `<code>`, `<kbd>`... of the paragraph
    carry: bool = False  # the spans so far run on into the next one (only unseen markup since)
    space: bool = False  # and white space or a line break is between
    glue: bool = False  # `<u>S</u>aturation`: a word cut by a tag goes on after it
    letter: bool = False  # the last text ends with a letter or digit
    closed: bool = False  # emphasis or a link ended since the last text (`**connected to** to reach`)
    link: Token | None = None  # the link open now
    held: list[Span] = field(default_factory=list)  # its text, until its target says whether it is the label

    def read(self, child: Token) -> list[Span]:
        glue, self.glue = self.glue and self.letter, child.type == "html_inline" and joins(child.content)
        if child.type != "html_inline":
            self.letter = child.type == "text" and child.content[-1:].isalnum()
        if child.type == "text":
            return self._text(child.content, glue)
        if child.type in _BREAKS:
            self.space = True
        elif child.type == "code_inline":
            self.walk.code_span(child)
            self.carry = False
        elif child.type == "html_inline":
            return self._tag(child.content)
        elif child.type == "image":
            return self._image(child)
        elif child.type in ("link_open", "link_close"):
            return self._link(child)
        elif child.type.endswith("_close"):
            self.closed = True
        return []

    def _text(self, content: str, glue: bool) -> list[Span]:
        text = _GLUED.sub("", content) if glue else content
        if (self.link is not None and self.link.markup == "autolink") or not text.strip():
            return []  # an autolink's URL is passed with its `<...>`
        if self.hidden or not self.shown:
            self.carry = False
            list(_located(text, self.walk, self.block, False))  # passed, never read
            return []
        # After markup that ends a phrase, a word that repeats its last one starts a new phrase:
        # the writer marked the border (`**connected to** to reach`), so the spans do not run on.
        joined = self.carry and (self.space or text[:1].isspace()) and not self.closed
        self.carry, self.space, self.closed = True, text[-1:].isspace(), False
        return self._out(list(_located(text, self.walk, self.block, joined)))

    def _tag(self, tag: str) -> list[Span]:
        alt = self._alt(tag)
        self.hidden = max(self.hidden + hides(tag), 0)
        self.walk.verbatim(tag)
        line_break = bool(_SHOWN_TAGS.match(tag))
        self.carry = self.carry and (self.glue or tag.startswith("<!--") or line_break)  # else it shows something
        self.space = self.space or line_break
        return alt

    def _alt(self, tag: str) -> list[Span]:
        """The alt text of an inline `<img>`, a block of its own, where it is written
        (on the tag's first line; one further down is not looked for)."""
        found = alt_text(tag) if self.shown and not self.hidden else None
        if found is None or not found[1].strip() or "\n" in tag[:found[0]]:
            return []
        probe = copy.copy(self.walk.cursor)
        where = probe.find(tag.split("\n")[0])
        if where is None:
            return []
        line, column = self.walk.at(where)
        probe.move_to(line, column + found[0])
        block = _ALT + self.block * 1000 + where[1]
        quote = tag[found[0] - 1] if tag[found[0] - 1] in "'\"" else ""
        return list(_located(html.unescape(found[1]), Walk(probe, self.walk.lost), block, False, "attr" + quote))

    def _image(self, image: Token) -> list[Span]:
        alt = _ALT + self.block * 1000 + len(image.content)
        spans = list(_children(image.children or [], self.walk, alt, self.shown and not self.hidden))
        labelled = self.walk.target(str(image.attrs.get("src", "")), str(image.attrs.get("title", "")))
        self.carry = False
        return self._out(_unsure(spans) if labelled else spans)

    def _link(self, token: Token) -> list[Span]:
        if token.type == "link_open":
            self.link, self.held = token, []
            if token.markup == "autolink":
                self.walk.autolink(str(token.attrs.get("href", "")))
                self.carry = False
            return []
        link, held, self.link = self.link, self.held, None
        if link is None or link.markup == "autolink":
            return []
        self.closed = True
        labelled = self.walk.target(str(link.attrs.get("href", "")), str(link.attrs.get("title", "")))
        return _unsure(held) if labelled else held

    def _out(self, spans: list[Span]) -> list[Span]:
        if self.link is None:
            return spans
        self.held += spans
        return []


def _unsure(spans: list[Span]) -> list[Span]:
    """`[recieve]` links to `[recieve]: url`: a fix of the text would change the label
    and break the link, so these places are for reports only."""
    return [dataclasses.replace(span, exact=False) for span in spans]


def _located(text: str, walk: Walk, block: int, joined: bool, context: str = "") -> Iterator[Span]:
    """The text where it is written; when markdown-it changed it (escapes,
    entities), chunk by chunk instead: those places are guesses, unless the whole
    text is found written there (then a fix can go in, around the escapes)."""
    cursor = walk.cursor
    where = cursor.find(text)
    if where is not None:
        yield Span(text, where[0], where[1], block, joined, "body", exact=not walk.lost, context=context)
        return
    placed = []
    for number, chunk in enumerate(text.split()):
        near = 8 * len(chunk) + 512  # the next chunk is close by: never scan the rest of a long block for it
        odd = len(chunk) <= 200 and not (chunk.isascii() and chunk.isalnum())
        # an odd chunk may be written with entities here and as it reads further on (`caf&eacute; ... café`):
        # the nearer of the two places is its own (the cursor then moves past that one only)
        escaped = _written(chunk, Walk(copy.copy(cursor), walk.lost), near) if odd else None
        literal = copy.copy(cursor).find(chunk, near) if escaped is not None else None
        if escaped is not None and (literal is None or escaped < literal):
            found = _written(chunk, walk, near)
        else:
            found = cursor.find(chunk, near)
        if found is not None:
            row, start = walk.at(found)
            shifts = _shifts(chunk, walk.cursor.lines[row], start)
            placed.append(Span(chunk, found[0], found[1], block, joined or number > 0, "body", exact=False,
                               context=context, shifts=shifts))
        else:
            walk.lost = True  # the cursor stops short of it: what follows could be found inside it
    sure = _sure(text, placed, walk)
    yield from (dataclasses.replace(span, exact=True) for span in placed) if sure else placed


def _sure(text: str, placed: list[Span], walk: Walk) -> bool:
    """Each chunk of `text` is placed where the whole text is written, on one line, its
    escapes and entities decoded: the places are as sure as a text found as it is."""
    body = text.strip()
    if walk.lost or not placed or len(placed) != len(body.split()) or len(body) > _SURE_LONGEST:
        return False
    first = placed[0]
    line = walk.cursor.lines[first.line - walk.cursor.body_line]
    written = _pattern(body).match(line, first.column - 1)
    if written is None or html.unescape(_ESCAPED.sub(r"\1", written[0])) != body:
        return False
    shifts = _shifts(body, line, first.column - 1) or tuple(range(len(body) + 1))
    at = 0
    for span in placed:
        at = body.find(span.text, at)
        if span.line != first.line or span.column != first.column + shifts[at]:
            return False
        at += len(span.text)
    return True


_ENTITY_AT = re.compile(_ENTITY)


def _shifts(chunk: str, line: str, start: int) -> tuple[int, ...]:
    """Where each character of `chunk` starts in `line` (from `start`), when the line
    writes some of them as entities or backslash escapes; () when it writes it as it is."""
    if line.startswith(chunk, start):
        return ()
    found, at = [], start
    for char in chunk:
        found.append(at - start)
        entity = _ENTITY_AT.match(line, at)
        if entity and html.unescape(entity[0]) == char:
            at = entity.end()
        elif line.startswith("\\" + char, at) and not char.isalnum():
            at += 2
        else:
            at += 1
    return (*found, at - start)  # and where the chunk ends


def _pattern(text: str) -> re.Pattern[str]:
    """`text` as Markdown may write it: each mark also as an entity or a backslash escape."""
    return re.compile("".join(
        re.escape(c) if c.isascii() and c.isalnum() else rf"(?:{_ENTITY}|\\?{re.escape(c)})" for c in text))


def _written(chunk: str, walk: Walk, near: int) -> tuple[int, int] | None:
    """Where `chunk` is written with backslash escapes or entities (`It\\'s`, `\\*note\\*`,
    `caf&eacute;`, `&mdash;`), which markdown-it turned into the characters they stand for."""
    pattern = _pattern(chunk)
    found = walk.cursor.search(pattern, near)
    if found is None:
        return None
    line, column = walk.at(found)
    written = pattern.match(walk.cursor.lines[line], column)
    if written is None or html.unescape(_ESCAPED.sub(r"\1", written[0])) != chunk:
        return None
    return found


def _front(post: Post) -> Iterator[Span]:
    """Front-matter prose values, found word by word from where YAML put them. A
    word YAML wrote otherwise (`\\"teh\\"`, `''`) is placed by its letters, as a guess.
    A value that is an alias of one read before (`excerpt: *title`) is read once."""
    lines = post.text.split("\n")
    read: set[int] = set()
    for block, key in enumerate(FRONT_KEYS, start=-len(FRONT_KEYS)):
        value = post.front.data.get(key)
        node = post.front.value_node(key)
        if not isinstance(value, str) or not value.strip() or (node is not None and id(node) in read):
            continue
        read.add(id(node))
        style = getattr(node, "style", None)
        context = "yaml" + (style if style in ("'", '"') else "") if style in (None, "'", '"') else ""
        pos = post.front.locate((key,))
        end = min(post.body_line - 1, len(lines))
        cursor = Cursor(lines, 1, pos.line - 1, end)
        # Start at the value's column: the key itself must not be matched, nor an anchor or a tag
        # before the value (`title: &dont dont`: a fix there broke the YAML)
        line = lines[pos.line - 1] if pos.line <= len(lines) else ""
        props = _PROPERTIES.match(line, max(pos.column - 1, 0))
        start = props.end() if props else pos.column - 1
        cursor.find(line[:start]) if start > 0 else None
        single = "\n" not in value and cursor.find(value)
        if single:
            yield Span(value, single[0], single[1], block, False, key, context=context)
            continue
        for number, chunk in enumerate(value.split()):
            found = cursor.find(chunk)
            if found is not None:  # written as it reads: its place is sure
                yield Span(chunk, found[0], found[1], block, number > 0, key, context=context)
                continue
            for word in WORD.finditer(chunk):  # each word where its letters are, else at the value
                place = cursor.find(word[0], 8 * len(chunk) + 64) or (pos.line, pos.column)
                yield Span(word[0], place[0], place[1], block, number > 0 or word.start() > 0, key, exact=False)
