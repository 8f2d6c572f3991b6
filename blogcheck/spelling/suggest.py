"""Suggestions for an unknown word: dictionary words one (or two) edits away, the
likeliest slip first (a swapped or dropped letter before a wrong one, a neighbouring
key before a far one, then the more common word)."""

from __future__ import annotations

from collections.abc import Iterator

from blogcheck.spelling import dictionary

_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _edits(word: str) -> set[str]:
    """Every string one deletion, transposition, replacement or insertion away."""
    return {edit for group in _edit_groups(word) for edit in group}


def suggestions(word: str, distance: int = 1, limit: int = 5) -> list[str]:
    """Dictionary words closest to `word`, the likeliest slip first. Two edits
    (~n²·3,000 candidates) are tried only when one finds nothing and `distance` is 2."""
    lower = word.lower()
    first = _edits(lower)
    found = _ranked(lower, first)
    if not found and distance >= 2 and len(lower) <= 12:
        found = _ranked(lower, {e2 for e1 in first for e2 in _edits(e1)})
    return found[:limit]


def has_near(word: str, distance: int = 1) -> bool:
    """Whether a dictionary word is within `distance` edits; the likeliest slips
    (a dropped or swapped letter) are tried first, and most words stop there."""
    lower = word.lower()
    if any(_in_dictionary(group) for group in _edit_groups(lower)):
        return True
    return distance >= 2 and len(lower) <= 12 and bool(suggestions(lower, 2, 1))


def _in_dictionary(candidates: list[str]) -> bool:
    table = dictionary.table()
    if table:  # one C-level pass instead of a look-up call per candidate
        return not table.keys().isdisjoint(candidates)
    return any(dictionary.rank(c) is not None for c in candidates)


def _edit_groups(word: str) -> Iterator[list[str]]:
    """The strings one edit away (the same as `_edits`), in groups, likeliest first."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    yield [a + b[1:] for a, b in splits if b]
    yield [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    yield [a + c + b[1:] for a, b in splits if b for c in _LETTERS]
    yield [a + c + b for a, b in splits for c in _LETTERS + "'"]


def _ranked(word: str, candidates: set[str]) -> list[str]:
    table = dictionary.table()
    if table:  # a set intersection instead of a look-up per candidate
        ranks = {w: table[w] for w in candidates & table.keys()}
    else:
        ranks = {w: r for w in candidates if (r := dictionary.rank(w)) is not None}
    return sorted(ranks, key=lambda w: (round(_cost(word, w), 2), ranks[w]))


def _cost(typed: str, meant: str) -> float:
    """How likely a slip turns `meant` into `typed`: a swap or a dropped letter
    is likelier than a wrong one; a wrong first letter is rare."""
    cost = 0.0 if typed[:1] == meant[:1] else 0.5
    if len(meant) == len(typed) + 1:  # a letter left out
        return cost + 0.8
    if len(meant) + 1 == len(typed):  # a letter too many; a doubled one is the usual case
        doubled = any(typed[i] == typed[i + 1] and typed[:i] + typed[i + 1:] == meant for i in range(len(typed) - 1))
        return cost + (0.5 if doubled else 0.9)
    diff = [i for i, (a, b) in enumerate(zip(typed, meant, strict=False)) if a != b]
    if len(diff) == 2 and diff[1] == diff[0] + 1 and typed[diff[0]] == meant[diff[1]]:
        return cost + 0.6
    if len(diff) == 1:
        near = meant[diff[0]] in _NEIGHBOURS.get(typed[diff[0]], "")
        return cost + (0.7 if near else 1.0)
    return cost + 2.0


_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_NEIGHBOURS = {
    c: "".join(r2[j] for r2 in _ROWS[max(0, i - 1): i + 2] for j in range(max(0, col - 1), col + 2) if j < len(r2))
    for i, row in enumerate(_ROWS) for col, c in enumerate(row)
}
