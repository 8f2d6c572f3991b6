"""The smart tokenizer: words of a prose span that a spell checker should look at.

Whole chunks (runs of non-space) that are URLs, e-mail addresses, command-line
options, file names, paths, identifiers (`snake_case`), hashtags or markup are skipped; the rest is
split into words, hyphenated compounds into their parts. A word opened by one escaped
mark (`\\*recieve`, shown as `*recieve`) is read, for known misspellings only. Words with digits
(`CS224N`), acronyms and their plurals (`LLMs`) and camelCase (`GitHub`) are not
checkable; possessives lose their `'s`. Emoticons have no word of two letters."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W\d_]+)*")
# A chunk that is not prose: a call or word play glued to `(` (`f(x)`, `R(adiant)`; not `word(s)`),
# a scheme or `www.`, an address, a command-line option (`-fdata-sections`, `--no-cache`), a path,
# markup or code. A slash between two letters is prose (`and/or`, `read/write`), unless the
# chunk is a path by another sign (`/usr/bin`, `docs/`, `src/main.c`, `_posts/x`); so is a full
# stop between a word and a capitalised one, a space left out (`the end.Then`; not `e.g`, `J.Doe`).
_NOT_PROSE = re.compile(r"\w\((?!e?s\))\w|://|\bwww\.|\w@\w|(?<!\S)@\w|(?<![^\s(\[])--?[A-Za-z]|"
                        r"(?<![^\W\d_])/|/(?![^\W\d_])|"
                        r"[\\=<>{}\[\]|~`#$%^*+_]|\w\.(?![A-Z][a-z]+\b)\w|(?<=\w)(?<![a-z]{2})\.[A-Z]|:[a-z0-9_+-]+:")
_LONGEST = 40  # no English word is longer; a longer run of letters is data, and costly to look at
_PLAIN = re.compile(r"[a-z]+(?:'[a-z]+)?|[A-Z][a-z]+(?:'[a-z]+)?")
_ACRONYM = re.compile(r"[A-Z]{2,}s?|[A-Z]+'?s")
_INNER_CAPITAL = re.compile(r".[a-z]*[A-Z]")
_SHOUTED = 5  # letters of a word in capitals read as a word (`SEPERATE`); shorter ones are acronyms (`EHR`)
_SENTENCE_END = re.compile(r"[.!?:;]['\")\]*_]*\s*$")
# `mis-spelt`, `pre-trained`: a prefix written with a hyphen is no word of its own.
_HYPHEN_PREFIXES = frozenset({"mis", "pre", "post", "non", "multi", "re", "co", "sub", "de", "un", "anti", "semi",
                              "bi", "tri", "ex", "inter", "intra", "meta", "micro", "mini", "mid", "pseudo", "quasi"})
_BREAK = ("\u2010", "\u00ad")  # hyphen and soft hyphen of hyphenated print
_MARKS = "*_#["  # marks that, escaped, may open a word readers see: `\*recieve`
_OPENERS = "(\"'\u201c\u2018"  # what may stand before such a mark: `(\*recieve`
# Any word twice, with only space or markup between (`the **the**`, `[the](x) the`, `the <!-- c --> the`):
# a superset of `repeated`, to pick what to read.
# (a separator must follow the word, and what the separators took is never given back: a third faster)
REPEAT = re.compile(r"\b([^\W\d_]+)(?=[\s*_~\[\]<])(?:\s|\]\([^()\n]*\)|[*_~\[\]]|<[^<>\n]{0,200}>)++\1\b",
                    re.IGNORECASE)
_LETTERS = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Word:
    text: str  # as written, possessive `'s` dropped, curly apostrophe kept
    start: int  # offset of its first character in the span
    initial: bool  # first word of a sentence
    capitalised: bool  # first letter upper case, the rest lower
    next_capitalised: bool  # the word after it is capitalised too (a run of names)
    by_name: bool  # next to a capitalised word that starts no sentence (`filip Schouwenaars`)
    previous: str  # the word before it ("" when none)
    repeated: bool  # the same word as the one before, with only space between
    checkable: bool  # a word to spell-check (not an acronym, identifier, number...)
    after_space: bool = False  # only white space between `previous` and it
    marked: bool = False  # after an escaped mark (`\*word`): looks like a name, so only a known misspelling counts


def checkable(word: str) -> bool:
    word = word.replace("\u2019", "'")
    if len(word) > _LONGEST:
        return False
    if _PLAIN.fullmatch(word):
        return len(word) > 1
    if len(word) < 2 or not word.isascii() or any(c.isdigit() for c in word):
        return False
    if len(word) >= _SHOUTED and word.isupper() and word.isalpha():
        return True  # `RECIEVE`: a word in capitals, not an acronym (only a known misspelling is reported)
    return not (_ACRONYM.fullmatch(word) or _INNER_CAPITAL.match(word))


def _skipped(text: str, escaped: frozenset[int] = frozenset()) -> list[tuple[int, int]]:
    """(start, end) of every chunk that is not prose."""
    found: list[tuple[int, int]] = []
    passed = 0  # end of the last chunk opened by an escaped mark (prose)
    for match in _NOT_PROSE.finditer(text):
        start, end = match.start(), match.end()
        if (found and start < found[-1][1]) or start < passed:
            continue  # in the chunk already skipped: no quadratic walk over a long chunk
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        while end < len(text) and not text[end].isspace():
            end += 1
        if escaped and _opened(text, start, end, escaped):
            passed = end
        else:
            found.append((start, end))
    return found


def _opened(text: str, start: int, end: int, escaped: frozenset[int]) -> bool:
    """The chunk `text[start:end]` is a word opened by one escaped mark, `\\*recieve`, `\\#recieve`
    or `\\[recieve\\]`: readers see the mark, then the word. Not a run of marks (`\\*\\*kwargs`,
    `\\_\\_init\\_\\_`), nor a mark after a word (a footnote's `word\\*`) or around it (`\\*word\\*`)."""
    mark = start + len(text[start:end]) - len(text[start:end].lstrip(_OPENERS))
    if mark not in escaped or text[mark] not in _MARKS or not text[mark + 1: mark + 2].isalpha():
        return False
    rest = text[mark + 1: end]
    if text[mark] == "[":  # its closing bracket, escaped too, is punctuation
        rest = "".join(" " if c == "]" and mark + 1 + i in escaped else c for i, c in enumerate(rest))
    return _NOT_PROSE.search(rest) is None


def _raw(text: str, escaped: frozenset[int] = frozenset()) -> list[tuple[str, int]]:
    """(word, offset) pairs, outside chunks that are not prose (`escaped`: offsets of
    marks written with a backslash, see `_opened`)."""
    skip = _skipped(text, escaped)
    found, at = [], 0  # skip is in order, and so are the words: one walk over both
    for match in WORD.finditer(text):
        start, word = match.start(), match[0]
        while at < len(skip) and skip[at][1] <= start:
            at += 1
        if at < len(skip) and skip[at][0] <= start:
            continue
        if text.startswith(_BREAK, start + len(match[0])) or text[max(0, start - 8): start].rstrip().endswith(_BREAK):
            continue  # half a word broken across a line in copied text: `effi\u2010 ciently`
        if word.endswith("in") and text.startswith(("'", "\u2019"), start + len(word)):
            continue  # `rockin'`: the g dropped on purpose
        if word[-2:] in ("'s", "\u2019s") and len(word) > 3:
            word = word[:-2]
        if text.startswith("-", start + len(word)) and word.lower() in _HYPHEN_PREFIXES:
            continue
        found.append((word, start))
    return found


def count(text: str) -> int:
    """How many words `text` has, for rates per 1,000 words."""
    return len(_raw(text))


def checkable_words(text: str) -> list[str]:
    """The words of `text` a spell checker looks at, in order (see `words`)."""
    return [word for word, _ in _raw(text) if checkable(word)]


def words(text: str, sentence_start: bool = True, previous: str = "",
          fine: set[str] | frozenset[str] = frozenset(), broken: bool = False,
          escaped: frozenset[int] = frozenset()) -> Iterator[Word]:
    """The words of `text` that need a look, in order: every word not in `fine`
    (words known to be right wherever they stand), and every repeated word.
    `previous` is the word just before `text` across a line break; `broken`: the
    line before ends in a word broken by a print hyphen (see `broken_at_end`), so
    the first word of `text` is its second half (`environ\u2010` / `ment`). `escaped`:
    offsets of marks written with a backslash (a word they open is read, see `_opened`)."""
    if fine and _all_fine(text, previous, fine):
        return
    raw = _raw(text, escaped)
    if broken and raw and not text[: raw[0][1]].strip():
        raw = raw[1:]
    end, name_before = 0, False
    for index, (word, start) in enumerate(raw):
        before = raw[index - 1][0] if index else previous
        gap = text[end:start] if index else " "
        end = start + len(word)
        spaced = not gap.strip()
        repeated = _twice(raw, index, before) and spaced
        by_name = name_before
        if word in fine and not repeated:
            name_before = word[0].isupper() and _capitalised(word) and not (
                sentence_start if index == 0 else _SENTENCE_END.search(gap))
            continue
        initial = sentence_start if index == 0 else bool(_SENTENCE_END.search(gap))
        following, next_start = raw[index + 1] if index + 1 < len(raw) else ("", 0)
        capitalised = _capitalised(word)
        # The next word is a name only when no sentence ends before it.
        next_capitalised = _capitalised(following) and not _SENTENCE_END.search(text[end:next_start])
        name_here = capitalised and not initial
        yield Word(word, start, initial, capitalised, next_capitalised, by_name or next_capitalised, before,
                   repeated, checkable(word), spaced, start - 1 in escaped and text[start - 1] in _MARKS)
        name_before = name_here


def broken_at_end(text: str) -> bool:
    """`text` ends in half a word and a hyphen of hyphenated print (`environ\u2010`)."""
    end = text.rstrip()
    return end.endswith(_BREAK) and end[-2:-1].isalpha()


def name_heavy(text: str) -> bool:
    """A list of names (`Parker Moore, maul.esel, Anatol Broder, ...`): at least six
    words, half of them or more capitalised; or six or more short items (one to three
    words: user names, `feivel, mitaa, nitoyon, Bret Comnes`) between commas."""
    raw = _raw(text)
    if len(raw) >= 6 and 2 * sum(1 for w, _ in raw[1:] if _capitalised(w)) >= len(raw) - 1:
        return True
    items = [item.split() for item in text.split(",")]
    return len(items) >= 6 and all(1 <= len(item) <= 3 for item in items[1:-1])


def _all_fine(text: str, previous: str, fine: set[str] | frozenset[str]) -> bool:
    """Nothing to look at: every word known fine, no word twice (most spans; C-speed)."""
    found = WORD.findall(text)
    if not fine.issuperset(found) or REPEAT.search(text):
        return False
    return not (found and previous and found[0].lower() == previous.lower())


def _twice(raw: list[tuple[str, int]], index: int, before: str) -> bool:
    """The same word as the one before, exactly twice (`final final final` is on purpose)."""
    lower = raw[index][0].lower()
    if before.lower() != lower or (len(lower) < 2 and lower not in ("a", "i")):  # `a a`, `I I`: slips too
        return False
    third_before = index >= 2 and raw[index - 2][0].lower() == lower
    third_after = index + 1 < len(raw) and raw[index + 1][0].lower() == lower
    return not (third_before or third_after)


def last_word(text: str) -> str:
    """The word `text` ends with, when nothing but space follows it."""
    # read backwards: a search for `letters, space, end` tried every start inside a long
    # run of letters, in quadratic time (minutes for a 140 KB "word")
    match = _LETTERS.match(text.rstrip()[::-1])
    if match is None or _NOT_PROSE.search(text.split()[-1]):
        return ""
    return match[0][::-1]


def _capitalised(word: str) -> bool:
    return len(word) > 1 and word[0].isupper() and word[1:].islower()
