"""Split a post into front matter and body with Jekyll's own boundary rule."""

from __future__ import annotations

import re
from dataclasses import dataclass

from frontmatter.default_handlers import YAMLHandler


class JekyllHandler(YAMLHandler):
    """python-frontmatter's YAML handler with Jekyll's delimiters: the file opens
    with `---` and the block closes at the next line of `---` or `...`."""

    # Jekyll's `\A(---\s*\n.*?\n?)^((---|\.\.\.)\s*$\n?)`: Ruby's `\s` takes a form feed and a
    # vertical tab too, so `---\f` closes the block. (One after the opening `---` is read into the
    # YAML, which Psych refuses: that post has no usable front matter, as blogcheck reads it.)
    FM_BOUNDARY = re.compile(r"^(?:---|\.\.\.)[ \t\f\v\r]*$", re.MULTILINE)
    _START = re.compile(r"---[ \t]*\r?$", re.MULTILINE)

    def detect(self, text: str) -> bool:
        return self._START.match(text) is not None


_HANDLER = JekyllHandler()


@dataclass(frozen=True)
class Split:
    """`yaml` is the text from the end of the opening `---` to the closing
    delimiter, so its line 0 is file line 1. `body` starts on `body_line`."""

    yaml: str | None
    body: str
    body_line: int
    closed: bool = True


def split(text: str) -> Split:
    if not _HANDLER.detect(text):
        return Split(None, text, 1)
    try:
        fm, body = _HANDLER.split(text)
    except ValueError:  # no closing delimiter
        return Split(text[3:], "", 1, closed=False)
    body_line = fm.count("\n") + 2
    # The body keeps the newline that ends the closing delimiter line; drop it so
    # that body line 0 is file line `body_line`.
    if body.startswith("\r\n"):
        body = body[2:]
    elif body.startswith("\n"):
        body = body[1:]
    return Split(fm, body, body_line)
