"""Words that English text is seen to use, with how often: wordfreq's list (Apache-2.0
code, CC-BY-SA data) on the Zipf scale (log10 of uses per billion words; 2.0 is
once in ten million words, 3.0 once in a million).

pyspellchecker's dictionary misses common words of technical writing (`admin`,
`intro`, `modulo`, `lossy`, `vice versa`, `de facto`); wordfreq counts Wikipedia,
subtitles, news, web text and forums, so it knows them. It knows frequent slips
as well (`teh`, `recieve`), which is why it only keeps a word from being called
unknown (BC402): the known-misspellings list (BC401) is read first, and the
suggestions still come from the dictionary.

Reading wordfreq's data takes about 0.25 s, too slow for every pre-commit run: the
words at Zipf 1.0 or more are kept once as a sorted text file in the user cache
(see dictionary.py), and a file without the expected first line is rebuilt."""

from __future__ import annotations

import math

from blogcheck.spelling.dictionary import cache_dir, data_stamp, prune, write_atomic
from blogcheck.spelling.sorted_lines import SortedLines

LOWEST = 1.0  # the least frequent words kept; `[spelling] min_zipf` may not go below it


_DATA = ("wordfreq", "data", "large_en.msgpack.gz")  # the list read; its size and time name the cache


def _header() -> str:
    return f"# wordfreq en {data_stamp(*_DATA)}, Zipf >= {LOWEST}: word<TAB>Zipf, sorted by code point"


def _from_package() -> str | None:
    """The cache file's text; None when wordfreq cannot be read (then no word counts
    as used, as with `min_zipf = 0`: a broken install costs findings, never a crash)."""
    try:
        from wordfreq import get_frequency_dict

        shares = get_frequency_dict("en", wordlist="large")
    except (ImportError, OSError, ValueError):
        return None
    lines = [_header()]
    for word, share in shares.items():
        zipf = round(math.log10(share) + 9, 2)
        if zipf >= LOWEST and word.replace("'", "").isalpha():
            lines.append(f"{word}\t{zipf}")
    lines[1:] = sorted(lines[1:])
    return "\n".join(lines)


def _text() -> str:
    cache = cache_dir() / f"wordfreq-en-{data_stamp(*_DATA)}.tsv"
    try:
        text = cache.read_bytes().decode("utf-8")  # no newline translation: twice as fast
        if text.startswith(_header() + "\n"):
            return text
    except (OSError, UnicodeDecodeError):
        pass
    built = _from_package()  # missing, unreadable or not ours: built again
    if built is None:
        return ""
    write_atomic(cache, built)
    prune(cache)
    return built


_WORDS: SortedLines[float] = SortedLines(_text, "\t", float, table=False)  # asked word by word only


def zipf(word: str) -> float:
    """How often English text uses the lower-case `word` (Zipf scale); 0.0 when
    under `LOWEST` or never seen."""
    return _WORDS.get(word) or 0.0


def build() -> None:
    """Read the whole list into a table now (a run over many posts would soon anyway):
    before worker processes fork, so that they share it instead of each building it."""
    _WORDS.build()

def reset() -> None:
    """Forget what was read (for tests that point the cache elsewhere)."""
    _WORDS.reset()
