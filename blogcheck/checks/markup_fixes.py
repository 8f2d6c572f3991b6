"""Where a markup fix would break what it mends, the finding stays without it, and its
hint says what to do by hand: in a heading whose id kramdown makes from its text (the
fix changes the id, and the links to it break), and in a link whose text is its
reference label (`[**the docs **]` with `[**the docs **]: url`: the fixed text matches
no definition, and the link is gone)."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from blogcheck.diagnostic import Diagnostic
from blogcheck.parse.kramdown_ids import auto_id
from blogcheck.parse.markdown import parser

if TYPE_CHECKING:
    from markdown_it.token import Token

# The codes whose fix changes a heading's text as kramdown makes its id of it (asked: `<URL>`,
# BC611's fix, keeps the id; `\<`, `\-\-`, `[text](url)`, `**text**`, `\<<`, `\_\_` and an emoji change it).
_CHANGES_ID = frozenset({"BC601", "BC602", "BC606", "BC607", "BC612", "BC618", "BC619"})
_ANCHOR = (" (by hand: the heading's #anchor, made from its words, changes with it, and links to it break; add "
           "`{#...}` with the old anchor after the heading to keep them working)")
_LABEL = " (by hand: the link's text is its reference label, so change the label of its definition too)"


def anchored_heading(stream: list[Token], number: int, lines: list[str]) -> bool:
    """The inline token `stream[number]` is a heading's text, and kramdown makes the heading's
    id of it (no `{#id}` given): as the spelling check withholds its fixes there. `lines`
    are the body's lines as written."""
    return number > 0 and stream[number - 1].type == "heading_open" and auto_id(stream[number - 1], lines)


def in_heading(diag: Diagnostic) -> Diagnostic:
    """`diag`, found in a heading whose id kramdown makes from its text, without a fix
    that would change the id."""
    return _withheld(diag, _ANCHOR) if diag.code in _CHANGES_ID else diag


def in_link(diag: Diagnostic, lines: list[str], block: tuple[int, int], body_line: int,
            env: dict[str, Any]) -> Diagnostic:
    """`diag`, found in a link's text, without its fix when the fix loses a link or changes
    its target: the text was its reference label. `lines` are the body's, `block` the
    link's paragraph (body lines, the end excluded)."""
    edits = diag.extras.get("fix") or []
    before = lines[block[0]:block[1]]
    after = list(before)
    for line, column, old, new in sorted(edits, reverse=True):  # right to left: each column is still right
        at = line - body_line - block[0]
        if not 0 <= at < len(after) or after[at][column - 1:column - 1 + len(old)] != old:
            return diag  # not in the paragraph as read: the fix does not apply as it is
        after[at] = after[at][:column - 1] + new + after[at][column - 1 + len(old):]
    return diag if _targets(before, env) == _targets(after, env) else _withheld(diag, _LABEL)


def _targets(lines: list[str], env: dict[str, Any]) -> list[object]:
    """The targets of the links and images of a paragraph's lines, in order."""
    children = parser().parseInline("\n".join(lines), env)[0].children or []
    return [child.attrGet("href") or child.attrGet("src") for child in _flat(children)
            if child.type in ("link_open", "image")]


def _flat(children: list[Token]) -> list[Token]:
    return [found for child in children for found in (child, *_flat(child.children or []))]


def _withheld(diag: Diagnostic, why: str) -> Diagnostic:
    if "fix" not in diag.extras:
        return diag
    return dataclasses.replace(diag, hint=diag.hint + why, extra=tuple(kv for kv in diag.extra if kv[0] != "fix"))
