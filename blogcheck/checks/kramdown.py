"""What kramdown, Jekyll's Markdown, makes of a post where the preview a writer reads
(GitHub, an editor: CommonMark) shows something else (see `jekyll/kramdown_tables`
and `jekyll/kramdown_lists`).

BC603 paragraph-table: ML notes write `P(Y|X)` and `<|endoftext|>` in the text; each
such paragraph is a table of cells on the page, and its `|` are gone (24 paragraphs of
the seed blog). `check --fix` escapes the pipes (`P(Y\\|X)`), which both readers show
as `|`. BC604 table-not-rendered: a table kramdown shows as text; `--fix` puts in the
blank lines it needs. BC605 list-numbering: a list that the preview numbers from 2 and
kramdown from 1, most often steps with an image between them; `--fix` indents what
stands between, so that one list goes on."""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from blogcheck.checks import Context, kramdown_fences, kramdown_swallowed, kramdown_ticks
from blogcheck.codes import diagnostic
from blogcheck.diagnostic import Diagnostic
from blogcheck.jekyll.kramdown_blocks import RawBlock, may_keep_raw, raw_blocks
from blogcheck.jekyll.kramdown_blocks import read as read_blocks
from blogcheck.jekyll.kramdown_html import KNOWN as _KNOWN
from blogcheck.jekyll.kramdown_html import honoured, markdown_attribute, parses_markdown, tag_end
from blogcheck.post import Post
from blogcheck.suppress import spans_silenced, suppressions

if TYPE_CHECKING:
    from markdown_it.token import Token

    from blogcheck.jekyll.kramdown_lists import ParenList, Renumbered, TextNumbers
    from blogcheck.jekyll.kramdown_tables import Table, Unrendered

CODES = ["BC603", "BC604", "BC605", "BC608", "BC609", "BC610", *kramdown_fences.CODES, *kramdown_ticks.CODES,
         *kramdown_swallowed.CODES]
# What the preview renders inside an HTML block and kramdown shows as typed (indented code is left out:
# inside HTML it is most often indented HTML, which kramdown renders as the writer meant).
_SHOWN_AS_TYPED = {"heading_open": "a heading", "bullet_list_open": "a list", "ordered_list_open": "a list",
                   "blockquote_open": "a quote", "table_open": "a table", "fence": "a code block", "hr": "a rule"}
_INLINE_AS_TYPED = {"em_open": "emphasis", "strong_open": "bold text", "link_open": "a link", "image": "an image",
                    "code_inline": "code", "s_open": "struck text"}
_ORDERED = re.compile(r"^[ \t>]*(?!1\.)\d{1,9}\.[ \t]", re.M)  # an item numbered other than 1
# two `1)` items in one paragraph: one under the other, or with a few lines of the first between
_PAREN = re.compile(r"^[ \t>]*\d{1,9}\)[ \t].*\n(?:[ \t>]*[^\s>].*\n){0,20}?[ \t>]*\d{1,9}\)[ \t]", re.M)


def check(post: Post, ctx: Context) -> Iterator[Diagnostic]:
    """The findings; one about several lines (a paragraph, a list) is silenced by a mark
    on any of them, so that `--fix` edits no line the writer silenced."""
    marks: dict[int, frozenset[str]] | None = None  # read once there is a finding
    for found, about in _found(post, ctx):
        marks = suppressions(post.text) if marks is None else marks
        if not spans_silenced(found, marks, about):
            yield found


def _found(post: Post, ctx: Context) -> Iterator[tuple[Diagnostic, tuple[int, ...]]]:
    """Each finding, with the lines it is about besides its own and those its fix edits."""
    from blogcheck.select import check_wanted

    if not check_wanted("markup", CODES, ctx.config.select, ctx.config.ignore):
        return
    body = post.body
    pipes, numbers, parens = "|" in body, _ORDERED.search(body) is not None, _PAREN.search(body) is not None
    html = may_keep_raw(body, ctx.site.raw_html_blocks)
    fences = kramdown_fences.wanted(body)
    swallows = kramdown_swallowed.wanted(body)
    if not (pipes or numbers or parens or html or fences or swallows) or not ctx.site.kramdown \
            or not ctx.site.converts_markdown(post.path):
        return
    from blogcheck.jekyll.kramdown_lists import paren_lists, renumbered, text_numbers
    from blogcheck.jekyll.kramdown_tables import read

    lines, stream, env = read_blocks(body)  # shared with the markup check, as is the parse
    made, as_text = read(lines, stream) if pipes else ([], [])
    raw = body.split("\n")
    for table in made:
        if not table.shown and not table.meant and any(table.pipes.values()):
            yield _paragraph_table(post, raw, table), (post.body_line + table.first, post.body_line + table.stop - 1)
    for found in as_text:
        yield _not_rendered(post, raw, found), ()
    for found_list in renumbered(lines, stream) if numbers else ():
        yield _numbered(post, raw, found_list), ()
    for typed in text_numbers(lines, stream) if numbers else ():
        yield _typed_numbers(post, raw, typed), tuple(post.body_line + n for n, _ in typed.dots)
    for paren in paren_lists(lines, stream) if parens else ():
        yield _paren_list(post, paren), ()
    if fences:
        yield from kramdown_fences.found(post, lines, raw, stream, fences)
    if fences.ticks and ctx.site.markdown_input.lower() != "gfm":  # kramdown's own parser: `~~~` fences only
        yield from kramdown_ticks.found(post, lines, raw, stream, ctx.site.markdown_input)
    if swallows:
        yield from kramdown_swallowed.found(post, lines, raw, stream)
    mapped = [token for token in stream if token.map is not None] if html else []
    firsts = [token.map[0] for token in mapped if token.map is not None]  # in order: the blocks as written
    for block in raw_blocks(lines.text, stream) if html else ():
        if block.markdown:
            end = _end_after_text(lines.text, block)
            if end is not None:
                yield _end_in_text(post, block, *end), ()
            continue
        if block.end is None and any(line.strip() for line in lines.text[block.stop:]):
            yield _unclosed(post, lines.text, block), ()
        elif block.end is not None:
            inside = mapped[bisect.bisect_right(firsts, block.first):bisect.bisect_right(firsts, block.end)]
            shown = _markdown_inside(inside, block, env)
            if shown is None:
                continue
            chosen = markdown_attribute("\n".join(lines.text[block.first:block.end + 1]), block.column)
            if chosen is None or not honoured(chosen, block.name.lower()):  # else the writer chose, and kramdown obeys
                yield _markdown_in_html(post, raw, block, *shown, chosen), (post.body_line + shown[0],)


def _end_after_text(text: list[str], block: RawBlock) -> tuple[int, int] | None:
    """(body line, column), 0-based, of the end tag of a `markdown="1"` block when text stands
    before it on its line (`**Note:** read this.</div>`): kramdown takes an end tag only at
    a line's start there, so it shows `</div>` as text and the element runs on to the
    post's end. None when it is placed right, or when another element of that name opens
    first (not followed here)."""
    starts = list(itertools.accumulate((len(line) + 1 for line in text), initial=0))
    joined = "\n".join(text)
    opened = tag_end(joined, starts[block.first] + block.column)
    if opened is None:
        return None
    name = re.escape(block.name)
    close = re.compile(rf"</{name}\s*>", re.IGNORECASE).search(joined, opened + 1)
    if close is None or re.compile(rf"<{name}\b", re.IGNORECASE).search(joined, opened + 1, close.start()):
        return None
    line = bisect.bisect_right(starts, close.start()) - 1
    before = joined[max(starts[line], opened + 1) : close.start()]
    return (line, close.start() - starts[line]) if before.strip() else None


def _end_in_text(post: Post, block: RawBlock, line: int, column: int) -> Diagnostic:
    """BC609 for a `markdown="1"` block whose end tag follows text on its line."""
    tag = f"</{block.name}>"
    at, col = post.body_line + line, column + 1
    diag = diagnostic("BC609", post.display, at, col,
                      f"`{tag}` after text on its line is no end tag to kramdown in a `markdown=\"1\"` block: the page "
                      f"shows `{tag}` as text, and the rest of the post is inside the `<{block.name}>`",
                      f"put `{tag}` on a line of its own (check --fix does)",
                      fix=[[at, col, tag, "\n" + tag]])
    return dataclasses.replace(diag, end_line=at, end_column=col + len(tag))


def _markdown_inside(inside: list[Token], block: RawBlock, env: dict[str, Any]) -> tuple[int, str] | None:
    """The first Markdown the preview reads inside the raw block (after a blank line in
    it; `inside`: the block tokens that start there) that kramdown shows as typed: (body
    line, what it is). Plain text shows alike."""
    from blogcheck.parse.markdown import parser

    for token in inside:
        if token.map is None or token.map[0] in block.literal:
            continue
        if token.type in _SHOWN_AS_TYPED:
            return token.map[0], _SHOWN_AS_TYPED[token.type]
        if token.type == "inline":
            children = parser().parseInline(token.content, env)[0].children or []
            kind = next((_INLINE_AS_TYPED[c.type] for c in children if c.type in _INLINE_AS_TYPED), "")
            if kind:
                return token.map[0], kind
    return None


def _markdown_in_html(post: Post, raw: list[str], block: RawBlock, at: int, what: str,
                      chosen: str | None) -> Diagnostic:
    """BC610: Markdown inside an HTML block, which kramdown keeps raw: the page shows it as typed.
    `chosen`: the tag's own `markdown` value, which kramdown ignores here (None: it has none)."""
    line, column = post.body_line + block.first, block.column + 1
    opens = parses_markdown(block.name.lower())
    # None: the tag goes on to the next line, or says `markdown=` already (a second one is no fix)
    close = tag_end(raw[block.first], block.column) if opens and chosen is None else None
    extra: dict[str, object] = {}
    if close is not None:  # the fix: `markdown="1"` in the opening tag, before its `>`
        extra["fix"] = [[line, close + 1, "", ' markdown="1"']]
    hint = f'add `markdown="1"` to this `<{block.name}>` tag, and kramdown reads its inside as Markdown' if opens \
        else f'kramdown keeps a `<{block.name}>`\'s inside raw even with `markdown="1"`: write it in HTML'
    if opens and chosen is not None:
        written = f'`markdown="{chosen}"`' if chosen else "`markdown` without a value"
        hint = (f'kramdown knows `markdown="1"`, "block", "span" and "0", and reads {written} as no switch: write '
                '`markdown="1"` for Markdown inside, or `markdown="0"` to keep it as typed')
    diag = diagnostic("BC610", post.display, line, column,
                      f"the Markdown inside this `<{block.name}>` ({what} on line {post.body_line + at}) shows as "
                      "typed on the page: kramdown reads an HTML block's inside as HTML (the preview renders it)",
                      hint, **extra)
    return dataclasses.replace(diag, end_line=line, end_column=column + len(block.name) + 1)


def _unclosed(post: Post, text: list[str], block: RawBlock) -> Diagnostic:
    """BC609: kramdown keeps the block raw to the post's end; the Markdown after it shows as typed."""
    outer, *inner = block.left_open
    culprit = inner[0] if inner else outer
    starts = list(itertools.accumulate((len(line) + 1 for line in text), initial=0))
    at = bisect.bisect_right(starts, culprit.at) - 1
    line, column = post.body_line + at, culprit.at - starts[at] + 1
    after = "the rest of the post is raw HTML to kramdown, its Markdown shown as typed (the preview ends the block " \
        "at a blank line)"
    if inner:
        message = (f"`<{culprit.name}>` opens an HTML element that nothing closes, inside a `<{outer.name}>` block "
                   f"kramdown keeps raw, so its `</{outer.name}>` is text: {after}")
        hint = f"write `&lt;{culprit.name}>` for a `<` that starts no tag" if culprit.name.lower() not in _KNOWN \
            else f"close it with `</{culprit.name}>`"
    else:
        message, hint = f"this `<{outer.name}>` is never closed: {after}", f"close it with `</{outer.name}>`"
    diag = diagnostic("BC609", post.display, line, column, message, hint)
    return dataclasses.replace(diag, end_line=line, end_column=column + len(culprit.name) + 1)


def _numbered(post: Post, raw: list[str], found: Renumbered) -> Diagnostic:
    line = post.body_line + found.first
    text = raw[found.first]
    column = len(text) - len(text.lstrip(" \t>")) + 1
    extra: dict[str, object] = {}
    if found.indent:
        extra["fix"] = [[post.body_line + n, 1, "", " " * found.by] for n in found.indent]
        first, last = post.body_line + found.indent[0], post.body_line + found.indent[-1]
        lines = f"line {first}" if first == last else f"lines {first}-{last}"
        why = f"{lines}, not indented to the items above, end the list there" if first != last else \
            f"line {first}, not indented to the items above, ends the list there"
        hint = f"indent {lines} by {found.by} spaces (check --fix does), so that one list goes on"
    else:
        why = "kramdown keeps no start number"
        hint = f'put `{{: start="{found.start}"}}` on the line above the list (kramdown reads it), or number from 1'
    diag = diagnostic("BC605", post.display, line, column,
                      f"item `{found.start}.` shows as `1.` on the page (the Markdown preview shows {found.start}): "
                      f"{why}, and kramdown numbers each new list from 1", hint, **extra)
    return dataclasses.replace(diag, end_line=line, end_column=column + len(str(found.start)) + 1)


def _typed_numbers(post: Post, raw: list[str], found: TextNumbers) -> Diagnostic:
    """BC605: numbered lines under a line of text, a list on the page from 1."""
    line, dot = post.body_line + found.first, found.dots[0][1]
    text = raw[found.first]
    column = len(text) - len(text.lstrip(" \t")) + 1
    number = text[column - 1:dot]
    diag = diagnostic("BC605", post.display, line, column,
                      f"`{number}.` right under a line of text starts a list on the page: kramdown ends the paragraph "
                      f"there and numbers the list from 1 (`{number}.` shows as `1.`); the Markdown preview shows the "
                      "lines as typed",
                      f"escape the dot, `{number}\\.`, to keep the numbers as typed (check --fix does); or put a "
                      f"blank line above and `{{: start=\"{number}\"}}` before the list",
                      fix=[[post.body_line + n, at + 1, ".", "\\."] for n, at in found.dots])
    return dataclasses.replace(diag, end_line=line, end_column=column + len(number) + 1)


















def _paren_list(post: Post, found: ParenList) -> Diagnostic:
    line, column = post.body_line + found.first, found.markers[0][1] + 1
    diag = diagnostic("BC608", post.display, line, column,
                      f"kramdown reads no `1)` list: these {len(found.markers)} items run together into one paragraph "
                      "on the page (the Markdown preview shows a list)",
                      "number them `1.`, `2.`, ... (check --fix does), or put a blank line between them",
                      fix=[[post.body_line + n, paren + 1, ")", "."] for n, _, paren in found.markers])
    return dataclasses.replace(diag, end_line=line, end_column=found.markers[0][2] + 2)


def _paragraph_table(post: Post, raw: list[str], table: Table) -> Diagnostic:
    at_line, first = next((n, c[0]) for n, c in sorted(table.pipes.items()) if c)  # the first line with a pipe
    source = raw[at_line].rstrip("\r")
    words = source.split(" ")
    at = source[:first].count(" ")  # the word holding the pipe; a lone `|` with its neighbours
    word = " ".join(words[max(at - 1, 0):at + 2]) if words[at] == "|" else words[at]
    line, column = post.body_line + at_line, first + 1
    rows = table.stop - table.first
    what = "this paragraph" if rows == 1 else f"these {rows} lines"
    edits = [[post.body_line + n, c + 1, "|", "\\|"] for n, columns in table.pipes.items() for c in columns]
    extra = {"fix": edits} if table.escapable else {}
    hint = "write `\\|` for a `|` of the text, or put code in backticks" if table.escapable else \
        "in `$$` math write `\\mid` or `\\vert` for `|`, in a URL `%7C`; elsewhere `\\|`, or put code in backticks"
    diag = diagnostic("BC603", post.display, line, column,
                      f"kramdown makes {what} a table: the `|` in `{word}` splits it into cells, and the page "
                      "shows no `|` (the Markdown preview shows the text)", hint, **extra)
    return dataclasses.replace(diag, end_line=line, end_column=column + 1)


def _not_rendered(post: Post, raw: list[str], found: Unrendered) -> Diagnostic:
    why = []
    if found.blank_before:
        why.append("kramdown starts a table only after a blank line, and the line above is text")
    if found.blank_at is not None:
        why.append(f"a table must end at a blank line, and line {post.body_line + found.blank_at} is text under it")
    if found.no_body:
        why.append("it has no row under its header, and kramdown drops such a table")
    at = [n for n in (found.first if found.blank_before else None, found.blank_at) if n is not None]
    edits = [[post.body_line + n, 1, "", _blank_line(raw[found.first], raw[n])] for n in at]
    extra = {"fix": edits} if edits and not found.no_body else {}
    hint = "put a blank line before the table and after it" if edits else "add a row under the header"
    line = post.body_line + found.first
    diag = diagnostic("BC604", post.display, line, 1,
                      "this table shows as text on the page, its pipes and dashes in a paragraph (the Markdown "
                      f"preview shows a table): {'; '.join(why)}", hint, **extra)
    return dataclasses.replace(diag, end_line=line, end_column=len(raw[found.first]) + 1)


def _blank_line(table: str, before: str) -> str:
    """A blank line to put before the line `before`, inside the quote (`>`) the table's
    first line `table` is in, with the file's line ending."""
    marks = table[:len(table) - len(table.lstrip(" \t>"))].rstrip(" \t")
    return marks + ("\r\n" if before.endswith("\r") else "\n")
