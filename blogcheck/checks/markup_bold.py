"""BC606 spaced-emphasis: `**Chapter 4 **` or `** Chapter 4**`, whose `**` both show, as
neither kramdown nor the preview takes a `**` after a space for a closing one, nor one
before a space for an opening one (checked with `jekyll build`; `__` alike). `--fix` takes
the space out. Single `*` and `_` are left alone: `a * b*` is as often arithmetic."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from blogcheck.codes import diagnostic
from blogcheck.diagnostic import Diagnostic
from blogcheck.post import Post

# `**` or `__` that opens (before text) and one after a space, which Markdown takes for no closing
_OPENING = re.compile(r"(?<![*_\w])(\*\*|__)(?=[^\s*_])")
_CLOSING = {run: re.compile(r"(?<=\S)(\s+)" + re.escape(run) + r"(?![*_\w])") for run in ("**", "__")}
_SPACED = re.compile(r"\S[ \t]+(?:\*\*|__)(?![*_\w])|(?<![*_\w])(?:\*\*|__)[ \t]+[^\s*_]")
# the mirror case, `** text**`: a `**` before a space opens nothing either (kramdown and the preview show
# both as typed); the text between holds no run of its own, so `a ** b **c**` is not one
_MIRROR = re.compile(r"(?<![*_\w])(\*\*|__)([ \t]++)((?:(?!\1)[^\n])*?[^\s*_\\])\1(?![*_\w])")


def spaced(post: Post, where: tuple[int, int], text: str) -> Iterator[Diagnostic]:
    """BC606: `**bold text **`: a `**` after a space closes nothing, so both show as
    written. One finding per such `**`, from the first `**` that opens before it (one
    pass: each `**` is looked at once)."""
    for run in ("**", "__"):
        if run not in text:
            continue
        openers = [found.start() for found in _OPENING.finditer(text) if found[1] == run]
        at = 0
        for closing in _CLOSING[run].finditer(text):
            if at == len(openers) or openers[at] >= closing.start():
                continue
            start = openers[at]
            while at < len(openers) and openers[at] < closing.end():
                at += 1  # the openers before this closing are used up
            line, column = where[0], where[1] + closing.start()
            diag = diagnostic("BC606", post.display, line, column,
                              f"`{text[start:closing.end()]}` shows its `{run}` as written and nothing in bold: a "
                              f"closing `{run}` must follow the text, not a space",
                              f"take the space out: `{run}{text[start + 2:closing.start()]}{run}`",
                              fix=[[line, column, closing[0], run]])
            yield dataclasses.replace(diag, end_line=line, end_column=column + len(closing[0]))
    yield from _mirrored(post, where, text)


def _mirrored(post: Post, where: tuple[int, int], text: str) -> Iterator[Diagnostic]:
    """BC606's mirror case, `** text**`: the opening `**` is before a space."""
    for found in _MIRROR.finditer(text):
        run, spaces = found[1], found[2]
        line, column = where[0], where[1] + found.start()
        diag = diagnostic("BC606", post.display, line, column,
                          f"`{found[0]}` shows its `{run}` as written and nothing in bold: an opening `{run}` must "
                          "come right before the text, not before a space",
                          f"take the space out: `{run}{found[3]}{run}`", fix=[[line, column, run + spaces, run]])
        yield dataclasses.replace(diag, end_line=line, end_column=column + len(run + spaces))


_LEADING_CLOSE = re.compile(r"(\s+)(\*\*|__)(?![*_\w])")


def spaced_across(post: Post, lines: list[str], where: tuple[int, int], text: str,
                   opened: dict[str, tuple[int, int]]) -> Iterator[Diagnostic]:
    """BC606 when the bold holds code or a link: `**Step 1: run `pip install` **`. The
    text after the code starts with the spaced closing; its opener is in an earlier text."""
    found = _LEADING_CLOSE.match(text)
    if found is None or found[2] not in opened or opened[found[2]][0] != where[0]:
        return
    run, (line, start) = found[2], opened[found[2]]
    index = line - post.body_line
    source = lines[index] if 0 <= index < len(lines) else ""
    end = where[1] - 1 + found.end()
    shown = source[start - 1 : end]
    diag = diagnostic("BC606", post.display, line, where[1],
                      f"`{shown}` shows its `{run}` as written and nothing in bold: a closing `{run}` must follow "
                      "the text, not a space", f"take the space out: `{shown[: -len(found[0])]}{run}`",
                      fix=[[line, where[1], found[0], run]])
    yield dataclasses.replace(diag, end_line=line, end_column=where[1] + len(found[0]))


def left_open(where: tuple[int, int], text: str, opened: dict[str, tuple[int, int]]) -> dict[str, tuple[int, int]]:
    """The `**` and `__` still open after this text part: its last opener when no closing
    follows it, else none; a run this part does not write stays as it was."""
    still = dict(opened)
    for run in ("**", "__"):
        if run not in text:
            continue
        openers = [m.start() for m in _OPENING.finditer(text) if m[1] == run]
        closings = [m.start() for m in _CLOSING[run].finditer(text)]
        if openers and (not closings or openers[-1] > closings[-1]):
            still[run] = (where[0], where[1] + openers[-1])
        else:
            still.pop(run, None)
    return still


def wanted(body: str) -> bool:
    """`body` may hold a spaced `**` or `__` (a quick look before any parse)."""
    return _SPACED.search(body) is not None
