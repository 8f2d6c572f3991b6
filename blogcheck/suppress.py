"""Inline suppression: `<!-- blogcheck: ignore BC121 -->` (or `# blogcheck: ignore
BC121` in front matter) silences those codes on its line; with no code, every
code. The words are matched as `--select` matches them: code prefixes (`BC4`,
any case) or check names (`spelling`). A comment alone on its line (nothing but
HTML comments, or a YAML comment line in front matter) silences the next line
instead; a `#` heading in the body is content, not a comment."""

from __future__ import annotations

import re

from blogcheck.codes import CODES
from blogcheck.parse.split import split

_MARK = re.compile(r"blogcheck:\s*ignore\b([A-Za-z0-9_, \t]*)")
_HTML_COMMENT = re.compile(r"<!--.*?-->")  # lazy: `<!-- a --> text <!-- b -->` keeps its text
_YAML_COMMENT = re.compile(r"\s*#")

ALL = "*"


def suppressions(text: str) -> dict[int, frozenset[str]]:
    """Line number (1-based) -> codes, prefixes or check names silenced there (`*` = all)."""
    found: dict[int, frozenset[str]] = {}
    if "blogcheck:" not in text:
        return found
    last_yaml = _last_front_matter_line(text)
    for number, line in enumerate(text.split("\n"), start=1):  # lines as findings count them
        match = _MARK.search(line)
        if match is None:
            continue
        words = frozenset(_word(w) for w in re.split(r"[\s,]+", match[1].strip()) if w) or frozenset({ALL})
        alone = _only_comments(line) or (number <= last_yaml and _YAML_COMMENT.match(line) is not None)
        target = number + 1 if alone else number
        found[target] = found.get(target, frozenset()) | words
    return found


def _word(word: str) -> str:
    """Codes in upper case (`bc401` is `BC401`), check names in lower case."""
    return word.upper() if word[:2].upper() == "BC" else word.lower()


def _only_comments(line: str) -> bool:
    return "<!--" in line and not _HTML_COMMENT.sub("", line).strip()


def _last_front_matter_line(text: str) -> int:
    """The last line inside the front matter (0 when there is none)."""
    parts = split(text)
    if parts.yaml is None:
        return 0
    return parts.body_line - 2 if parts.closed else text.count("\n") + 1


def silenced(code: str, line: int, table: dict[int, frozenset[str]]) -> bool:
    words = table.get(line, frozenset())
    entry = CODES.get(code)
    return ALL in words or any(code.startswith(w) or (entry is not None and w == entry.check) for w in words)
