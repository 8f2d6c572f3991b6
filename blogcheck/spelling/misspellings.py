"""The data layer: known misspellings with their fixes (`typo->fix1, fix2` lines in
blogcheck/data/typos.txt), rare words that are nearly always a slip of a common one
(data/rare_slips.txt, `dependancy->dependency`), and American/British spelling pairs
(data/variants.txt)."""

from __future__ import annotations

import functools
from importlib import resources

from blogcheck.spelling.sorted_lines import SortedLines


def _data(name: str) -> str:
    return (resources.files("blogcheck") / "data" / name).read_text(encoding="utf-8")


def _text() -> str:
    return _data("typos.txt")


# 95,000 entries: a dict of them would cost a pre-commit run ~70 ms, so only a run that asks often builds it.
_TYPOS: SortedLines[str] = SortedLines(_text, "->", str)


def lookup(typo: str) -> str | None:
    """The fixes of a lower-case misspelling, comma-separated; None if it is none."""
    return _TYPOS.get(typo)


def known() -> dict[str, str]:
    """Every misspelling -> its fixes (for the data tests)."""
    return dict(line.split("->", 1) for line in _TYPOS.text().split("\n") if line)


def fixes(word: str) -> list[str]:
    """The fixes for `word` (any case), in the case it was written in; [] if it is no known misspelling."""
    found = lookup(word.lower())
    if found is None:
        return []
    return [match_case(word, fix) for fix in found.split(", ")]


def match_case(model: str, word: str) -> str:
    """`word` written like `model`: `Teh` -> `The`, `TEH` -> `THE`."""
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


@functools.lru_cache(maxsize=1)
def _rare() -> dict[str, str]:
    return dict(line.split("->", 1) for line in _data("rare_slips.txt").splitlines() if line)


def rare_slip(lower: str) -> str | None:
    """The common word a rare dictionary word is nearly always a slip of (`incudes`:
    includes), or None. Words, so an unknown word's warning (BC402), never an error."""
    return _rare().get(lower)


# British spellings no American writes, whose pair variants.txt leaves out because the American
# word is right in British English too (`license` the British verb, a gas `meter`, to `check`;
# see bench/spelling/build_data.py VARIANTS_EXCLUDED): flagged under `language = "en-US"` only.
BRITISH_ONLY = {"licence": "license", "licences": "licenses", "metre": "meter", "metres": "meters",
                "cheque": "check", "cheques": "checks", "tyre": "tire", "tyres": "tires", "learnt": "learned",
                "unlearnt": "unlearned", "arbour": "arbor", "rigour": "rigor", "rigours": "rigors",
                "savoury": "savory", "pedlar": "peddler", "pedlars": "peddlers", "programme": "program",
                "programmes": "programs"}


@functools.lru_cache(maxsize=1)
def variants() -> tuple[dict[str, str], dict[str, str]]:
    """(american -> british, british -> american), lower case."""
    us_gb: dict[str, str] = {}
    gb_us: dict[str, str] = {}
    for line in _data("variants.txt").splitlines():
        american, british = line.split()
        us_gb.setdefault(american, british)
        gb_us.setdefault(british, american)
    return us_gb, gb_us

def build() -> None:
    """Read the whole list into a table now (a run over many posts would soon anyway):
    before worker processes fork, so that they share it instead of each building it."""
    _TYPOS.build()
