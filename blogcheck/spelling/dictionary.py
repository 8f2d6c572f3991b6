"""The English dictionary layer: pyspellchecker's word list (MIT), ranked by frequency.

The package ships its list as gzipped JSON, which takes ~75 ms to read; a pre-commit run
cannot afford that every time, so the words are kept once, most frequent first, as a plain
text file in the user cache (`$XDG_CACHE_HOME/blogcheck`, or `$BLOGCHECK_CACHE_DIR`)."""

from __future__ import annotations

import contextlib
import functools
import os
import tempfile
from pathlib import Path

from blogcheck.spelling.sorted_lines import SortedLines

_DATA = ("spellchecker", "resources", "en.json.gz")


def cache_dir() -> Path:
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

    raw = (resources.files(_DATA[0]) / _DATA[1] / _DATA[2]).read_bytes()
    freq: dict[str, int] = json.loads(gzip.decompress(raw))
    words = [w for w in freq if not w.endswith("'s") and w == w.strip() and "\t" not in w]
    by_freq = sorted(words, key=lambda w: (-freq[w], w))
    return sorted(f"{w}\t{n}" for n, w in enumerate(by_freq))


@functools.lru_cache(maxsize=8)
def data_stamp(package: str, *parts: str) -> str:
    """Size and a digest of the ends of a package's data file: part of its cache file's
    name, so that other data is read again, while every install of the same data (each
    venv, each pre-commit environment) shares one cache file. The files are gzip, whose
    last 8 bytes are the CRC and size of the whole content. (The file's mtime, used
    before, differs per install: one machine's cache held 190 files, 518 MB.) Reading
    128 KB takes well under a millisecond; importlib.metadata.version took 27 ms of a
    0.27 s pre-commit run, and hashlib's import 5 ms: zlib's CRC-32, loaded anyway, is
    enough to tell data files apart. "0" when the file is not found."""
    import importlib.util
    import zlib

    try:
        spec = importlib.util.find_spec(package)
        folders = list(spec.submodule_search_locations or []) if spec else []
        with open(os.path.join(folders[0], *parts), "rb") as handle:
            head = handle.read(_ENDS)
            size = handle.seek(0, os.SEEK_END)
            handle.seek(max(len(head), size - _ENDS))
            tail = handle.read(_ENDS)
    except (ImportError, ValueError, IndexError, OSError):
        return "0"
    return f"{size}-{zlib.crc32(tail, zlib.crc32(head)):08x}"


_ENDS = 65536  # bytes read at each end of a data file for its stamp
KEEP = 3  # cache files kept per kind of list (`english-`, `wordfreq-en-`): the data of three installs


def prune(kept: Path, keep: int = KEEP) -> None:
    """After `kept` is written: remove the older cache files of its kind (the same name
    up to the stamp), all but the `keep` most recently written. Best effort."""
    kind = kept.name.rsplit("-", 2)[0] + "-"
    try:
        found = [p for p in kept.parent.iterdir() if p.name.startswith(kind) and p.name.endswith(kept.suffix)]
        found.sort(key=lambda p: p.stat().st_mtime, reverse=True)
        for old in found[keep:]:
            if old != kept:
                old.unlink()
    except OSError:  # another run removed one first, or the folder is not ours to change
        return


def _text() -> str:
    """The `word<TAB>rank` lines, sorted, as one string (no 130,000-line split)."""
    cache = cache_dir() / f"english-{data_stamp(*_DATA)}.tsv"
    try:
        return cache.read_bytes().decode("utf-8")  # no newline translation: twice as fast
    except (OSError, UnicodeDecodeError):
        text = "\n".join(_from_package())
        write_atomic(cache, text)
        prune(cache)
        return text


_WORDS: SortedLines[int] = SortedLines(_text, "\t", int)


def rank(word: str) -> int | None:
    """Frequency rank of a lower-case English word (0 is the most common), None if unknown."""
    return _WORDS.get(word)


def table() -> dict[str, int]:
    """Every word -> rank, once a run has asked often enough to build it (else empty)."""
    return _WORDS.table()


def build() -> None:
    """Read the whole list into a table now (a run over many posts would soon anyway):
    before worker processes fork, so that they share it instead of each building it."""
    _WORDS.build()

def reset() -> None:
    """Forget what was read (for tests that point the cache elsewhere)."""
    _WORDS.reset()


def english_words() -> set[str]:
    return {line.split("\t", 1)[0] for line in _WORDS.text().split("\n")}


def write_atomic(path: Path, text: str) -> None:
    """Best effort: a read-only home only costs speed (and a full disk leaves no part file)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".words-")
    except OSError:
        return
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:  # read back as bytes
            handle.write(text)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
