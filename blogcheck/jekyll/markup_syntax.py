"""kramdown's own syntax in a post, which is no text of the page: math (`$$ ... $$`, a
block or inline, across lines too, which kramdown hands to MathJax as written), attribute
lists (`{: title="..."}`, `{:.class}`, `{#id}`, `{:ref: ...}`) and `{::nomarkdown}`
content (written to the page as it is). The markup checks' findings and fixes there
would change the math, an attribute or the HTML; on a kramdown site they are left alone."""

from __future__ import annotations

import functools
import re

# An extension that is closed (one never closed is text); stops at the next opener: linear time.
_NOMARKDOWN = re.compile(r"\{::nomarkdown(?:[ \t][^{}\n]*)?\}(?:(?!\{::nomarkdown\b).)*?\{:/(?:nomarkdown)?\}",
                         re.DOTALL)
_MAY_HOLD = re.compile(r"\$|\{[:#]")


@functools.lru_cache(maxsize=2)
def blanked(text: str) -> tuple[str, ...] | None:
    """The lines of `text` with kramdown's math, attribute lists and nomarkdown blanked
    (columns stay; each blanked character is a no-break space); None when it has none.
    Math and attribute lists are found as the spelling check masks them (`prose.mask`).
    Kept for the last two texts: asked at each finding of a post, made at its first."""
    if _MAY_HOLD.search(text) is None:
        return None
    from blogcheck.spelling.prose import mask

    masked = mask(text)  # it blanks an extension's tags, so nomarkdown is looked for in `text`
    for found in _NOMARKDOWN.finditer(text) if "{::nomarkdown" in text else ():
        start, end = found.span()
        masked = masked[:start] + re.sub(r"[^\n]", "\u00a0", found[0]) + masked[end:]
    return tuple(masked.split("\n"))


def inside(blank: tuple[str, ...] | None, lines: list[str], line: int, column: int) -> bool:
    """The character at 0-based `line`, `column` of `lines` is blanked in `blank`."""
    if blank is None or not 0 <= line < min(len(blank), len(lines)):
        return False
    seen, written = blank[line], lines[line]
    return column < min(len(seen), len(written)) and seen[column] != written[column]


def no_markdown(text: str) -> list[tuple[int, int]]:
    """(start, end) of what kramdown writes to the page without reading it as Markdown:
    `$$ ... $$` math (outside code) and `{::nomarkdown}` content; in order, none inside
    another. A `[text](url)` there is no link on the page."""
    if "$$" not in text and "{::nomarkdown" not in text:
        return []
    from blogcheck.spelling.prose import math_regions

    found = math_regions(text, display_only=True) if "$$" in text else []
    found += [m.span() for m in _NOMARKDOWN.finditer(text)] if "{::nomarkdown" in text else []
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
