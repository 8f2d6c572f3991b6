"""Inline suppression: `<!-- blogcheck: ignore BC121 -->` (or `# blogcheck: ignore
BC121` in front matter) silences those codes on its line; with no code, every
code. The words are matched as `--select` matches them: code prefixes (`BC4`,
any case) or check names (`spelling`). A comment alone on its line (nothing but
HTML comments, or a YAML comment line in front matter) silences the next line
instead; a `#` heading in the body is content, not a comment. Every mark of a line
counts (`<!-- blogcheck: ignore BC401 --> <!-- blogcheck: ignore BC611 -->`). A finding
about several lines (a paragraph kramdown makes a table, a `1)` list, a code block) is
silenced by a mark on any of them: `spans_silenced`."""

from __future__ import annotations

import re
from collections.abc import Iterable

from blogcheck.codes import CODES
from blogcheck.diagnostic import Diagnostic
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
        marks = [_words(match[1]) for match in _MARK.finditer(line)]
        if not marks:
            continue
        words = frozenset().union(*marks)
        alone = _only_comments(line) or (number <= last_yaml and _YAML_COMMENT.match(line) is not None)
        target = number + 1 if alone else number
        found[target] = found.get(target, frozenset()) | words
    return found


def _words(written: str) -> frozenset[str]:
    """The codes and check names of one mark; `*` for a mark that names none."""
    return frozenset(_word(w) for w in re.split(r"[\s,]+", written.strip()) if w) or frozenset({ALL})


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


def spans_silenced(diag: Diagnostic, table: dict[int, frozenset[str]], lines: Iterable[int] = ()) -> bool:
    """A mark for the finding's code on any line it spans: from the first to the last of
    its own line, `lines` (those it is about) and the lines its fix edits. `--fix` then
    never edits a line whose mark silences that code. (The run reads a finding's own
    line only; a check whose findings span lines drops those this silences.)"""
    fix = diag.extras.get("fix")
    edited = [e[0] for e in fix if isinstance(e, list) and e and isinstance(e[0], int)] if isinstance(fix, list) else []
    spanned = [diag.line, *lines, *edited]
    return any(silenced(diag.code, line, table) for line in range(min(spanned), max(spanned) + 1))
