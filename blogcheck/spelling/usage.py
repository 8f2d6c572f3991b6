"""Site-wide usage as evidence: a word that many posts of the site use is the
site's own jargon, not a slip. Counted over each post's whole text (code too:
an identifier that many posts use is jargon as well), case-insensitively."""

from __future__ import annotations

import bisect
import collections
import re
from collections.abc import Callable, Iterator

_WORDS = re.compile(r"(?<![a-z0-9_'])[a-z]+(?:'[a-z]+)*(?![a-z0-9_])")
_RUN = re.compile(r"\w+")  # a whole word as `_bounded` sees one, when it has no apostrophe
# Past this many look-ups one pass over every post beats one search per word.
_LAZY_LOOKUPS = 64


class Usage:
    """How many posts use a word, answered lazily: a pre-commit run asks about a
    handful of words, a whole-site run about thousands."""

    def __init__(self, texts: list[str] | Callable[[], list[str]]) -> None:
        """`texts`: each post's text, or how to read them when first needed (a run whose
        words are all known never reads the site)."""
        self._source = texts
        self._read: list[str] | None = None
        self._joined = b""
        self._starts: list[int] = []
        self._index: dict[str, int] | None = None
        self._asked: dict[str, int] = {}

    def prepare(self) -> None:
        """Index every post now: the run will ask about many words."""
        if self._index is None:
            self._index = self._build()

    def posts(self, word: str) -> int:
        lower = word.lower()
        if lower in self._asked:
            return self._asked[lower]
        if self._index is None and len(self._asked) >= _LAZY_LOOKUPS:
            self._index = self._build()
        count = self._index.get(lower, 0) if self._index is not None else self._search(lower)
        self._asked[lower] = count
        return count

    def _texts(self) -> list[str]:
        if self._read is None:
            self._read = self._source() if callable(self._source) else self._source
        return self._read

    def _search(self, word: str) -> int:
        """Posts whose text has `word`, in any case, as the index counts them: one
        search of the site's text as UTF-8 with its ASCII letters lowered (like the
        index, which counts words of a to z; 9 ms for 3.4 MB, a str.lower() took 28),
        a few ms a word, not a pass over every word."""
        if not self._starts:
            data = [text.encode("utf-8", "replace").lower() for text in self._texts()]
            self._joined = b"\0".join(data)
            offset = 0
            for text in data:
                self._starts.append(offset)
                offset += len(text) + 1
        form = word.encode("utf-8", "replace")
        found = 0
        at = self._joined.find(form) if form else -1
        while at >= 0:
            end = at + len(form)
            if not _bounded_bytes(self._joined, at, end):
                at = self._joined.find(form, end)
                continue
            found += 1
            # once a post has the word, the rest of it need not be read (`study`: 2,000 uses, 300 posts)
            after = bisect.bisect_right(self._starts, at)
            at = self._joined.find(form, self._starts[after]) if after < len(self._starts) else -1
        return found

    def _build(self) -> dict[str, int]:
        index: dict[str, int] = {}
        for text in self._texts():
            found = set(_WORDS.findall(text.lower()))
            for word in found | {w.split("'", 1)[0] for w in found if "'" in w}:
                index[word] = index.get(word, 0) + 1
        return index


def occurrences(text: str, word: str) -> int:
    """How often `text` has `word` as a whole word, in lower case, capitalised or upper
    case (see `_places`): the one post's own count, not the site-wide `Usage`."""
    return sum(1 for _ in _places(text, word))


class Occurrences:
    """`occurrences` for many words of one text: a word's first look-ups search the
    text, and past `_SEARCHES` of them one pass counts every word (a generated post
    with 50,000 unknown words took 37 s with one search each, quadratic in its size)."""

    _SEARCHES = 16

    def __init__(self, text: str) -> None:
        self.text = text
        self._searched = 0
        self._counts: collections.Counter[str] | None = None

    def __call__(self, word: str) -> int:
        if self._counts is None and self._searched >= self._SEARCHES:
            self._counts = collections.Counter(
                m[0] for m in _RUN.finditer(self.text) if _bounded(self.text, m.start(), m.end()))
        if self._counts is None or not _RUN.fullmatch(word):  # `sync'ed`: not one run of word characters
            self._searched += 1
            return occurrences(self.text, word)
        return sum(self._counts[form] for form in forms(word))


def _places(text: str, word: str) -> Iterator[int]:
    """Where `text` has `word` between non-word characters, in lower case, capitalised or
    upper case (mixed case such as `sTurd` is not the same word). As in `_build`, no word
    starts right after an apostrophe. str.find is far faster than a regex with
    look-arounds over megabytes."""
    for form in forms(word):
        at = text.find(form)
        while at >= 0:
            end = at + len(form)
            if _bounded(text, at, end):
                yield at
            at = text.find(form, end)


def forms(word: str) -> set[str]:
    """The ways a word is written and still the same word: lower case, capitalised, upper case."""
    return {word.lower(), word.lower().capitalize(), word.upper()} - {""}  # "" would be found forever


def _bounded(text: str, start: int, end: int) -> bool:
    """`text[start:end]` is a whole word: no word character (or apostrophe) just before, none after."""
    before = text[start - 1: start]
    return not (_is_word(before) or before == "'") and not _is_word(text[end: end + 1])


def _bounded_bytes(data: bytes, start: int, end: int) -> bool:
    """`data[start:end]` is a whole word as the index sees words: no a-z, 0-9, `_` or
    apostrophe just before, no a-z, 0-9 or `_` after (a non-ASCII letter ends a word)."""
    before, after = data[start - 1: start] if start else b"", data[end: end + 1]
    return not (_is_word_byte(before) or before == b"'") and not _is_word_byte(after)


def _is_word_byte(byte: bytes) -> bool:
    return byte.isalnum() or byte == b"_"  # ASCII only, as bytes are


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"
