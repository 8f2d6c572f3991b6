"""A post's lines as kramdown, which Jekyll runs, reads them, next to the preview a
writer reads (GitHub, an editor: CommonMark with GFM tables, which markdown-it-py
gives here). Enough of kramdown's block structure for `kramdown_tables` and
`kramdown_lists`.

Jekyll renders Liquid first: a tag's text never reaches kramdown, and a line of
control tags alone (`{% if %}`) becomes blank. A line that other Liquid alone makes
(an include, a raw, comment or highlight block) could become anything: it is
`unsure`, and no finding depends on one. So are the lines of an HTML element that
runs on past a blank line (`<details>`): kramdown keeps them as raw HTML.

kramdown reads a list item's and a quote's content as a document of its own (a
`Box`), and takes lazy lines more widely than CommonMark: a quote runs to the next
blank line, a list item takes any line of text after it that starts no item of its
list (blockquote.rb, list.rb)."""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from blogcheck.jekyll.kramdown_html import Open, raw_block, says_markdown
from blogcheck.links import liquid
from blogcheck.parse import kramdown_comments

if TYPE_CHECKING:
    from markdown_it.token import Token

# Tags that render nothing where they stand.
_SILENT = frozenset({"if", "elsif", "else", "endif", "unless", "endunless", "case", "when", "endcase", "for",
                     "endfor", "break", "continue", "assign", "capture", "endcapture"})
_EOB = re.compile(r"^\^[ \t]*$")  # kramdown's EOB_MARKER: a boundary
# A block attribute list (kramdown's IAL_BLOCK_START): a boundary after a blank line, none after a block.
_IAL = re.compile(r"^ {0,3}\{:(?![:/])(?:\\\}|[^}])+\}[ \t]*$")
MARKER = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+")  # a list item's marker and the spaces after it
_QUOTE = re.compile(r"^ {0,3}> ?")  # kramdown's BLOCKQUOTE_START
TAG_NAME = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)")
# `{% raw %}{{ page.title | upcase }}{% endraw %}` on one line: Jekyll prints what is between as it is
_INLINE_RAW = re.compile(r"\{%-?\s*raw\s*-?%\}(?:(?!\{%-?\s*endraw).)*\{%-?\s*endraw\s*-?%\}")
# Block elements whose lines kramdown keeps as they are (Jekyll leaves parse_block_html off).
_RAW_BLOCKS = frozenset({"article", "aside", "audio", "blockquote", "center", "details", "div", "dl", "fieldset",
                         "figure", "footer", "form", "header", "iframe", "main", "nav", "noscript", "object", "ol",
                         "p", "picture", "pre", "script", "section", "style", "svg", "table", "ul", "video"})
# kramdown's own switch in a post (`{::options parse_block_html="true" /}`): its HTML blocks are Markdown inside.
_PARSES_HTML = re.compile(r"""\{::options\b[^}]*\bparse_block_html\s*=\s*["']?true""")
# A line that may open one (at most three spaces in, in a list item or quote too): only posts with one are read.
RAW_BLOCK_START = re.compile(rf"^[ \t>*+\d.-]*<(?:{'|'.join(sorted(_RAW_BLOCKS))})[\s>/]", re.M | re.I)
_OPENS = frozenset({"list_item_open", "blockquote_open"})


@dataclass(frozen=True)
class Lines:
    """The body's lines with Liquid rendered as far as it is known: tags masked
    (`liquid.mask`), silent ones turned to spaces, highlight and comment blocks blanked
    (code, and text Liquid drops: none of it is the page's text), and so are kramdown's
    `{::comment}`s, which it writes as HTML comments (the pipes of one in a paragraph stay); `unsure[n]` when
    Liquid, raw HTML or a block attribute list may make line `n` anything to kramdown.
    Lines and columns stay those of the post; the markup checks read these lines."""

    text: list[str]  # without a CRLF file's `\r`, as kramdown reads it
    unsure: list[bool]

    @classmethod
    def of(cls, body: str) -> Lines:
        """The lines of `body` once Liquid has run; parse `rendered` for their blocks,
        and give the tokens to `with_html`."""
        body = body.replace("\r\n", "\n")  # one character less per line end: columns stay
        text = body.split("\n")
        unsure = [False] * len(text)
        if "{" in body:
            every = liquid.tags(body)
            no_liquid, not_markdown = liquid.quiet(body, every)
            live = liquid.live(every, no_liquid)
            text = liquid.mask(body, live).split("\n")
            starts = [0]
            for line in text:
                starts.append(starts[-1] + len(line) + 1)
            by_line: dict[int, list[liquid.Tag]] = {}
            for tag in live:
                for number in range(_line_of(starts, tag.start), _line_of(starts, tag.end - 1) + 1):
                    by_line.setdefault(number, []).append(tag)
            for number, found in by_line.items():
                text[number], unsure[number] = _rendered(text[number], found, starts[number])
            for start, end in not_markdown:  # raw, comment and highlight blocks: Liquid's, whatever they become
                if "\n" not in body[start:end] and _INLINE_RAW.fullmatch(body, start, end):
                    continue  # a raw block inside one line prints its text as written: the line is known
                for number in range(_line_of(starts, start), _line_of(starts, max(start, end - 1)) + 1):
                    unsure[number] = True
            for start, end in liquid.not_on_page_as_text(body, every):  # code, or dropped: no text of the page
                _blank(text, starts, start, end)
            for start, end in kramdown_comments.regions(body):  # an HTML comment on the page: no text
                if kramdown_comments.is_block(body, start, end):
                    _blank(text, starts, start, end)
                    for number in range(_line_of(starts, start), _line_of(starts, max(start, end - 1)) + 1):
                        unsure[number] = True  # a block of its own, or inside a paragraph: no finding rests on it
                else:  # in a paragraph, where kramdown's table parser still sees its pipes (kramdown 2.4, asked):
                    _blank(text, starts, start, end, keep="|", fill="x")  # masked as a Liquid tag is
        unsure = [doubt or bool(_IAL.match(line.lstrip(" >"))) for doubt, line in zip(unsure, text, strict=True)]
        return cls(text, unsure)

    @property
    def rendered(self) -> str:
        return "\n".join(self.text)

    @functools.cached_property
    def dollars(self) -> list[int]:
        """The lines holding `$$`, in order (for kramdown's block math)."""
        return [number for number, line in enumerate(self.text) if "$$" in line]

    def with_html(self, stream: list[Token]) -> Lines:
        """These lines, with those of an HTML element that runs on past its block in the
        preview (`<details>`, a blank line, Markdown, `</details>`) unsure: kramdown keeps
        them as the element's raw HTML, unless it says `markdown="1"`."""
        unsure = list(self.unsure)
        _raw_html(self.text, unsure, stream)
        return Lines(self.text, unsure)


@functools.lru_cache(maxsize=2)
def view(body: str) -> Lines:
    """`Lines.of(body)`, kept for the last two bodies: the markup and kramdown checks
    read the same post one after the other. Shared: read it, never change it."""
    return Lines.of(body)


@functools.lru_cache(maxsize=2)
def read(body: str) -> tuple[Lines, list[Token], dict[str, Any]]:
    """`body` as the kramdown readers take it: its lines with the HTML kramdown keeps raw
    marked, its block tokens and their env. Kept for the last two bodies: the kramdown
    check, the headings shown as text and the lines taken into code (links, spelling)
    read the same post. Shared: read it, never change it."""
    from blogcheck.parse.markdown import blocks

    lines = view(body)
    stream, env = blocks(lines.rendered)  # block structure only
    return lines.with_html(stream), stream, env


def _blank(text: list[str], starts: list[int], start: int, end: int, keep: str = "", fill: str = " ") -> None:
    """`fill` for the body's characters from `start` to `end`, but those in `keep`
    (lines and columns stay)."""
    for number in range(_line_of(starts, start), _line_of(starts, max(start, end - 1)) + 1):
        line = text[number]
        first, stop = max(start - starts[number], 0), min(end - starts[number], len(line))
        text[number] = line[:first] + "".join(c if c in keep else fill for c in line[first:stop]) + line[stop:]


def _line_of(starts: list[int], offset: int) -> int:
    return bisect.bisect_right(starts, offset) - 1


def _rendered(masked: str, tags: list[liquid.Tag], line_start: int) -> tuple[str, bool]:
    """A line holding Liquid, rendered: (text, unsure). A silent tag leaves white space
    (columns stay), another tag its mask; a line of other tags alone is unsure."""
    silent = list(masked)
    bare = list(masked)
    stop = line_start + len(masked)
    for tag in tags:
        quiet = not tag.output and tag.name in _SILENT and line_start <= tag.start and tag.end <= stop
        for offset in range(max(tag.start, line_start), min(tag.end, stop)):
            bare[offset - line_start] = " "
            if quiet:
                silent[offset - line_start] = " "
    rendered = "".join(silent)
    return rendered, bool(rendered.strip(" \t\r>")) and not "".join(bare).strip(" \t\r>")


def _raw_html(text: list[str], unsure: list[bool], stream: list[Token]) -> None:
    for block in raw_blocks(text, stream):
        end = len(text) - 1 if block.end is None else block.end  # kramdown closes an element left open at the end
        if end >= block.stop:
            unsure[block.first:end + 1] = [True] * (end + 1 - block.first)


@dataclass
class Box:
    """A container kramdown reads as a document of its own: the post, a list item, a quote."""

    first: int
    stop: int
    depth: int  # how many block tokens start on `first` before this box's content
    kind: str = ""  # "item", "quote", or "" for the post
    parent: Box | None = None
    indent: int = 0  # an item's: the columns of its marker and the spaces after it
    unsure: bool = False  # an item with nothing (or `{: .x}`) after its marker: kramdown's rules not replayed
    children: list[Box] = field(default_factory=list)
    firsts: list[int] = field(default_factory=list)  # the children's first lines, for `child_at`

    def line(self, number: int, text: str) -> str:
        """Line `number` (written `text`) as kramdown reads it inside this box: a quote's
        `>` and an item's indent taken off (blockquote.rb, list.rb); a lazy line as it is."""
        if self.parent is not None:
            text = self.parent.line(number, text)
        if self.kind == "quote":
            return _QUOTE.sub("", text, count=1)
        if self.kind == "item" and (number == self.first or text[:self.indent].isspace()):
            return text[self.indent:]
        return text

    def blank(self, lines: Lines, number: int) -> bool:
        """Line `number` is a block boundary to kramdown in this box: blank, or the
        end-of-block mark `^`."""
        if lines.unsure[number]:
            return False
        seen = self.line(number, lines.text[number])
        return not seen.strip() or bool(_EOB.match(seen))

    def text(self, lines: Lines, number: int) -> bool:
        """Line `number` is a line of text (neither blank nor unsure) in this box."""
        return not lines.unsure[number] and not self.blank(lines, number)

    def child_at(self, line: int) -> Box | None:
        """The child box holding `line`, if any."""
        if len(self.firsts) != len(self.children):
            self.firsts[:] = [c.first for c in self.children]
        at = bisect.bisect_right(self.firsts, line) - 1
        return self.children[at] if at >= 0 and line < self.children[at].stop else None

    def in_unsure(self) -> bool:
        """This box or one around it is unsure (see `unsure`)."""
        return self.unsure or (self.parent is not None and self.parent.in_unsure())


def innermost(box: Box, line: int, depth: int | None = None) -> Box:
    """The deepest box holding `line` below `box`; with `depth`, the one starting on
    `line` whose content comes after `depth` block tokens there (see `Box.depth`)."""
    child = box.child_at(line)
    if child is None or (depth is not None and box.first == line and box.depth == depth):
        return box
    return innermost(child, line, depth)


def boxes(lines: Lines, stream: list[Token]) -> tuple[Box, dict[int, list[str]]]:
    """The post's box, holding the others; and per line the types of the block tokens
    starting there, outermost first."""
    starting: dict[int, list[str]] = {}
    root = Box(0, len(lines.text), 0)
    stack = [root]
    for token in stream:
        if token.map is None or token.nesting < 0:
            if token.type in ("list_item_close", "blockquote_close"):
                stack.pop()
            continue
        types = starting.setdefault(token.map[0], [])
        types.append(token.type)
        if token.type in _OPENS:
            first, parent = token.map[0], stack[-1]
            if token.type == "list_item_open":
                marker = MARKER.match(parent.line(first, lines.text[first]))
                stop = _item_end(lines, token.map[1], parent, token.markup in ".)")
                box = Box(first, stop, len(types), "item", parent, len(marker[0]) if marker else 0)
                content = box.line(first, lines.text[first])
                box.unsure = not content.strip() or lines.unsure[first] or bool(_IAL.match(content))
            else:
                box = Box(first, _quote_end(lines, first, parent), len(types), "quote", parent)
            stack[-1].children.append(box)
            stack.append(box)
    _adopt(root)
    return root, starting


def _quote_end(lines: Lines, first: int, parent: Box) -> int:
    """kramdown's quote takes every line up to a blank one (LAZY_END), where the
    preview's may end sooner (at a list or a heading, say)."""
    def ends(number: int) -> bool:  # an unsure line goes on in the quote when it says so (`>`)
        return parent.blank(lines, number) or (lines.unsure[number] and not lines.text[number].lstrip().startswith(">"))

    return next((n for n in range(first + 1, parent.stop) if ends(n)), parent.stop)


def _item_end(lines: Lines, stop: int, parent: Box, ordered: bool) -> int:
    """kramdown's list item also takes, as lazy lines, the lines of text after it that
    start no item of its list (a `1.` under a `-` item included), where the preview's
    item ends; not after a blank line."""
    while stop < parent.stop and parent.text(lines, stop) and parent.text(lines, stop - 1):
        marker = MARKER.match(parent.line(stop, lines.text[stop]))
        if marker is not None and (marker[0].strip()[-1] in ".)") == ordered:
            break
        stop += 1
    return stop


def _adopt(box: Box) -> None:
    """Boxes that start on an item's lazy lines (see `_item_end`) are inside the item to
    kramdown, though siblings in the preview."""
    kept: list[Box] = []
    for child in box.children:
        if kept and kept[-1].kind == "item" and child.first < kept[-1].stop:
            child.parent = kept[-1]
            kept[-1].children.append(child)
        else:
            kept.append(child)
    box.children = kept
    for child in kept:
        _adopt(child)


@dataclass(frozen=True)
class RawBlock:
    """An HTML block kramdown keeps raw: its first line, the line of its end tag (None: it
    runs to the post's end), and the elements open at the post's end, with their offsets
    in the lines joined by `\\n` (`kramdown_html.raw_end`)."""

    first: int
    stop: int  # the line after the block as the preview reads it (markdown-it's html_block)
    end: int | None
    left_open: list[Open]
    name: str = ""
    column: int = 0  # of its `<`, 0-based
    markdown: bool = False  # its tag says `markdown="1"`: kramdown reads the inside as Markdown
    literal: frozenset[int] = frozenset()  # lines inside a `<pre>`, `<code>`...: text meant as typed


def raw_blocks(text: list[str], stream: list[Token]) -> Iterator[RawBlock]:
    """Each HTML block kramdown keeps raw (`kramdown_html.raw_block`: a tag left open
    inside it runs it to the post's end), none inside another."""
    joined, starts, covered = "", [0], 0
    for token in stream:
        name = TAG_NAME.match(token.content.lstrip()) if token.type == "html_block" and token.map else None
        tag = name[1].lower() if name is not None and not name[0].startswith("</") else ""
        if tag not in _RAW_BLOCKS or token.map is None or token.map[0] < covered:
            continue
        if not joined:
            joined, starts = "\n".join(text), list(itertools.accumulate((len(x) + 1 for x in text), initial=0))
        line, column = token.map[0], text[token.map[0]].find("<")
        found = raw_block(joined, starts[line] + column)
        if found is not None:
            element, close, left, spans = found
            end = None if close is None else bisect.bisect_right(starts, close - 1) - 1
            covered = len(text) if end is None else end + 1
            literal = frozenset(n for a, b in spans for n in range(bisect.bisect_right(starts, a) - 1,
                                                                     bisect.bisect_right(starts, b - 1)))
            yield RawBlock(line, token.map[1], end, left, element, column, says_markdown(joined, starts[line] + column),
                           literal)


def may_keep_raw(body: str, site_keeps_raw: bool) -> bool:
    """kramdown may keep an HTML block of `body` raw: the site leaves `parse_block_html`
    off (`Site.raw_html_blocks`), the post does not switch it on, and a line opens one."""
    return site_keeps_raw and not _PARSES_HTML.search(body) and RAW_BLOCK_START.search(body) is not None


def raw_lines(text: list[str], stream: list[Token]) -> set[int]:
    """The lines (0-based) kramdown reads as raw HTML: those of each raw block (one that
    says `markdown="1"` on an element it opens aside), to its end or the post's."""
    return {n for block in raw_blocks(text, stream) if not block.markdown
            for n in range(block.first, (len(text) - 1 if block.end is None else block.end) + 1)}
