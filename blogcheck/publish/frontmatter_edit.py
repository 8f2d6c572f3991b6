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
    doomed = _lines_to_remove(front, wanted)
    if not doomed:
        return bom + text
    lines = _lines(front)
    edited = "".join(line for number, line in enumerate(lines) if number not in doomed)
    result = head + edited + tail
    _verify(front, edited, wanted)
    return bom + result


def _events(front: str) -> list[yaml.Event]:
    try:
        return list(yaml.parse(front, Loader=yaml.SafeLoader))
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


def _lines_to_remove(front: str, wanted: set[str]) -> set[int]:
    """Line numbers (0-based in `front`) of the top-level entries named `wanted`,
    read from YAML events, whose marks (unlike composed nodes) place aliases too."""
    events, lines = _events(front), _lines(front)
    top = events[2] if len(events) > 2 else None
    if not isinstance(top, yaml.MappingStartEvent):
        return set()
    if top.flow_style:
        raise EditError("front matter written as a `{...}` flow mapping; write it one key per line")
    spans, index = [], 3
    while not isinstance(events[index], yaml.MappingEndEvent):
        key = events[index]
        index, key_last = _node_end(events, index, lines)
        index, value_last = _node_end(events, index, lines)
        name = key.value if isinstance(key, yaml.ScalarEvent) else None
        spans.append((name, _mark(key.start_mark)[0], max(key_last, value_last)))
    doomed: set[int] = set()
    for position, (name, first, last) in enumerate(spans):
        if name not in wanted:
            continue
        if any(first <= other <= last for i, (_, other, _) in enumerate(spans) if i != position):
            raise EditError(f"`{name}` shares a line with another key")
        doomed |= set(range(first, last + 1))
    return doomed


def _node_end(events: list[yaml.Event], index: int, lines: list[str]) -> tuple[int, int]:
    """(index after the node starting at `index`, the last line holding any of its characters)."""
    event = events[index]
    if isinstance(event, yaml.ScalarEvent) and event.style in ("|", ">"):
        return index + 1, _block_scalar_end(event, lines)
    if not isinstance(event, yaml.CollectionStartEvent):
        return index + 1, _last(event)
    index, last = index + 1, _mark(event.start_mark)[0]
    while not isinstance(events[index], yaml.CollectionEndEvent):
        index, inner = _node_end(events, index, lines)
        last = max(last, inner)
    if event.flow_style:  # a block collection's end mark is where the next token starts
        last = max(last, _last(events[index]))
    return index + 1, last


def _mark(mark: object) -> tuple[int, int]:
    """(line, column) of a PyYAML mark (the pure-Python or the libyaml kind)."""
    return (getattr(mark, "line", 0), getattr(mark, "column", 0))


def _last(event: yaml.Event) -> int:
    (start, _), (line, column) = _mark(event.start_mark), _mark(event.end_mark)
    return line if column > 0 or line == start else line - 1


def _block_scalar_end(event: yaml.ScalarEvent, lines: list[str]) -> int:
    """A `|` or `>` scalar ends at its last non-blank line before its end mark."""
    (start, _), (end, column) = _mark(event.start_mark), _mark(event.end_mark)
    last = start
    for number in range(start + 1, min(end + 1, len(lines))):
        if number == end and column == 0:
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
