"""parse.markdown.Cursor, which places every inline text of a post: one search of the
block's joined text must give what a search line by line gives (the old way, quadratic
on a paragraph of thousands of reference links), `within` included."""

from __future__ import annotations

import random

from blogcheck.parse.markdown import Cursor


def _by_line(lines: list[str], start: int, end: int, line: int, col: int, needle: str,
             within: int | None) -> tuple[int, int] | None:
    """The place a line-by-line search finds, 0-based, and none across a line break."""
    budget = within
    for number in range(line, min(end, len(lines))):
        first = col if number == line else 0
        stop = len(lines[number]) if budget is None else min(len(lines[number]), first + budget)
        found = lines[number].find(needle, first, stop) if "\n" not in needle else -1
        if found >= 0:
            return number, found
        if budget is not None:
            budget -= stop - first + 1
            if budget <= 0:
                return None
    return None


def test_find_agrees_with_a_search_line_by_line() -> None:
    rng = random.Random(11)
    for _ in range(3000):
        lines = ["".join(rng.choice("ab|(") for _ in range(rng.randint(0, 6))) for _ in range(rng.randint(1, 5))]
        start = rng.randrange(len(lines))
        end = rng.randint(start + 1, len(lines) + 1)
        cursor = Cursor(lines, 10, start, end)
        line, col = start, 0
        for _ in range(4):
            needle = "".join(rng.choice("ab|(\n") for _ in range(rng.randint(0, 3)))
            within = rng.choice([None, rng.randint(0, 12)])
            expected = _by_line(lines, start, end, line, col, needle, within)
            found = cursor.find(needle, within)
            assert found == (None if expected is None else (10 + expected[0], expected[1] + 1)), \
                (lines, start, end, line, col, needle, within)
            if expected is not None:
                line, col = expected[0], expected[1] + len(needle)
