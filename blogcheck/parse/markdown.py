"""The post body as markdown-it-py tokens, with a way back to file positions.

markdown-it gives block tokens a line range (`token.map`, 0-based in the body);
inline children have none, so a child's column is found by searching for its
text inside its block's source lines, left to right (`Cursor`)."""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

    from markdown_it import MarkdownIt
    from markdown_it.rules_block import StateBlock
    from markdown_it.rules_core import StateCore
    from markdown_it.token import Token


def tokens(body: str, env: dict[str, Any] | None = None) -> list[Token]:
    """CommonMark plus GFM tables and strikethrough, as Jekyll's kramdown GFM reads.
    `env`, when given, receives the reference definitions (`env["references"]`)."""
    return parser().parse(body, env)


def tokens_where(body: str, keep: Callable[[list[Token], int], bool], env: dict[str, Any] | None = None) -> list[Token]:
    """Like `tokens`, but inline Markdown (two thirds of markdown-it's time) is
    parsed only in the inline tokens `keep(stream, index)` picks; the others get
    no children. Exact for a caller that only needs what `keep` lets through."""
    env = {} if env is None else env
    stream = parser(block_only=True).parse(body, env)
    inline = parser()
    for number, token in enumerate(stream):
        if token.type == "inline":
            token.children = inline.parseInline(token.content, env)[0].children if keep(stream, number) else []
    return stream


@functools.lru_cache(maxsize=2)
def blocks(body: str) -> tuple[list[Token], dict[str, Any]]:
    """The block tokens of `body` (inline Markdown not parsed) and the env holding its
    reference definitions, for the last two bodies asked: the markup checks that read
    the same post parse it once. Shared: read them, never change them."""
    env: dict[str, Any] = {}
    return parser(block_only=True).parse(body, env), env


@functools.lru_cache(maxsize=3)
def parser(block_only: bool = False, escapes_apart: bool = False) -> MarkdownIt:
    """The one parser configuration, built once; with `block_only`, its block rules
    only (inline tokens are then parsed one by one, where they are needed); with
    `escapes_apart`, an escape or entity (`\\_`, `&amp;`) stays a token of its own
    (`text_special`), so that each text token is written as such in the source."""
    from markdown_it import MarkdownIt
    from markdown_it.rules_block.lheading import lheading

    from blogcheck.parse import kramdown_cells, kramdown_links

    class Parser(MarkdownIt):
        def validateLink(self, url: str) -> bool:  # markdown-it's name
            """Every link target is a link. markdown-it drops `file:`, `javascript:`,
            `vbscript:` and `data:` ones (a safety rule for the HTML it renders);
            kramdown keeps them, so a pasted `file:///C:/...` image is one here too."""
            return True

        def normalizeLink(self, url: str) -> str:  # markdown-it's name
            """markdown-it rebuilds a URL from its parts; one with an invalid host or port, or
            a bracketed IP host (`http://[::1`, `https://[fe80::1%25eth0]/`), comes out
            rewritten (`http://:1%5B:`), as written nowhere in the post. Such a URL is only
            percent-encoded (an IP has no name to punycode), so its finding is placed. So is
            one with an international host: markdown-it punycodes it without the case
            mapping browsers apply (`MÜNCHEN` became `xn--MNCHEN-psa`, another domain), and
            the check reads the host as written, with IDNA's own mapping (dedupe.normalise)."""
            from urllib.parse import urlsplit

            from mdurl import encode

            try:
                parts = urlsplit(url)
                parts.port  # noqa: B018 - raises for an invalid host or port
            except ValueError:
                return str(encode(url))
            plain = "[" in parts.netloc or not parts.netloc.isascii()
            return str(encode(url)) if plain else str(super().normalizeLink(url))

    md = Parser("commonmark").enable(["table", "strikethrough"])
    md.core.ruler.at("normalize", _normalize)
    md.helpers = kramdown_links  # link URLs with spaces, as kramdown reads them
    md.block.ruler.at("reference", kramdown_links.reference)  # `[^1]: Note.` is a footnote, not a link target
    md.block.ruler.at("lheading", _one_line_setext(lheading))
    md.block.ruler.at("table", kramdown_cells.table, {"alt": kramdown_cells.ALT})  # no cell split inside code
    if escapes_apart:
        md.disable("text_join")
    return md.disable(["inline", "text_join"]) if block_only else md


def _one_line_setext(lheading: Callable[[StateBlock, int, int, bool], bool]
                     ) -> Callable[[StateBlock, int, int, bool], bool]:
    """markdown-it's setext heading rule `lheading`, for one line of text only, as kramdown
    reads them: `Line one` / `Line two` / `---` is a paragraph to kramdown (the `---` an
    em dash in it, checked with kramdown 2.4), not an `<h2>` of both lines."""

    def rule(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        before = len(state.tokens)
        if not lheading(state, start, end, silent):
            return False
        opened = state.tokens[before] if len(state.tokens) > before else None
        if opened is None or opened.map is None or opened.map[1] - opened.map[0] <= 2:
            return True
        del state.tokens[before:]  # lheading put parentType back itself; the paragraph rule takes the lines
        state.line = start
        return False

    return rule


def _normalize(state: StateCore) -> None:
    """markdown-it's own step, except that a lone CR is no line break: blogcheck counts
    lines as git does, at `\n` only, and a CR that markdown-it counted put every
    position after it on a later line than the file's (past its end: a crash)."""
    state.src = state.src.replace("\r\n", "\n").replace("\0", "\ufffd")


def line_tokens(block: Token, ranges: list[tuple[int, int]]) -> list[tuple[int, Token]]:
    """The tokens of some lines of a block token (`(first, stop)` ranges of its
    content, e.g. the Markdown kramdown reads inside raw HTML), each with the range's
    first line and its `map` moved to the body's lines."""
    assert block.map is not None
    content = block.content.split("\n")
    found = []
    for first, stop in ranges:
        for sub in tokens("\n".join(content[first:stop])):
            if sub.map is not None:
                sub.map = [sub.map[0] + block.map[0] + first, sub.map[1] + block.map[0] + first]
                found.append((first, sub))
    return found


def _found(column: int, length: int) -> tuple[int, int] | None:
    return (column, length) if column >= 0 else None


@dataclass
class Cursor:
    """Finds successive inline texts in a block's lines, in reading order, and
    turns them into 1-based file positions."""

    lines: list[str]  # the body's lines
    body_line: int  # file line of body line 0
    start: int  # first body line of the block
    end: int  # one past its last body line
    _line: int = field(init=False)
    _col: int = field(init=False, default=0)

    def __post_init__(self) -> None:
        self._line = self.start

    def find(self, needle: str, within: int | None = None) -> tuple[int, int] | None:
        """File (line, column) of the next `needle` at or after the cursor; the
        cursor moves past it. None when it is not in the block (e.g. it spans lines),
        or, with `within`, not in the next `within` characters (a line break counts one).
        One search of the block's text (the hot path: every text of a post, and a
        reference link's URL looked for in its paragraph first: a Python loop per line
        was quadratic on a paragraph of thousands of them)."""
        last = min(self.end, len(self.lines))
        if "\n" in needle or not self.start <= self._line < last:
            return None if "\n" in needle or self._line >= last else self._find_by_line(needle, within)
        text, starts = self._block
        row = self._line - self.start
        at = starts[row] + min(self._col, len(self.lines[self._line]))
        found = text.find(needle, at, len(text) if within is None else min(len(text), at + within))
        if found < 0:
            return None
        row = bisect.bisect_right(starts, found) - 1
        column = found - starts[row]
        self._line, self._col = self.start + row, column + len(needle)
        return self.body_line + self._line, column + 1

    @functools.cached_property
    def _block(self) -> tuple[str, list[int]]:
        """The block's lines joined, and where each starts in it."""
        rows = self.lines[self.start : min(self.end, len(self.lines))]
        return "\n".join(rows), list(itertools.accumulate((len(row) + 1 for row in rows[:-1]), initial=0))

    def _find_by_line(self, needle: str, within: int | None) -> tuple[int, int] | None:
        """`find` from a place before the block (`move_to`), line by line."""
        return self._next(lambda line, start, stop: _found(line.find(needle, start, stop), len(needle)), within)

    def search(self, pattern: re.Pattern[str], within: int | None = None) -> tuple[int, int] | None:
        """Like `find`, for the next match of `pattern` (within one line)."""

        def match(line: str, start: int, stop: int) -> tuple[int, int] | None:
            found = pattern.search(line, start, stop)
            return (found.start(), found.end() - found.start()) if found else None

        return self._next(match, within)

    def _next(self, look: Callable[[str, int, int], tuple[int, int] | None],
              within: int | None) -> tuple[int, int] | None:
        budget = within
        for number in range(self._line, min(self.end, len(self.lines))):
            line = self.lines[number]
            start = self._col if number == self._line else 0
            stop = len(line) if budget is None else min(len(line), start + budget)
            found = look(line, start, stop)
            if found is not None:
                self._line, self._col = number, found[0] + found[1]
                return self.body_line + number, found[0] + 1
            if budget is not None:
                budget -= stop - start + 1
                if budget <= 0:
                    return None
        return None

    def move_to(self, number: int, column: int) -> None:
        """Go on from body line `number`, column `column` (both 0-based)."""
        self._line, self._col = number, column

    @classmethod
    def for_block(cls, lines: list[str], body_line: int, token: Token) -> Cursor:
        start, end = token.map if token.map else (0, len(lines))
        return cls(lines, body_line, start, end)
