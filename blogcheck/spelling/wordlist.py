"""Words to accept: the built-in technical vocabulary (data/tech_words.txt, written
for blogcheck, and data/software_words.txt, from cspell's software dictionaries), the
project word list (`.blogcheck-words.txt` at the site root, one word a line, `#`
comments) and a post's own `spelling_ignore:` list. All match in any case."""

from __future__ import annotations

import functools
import re
from importlib import resources
from pathlib import Path
from typing import Any

from blogcheck import files

DEFAULT_FILE = ".blogcheck-words.txt"
_BOM = b"\xef\xbb\xbf"
_LINE_BREAK = re.compile(rb"\r\n|\n|\r")  # the first one says how the file ends its lines


def parse(text: str) -> frozenset[str]:
    text = text.replace("\u2019", "'")  # a typographic apostrophe is a straight one, as the check reads words
    if "#" not in text:  # the built-in list: no comments, one split
        return frozenset(text.lower().split())
    words = (line.split("#", 1)[0].strip().lower() for line in text.splitlines())
    return frozenset(w for w in words if w)


@functools.lru_cache(maxsize=1)
def tech_words() -> frozenset[str]:
    data = resources.files("blogcheck") / "data"
    return parse(data.joinpath("tech_words.txt").read_text(encoding="utf-8")) | \
        parse(data.joinpath("software_words.txt").read_text(encoding="utf-8"))


def project_words(path: Path, notes: list[str] | None = None, named: bool = False) -> frozenset[str]:
    """The project word list; a missing file is an empty list (said in `notes` when the
    config `named` it: a misspelt name), and so is one that cannot be read, said too
    (its words would be reported with no word why); a list that is not UTF-8 is read
    with its odd bytes replaced, said too."""
    try:
        raw = files.read_bytes(path)
    except FileNotFoundError:
        if named and notes is not None:
            notes.append(f"the word list {path.name} named by `[spelling] wordlist` is not there: none of the "
                         "words you meant to accept is accepted (`blogcheck words --add` creates it)")
        return frozenset()
    except OSError as exc:
        if notes is not None:
            notes.append(f"the word list {path.name} cannot be read ({exc.strerror or exc}): none of its words is "
                         "accepted")
        return frozenset()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        text = raw.decode("utf-8-sig", errors="replace")
        if notes is not None:
            line = raw[:exc.start].count(b"\n") + 1
            notes.append(f"the word list {path.name} is not UTF-8 (line {line}): words with its odd bytes are not "
                         "accepted; save it as UTF-8")
    return parse(text)


def post_words(data: dict[str, Any]) -> frozenset[str]:
    """`spelling_ignore:` of a post: a list of words, or one string of words (anything
    else is a BC110 finding: the schema says so)."""
    value = data.get("spelling_ignore")
    if isinstance(value, str):
        value = value.split()
    if not isinstance(value, list):
        return frozenset()
    return frozenset(str(w).strip().lower().replace("\u2019", "'") for w in value if str(w).strip())


def not_a_word(word: str) -> str:
    """Why `word` cannot be a word-list entry ("" when it can): a token of prose
    has a letter and no space, `#` (a comment here) or `/` (it splits words)."""
    text = word.strip()
    if not any(c.isalpha() for c in text):
        return "no letter"
    if any(c.isspace() or not c.isprintable() for c in text):
        return "a space or a control character: one word a line"
    if "#" in text or "/" in text:
        return "`#` starts a comment and `/` splits words"
    return ""


class NotUtf8(ValueError):
    """The word list is not UTF-8 text: appending to it would mix two encodings."""


def append(path: Path, words: list[str]) -> list[str]:
    """Add the words not yet in the list, one a line; returns those added (a string
    that is not a word is left out: see `not_a_word`). Only bytes are appended, with
    the file's own line break, so every byte already there stays."""
    raw = files.read_bytes(path) if path.exists() or path.is_symlink() else b""
    try:
        have = parse(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        read = bytes(exc.object)  # without its BOM: the positions count from there
        line = read[:exc.start].count(b"\n") + 1
        raise NotUtf8(f"{path} is not UTF-8 text (byte 0x{read[exc.start]:02x} on line {line}); "
                      "save it as UTF-8 first") from None
    unique: dict[str, str] = {}
    for word in (w.strip().replace("\u2019", "'") for w in words if not not_a_word(w)):  # the first spelling wins
        if word.lower() not in have:
            unique.setdefault(word.lower(), word)
    new = sorted(unique.values(), key=str.lower)
    if new:
        found = _LINE_BREAK.search(raw)
        newline = found[0] if found else b"\n"
        body = raw.removeprefix(_BOM)
        lead = newline if body and not body.endswith((b"\n", b"\r")) else b""
        with open(path, "ab") as handle:
            handle.write(lead + b"".join(w.encode("utf-8") + newline for w in new))
    return new
