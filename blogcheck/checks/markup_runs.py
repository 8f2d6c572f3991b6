"""BC618's pairs: a `____` blank that kramdown makes bold with a run further on in its
paragraph (`fill ____ and ____ in` shows `__ and __` in bold; checked with jekyll build),
found as kramdown's emphasis parser finds its closing `__`: after some text, right after
no space, and (for `_`) before no letter or digit."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from blogcheck.checks.markup_parts import Part

_HIDDEN = "\x01"  # stands for code, a tag or a link's part: text to kramdown, never a closing run


@dataclass(frozen=True)
class Paired:
    """A run of 4 at `opener` (offset in the paragraph's text) made bold up to `closer`."""

    opener: int
    closer: int
    shown: str  # the text kramdown shows in bold, or "" when it runs over code or lines


def paragraph(parts: list[Part]) -> tuple[str, list[int]]:
    """The text kramdown reads for emphasis, and each part's offset in it."""
    pieces, offsets, at = [], [], 0
    for part in parts:
        piece = part.content if part.kind == "text" else "\n" if part.kind == "softbreak" else _HIDDEN
        offsets.append(at)
        pieces.append(piece)
        at += len(piece)
    return "".join(pieces), offsets


def pairs(text: str, runs: list[tuple[int, int]]) -> list[Paired]:
    """The runs of 4 (`runs`: (offset, length), in order) that open bold, each with its closing."""
    found, after = [], 0
    for start, length in runs:
        if length != 4 or start < after:
            continue
        closer = _closing(text, start + 4, text[start])
        if closer is not None:
            shown = text[start + 2:closer]
            found.append(Paired(start, closer, "" if _HIDDEN in shown or "\n" in shown else shown))
            after = closer + 2
    return found


def _closing(text: str, pos: int, mark: str) -> int | None:
    """Where kramdown closes a strong opened before `pos` (its first text, `__`, read)."""
    pair = mark * 2
    while pos < len(text):
        if text.startswith(pair, pos) and not text[pos - 1].isspace() \
                and not (mark == "_" and text[pos + 2:pos + 3].isalnum()):
            return pos
        pos += 2 if text.startswith(pair, pos) else 1  # a `__` that closes nothing is text, read as one
    return None
