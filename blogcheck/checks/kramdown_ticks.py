"""BC620 fence-needs-gfm: a backtick fence on a site whose `kramdown: input:` is not GFM.

Jekyll's kramdown reads posts with its GFM parser unless _config.yml names another;
kramdown's own (`input: kramdown`) knows `~~~` fences only, so a ```` ```python ````
fence is inline code in a paragraph on the page, `python` and all (`input: Markdown`
knows no fence at all). `--fix` writes each fence line's backticks as as many `~`,
where kramdown takes that fence (checked with `jekyll build`): at the start of a line of
its post, list item or quote, after a blank line or as the box's first line, with one
word after it at most, closed by a line of `~` that no line of its code is."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import TYPE_CHECKING

from blogcheck.codes import diagnostic
from blogcheck.diagnostic import Diagnostic
from blogcheck.jekyll.kramdown_blocks import Box, Lines, boxes, innermost
from blogcheck.parse.yaml_hints import as_code
from blogcheck.post import Post
from blogcheck.suppress import silenced, suppressions

if TYPE_CHECKING:
    from markdown_it.token import Token

CODES = ["BC620"]


def found(post: Post, lines: Lines, raw: list[str], stream: list[Token],
          parser: str) -> Iterator[tuple[Diagnostic, tuple[int, ...]]]:
    """Each backtick fence kramdown's `parser` (not GFM) reads as no fence, with its fix
    where it is safe."""
    root: Box | None = None
    for token in stream:
        if token.type != "fence" or not token.markup.startswith("`") or token.map is None \
                or lines.unsure[token.map[0]]:
            continue
        root = root or boxes(lines, stream)[0]
        box = innermost(root, token.map[0])
        seen = [box.line(n, lines.text[n]) for n in range(*token.map)]
        why = _unsafe(post, lines, token, box, seen) if _own(parser) else ""
        edits = _edits(post, lines, raw, token.map[0], seen) if _own(parser) and not why else []
        yield _finding(post, raw, token, parser, why, edits), ()


def _own(parser: str) -> bool:
    """kramdown's own parser, which knows `~~~` fences (kramdown capitalises the first letter
    of the name only)."""
    return parser in ("kramdown", "Kramdown")


def _unsafe(post: Post, lines: Lines, token: Token, box: Box, seen: list[str]) -> str:
    """Why `~~~` would not make this fence a code block to kramdown, or would change its
    code; "" when it is safe."""
    assert token.map is not None
    first, stop = token.map
    ticks = "~" * len(token.markup)
    last = seen[-1].strip() if len(seen) > 1 else ""
    if not last or last.strip("`") or len(last) < len(token.markup):
        return "it is never closed (BC615): close it first"
    if len(token.info.split()) > 1:
        return "words follow its language (BC613): take them out first"
    if seen[0][:1] in (" ", "\t") or seen[-1][:1] in (" ", "\t") or box.in_unsure():
        return "kramdown takes a `~~~` fence only at the start of its line (or of its list item's text)"
    if first > box.first and not box.blank(lines, first - 1):
        return "a line of text is right above it, which a `~~~` fence does not end to kramdown: put a blank line there"
    if any(text.strip().startswith(ticks) and not text.strip().strip("~") for text in seen[1:-1]) \
            or any(lines.unsure[first:stop]):
        return f"a line of its code would close a `{ticks}` fence: write the fence with more `~` than that line has"
    marks = suppressions(post.text)
    if any(silenced("BC620", post.body_line + n, marks) for n in range(first, stop)):
        return "a `blogcheck: ignore` mark stands on one of its lines"
    return ""


def _edits(post: Post, lines: Lines, raw: list[str], first: int, seen: list[str]) -> list[list[object]]:
    """The opening and closing fence lines with their backticks written as `~`; none when
    the file's text is not there as read."""
    edits: list[list[object]] = []
    for n in (first, first + len(seen) - 1):
        text = seen[n - first]
        at = len(lines.text[n]) - len(text)
        run = len(text) - len(text.lstrip("`"))
        if raw[n][at:at + run] != "`" * run:
            return []
        edits.append([post.body_line + n, at + 1, "`" * run, "~" * run])
    return edits


def _finding(post: Post, raw: list[str], token: Token, parser: str, why: str,
             edits: list[list[object]]) -> Diagnostic:
    assert token.map is not None
    line = post.body_line + token.map[0]
    column = raw[token.map[0]].find(token.markup) + 1
    fence = as_code(token.markup + token.info.strip())
    message = (f"{fence} is no fence to kramdown's `{parser}` parser, which this site reads its posts with "
               "(`kramdown: input:` in _config.yml): the page shows no code block, the code runs together as "
               "inline code or text")
    gfm = "set `kramdown: input: GFM` in _config.yml (Jekyll's default)"
    done = "check --fix does" if edits else f"by hand: {why}" if why else "by hand"
    hint = f"write the fence with `~~~`, kramdown's own, which the preview reads too ({done}), or {gfm}" \
        if _own(parser) else gfm
    diag = diagnostic("BC620", post.display, line, column, message, hint, **({"fix": edits} if edits else {}))
    return dataclasses.replace(diag, end_line=line, end_column=column + len(token.markup))
