"""Links and ids in raw HTML fragments of a post, read with the stdlib html.parser.

Tags inside HTML comments never reach `handle_starttag`, so commented-out
markup is not checked. Positions are 0-based (line, column) in the fragment,
pointing at the attribute value as written (inside its quotes)."""

from __future__ import annotations

import bisect
import functools
import html.parser
import re
from dataclasses import dataclass

from blogcheck.jekyll.kramdown_html import parses_markdown
from blogcheck.links.model import Kind

# The patterns html.parser splits a start tag with (private names, so with a
# copy for Pythons that lack them), to find where each attribute value sits.
_TAG_NAME: re.Pattern[str] = vars(html.parser).get("tagfind_tolerant") or re.compile(
    r"([a-zA-Z][^\t\n\r\f />\x00]*)(?:\s|/(?!>))*")
_ATTRIBUTE: re.Pattern[str] = vars(html.parser).get("attrfind_tolerant") or re.compile(
    r"((?<=[\'\"\s/])[^\s/>][^\s/=>]*)(\s*=+\s*(\'[^\']*\'|\"[^\"]*\"|(?![\'\"])[^>\s]*))?(?:\s|/(?!>))*")

# (tag, attribute) -> what the URL is.
WANTED = {
    ("a", "href"): Kind.LINK,
    ("img", "src"): Kind.IMAGE,
    ("input", "src"): Kind.IMAGE,  # `<input type="image" src=...>`: a button drawn by an image (PayPal's)
    ("iframe", "src"): Kind.EMBED,
    ("source", "src"): Kind.EMBED,
    ("video", "src"): Kind.EMBED,
    ("video", "poster"): Kind.IMAGE,
    ("audio", "src"): Kind.EMBED,
    ("track", "src"): Kind.EMBED,  # a video's captions
    ("embed", "src"): Kind.EMBED,
    ("object", "data"): Kind.EMBED,
    ("script", "src"): Kind.EMBED,  # a gist (`gist.github.com/USER/ID.js`), a widget: gone, the post shows nothing
    ("img", "srcset"): Kind.IMAGE,  # each image candidate (`a.png 1x, b.png 2x`), as lychee and html-proofer do
    ("source", "srcset"): Kind.IMAGE,  # inside <picture>
}
_SRCSET = "srcset"


@dataclass(frozen=True)
class Attribute:
    line: int  # 0-based, in the fragment
    column: int  # 0-based
    raw: str  # the value as written, entities and all
    value: str  # the value as the browser reads it
    kind: Kind


class _Reader(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[Attribute] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value for name, value in attrs if value is not None}
        self.ids.update(values[n] for n in ("id",) if n in values)
        if tag == "a" and "name" in values:
            self.ids.add(values["name"])
        wanted = [(n, v) for n, v in values.items() if (tag, n) in WANTED]
        if not wanted:
            return
        line, offset = self.getpos()
        text = self.get_starttag_text() or ""
        breaks = [found.start() for found in re.finditer("\n", text)]  # once: a srcset may have 100,000 images
        for name, (start, raw) in _raw_values(text).items():
            if (tag, name) not in WANTED:
                continue
            pieces = srcset(raw) if name == _SRCSET else [(0, raw)]
            for at, piece in pieces:
                rows = bisect.bisect_left(breaks, start + at)
                column = (offset + start + at) if rows == 0 else start + at - breaks[rows - 1] - 1
                value = values.get(name, "") if name != _SRCSET else html.unescape(piece)
                self.links.append(Attribute(line - 1 + rows, column, piece, value, WANTED[(tag, name)]))


def srcset(value: str) -> list[tuple[int, str]]:
    """(offset, URL) of each image candidate of a `srcset` value, as the HTML standard
    splits it: a URL is a run without white space (so `data:` URLs keep their commas),
    commas that end it are dropped, and its descriptors (`2x`, `800w`) run to the next
    comma outside parentheses."""
    found = []
    at, end = 0, len(value)
    while at < end:
        while at < end and (value[at].isspace() or value[at] == ","):
            at += 1
        start = at
        while at < end and not value[at].isspace():
            at += 1
        url = value[start:at]
        if url.endswith(","):
            url = url.rstrip(",")  # no descriptors: the next candidate follows
        else:
            depth = 0
            while at < end and not (value[at] == "," and depth == 0):
                depth += {"(": 1, ")": -1 if depth else 0}.get(value[at], 0)
                at += 1
        if url:
            found.append((start, url))
    return found



def _raw_values(text: str) -> dict[str, tuple[int, str]]:
    """Attribute name -> (offset in the tag text, raw value without quotes), by
    the same patterns html.parser splits a start tag with."""
    found: dict[str, tuple[int, str]] = {}
    match = _TAG_NAME.match(text, 1)
    position = match.end() if match else len(text)
    while position < len(text):
        attr = _ATTRIBUTE.match(text, position)
        if not attr or attr.end() == position:
            break
        name, value = attr.group(1).lower(), attr.group(3)
        if value is not None:
            start = attr.start(3)
            if value[:1] in ("'", '"'):
                start, value = start + 1, value[1:-1]
            found.setdefault(name, (start, value))
        position = attr.end()
    return found


def feed(reader: html.parser.HTMLParser, fragment: str) -> bool:
    """Read all of `fragment` into `reader`; False when html.parser gave up on
    broken markup (what it read until then stays read). Never raises."""
    try:
        reader.feed(bounded(fragment))
        reader.close()
    except (AssertionError, ValueError):
        return False
    return True


_COMMENT_END = re.compile(r"--\s*>")  # how html.parser finds the end of a comment
_SECTION_END = re.compile(r"]\s*]\s*>")  # and of a `<![CDATA[` section (`<![if ...]>` needs less: cut too)
_OPENER = re.compile(r"<[a-zA-Z/!?]")  # what html.parser reads as the start of a tag or declaration


def bounded(fragment: str) -> str:
    """`fragment` up to the first construct that never ends: a comment with no `-->`
    after it, a `<![...` section with no `]]>`, a tag with no `>` after it. A browser
    shows nothing of such a construct (HTML reads it to the end of the file), and
    html.parser would search the rest again from each `<` after it: minutes on a
    post of a few KB of `<a <a <a...` or `<!--<!--...`. One pass each."""
    cut = len(fragment)
    for opener, end in (("<!--", _COMMENT_END), ("<![", _SECTION_END)):
        last = max((m.start() for m in end.finditer(fragment)), default=-1)  # the last end any opener can use
        start = fragment.find(opener, max(last - len(opener) + 1, 0))  # html.parser looks for it after the opener
        if start >= 0:
            cut = min(cut, start)
    tail = _OPENER.search(fragment, fragment.rfind(">") + 1)  # `1 < 2` is text, `<a` a tag
    return fragment[:min(cut, tail.start() if tail else cut)]


def read(fragment: str) -> tuple[list[Attribute], set[str]]:
    """(link attributes, element ids) of an HTML fragment; never raises."""
    reader = _Reader()
    feed(reader, fragment)
    return reader.links, reader.ids


# kramdown reads a block that starts with one of these as a paragraph (span HTML).
_SPAN = frozenset({"a", "abbr", "acronym", "b", "big", "bdo", "br", "button", "cite", "code", "del", "dfn", "em",
                   "i", "img", "input", "ins", "kbd", "label", "q", "s", "samp", "small", "span", "strike",
                   "strong", "sub", "sup", "tt", "u", "var"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                   "track", "wbr"})


class _Extent(html.parser.HTMLParser):
    """Where the first top-level HTML element of a fragment ends."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth, self.first, self.end = 0, "", -1
        self.markdown = False  # the first element says `markdown="1"` (or "block", "span")
        self.opened = -1  # line (1-based) where its start tag ends

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.first:
            value = next(((v or "").lower() for n, v in attrs if n == "markdown"), "")
            # "1" opens only an element whose content model is block or span (a `<table>` stays raw)
            self.markdown = value in ("block", "span") or (value == "1" and parses_markdown(tag))
            self.opened = self.getpos()[0] + (self.get_starttag_text() or "").count("\n")
        self.first = self.first or tag
        if tag not in _VOID:
            self.depth += 1
        elif self.depth == 0 and self.end < 0:
            self.end = self.getpos()[0]

    def handle_endtag(self, tag: str) -> None:
        self.depth = max(self.depth - 1, 0)
        if self.depth == 0 and self.end < 0:
            self.end = self.getpos()[0]

    def handle_comment(self, data: str) -> None:
        if self.depth == 0 and self.end < 0:
            self.first, self.end = self.first or "!--", self.getpos()[0] + data.count("\n")


@functools.lru_cache(maxsize=4)
def _first_element(fragment: str) -> _Extent | None:
    """The block's first element, read once for both questions below (links and
    spelling ask them of the same blocks)."""
    reader = _Extent()
    return reader if feed(reader, fragment) else None


def markdown_inside(fragment: str) -> tuple[int, int] | None:
    """(first line, end line), 0-based, of the lines inside the block's first element
    when it says `markdown="1"`: kramdown reads them as Markdown. None otherwise. An
    element not closed in the block (a blank line inside it ends the block) holds
    every line after its start tag; the lines after the blank one are Markdown to
    markdown-it too."""
    reader = _first_element(fragment)
    if reader is None:
        return None
    # getpos() lines are 1-based: `opened` is the 0-based line after the start tag, `end - 1` that of the end tag
    first, stop = reader.opened, reader.end - 1
    if reader.end < 0:  # a blank line inside the element ends CommonMark's block first: the rest is read on
        stop = fragment.rstrip("\n").count("\n") + 1
    return (first, stop) if reader.markdown and stop > first >= 1 else None


def markdown_from(fragment: str) -> int | None:
    """The first line (0-based) of an HTML block that kramdown reads as Markdown:
    0 when the block opens with span HTML (`<img>`, `<a>`: a paragraph to
    kramdown), else the line after the first element closes; None for none.
    CommonMark keeps such lines in the HTML block until a blank line."""
    reader = _first_element(fragment)
    if reader is None:
        return None
    if reader.first in _SPAN:
        return 0
    lines = fragment.rstrip("\n").count("\n") + 1
    return reader.end if 0 < reader.end < lines else None
