"""The English dictionary layer: pyspellchecker's word list (MIT), ranked by frequency.

The package ships its list as gzipped JSON, which takes ~75 ms to read; a pre-commit run
cannot afford that every time, so the words are kept once, most frequent first, as a plain
text file in the user cache (`$XDG_CACHE_HOME/blogcheck`, or `$BLOGCHECK_CACHE_DIR`)."""

from __future__ import annotations

import functools
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _cache_dir() -> Path:
    explicit = os.environ.get("BLOGCHECK_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "blogcheck"


def _from_package() -> list[str]:
    """`word<TAB>rank` lines in code-point order (for bisect), rank 0 the most common.
    Possessives are dropped: the tokenizer strips `'s` before looking a word up."""
    import gzip
    import json
    from importlib import resources

    raw = (resources.files("spellchecker") / "resources" / "en.json.gz").read_bytes()
    freq: dict[str, int] = json.loads(gzip.decompress(raw))
    words = [w for w in freq if not w.endswith("'s") and w == w.strip() and "\t" not in w]
    by_freq = sorted(words, key=lambda w: (-freq[w], w))
    return sorted(f"{w}\t{n}" for n, w in enumerate(by_freq))


def _package_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("pyspellchecker")
    except PackageNotFoundError:
        return "0"


@functools.lru_cache(maxsize=1)
def _text() -> str:
    """The `word<TAB>rank` lines, sorted, as one string (no 130,000-line split)."""
    cache = _cache_dir() / f"english-{_package_version()}.tsv"
    try:
        return cache.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        text = "\n".join(_from_package())
        _write_atomic(cache, text)
        return text


def sorted_line(text: str, key: str) -> str | None:
    """The line of `text` (sorted lines) that starts with `key`, by binary search
    on the string itself: a one-post run reads the file but never splits it."""
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi) // 2
        start = text.rfind("\n", 0, mid) + 1
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if text[start:end] < key:
            lo = end + 1
        else:
            hi = start
    if text.startswith(key, lo):
        end = text.find("\n", lo)
        return text[lo: len(text) if end < 0 else end]
    return None


_lookups = 0
_table: dict[str, int] = {}
_SEARCHES = 20_000  # look-ups after which one dict of every word is cheaper than searching


def rank(word: str) -> int | None:
    """Frequency rank of a lower-case English word (0 is the most common), None if unknown.
    A binary search, so a one-post run builds no 130,000-entry table; a run that asks
    often builds it once."""
    global _lookups
    if _table:
        return _table.get(word)
    _lookups += 1
    if _lookups > _SEARCHES:
        for entry in _text().split("\n"):
            name, _, number = entry.partition("\t")
            _table[name] = int(number)
        return _table.get(word)
    found = sorted_line(_text(), word + "\t")
    return None if found is None else int(found[len(word) + 1:])


def reset() -> None:
    """Forget what was read (for tests that point the cache elsewhere)."""
    global _lookups
    _text.cache_clear()
    _table.clear()
    _lookups = 0


def english_words() -> set[str]:
    return {line.split("\t", 1)[0] for line in _text().split("\n")}


def _write_atomic(path: Path, text: str) -> None:
    """Best effort: a read-only home only costs speed."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".words-")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except OSError:
        return


def _edits(word: str) -> set[str]:
    """Every string one deletion, transposition, replacement or insertion away."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [a + b[1:] for a, b in splits if b]
    swaps = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    replaces = [a + c + b[1:] for a, b in splits if b for c in _LETTERS]
    inserts = [a + c + b for a, b in splits for c in _LETTERS + "'"]
    return set(deletes + swaps + replaces + inserts)


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
    """Whether a dictionary word is within `distance` edits; stops at the first one."""
    lower = word.lower()
    if any(rank(e) is not None for e in _edit_stream(lower)):
        return True
    return distance >= 2 and len(lower) <= 12 and bool(suggestions(lower, 2, 1))


def _edit_stream(word: str) -> Iterator[str]:
    """The strings one edit away, likeliest slips first, lazily."""
    for i in range(len(word)):
        yield word[:i] + word[i + 1:]
        if i + 1 < len(word):
            yield word[:i] + word[i + 1] + word[i] + word[i + 2:]
    for i in range(len(word) + 1):
        for c in _LETTERS + "'":
            yield word[:i] + c + word[i:]
            if i < len(word):
                yield word[:i] + c + word[i + 1:]


def _ranked(word: str, candidates: set[str]) -> list[str]:
    if _table:  # a set intersection instead of a look-up per candidate
        ranks = {w: _table[w] for w in candidates & _table.keys()}
    else:
        ranks = {w: r for w in candidates if (r := rank(w)) is not None}
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
