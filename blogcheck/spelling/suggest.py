"""Suggestions for an unknown word: dictionary words one (or two) edits away, the
likeliest first. How likely is the slip (a swapped or dropped letter before a wrong
one, a neighbouring key before a far one) weighed against how often English text
uses the word and how many posts of the site use it; a space left out between two
common words (`itcan`) is a candidate too.

The weights were fitted on the corpus's real typos (tests/spelling/meant.tsv): the
meant word came first for 0.80 of them by the slip alone, and for 0.89 now (fitted
on one half of the labels, the weights gave 0.85 and 0.86 on the other). A known misspelling's
several fixes keep the list's order unless the site uses a later one more: the meant
fix came first for 0.58 of them in the list's order, and for 0.75 so."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator

from blogcheck.spelling import attested, dictionary

_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_PER_ZIPF = 0.3  # less cost per step of wordfreq's Zipf scale (ten times the use)
_PER_POSTS = 0.15  # less cost per doubling of the posts of the site that use the word
_PER_FIX = 0.2  # more cost per place down a known misspelling's list of fixes
_SITE_LOOKUPS = 6  # only the likeliest few are looked up in the site (a one-post run reads it lazily)
_SPLIT_COST = 1.4  # a space left out: likelier than two slips, less likely than one
_SPLIT_ZIPF = 4.0  # both words of a split this common at least
_SPLIT_FUNCTION = 6.0  # and one of them among the commonest words (`it`, `we`, `of`, `a`): not `ma tries`

Usage = Callable[[str], int]  # how many posts of the site use a word


def edits(word: str) -> set[str]:
    """Every string one deletion, transposition, replacement or insertion away."""
    return {edit for group in _edit_groups(word) for edit in group}


def suggestions(word: str, distance: int = 1, limit: int = 5, usage: Usage | None = None) -> list[str]:
    """Dictionary words closest to `word`, the likeliest first. Two edits
    (~n²·3,000 candidates) are tried only when one finds nothing and `distance` is 2."""
    lower = word.lower()
    first = edits(lower)
    found = _ranked(lower, _known(first), usage, _splits(lower))
    if not found and distance >= 2 and len(lower) <= 12:
        found = _ranked(lower, _known({e2 for e1 in first for e2 in edits(e1)}), usage)
    return found[:limit]


def order(fixes: list[str], usage: Usage) -> list[str]:
    """The fixes of a known misspelling: the list's order (likeliest first), unless
    the site uses a later one much more (`gauss` before `gauze` on a statistics blog)."""
    return sorted(fixes, key=lambda w: _PER_FIX * fixes.index(w) - _PER_POSTS * math.log2(1 + usage(w)))


def has_near(word: str, distance: int = 1) -> bool:
    """Whether a dictionary word is within `distance` edits; the likeliest slips
    (a dropped or swapped letter) are tried first, and most words stop there."""
    lower = word.lower()
    if any(_in_dictionary(group) for group in _edit_groups(lower)):
        return True
    return distance >= 2 and len(lower) <= 12 and bool(_known({e2 for e1 in edits(lower) for e2 in edits(e1)}))


def slips(word: str) -> list[str]:
    """The strings one letter too many (not the first: a stray letter lands inside a
    word) or two letters swapped away: the likeliest slips of the keyboard."""
    extra = [word[:i] + word[i + 1:] for i in range(1, len(word))]
    return extra + [word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(len(word) - 1)]


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


def _known(candidates: set[str]) -> dict[str, int]:
    """The dictionary words among `candidates`, with their frequency rank."""
    table = dictionary.table()
    if table:  # a set intersection instead of a look-up per candidate
        return {w: table[w] for w in candidates & table.keys()}
    return {w: r for w in candidates if (r := dictionary.rank(w)) is not None}


def _splits(word: str) -> dict[str, float]:
    """`it can` for `itcan`: two common words with the space left out, and their cost."""
    found: dict[str, float] = {}
    for i in range(1, len(word)):
        left, right = word[:i], word[i:]
        if (left in ("a", "i") or _syllable(left)) and _syllable(right):
            uses = sorted((attested.zipf(left), attested.zipf(right)))
            use = uses[0]
            if use >= _SPLIT_ZIPF and uses[1] >= _SPLIT_FUNCTION and dictionary.rank(left) is not None \
                    and dictionary.rank(right) is not None:
                found[f"{left} {right}"] = _SPLIT_COST - _PER_ZIPF * use
    return found


def _syllable(part: str) -> bool:
    """Two letters or more, one a vowel: a word, not an abbreviation (`rd`, `st`)."""
    return len(part) > 1 and any(c in "aeiouy" for c in part)


def _ranked(word: str, ranks: dict[str, int], usage: Usage | None, scored: dict[str, float] | None = None,
            ) -> list[str]:
    """`ranks` (candidate -> tie-breaking rank) and `scored` (already costed), the likeliest first."""
    cost = {w: _cost(word, w) - _PER_ZIPF * attested.zipf(w) for w in ranks}
    cost.update(scored or {})
    found = sorted(cost, key=lambda w: (cost[w], ranks.get(w, 0)))
    if usage is not None:  # a stable sort: ties keep the order above
        head = found[:_SITE_LOOKUPS]
        found[:_SITE_LOOKUPS] = sorted(head, key=lambda w: cost[w] - _PER_POSTS * math.log2(1 + _posts(w, usage)))
    return found


def _posts(words: str, usage: Usage) -> int:
    """Posts that use the word; for a split, the rarer of its two words."""
    return min(usage(word) for word in words.split(" "))


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
