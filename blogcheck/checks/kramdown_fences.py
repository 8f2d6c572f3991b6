"""BC613 fence-info-words, BC614 indented-fence, BC615 unclosed-fence, BC616 indented-heading,
BC617 heading-in-list: code fences and headings the Markdown preview (CommonMark) shows as
blocks and kramdown, which Jekyll runs, reads otherwise (each checked with `jekyll build`):
words after a fence's language make no fence; a fence's own indentation stays on each line
of its code; a fence never closed makes no block; a heading with spaces before its `#` is
text (`kramdown_headings`); a heading, rule or fence right under a list joins its last
item. Part of the `kramdown` check, which parses the post once for all of them."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from blogcheck.checks import kramdown_headings
from blogcheck.codes import diagnostic
from blogcheck.diagnostic import Diagnostic
from blogcheck.jekyll.kramdown_blocks import Lines
from blogcheck.parse.yaml_hints import as_code
from blogcheck.post import Post
from blogcheck.reporters.controls import visible

if TYPE_CHECKING:
    from markdown_it.token import Token

    from blogcheck.jekyll.kramdown_code import Shifted

CODES = ["BC613", "BC614", "BC615", "BC616", "BC617"]
# a fence whose info string has words after the language (```` ```python title="a.py" ````)
_FENCE_WORDS = re.compile(r"^[ \t>]*+(?:`{3,}+|~{3,}+)[ \t]*+[^\s`]++[ \t]++\S", re.M)  # possessive: linear on `~~~~`
_INDENTED_FENCE = re.compile(r"^ +(?:`{3,}|~{3,})", re.M)  # a fence with spaces before it (in a list item too)
# CommonMark's heading, which kramdown takes only with its `#` first: indented, in a quote, in a list item
_INDENTED_HEADING = re.compile(r"^[ \t>*+\d.-]*[ \t]#{1,6}(?:[ \t]|$)", re.M)
# (the line above is looked at apart: linear)
_HEADING_OR_RULE = re.compile(r"\n(?=#{1,6}[ \t]|---|\*[ \t]*\*[ \t]*\*|_[ \t]*_[ \t]*_|```|~~~|>)")


@dataclass(frozen=True)
class Wanted:
    """What a post may hold, found in its text before any parse."""

    words: bool  # a fence with words after its language
    indented: bool  # a fence with spaces before it
    headings: bool  # a heading with spaces before it, or a heading, rule or fence right under text
    ticks: bool  # any fence

    def __bool__(self) -> bool:
        return self.words or self.indented or self.headings or self.ticks


def wanted(body: str) -> Wanted:
    return Wanted(_FENCE_WORDS.search(body) is not None, _INDENTED_FENCE.search(body) is not None,
                  _INDENTED_HEADING.search(body) is not None or _under_text(body), "```" in body or "~~~" in body)


def found(post: Post, lines: Lines, raw: list[str], stream: list[Token],
          looked: Wanted) -> Iterator[tuple[Diagnostic, tuple[int, ...]]]:
    """Each finding, with the lines it is about besides its own (none here)."""
    from blogcheck.jekyll.kramdown_code import shifted

    for heading in kramdown_headings.indented(post, lines, stream) if looked.headings else ():
        yield heading, ()
    for moved in shifted(lines, stream) if looked.indented else ():
        yield _shifted(post, moved), ()
    for at, token in enumerate(stream) if looked.ticks or looked.headings else ():
        if token.map is None or token.level != 0 or any(lines.unsure[token.map[0]:token.map[1]]):
            continue
        if token.type == "fence" and _unclosed_fence(raw, token) and not _kramdown_closes(raw, token):
            yield _open_fence(post, raw, token), ()
        elif token.type in ("heading_open", "hr", "fence", "blockquote_open") and at \
                and _right_under_list(stream[at - 1], token, raw):
            yield _in_item(post, raw[token.map[0]], token), ()
    for token in stream if looked.ticks else ():
        if token.type == "fence" and token.level > 0 and token.map is not None \
                and not any(lines.unsure[token.map[0]:token.map[1]]) and _unclosed_inside(raw, token):
            yield _open_inside(post, raw, token), ()
    for token in stream if looked.words else ():
        if token.type == "fence" and token.map is not None and len(token.info.split()) > 1 \
                and not lines.unsure[token.map[0]]:
            fence = _fence_info(post, raw[token.map[0]], token)
            if fence is not None:
                yield fence, ()


def _unclosed_fence(raw: list[str], token: Token) -> bool:
    """A fence the post never closes: CommonMark ends it with the post, kramdown takes none."""
    assert token.map is not None
    return not _closed(raw, token, str.strip) and token.map[1] >= len(raw) - (raw[-1] == "")


_CONTAINER = re.compile(r"^(?:[ \t]*>)*[ \t]*")  # a quote's `>`s and an item's indentation before a line's text


def _unclosed_inside(raw: list[str], token: Token) -> bool:
    """A fence in a list item or a quote that its container ends before any closer: the
    preview closes it there and shows code; kramdown takes no code block (checked with
    jekyll build)."""
    return not _closed(raw, token, lambda line: _CONTAINER.sub("", line).strip())


def _closed(raw: list[str], token: Token, text: Callable[[str], str]) -> bool:
    """The last line of the fence that is not blank (`text` gives what it says) is its closer."""
    assert token.map is not None
    last = next((n for n in range(token.map[1] - 1, token.map[0], -1) if text(raw[n])), token.map[0])
    closer = text(raw[last])
    return last > token.map[0] and closer.startswith(token.markup[:3]) and not closer.strip(token.markup[0])


def _open_inside(post: Post, raw: list[str], token: Token) -> Diagnostic:
    """BC615 for a fence in a list item or a quote: the hint, without a fix (where the code
    ends inside its container is the writer's to say)."""
    assert token.map is not None
    text = raw[token.map[0]]
    column = len(_CONTAINER.match(text)[0]) + 1  # type: ignore[index]
    line = post.body_line + token.map[0]
    shown = as_code(token.markup)
    diag = diagnostic("BC615", post.display, line, column,
                      "the code fence opened here is never closed: the Markdown preview ends it with its list item or "
                      "quote, kramdown takes no code block, so the fence and the code show as text run together",
                      f"close it with {shown} on a line of its own where the code ends, indented as the fence is")
    return dataclasses.replace(diag, end_line=line, end_column=column + len(token.markup))


def _near_miss(raw: list[str], token: Token) -> int | None:
    """The first line inside an unclosed fence that starts like its closer (three of its
    marks) and is none: words after the marks (```` ```python ````, a pasted opener) or
    fewer marks than the opener. None when there is none."""
    assert token.map is not None
    mark = token.markup[0] * 3
    return next((n for n in range(token.map[0] + 1, token.map[1]) if raw[n].lstrip(" ").startswith(mark)), None)


def _kramdown_closes(raw: list[str], token: Token) -> bool:
    """kramdown's fence pattern backtracks: an opener of four marks or more is closed by a
    bare run of three or more (```` ````python ```` ... ```` ``` ````: the code block is
    there, its language the odd `` `python ``), though CommonMark reads no end."""
    near = _near_miss(raw, token)
    return near is not None and len(token.markup) > 3 and not raw[near].strip().strip(token.markup[0])


def _open_fence(post: Post, raw: list[str], token: Token) -> Diagnostic:
    """BC615: the code of a fence never closed shows as text on the page. The fix closes it
    at the post's end, unless a line inside looks like the closer the writer meant: then
    the hint names that line, and nothing is appended (the rest of the post would become
    code)."""
    assert token.map is not None
    line, column = post.body_line + token.map[0], len(raw[token.map[0]]) - len(raw[token.map[0]].lstrip()) + 1
    last = max(n for n in range(token.map[0], len(raw)) if raw[n].strip() or n == token.map[0])
    close = raw[last].rstrip("\r")
    shown = as_code(token.markup)
    message = ("the code fence opened here is never closed: the Markdown preview ends it with the post, "
               "kramdown takes no code block, so the fence and the code show as text run together")
    near = _near_miss(raw, token)
    if near is None:
        diag = diagnostic("BC615", post.display, line, column, message,
                          f"close it with {shown} on a line of its own (check --fix does)",
                          fix=[[post.body_line + last, len(close) + 1, "", "\n" + token.markup]])
    else:
        written = as_code(visible(raw[near].strip()))
        diag = diagnostic("BC615", post.display, line, column, message,
                          f"line {post.body_line + near}, {written}, is no closing fence: a closing fence "
                          f"is {shown} with nothing after it, at least as long as the opening one; if the code "
                          "ends there, write it so")
    return dataclasses.replace(diag, end_line=line, end_column=column + len(token.markup))


def _under_text(body: str) -> bool:
    """A heading, a rule, a fence or a quote right under a line of text (a list's last line,
    may be)."""
    for found in _HEADING_OR_RULE.finditer(body):
        above = body[body.rfind("\n", 0, found.start()) + 1:found.start()]
        if above.strip():
            return True
    return False


def _right_under_list(before: Token, token: Token, raw: list[str]) -> bool:
    """A heading or rule (`token`, after the token `before`) on the line right under a list
    (no blank line), where kramdown goes on with the list's last item (list.rb takes it as
    the item's text)."""
    assert token.map is not None
    return before.type in ("bullet_list_close", "ordered_list_close") and token.map[0] > 0 \
        and raw[token.map[0] - 1].strip() != "" and not raw[token.map[0]].startswith(" ")


def _in_item(post: Post, text: str, token: Token) -> Diagnostic:
    """BC617: the heading (or rule) joins the list item above it on the page."""
    assert token.map is not None
    line = post.body_line + token.map[0]
    what = {"heading_open": "heading", "hr": "rule", "blockquote_open": "quote"}.get(token.type, "code fence")
    setext = text.strip().startswith("-")  # `---` under the item's text makes it a heading; `***`, `___` stay text
    shown = {"heading": "inside the list's last item, indented under its bullet",
             "rule": "as no rule: the item's text becomes a heading" if setext else
                     f"as no rule: `{text.strip()}` is text at the end of the item",
             "quote": "inside the list's last item, indented under its bullet"}.get(
        what, "inside the list's last item, each line of the code less the item's indentation (an indented "
              "Python line loses it)")
    diag = diagnostic("BC617", post.display, line, 1,
                      f"this {what} right under a list, with no blank line, is part of the list's last item to "
                      f"kramdown: the page shows it {shown} (the Markdown preview ends the list)",
                      "put a blank line above it (check --fix does)", fix=[[line, 1, "", "\n"]])
    return dataclasses.replace(diag, end_line=line, end_column=len(text.rstrip()) + 1)


def _shifted(post: Post, found: Shifted) -> Diagnostic:
    """BC614: the code of an indented fence, further right on the page than in the preview."""
    line = post.body_line + found.first
    column = found.dedent[0][1] + 1
    spaces = f"{found.by} space{'s' * (found.by != 1)}"
    kept = "that space" if found.by == 1 else f"those {spaces}"
    past = "more than the text it belongs to" if found.place == "item" else "at the top level of the post"
    start = {"item": "where its list item's text does", "top": "at the line's start"}.get(
        found.place, "at the line's start (or, if it belongs to the list item above, indent it as far as the "
                     "item's text: kramdown then takes it into the item)")
    diag = diagnostic("BC614", post.display, line, column,
                      f"this fence is indented {spaces} {past}: kramdown keeps {kept} on every line of its code "
                      "(the Markdown preview takes them off), so pasted code fails (Python: \"unexpected indent\")",
                      f"take the {spaces} off the fence and its code (check --fix does), so that the fence starts "
                      f"{start}", fix=[[post.body_line + n, at + 1, " " * count, ""] for n, at, count in found.dedent])
    return dataclasses.replace(diag, end_line=line, end_column=column + found.by)


def _fence_info(post: Post, text: str, token: Token) -> Diagnostic | None:
    """BC613: words after a fence's language; kramdown then takes no fence at all."""
    opener = text.find(token.markup)
    if opener < 0:
        return None
    rest = text[opener + len(token.markup):].rstrip("\r")
    language = rest.split()[0]
    extra = rest[rest.index(language) + len(language):].rstrip()
    line, column = post.body_line + token.map[0] if token.map else post.body_line, opener + len(token.markup) + 1
    where = opener + len(token.markup) + rest.index(language) + len(language) + 1
    diag = diagnostic("BC613", post.display, line, column,
                      f"{as_code(token.markup + rest.strip())}: kramdown takes no fence with words after its "
                      "language (the Markdown preview does), so the code shows run together as one line of inline code",
                      f"write {as_code(token.markup + language)} (check --fix does: GitHub ignores the words after the "
                      "language anyway)", fix=[[line, where, extra, ""]])
    return dataclasses.replace(diag, end_line=line, end_column=column + len(rest.rstrip()))
