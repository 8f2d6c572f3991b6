"""markdown-it's GFM table rule, with a row's cells split where kramdown splits them.

GFM splits a row at every `|` that is not escaped, in a code span too, and drops the
cells past the header's count; kramdown (Jekyll's Markdown) never splits inside a code
span or an HTML element. So `` | `ls | grep x` | the step | `` is two cells on the site,
`ls | grep x` and `the step`, where the preview shows three and drops the last: the
text and links of `the step` are on the page, and must be checked. The rule is
markdown-it-py's own function, run with kramdown's split in place of `escapedSplit`."""

from __future__ import annotations

import importlib
import types
from typing import TYPE_CHECKING

from blogcheck.jekyll.kramdown_pipes import UNESCAPED_PIPE, pipes

if TYPE_CHECKING:
    from markdown_it.rules_block import StateBlock



def split(line: str) -> list[str]:
    """The cells of a row as kramdown reads them, a `\\|` in them written `|`. Without a
    backtick or a `<`, no code span or element hides a pipe: every one not escaped
    splits, and the row needs no inline parse."""
    cells, last = [], 0
    plain = "`" not in line and "<" not in line
    columns = [m.start() for m in UNESCAPED_PIPE.finditer(line)] if plain else pipes(line)[0]
    for column in columns:
        cells.append(line[last:column])
        last = column + 1
    cells.append(line[last:])
    return [cell.replace("\\|", "|") for cell in cells]


gfm = importlib.import_module("markdown_it.rules_block.table")  # the module: the package's `table` is its rule
_TABLE = types.FunctionType(gfm.table.__code__, {**vars(gfm), "escapedSplit": split}, "table")


def table(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    return bool(_TABLE(state, start_line, end_line, silent))


ALT = ["paragraph", "reference"]  # the rules markdown-it lets a table interrupt, as its own
