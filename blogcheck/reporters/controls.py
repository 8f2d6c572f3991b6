"""Characters of a post that must not reach a reader as they are, and their escapes.

Control characters (an escape sequence clears a terminal or retitles its window,
a NUL ends a C string), the line separators U+2028 and U+2029, and the bidi
controls that reorder what is shown (a right-to-left override reads `file:line:col`
backwards) are written as `\\x1b` or `\\u202e`, the way Python writes them."""

from __future__ import annotations

import re

# Unicode's Bidi_Control characters, and the line and paragraph separators.
BIDI_AND_LINES = "\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069"
_CONTROL = re.compile(f"[\x00-\x08\x0a-\x1f\x7f-\x9f{BIDI_AND_LINES}]")  # all but the tab
_BYTE = re.compile("[\udc80-\udcff]")  # a byte of a file name that is not UTF-8 (surrogateescape)


def escape(char: str) -> str:
    """`\\x1b` for a character up to U+00FF, `\\u202e` above."""
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def controls(text: str, keep: str = "") -> str:
    """`text` with its control, line-separator and bidi characters written as escapes,
    but those in `keep` (a format with an escape of its own for line breaks keeps them)."""
    return _CONTROL.sub(lambda match: match.group() if match.group() in keep else escape(match.group()), text)


def visible(text: str, keep: str = "") -> str:
    """`text` with its control characters written as escapes (`\\x1b`, `\\x0a`, `\\u202e`),
    but those in `keep`, and the bytes of a file name that is not UTF-8 too (`caf\\xe9.md`,
    as `ls -b` shows it)."""
    return controls(_BYTE.sub(lambda match: f"\\x{ord(match.group()) - 0xDC00:02x}", text), keep)
