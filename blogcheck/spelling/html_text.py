"""The text of a raw HTML block that readers see, read with the stdlib html.parser.

Only character data between tags: never tag names, attributes, comments, or the
content of elements that hold code or no prose (`<pre>`, `<code>`, `<script>`,
`<style>`, `<svg>`...). Each piece comes with its 0-based (line, column) in the
fragment and the text as the browser shows it (entities decoded)."""

from __future__ import annotations

import html
import html.parser
import re
from dataclasses import dataclass

from blogcheck.links.html import feed

# Elements whose content is code, data or drawing, not prose.
_HIDDEN = frozenset({"code", "kbd", "math", "pre", "samp", "script", "style", "svg", "template", "textarea",
                     "tt", "var"})
# Tags that can cut a word in two (`<u>S</u>aturation`); any other tag or a line break ends a word.
_INLINE = frozenset({"a", "abbr", "b", "big", "del", "em", "font", "i", "ins", "mark", "s", "small", "span",
                     "strike", "strong", "sub", "sup", "u"})


_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)[^>]*?(/?)>$")


def joins(tag: str) -> bool:
    """Whether one inline HTML tag of a paragraph can cut a word in two (`<u>S</u>aturation`):
    a formatting tag can, `<br>` or `<img>` cannot."""
    match = _TAG.match(tag.strip())
    return match is not None and match[2].lower() in _INLINE


def hides(tag: str) -> int:
    """For one inline HTML tag of a paragraph (markdown-it's `html_inline`): +1 when
    it opens an element whose content is no prose (`<code>`, `<kbd>`), -1 when it
    closes one, else 0."""
    match = _TAG.match(tag.strip())
    if not match or match[2].lower() not in _HIDDEN or match[3]:
        return 0
    return -1 if match[1] else 1


@dataclass(frozen=True)
class Piece:
    line: int  # 0-based, in the fragment
    column: int  # 0-based
    text: str  # entities decoded
    glued_before: bool  # a word of the piece before runs on into this one across inline tags only
    glued_after: bool  # and this one's last word runs on into the next piece
    alt: bool = False  # an image's `alt` text: shown in its place (a missing image, a screen reader)
    quote: str = ""  # the quote around that alt value as written (none: unquoted)


# Elements whose `alt` text readers get instead of the image: `<img>`, `<area>`, `<input type="image">`.
_ALT_ELEMENTS = frozenset({"img", "area", "input"})
_OPEN = re.compile(r"\s*<[A-Za-z][A-Za-z0-9-]*")
_ATTRIBUTE = re.compile(r"""\s+([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")


def alt_text(tag: str) -> tuple[int, str] | None:
    """(offset in `tag`, text as written) of the `alt` value of one start tag of an image,
    or None (no image, no alt, an `<input>` that is no image)."""
    found = _TAG.match(tag.strip())
    name = found[2].lower() if found else ""
    if name not in _ALT_ELEMENTS or found is None or found[1]:
        return None
    if name == "input" and not re.search(r"""\stype\s*=\s*["']?image\b""", tag, re.IGNORECASE):
        return None
    opened = _OPEN.match(tag)
    at = opened.end() if opened else len(tag)
    while (attribute := _ATTRIBUTE.match(tag, at)) is not None:  # one by one: `title='x alt="y"'` holds no alt
        if attribute[1].lower() == "alt" and attribute.lastindex and attribute.lastindex > 1:
            group = next(n for n in (2, 3, 4) if attribute[n] is not None)
            return attribute.start(group), attribute[group]
        at = attribute.end()
    return None


class _Reader(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[tuple[int, int, str, bool]] = []  # line, column, text, glued to the piece before
        self.alts: list[tuple[int, int, str, str]] = []  # line, column, text and quote of each image's alt
        self._hidden = 0
        self._joinable = False  # only inline tags since the last piece, which ended with a letter or digit

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._alt(tag)
        self._tag(tag, opening=True)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._alt(tag)
        self._joinable = self._joinable and tag in _INLINE

    def _alt(self, tag: str) -> None:
        if self._hidden or tag not in _ALT_ELEMENTS:
            return
        written = self.get_starttag_text() or ""
        found = alt_text(written)
        if found is None or not found[1].strip():
            return
        line, column = self.getpos()
        before = written[:found[0]]
        if "\n" in before:
            line, column = line + before.count("\n"), len(before) - before.rfind("\n") - 1
        else:
            column += len(before)
        quote = written[found[0] - 1] if written[found[0] - 1] in "'\"" else ""
        self.alts.append((line - 1, column, html.unescape(found[1]), quote))

    def handle_endtag(self, tag: str) -> None:
        self._tag(tag, opening=False)

    def _tag(self, tag: str, opening: bool) -> None:
        if tag in _HIDDEN:
            self._hidden = self._hidden + 1 if opening else max(self._hidden - 1, 0)
        self._joinable = self._joinable and tag in _INLINE

    def handle_comment(self, data: str) -> None:
        self._joinable = False

    def handle_data(self, data: str) -> None:
        if self._hidden:
            self._joinable = False
            return
        line, column = self.getpos()
        glued = self._joinable and data[:1].isalnum()
        if data.strip():
            self.pieces.append((line - 1, column, data, glued))
        self._joinable = data[-1:].isalnum()


def pieces(fragment: str) -> list[Piece]:
    """The visible text pieces of `fragment`, images' alt texts included, in order; never raises."""
    reader = _Reader()
    feed(reader, fragment)
    found = reader.pieces
    text = [Piece(line, column, text, glued, index + 1 < len(found) and found[index + 1][3])
            for index, (line, column, text, glued) in enumerate(found)]
    alts = [Piece(line, column, text, False, False, True, quote) for line, column, text, quote in reader.alts]
    return sorted(text + alts, key=lambda piece: (piece.line, piece.column))
