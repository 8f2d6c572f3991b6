"""The fix for the YAML mistakes writers make in front matter, from libyaml's error.

libyaml says what it could not parse ("mapping values are not allowed in this
context"), not what the writer did: a `: ` inside an unquoted title, a value
that starts with `@` or a backtick, an apostrophe inside single quotes, a list
whose `]` is missing, a tab, a line indented under a key that has a value
already. Each hint names the fix, with the line rewritten where it can be."""

from __future__ import annotations

import re

_KEY_VALUE = re.compile(r"^([ \t]*)([^\s:#][^:#]*?):[ \t]+(\S.*)$")  # no `.+?\s*$`: quadratic on a long line
_NO_SPACE = re.compile(r"^([A-Za-z_][\w-]*):(\S.*)$")
_RESERVED = "@`%|>*&!"


def hint(text: str, problem: str, line: int, column: int, start_line: int = 1) -> str:
    """A hint for libyaml's `problem` at 0-based `line` and `column` of `text` (whose
    line 0 is file line `start_line`), or ""."""
    lines = _lines(text)
    here = lines[line] if 0 <= line < len(lines) else ""
    if "tab character" in problem or "'\\t'" in problem:
        return "YAML does not allow a tab to indent: use spaces"
    if "expected ',' or ']'" in problem:
        return "a `[` list is never closed: end it with `]` on the same line, e.g. `tags: [nlp, ml]`"
    if "expected ',' or '}'" in problem:
        return "a `{` is never closed with `}`: a value that starts with `{` needs quotes"
    if "undefined alias" in problem or "cannot start any token" in problem:
        return _reserved(here, column)
    if "mapping values are not allowed" in problem:
        return _indented(lines, line, start_line) or _colon(here)
    if "did not find expected key" in problem:
        return _quotes(here) or _indented(lines, line, start_line)
    if "could not find expected ':'" in problem:
        found = _NO_SPACE.match(here)
        if found and not found[2].startswith("//"):
            return f"a key needs a space after its colon: {as_code(f'{found[1]}: {found[2]}')}"
        return "a line of front matter is `key: value`; a long value goes on one line, or in quotes"
    return ""


def string_hint(text: str, start_line: int = 1) -> str:
    """For front matter that is one string: a key written without the space after its colon."""
    for number, written in enumerate(_lines(text)):
        found = _NO_SPACE.match(written)
        if found and not found[2].startswith("//"):  # `url:https://...` is rarer than `title:Day 4`
            fixed = as_code(f"{found[1]}: {found[2]}")
            return f"a key needs a space after its colon: {fixed} (line {number + start_line})"
    return ""


def _lines(text: str) -> list[str]:
    """Lines as blogcheck counts them, at `\n` only (YAML also breaks at a lone CR,
    U+0085, U+2028 and U+2029), without the CR of a CRLF."""
    return [line.removesuffix("\r") for line in text.split("\n")]


def as_code(text: str) -> str:
    """`text` as Markdown code in a hint or message: between two backticks or more, as many
    as no run of backticks in it has (`` ``` `` for a fence), spaced, when it holds one
    (CommonMark's code span, as GitHub and editors show the SARIF and Markdown reports)."""
    if "`" not in text:
        return f"`{text}`"
    runs = {len(run) for run in re.findall(r"`+", text)}
    ticks = "`" * next(n for n in range(2, len(runs) + 3) if n not in runs)
    return f"{ticks} {text} {ticks}"


def quoted(value: str) -> str:
    """`value` as a YAML string: in double quotes, or single ones when it holds a `"`."""
    if '"' not in value and "\\" not in value:
        return f'"{value}"'
    return "'" + value.replace("'", "''") + "'"


def _key_value(written: str) -> tuple[str, str, str] | None:
    """(indent, key, value without trailing space) of a `key: value` line, else None."""
    found = _KEY_VALUE.match(written)
    return (found[1], found[2], found[3].rstrip()) if found else None


def _colon(written: str) -> str:
    found = _key_value(written)
    if not found:
        return "a `: ` inside a value starts a new key: put the value in quotes"
    indent, key, value = found
    return f"a `: ` inside a value starts a new key: quote the value, {as_code(f'{indent}{key}: {quoted(value)}')}"


def _indented(lines: list[str], line: int, start_line: int) -> str:
    """A line indented under a key whose value is already on the key's line."""
    if not 0 < line < len(lines) or not lines[line][:1].isspace():
        return ""
    above = next((lines[n] for n in range(line - 1, -1, -1) if lines[n].strip()), "")
    found = _key_value(above)
    if not found or len(found[0]) >= len(lines[line]) - len(lines[line].lstrip()):
        return ""
    return (f"line {line + start_line} is indented under {as_code(found[1])}, whose value is already on its "
            "line: start it where the other keys start")


def _quotes(written: str) -> str:
    """A quoted value with more after its closing quote: `'it's'`, `"a" b`."""
    found = _key_value(written)
    if not found or found[2][:1] not in "'\"":
        return ""
    indent, key, value = found
    if value[0] == '"':
        return "the double quotes end early: write `\\\"` for a quote inside them, or put the value in single quotes"
    inner = value[1:-1] if value.endswith("'") and len(value) > 1 else value[1:]
    fixed = as_code(f"{indent}{key}: '{inner.replace(chr(39), chr(39) * 2)}'")
    return f"the single quotes end early: inside them write `''` for an apostrophe, {fixed}"


def _reserved(written: str, column: int) -> str:
    """A value that starts with a character YAML reserves (`@`, a backtick, `%`, `*`...)."""
    found = _key_value(written)
    if found and found[2][:1] in tuple(_RESERVED):
        indent, key, value = found
        return f"a value cannot start with {as_code(value[0])} in YAML: quote it, " \
            f"{as_code(f'{indent}{key}: {quoted(value)}')}"
    first = written[column:column + 1] if 0 <= column < len(written) else ""
    return f"a value cannot start with {as_code(first)} in YAML: put it in quotes" if first and first in _RESERVED \
        else ""
