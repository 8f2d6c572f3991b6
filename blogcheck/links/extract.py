"""Every link of a post, with its kind and file position, from markdown-it tokens.

The body is parsed with its Liquid masked (same length, character for character),
so an offset in the masked text is one in the real text, and `raw` is cut from the
real text. A Liquid tag that a wrapped paragraph breaks across lines has its break
moved out (wrapped.py): the masked lines may then differ from the real ones, so a
place found in the masked lines goes back through its offset (`Parsed.at`).
Code spans and blocks give no link tokens; raw HTML is read by links/html.py;
links inside `{% raw %}`, `{% comment %}` and `{% highlight %}` are dropped."""

from __future__ import annotations

import bisect
import copy
import dataclasses
import html as htmllib
import re
import textwrap
from collections.abc import Callable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from blogcheck.jekyll.kramdown_html import literal_spans
from blogcheck.links import block_comments, comment_line, html, liquid, wrapped
from blogcheck.links.model import Kind, Link
from blogcheck.parse import kramdown_comments
from blogcheck.parse.markdown import Cursor, line_tokens, parser, tokens_where
from blogcheck.post import Post

if TYPE_CHECKING:
    from markdown_it.token import Token

_NEAR = 8192  # characters of link text (and markup) a link's target may follow
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_ESCAPED_MAX = 512  # characters of a URL looked for with escapes in it (a longer one would cost a scan each)
_ESCAPABLE = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")  # what a backslash escapes in Markdown
# one character as UTF-8 escapes (`%2f`, `%C3%BC`): markdown-it keeps an escape as written
_CHARACTER = re.compile(r"%(?:[0-7][0-9a-f]|[c-d][0-9a-f]%[89ab][0-9a-f]|e[0-9a-f](?:%[89ab][0-9a-f]){2}|"
                        r"f[0-7](?:%[89ab][0-9a-f]){3})", re.IGNORECASE)


@dataclass(frozen=True)
class Parsed:
    post: Post
    lines: list[str]  # the body's lines as written
    masked: list[str]  # the same with Liquid masked (and the line breaks of wrapped tags moved)
    starts: list[int]  # body offset of each line
    mstarts: list[int]  # body offset of each masked line (`starts` itself when no break moved)
    tokens: list[Token]
    definitions: dict[str, list[tuple[int, int]]]  # href -> line ranges of its reference definitions
    tags: list[liquid.Tag]  # the Liquid tags that render (not in raw/comment)
    quiet: list[tuple[int, int]]  # body offsets whose links are not checked
    references: dict[str, Any] = field(default_factory=dict)  # markdown-it's reference definitions

    def position(self, offset: int) -> tuple[int, int]:
        """File (line, column) of a body offset."""
        row = bisect.bisect_right(self.starts, offset) - 1
        return self.post.body_line + row, offset - self.starts[row] + 1

    def offset(self, line: int, column: int) -> int:
        return self.starts[line - self.post.body_line] + column - 1

    def at(self, line: int, column: int) -> int:
        """The body offset of a place found in the masked lines."""
        return self.mstarts[line - self.post.body_line] + column - 1

    def cut(self, line: int, column: int, length: int) -> str:
        """The real text at a place found in the masked lines."""
        start = self.at(line, column)
        return self.post.body[start : start + length]


# Every inline link, image, autolink, raw HTML tag, footnote and attribute list starts with one of
# these (an entity may stand for one): inline text without them holds no link and no id.
_MAY_LINK = ("[", "<", "{", "&")


def _may_link(stream: list[Token], number: int) -> bool:
    """Inline Markdown worth parsing for links and ids: a heading's (its text makes
    an id), or one with a character that can start a link, a tag or an id."""
    content = stream[number].content
    heading = number > 0 and stream[number - 1].type == "heading_open"
    return heading or any(mark in content for mark in _MAY_LINK)


def parse(post: Post) -> Parsed:
    # `render_with_liquid: false`: Jekyll renders no Liquid, so no tag is one (`{% post_url %}` is text)
    every = liquid.tags(post.body) if post.data.get("render_with_liquid") is not False else []
    no_liquid, quiet = liquid.quiet(post.body, every)
    quiet = liquid.union([*quiet, *kramdown_comments.regions(post.body)])  # `{::comment}`: no link either
    masked = liquid.mask(post.body, every, distinct=True)
    env: dict[str, Any] = {}
    stream = tokens_where(masked, _may_link, env)
    lines = post.body.split("\n")
    starts = _starts(lines)
    mstarts = starts
    broken = [tag for tag in liquid.live(every, no_liquid) if "\n" in post.body[tag.start : tag.end]]
    if broken:
        unwrapped = wrapped.unwrap(masked, broken, _paragraph_rows(stream))
        if unwrapped != masked:
            masked, env = unwrapped, {}
            stream = tokens_where(masked, _may_link, env)
            mstarts = _starts(masked.split("\n"))
    return Parsed(post, lines, masked.split("\n"), starts, mstarts, stream, _definitions(env),
                  liquid.live(every, no_liquid), quiet, env.get("references", {}))


def _definitions(env: dict[str, Any]) -> dict[str, list[tuple[int, int]]]:
    definitions: dict[str, list[tuple[int, int]]] = {}
    for reference in env.get("references", {}).values():
        if reference.get("map"):
            definitions.setdefault(str(reference.get("href")), []).append(tuple(reference["map"]))
    return definitions


def _as_kramdown(parsed: Parsed) -> Parsed:
    """`parsed` read again with the comments that start a block written over, when it
    has any: kramdown reads the lines after such a comment as one paragraph (block_comments);
    the code kramdown reads after one is quiet: no link; and so are the lines it takes into
    an indented code block above them (`kramdown_lazy_code`)."""
    from blogcheck.jekyll.kramdown_lazy_code import rows

    read = block_comments.read(parsed.masked, parsed.tokens)
    ends = [*parsed.mstarts[1:], len(parsed.post.body) + 1]  # past each masked row
    code = [(parsed.mstarts[row] + column, ends[stop - 1]) for row, column, stop in read.code]
    code += [(parsed.starts[n], parsed.starts[n] + len(parsed.lines[n])) for n in sorted(rows(parsed.post.body))]
    if code:
        parsed = dataclasses.replace(parsed, quiet=liquid.union([*parsed.quiet, *code]))
    if read.lines is parsed.masked:
        return parsed
    env: dict[str, Any] = {}
    stream = tokens_where("\n".join(read.lines), _may_link, env)
    return dataclasses.replace(parsed, masked=read.lines, tokens=stream, definitions=_definitions(env),
                               references=env.get("references", {}))


def _starts(lines: list[str]) -> list[int]:
    starts, total = [], 0
    for line in lines:
        starts.append(total)
        total += len(line) + 1
    return starts


def _paragraph_rows(stream: list[Token]) -> set[int]:
    """The 0-based lines of the paragraphs (not code, tables or HTML)."""
    return {row for number, token in enumerate(stream[1:], 1)
            if token.type == "inline" and token.map and stream[number - 1].type == "paragraph_open"
            for row in range(token.map[0], token.map[1])}


Resolve = Callable[[str], str]


def links(parsed: Parsed, resolve: Resolve, raw: AbstractSet[int] = frozenset(), kramdown: bool = True) -> list[Link]:
    """The post's Markdown and HTML links, each once, in file order. `raw`: the body's
    lines (0-based) that kramdown keeps as raw HTML, where Markdown is shown as typed
    (`<details>`, a blank line, `[x](url)`: BC610), so only their HTML links are links.
    `kramdown`: the site converts with kramdown (the text after a comment that starts a
    line is Markdown: `<!--more--> Read [on](/x)`), not CommonMark (an HTML block)."""
    found: dict[tuple[str, int, int, Kind], Link] = {}
    parsed = _as_kramdown(parsed) if kramdown else parsed
    for token in parsed.tokens:
        if token.type == "inline":
            items = _inline(parsed, token, resolve, html_only=token.map is not None and token.map[0] in raw,
                            kramdown=kramdown)
        elif token.type == "html_block" and token.map:
            items = _html_block(parsed, token, resolve, kramdown)
        else:
            continue
        for link in items:
            if not liquid.inside(parsed.offset(link.line, link.column), parsed.quiet):
                found.setdefault((link.raw, link.line, link.column, link.kind), link)
    in_tags = [*_argument_links(parsed, resolve), *_video_links(parsed), *_include_images(parsed, resolve)]
    tagged = [(at, link) for link in in_tags
              if not liquid.inside(at := parsed.offset(link.line, link.column), parsed.quiet)]
    coded = _in_code(parsed, [at for at, _ in tagged])
    for at, link in tagged:
        if at not in coded:
            found.setdefault((link.raw, link.line, link.column, link.kind), link)
    return sorted(found.values(), key=lambda k: (k.line, k.column))


_MARKS = 0xF0000  # Supplementary Private Use Area-A: no Markdown syntax, in no post
_MARKS_MAX = 65_534


def _in_code(parsed: Parsed, offsets: list[int]) -> set[int]:
    """Of the body `offsets` (each inside a Liquid tag), those whose tag is shown as
    code (a fence, an indented block, a code span) rather than rendered: its video or
    image is no embed then."""
    return set(code_blocks(parsed, offsets))


def fenced(parsed: Parsed, offsets: list[int]) -> dict[int, int]:
    """Of the body `offsets`, those in a fence or an indented code block, each with the
    index of that block in `parsed.tokens` (as `code_blocks` gives it)."""
    found: dict[int, int] = {}
    for number, token in enumerate(parsed.tokens):
        if token.map and token.type in ("fence", "code_block"):
            first, stop = parsed.mstarts[token.map[0]], parsed.mstarts[min(token.map[1], len(parsed.mstarts) - 1)]
            found.update((offset, number) for offset in offsets if first <= offset < stop)
    return found


def code_blocks(parsed: Parsed, offsets: list[int]) -> dict[int, int]:
    """Of the body `offsets` (each inside a Liquid tag), those whose tag is written in
    code, each with the index of its fence, indented block or paragraph in
    `parsed.tokens`. Each paragraph holding such tags is parsed once more with every
    tag filled with a mark of its own, to see which marks land in code spans."""
    if not offsets:
        return {}
    block_of: dict[int, int] = {}  # body row -> index of its fence, code block or inline token
    for number, token in enumerate(parsed.tokens):
        if token.map and token.type in ("fence", "code_block", "inline"):
            for row in range(token.map[0], token.map[1]):
                block_of.setdefault(row, number)
    starts = [tag.start for tag in parsed.tags]
    coded: dict[int, int] = {}
    pending: dict[int, list[tuple[int, liquid.Tag]]] = {}  # inline token -> (offset, its tag)
    for offset in offsets:
        block = block_of.get(bisect.bisect_right(parsed.mstarts, offset) - 1)
        at = bisect.bisect_right(starts, offset) - 1
        if block is None or at < 0 or not parsed.tags[at].start <= offset < parsed.tags[at].end:
            continue
        if parsed.tokens[block].type != "inline":
            coded[offset] = block
        else:
            pending.setdefault(block, []).append((offset, parsed.tags[at]))
    for number, tagged in pending.items():
        coded.update(dict.fromkeys(_marked_in_code(parsed, parsed.tokens[number], tagged[:_MARKS_MAX]), number))
    return coded


def _marked_in_code(parsed: Parsed, block: Token, tagged: list[tuple[int, liquid.Tag]]) -> set[int]:
    assert block.map is not None
    first = parsed.mstarts[block.map[0]]
    text = list("\n".join(parsed.masked[block.map[0] : block.map[1]]))
    mark_of: dict[str, int] = {}
    for n, (offset, tag) in enumerate(tagged):
        mark = chr(_MARKS + n)
        mark_of[mark] = offset
        for i in range(max(tag.start - first, 0), min(tag.end - first, len(text))):
            if text[i] != "\n":
                text[i] = mark
    return {mark_of[mark] for token in parser().parse(textwrap.dedent("".join(text))) if token.type == "inline"
            for child in token.children or [] if child.type == "code_inline"
            for mark in set(child.content) & mark_of.keys()}


def _video_links(parsed: Parsed) -> Iterator[Link]:
    """Videos embedded with Liquid tags (`{% youtube ID %}`), as their URLs."""
    from blogcheck.links.videos import videos

    for offset, ident, url in videos(parsed.post.body, parsed.tags):
        yield Link(url, ident, Kind.EMBED, *parsed.position(offset))


def _include_images(parsed: Parsed, resolve: Resolve) -> Iterator[Link]:
    """Images, videos and sounds given to theme includes (`{% include figure image_path="..." %}`)."""
    from blogcheck.links.includes import media

    for offset, raw, url, kind in media(parsed.post.body, parsed.tags):
        yield Link(resolve(url), raw, kind, *parsed.position(offset))


def _argument_links(parsed: Parsed, resolve: Resolve) -> Iterator[Link]:
    """Markdown links and images inside the quoted arguments of Liquid tags, which
    themes render as Markdown (see `liquid.markdown_arguments`)."""
    for offset, text in liquid.markdown_arguments(parsed.post.body, parsed.tags):
        line, column = parsed.position(offset)
        row = line - parsed.post.body_line
        cursor = Cursor(parsed.lines, parsed.post.body_line, row, row + 1)
        cursor.move_to(row, column - 1)
        for child in parser().parseInline(text, {})[0].children or []:
            kind = {"image": Kind.IMAGE, "link_open": Kind.LINK}.get(child.type)
            href = str(child.attrs.get("src" if kind is Kind.IMAGE else "href", "")) if kind else ""
            where = _located(cursor, href) if kind and href else None
            if kind and where is not None:
                yield _link(parsed, where[0], where[1], kind, resolve, markdown=True, real=True)


def _html_block(parsed: Parsed, token: Token, resolve: Resolve, kramdown: bool = True,
                depth: int = 0) -> Iterator[Link]:
    """The HTML links of a block, and the Markdown links of the lines kramdown reads
    as Markdown (CommonMark does not): inside a first element that says
    `markdown="1"`, after the first element, and after a comment on its last line."""
    assert token.map is not None
    yield from _html(parsed, token.content, token.map[0], None, resolve)
    if kramdown and (comment := block_comments.COMMENT_FIRST.match(token.content)) is not None:
        yield from _after_comment(parsed, token, comment.end(1), resolve)
    if depth > 2:
        return
    start = html.markdown_from(token.content)
    parts = [html.markdown_inside(token.content), (start, token.content.count("\n") + 1) if start is not None else None]
    for _, sub in line_tokens(token, [p for p in parts if p]):
        if sub.type == "inline":
            yield from _inline(parsed, sub, resolve, kramdown=kramdown)
        elif sub.type == "html_block":
            yield from _html_block(parsed, sub, resolve, kramdown, depth + 1)


def _after_comment(parsed: Parsed, token: Token, end: int, resolve: Resolve) -> Iterator[Link]:
    """kramdown ends a comment that starts a block at its `-->`, and reads the rest of
    that line as a paragraph (`<!--more--> Read [the rest](/x)`: a link on the page);
    CommonMark makes the whole line an HTML block. (`links` has most such comments
    written over first, so that the paragraph runs on: here are those an HTML block follows.)"""
    assert token.map is not None
    found = comment_line.after(token.content, end)  # past the HTML elements closed on the line: raw
    if found.kind != "text":  # nothing, raw HTML or code
        return
    end, rest = found.start, token.content[found.start:].split("\n", 1)[0]
    row = token.map[0] + token.content[:end].count("\n")
    line = parsed.masked[row].rstrip("\r") if row < len(parsed.masked) else ""
    if not line.endswith(rest):  # a quote's `> ` before it, or a line moved: not placed, not guessed
        return
    inline = copy.copy(token)
    inline.type, inline.map, inline.content = "inline", [row, row + 1], rest
    inline.children = parser().parseInline(rest, {"references": parsed.references})[0].children  # `[x][r]` too
    yield from _inline(parsed, inline, resolve, column=len(line) - len(rest))


def _inline(parsed: Parsed, token: Token, resolve: Resolve, html_only: bool = False,
            column: int = 0, kramdown: bool = True) -> Iterator[Link]:
    """The links of an inline token; with `html_only`, its raw HTML's only (the Markdown
    ones are still placed, so that the cursor moves past them). `column`: where on its
    first line its text starts; `kramdown`: Markdown in `<code>`, `<mark>`... is text (see
    kramdown_html.raw_in_span), as it is not to CommonMark."""
    cursor = Cursor.for_block(parsed.masked, parsed.post.body_line, token)
    if column and token.map:
        cursor.move_to(token.map[0], column)
    pending: list[Token] = []
    autolink = False
    markdown: list[Link] = []
    literal: list[str] = []  # `<code>`, `<kbd>`... open: kramdown shows their Markdown as typed
    for child in token.children or []:
        found: Link | None = None
        if autolink:  # the autolink's own text: its URL, placed already (looked for again, it was
            autolink = child.type != "link_close"  # found in a later link that starts the same way)
        elif child.type in ("text", "code_inline"):
            cursor.find(child.content)
        elif child.type == "link_open" and child.markup == "autolink":
            autolink = True
            found = _markdown(parsed, cursor, str(child.attrs.get("href", "")), Kind.LINK, resolve)
        elif child.type == "link_open":
            pending.append(child)
        elif child.type == "link_close" and pending:
            found = _markdown(parsed, cursor, str(pending.pop().attrs.get("href", "")), Kind.LINK, resolve)
        elif child.type == "image":
            if child.content:  # past the alt text first, right after `![` (`[![`): an alt that is the URL
                cursor.find(child.content, len(child.content) + 4)  # is not the target
            found = _markdown(parsed, cursor, str(child.attrs.get("src", "")), Kind.IMAGE, resolve)
        elif child.type == "html_inline":
            if kramdown:
                literal_spans(child.content, literal)
            first = child.content.split("\n")[0]
            where = cursor.find(first)
            if where is not None:
                yield from _html(parsed, child.content, where[0] - parsed.post.body_line, where[1] - 1, resolve)
        if found is not None and not literal:  # (one inside is placed all the same: the cursor moves past it)
            markdown.append(found)
    if not html_only:
        yield from markdown


def _markdown(parsed: Parsed, cursor: Cursor, href: str, kind: Kind, resolve: Resolve) -> Link:
    """A Markdown link or image at its URL: in the paragraph, else at the
    reference definition that gave it."""
    if not href:  # `[text]()`: at the empty parentheses
        empty = _earliest(cursor, ["]()", "](<>)"])
        line, column = empty[0] if empty else (cursor.body_line + cursor.start, 1)
        return Link("", "", kind, *parsed.position(parsed.at(line, column + 2 if empty else column)),
                    exact=empty is not None)
    # In its paragraph, a link's target follows its text closely: a target that is not
    # there (a reference, an entity) must not cost a scan of the rest of the block.
    found = _located(cursor, href, _NEAR + 8 * len(href))
    for start, end in parsed.definitions.get(href, []) if found is None else []:
        found = _located(Cursor(parsed.masked, parsed.post.body_line, start, end), href)
        if found is not None:
            break
    if found is None:  # written in a way not foreseen: at the block's start, never fixed there
        return Link(_CHARACTER.sub(_unescaped, href), href, kind,
                    *parsed.position(parsed.at(cursor.body_line + cursor.start, 1)), exact=False)
    where, length = found
    return _link(parsed, where, length, kind, resolve, markdown=True)


def _earliest(cursor: Cursor, needles: list[str], within: int | None = None) -> tuple[tuple[int, int], int] | None:
    """The first place any of `needles` is written after the cursor (which moves past
    it), within the next `within` characters when given."""
    best: tuple[tuple[int, int], int, Cursor] | None = None
    for needle in needles:
        trial = copy.copy(cursor)
        where = trial.find(needle, within) if needle else None
        if where is not None and (best is None or where < best[0]):
            best = (where, len(needle), trial)
    if best is None:
        return None
    vars(cursor).update(vars(best[2]))
    return best[0], best[1]


def _located(cursor: Cursor, href: str, within: int | None = None) -> tuple[tuple[int, int], int] | None:
    """The first place after the cursor where `href` is written, and its length: as one of
    its usual spellings, else with any of the escapes markdown-it added written raw."""
    found = _earliest(cursor, _spellings(href), within)
    if found is not None:
        return found
    if "%" in href:
        written = _written(href)
    elif len(href) <= _ESCAPED_MAX and any(c in _ESCAPABLE for c in href):  # `Big\_O\_notation`: escapes in it
        written = re.compile("".join(rf"\\?{re.escape(c)}" if c in _ESCAPABLE else re.escape(c) for c in href))
    else:
        return None
    where = cursor.search(written, within)
    if where is None:
        return None
    line = cursor.lines[where[0] - cursor.body_line]
    match = written.match(line, where[1] - 1)
    assert match is not None  # what search found there
    return where, match.end() - match.start()


_ENTITY = r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"  # as markdown-it reads one


def _written(href: str) -> re.Pattern[str]:
    """The ways to write `href`: each escape as it is, or as the character markdown-it
    escaped (`ü` for `%C3%BC`, a stray `%` for `%25`) or an HTML entity for it
    (`&eacute;`, `&#233;`), never a reserved one raw (`a%2fb/ü` is not `a/b/ü`)."""
    parts, done = [], 0
    for escape in _CHARACTER.finditer(href):
        raw = _unescaped(escape)
        either = re.escape(escape.group()) + ("|" + re.escape(raw) + "|" + _ENTITY if raw != escape.group() else "")
        if raw in _ESCAPABLE:  # `List\[1\]`: markdown-it dropped the escape, then encoded the bracket
            either += "|" + re.escape("\\" + raw)
        parts += [re.escape(href[done : escape.start()]), f"(?:{either})"]
        done = escape.end()
    return re.compile("".join(parts) + re.escape(href[done:]))


def _unescaped(escape: re.Match[str]) -> str:
    """The character of an escape when markdown-it escapes it (non-ASCII, `%`, a space):
    a reserved character, or any other it leaves alone, stays an escape."""
    from mdurl import ENCODE_DEFAULT_CHARS  # markdown-it's own dependency

    try:
        character = unquote(escape.group(), errors="strict")
    except UnicodeDecodeError:  # `%C0%80` is no UTF-8
        return escape.group()
    kept = character.isascii() and (character.isalnum() or character in ENCODE_DEFAULT_CHARS)
    return escape.group() if kept else character


def _spellings(href: str) -> list[str]:
    """How a normalised href may be written in the source."""
    from markdown_it.common.normalize_url import normalizeLinkText

    decoded = unquote(href)
    stray = href.replace("%25", "%")  # markdown-it escapes a `%` that starts no escape
    shown = normalizeLinkText(href)  # an international host was written as such, not as punycode
    return list(dict.fromkeys([href, decoded, stray, htmllib.escape(decoded, quote=False), shown]))


def _link(parsed: Parsed, where: tuple[int, int], length: int, kind: Kind, resolve: Resolve,
          markdown: bool, real: bool = False) -> Link:
    """The link written at `where`, a place in the masked lines (`real`: in the real ones)."""
    start = parsed.offset(*where) if real else parsed.at(*where)
    raw = parsed.post.body[start : start + length]
    url = resolve(raw)
    if markdown:
        url = _ESCAPE.sub(r"\1", url)
    return Link(htmllib.unescape(url), raw, kind, *parsed.position(start))


def _html(parsed: Parsed, fragment: str, first_row: int, first_column: int | None, resolve: Resolve) -> Iterator[Link]:
    """Links of an HTML fragment starting on body row `first_row` (at
    `first_column` when it starts mid-line; else it is a line suffix)."""
    found, _ = html.read(fragment)
    pieces = fragment.split("\n")
    shifts: dict[int, int] = {}  # by line: one look per line, not per attribute (a long line has many)
    for attribute in found:
        row = first_row + attribute.line
        if row >= len(parsed.masked):
            continue
        if attribute.line == 0 and first_column is not None:
            shift = first_column
        elif attribute.line in shifts:
            shift = shifts[attribute.line]
        else:
            source, piece = parsed.masked[row].rstrip("\r"), pieces[attribute.line]
            shift = len(source) - len(piece) if source.endswith(piece) else max(source.find(piece), 0)
            shifts[attribute.line] = shift
        where = (parsed.post.body_line + row, shift + attribute.column + 1)
        yield _link(parsed, where, len(attribute.raw), attribute.kind, resolve, markdown=False)


@dataclass(frozen=True)
class TagRef:
    """A `{% post_url NAME %}` or `{% link PATH %}` tag: Jekyll stops the build
    when it names nothing, wherever it is (code included), unless in `{% raw %}`."""

    name: str
    argument: str
    raw: str
    line: int
    column: int


def tag_refs(parsed: Parsed) -> list[TagRef]:
    found = []
    for tag in parsed.tags:
        if tag.name in ("post_url", "link"):
            line, column = parsed.position(tag.start)
            found.append(TagRef(tag.name, tag.markup, parsed.post.body[tag.start : tag.end], line, column))
    return found
