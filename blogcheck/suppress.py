"""Inline suppression: `<!-- blogcheck: ignore BC121 -->` (or `# blogcheck: ignore
BC121` in front matter) silences those codes on its line; with no code, every
code. A comment alone on its line silences the next line instead."""

from __future__ import annotations

import re

_MARK = re.compile(r"blogcheck:\s*ignore\b([A-Za-z0-9_, \t]*)")
_ONLY_COMMENT = re.compile(r"^\s*(?:<!--.*-->|#.*)\s*$")

ALL = "*"


def suppressions(text: str) -> dict[int, frozenset[str]]:
    """Line number (1-based) -> codes or prefixes silenced there (`*` = all)."""
    found: dict[int, frozenset[str]] = {}
    if "blogcheck:" not in text:
        return found
    for number, line in enumerate(text.split("\n"), start=1):  # lines as findings count them
        match = _MARK.search(line)
        if match is None:
            continue
        codes = frozenset(re.split(r"[\s,]+", match[1].strip())) - {""} or frozenset({ALL})
        target = number + 1 if _ONLY_COMMENT.match(line) else number
        found[target] = found.get(target, frozenset()) | codes
    return found


def silenced(code: str, line: int, table: dict[int, frozenset[str]]) -> bool:
    codes = table.get(line, frozenset())
    return ALL in codes or any(code.startswith(c) for c in codes)
