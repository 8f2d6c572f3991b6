"""Remove pipeline-only keys (`status:`) from a post by editing its text.

Only the lines of each removed top-level entry go: the key line, its nested
and continuation lines, and comments written on those lines. Every other byte
(comments, key order, anchors, quoting, line endings, the body) is kept. The
result is parsed again and must hold exactly the old data minus those keys."""

from __future__ import annotations

import re
from collections.abc import Iterable

import yaml

from blogcheck.parse.split import JekyllHandler

# YAML's line breaks (PyYAML counts these in marks), so lines match its marks.
_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")
_BOM = "\ufeff"


class EditError(Exception):
    """The keys cannot be removed without changing anything else."""


def strip_keys(text: str, keys: Iterable[str]) -> str:
    """`text` without the top-level front-matter `keys`; unchanged when it has none."""
    wanted = set(keys)
    bom = _BOM if text.startswith(_BOM) else ""
    text = text[len(bom):]
    start = JekyllHandler._START.match(text)
    close = JekyllHandler.FM_BOUNDARY.search(text, start.end()) if start else None
    if start is None or close is None:
        raise EditError("no front matter")
    head, front, tail = text[: start.end()], text[start.end(): close.start()], text[close.start():]
    node = _compose(front)
    if not isinstance(node, yaml.MappingNode):
        return bom + text
    doomed = _lines_to_remove(node, front, wanted)
    if not doomed:
        return bom + text
    lines = _lines(front)
    edited = "".join(line for number, line in enumerate(lines) if number not in doomed)
    result = head + edited + tail
    _verify(front, edited, wanted)
    return bom + result


def _compose(front: str) -> yaml.Node | None:
    try:
        return yaml.compose(front, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        raise EditError(f"front matter is not valid YAML: {str(exc).splitlines()[0]}") from None


def _lines(text: str) -> list[str]:
    """Lines with their breaks, split where YAML splits them."""
    out, pos = [], 0
    for match in _BREAK.finditer(text):
        out.append(text[pos: match.end()])
        pos = match.end()
    out.append(text[pos:])
    return out


def _lines_to_remove(node: yaml.MappingNode, front: str, wanted: set[str]) -> set[int]:
    if node.flow_style:
        raise EditError("front matter written as a `{...}` flow mapping; write it one key per line")
    lines = _lines(front)
    key_lines = [k.start_mark.line for k, _ in node.value]
    doomed: set[int] = set()
    for key, value in node.value:
        if not (isinstance(key, yaml.ScalarNode) and key.value in wanted):
            continue
        first = key.start_mark.line
        last = max(first, _last_line(value, first, lines))
        span = set(range(first, last + 1))
        if any(other in span for other in key_lines if other != first) or key_lines.count(first) > 1:
            raise EditError(f"`{key.value}` shares a line with another key")
        doomed |= span
    return doomed


def _last_line(node: yaml.Node, floor: int, lines: list[str]) -> int:
    """The last line holding any character of `node` (0-based, in the front matter)."""
    if node.start_mark.line < floor:  # an alias: the node is the anchored one, written earlier
        return floor
    if isinstance(node, yaml.ScalarNode) and node.style in ("|", ">"):
        return _block_scalar_end(node, lines)
    if isinstance(node, (yaml.SequenceNode, yaml.MappingNode)) and not node.flow_style:
        children = node.value if isinstance(node, yaml.SequenceNode) else [n for kv in node.value for n in kv]
        last = node.start_mark.line
        for child in children:
            last = max(last, _last_line(child, last, lines))
        return last
    end = node.end_mark
    return end.line if end.column > 0 or end.line == node.start_mark.line else end.line - 1


def _block_scalar_end(node: yaml.ScalarNode, lines: list[str]) -> int:
    """A `|` or `>` scalar ends at its last non-blank line before its end mark."""
    last = node.start_mark.line
    for number in range(node.start_mark.line + 1, min(node.end_mark.line + 1, len(lines))):
        if number == node.end_mark.line and node.end_mark.column == 0:
            break
        if lines[number].strip():
            last = number
    return last


def _verify(before: str, after: str, removed: set[str]) -> None:
    from blogcheck.parse.frontmatter import FrontMatterError, parse

    try:
        old, new = parse(before).data, parse(after).data
    except FrontMatterError as exc:
        raise EditError(f"removing {_names(removed)} would break the front matter: {exc.message}") from None
    expected = {k: v for k, v in old.items() if k not in removed}
    if new != expected:
        raise EditError(f"removing {_names(removed)} would change other keys (an anchor or alias there?)")


def _names(keys: set[str]) -> str:
    return ", ".join(f"`{k}`" for k in sorted(keys))
