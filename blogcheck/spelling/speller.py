"""The decision for one word: a known misspelling (BC401), an unknown word (BC402),
or fine. Known misspellings are always reported; an unknown word is only
reported when nothing says it is jargon, a name or the site's own usage."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from blogcheck.spelling import attested, dictionary, misspellings, suggest
from blogcheck.spelling.tokens import REPEAT, WORD, Word, checkable, checkable_words
from blogcheck.spelling.usage import Usage

LANGUAGES = ("en", "en-US", "en-GB")
UNKNOWN = ("near", "all")
# Prefixes written closed up with any English word (`pretraining`, `multiclass`).
_PREFIXES = ("anti", "auto", "bi", "co", "cross", "de", "hyper", "inter", "intra", "meta", "micro", "mini",
             "multi", "non", "over", "post", "pre", "pseudo", "re", "semi", "sub", "super", "un", "under")
_SUFFIXES = ("s", "es", "ed", "d", "ing", "ings", "er", "ers", "r", "rs", "ly", "ness", "able", "ity", "ize",
             "izes", "ized", "izing", "ise", "ised", "ising")
_CONTRACTIONS = ("s", "t", "re", "ve", "ll", "d", "m")
_VERBED = ("ed", "ing")
# Shorter unknown words are abbreviations and names far more often than slips
# (measured on the corpus: see bench/spelling/RESULTS.md).
_MIN_LENGTH = 5
_SHORT_NAME = 6
_MIN_CAPITALISED = 8  # a capitalised unknown word that opens a sentence
# `sooo`, `ughhh`, `coool`: written that way on purpose (a vowel, or a letter at the end, three
# times or more); a consonant tripled inside a word is a slip (`occcupied`, `confesssed`)
_ELONGATED = re.compile(r"([aeiouy])\1\1|(.)\2\2+$")
_VOWELS = "aeiou"
_NEAR_ACCEPTED = 7  # letters at least of an unknown word compared with the accepted jargon
_ISE = [(b, b.replace("is", "iz", 1)) for b in ("isation", "isations", "ise", "ises", "ised", "ising", "iser", "isers")]
_COMMON = 60_000  # parts of a closed compound must be among this many commonest words
_SLIP_RANK = 20_000  # unless one slip away from one of this many commonest words


@dataclass(frozen=True)
class Settings:
    language: str = "en"  # both American and British pass; en-US / en-GB pick one
    wordlist: str = ".blogcheck-words.txt"
    words: tuple[str, ...] = ()
    min_site_usage: int = 3  # posts using a word that make it jargon; 0 = off
    # English text uses a word this often (wordfreq's Zipf scale; 2.0 = once in 10 million words): not unknown; 0 = off
    min_zipf: float = 2.0
    max_distance: int = 1  # edits between an unknown word and its suggestions
    unknown: str = "near"  # report unknown words: only with a suggestion ("near"), or "all"

    @classmethod
    def from_table(cls, table: dict[str, Any]) -> Settings:
        values: dict[str, Any] = {k: (tuple(v) if isinstance(v, list) else v) for k, v in table.items()}
        return cls(**values)

    def problems(self) -> list[str]:
        found = []
        if self.language not in LANGUAGES:
            found.append(f"[spelling] language must be one of {', '.join(LANGUAGES)}, not {self.language!r}")
        if self.unknown not in UNKNOWN:
            found.append(f"[spelling] unknown must be one of {', '.join(UNKNOWN)}, not {self.unknown!r}")
        if self.min_site_usage < 0:
            found.append(f"[spelling] min_site_usage must be 0 (off) or more, not {self.min_site_usage!r}")
        if self.min_zipf and not attested.LOWEST <= self.min_zipf <= 8:
            found.append(f"[spelling] min_zipf must be 0 (off) or from {attested.LOWEST} to 8, not {self.min_zipf!r}")
        if self.max_distance not in (1, 2):
            found.append(f"[spelling] max_distance must be 1 or 2, not {self.max_distance!r}")
        if not self.wordlist.strip():  # the site's folder itself, read as a word list
            found.append("[spelling] wordlist must name a file (e.g. \".blogcheck-words.txt\"), not \"\"")
        return found


@dataclass(frozen=True)
class Verdict:
    code: str  # BC401 or BC402
    suggestions: tuple[str, ...]
    variant: bool = False  # the other language's spelling of a word
    joins: bool = False  # the first suggestion joins the word before and this one
    name: bool = False  # a known misspelling that may be a name: no fix is safe
    rare: bool = False  # a rare word that is nearly always a slip (data/rare_slips.txt), its fix first


class Speller:
    def __init__(self, settings: Settings, accepted: frozenset[str], usage: Usage, unknown_words: bool = True,
                 repeats: bool = True) -> None:
        self.settings, self.accepted, self.usage = settings, accepted, usage
        # False when BC402 cannot be reported (--select BC401): no dictionary work on unknown words
        self.unknown_words = unknown_words
        self.repeats = repeats  # False when BC403 cannot be reported: a repeat alone is no reason to parse
        self._cache: dict[str, bool] = {}  # lower-case word -> an unknown word to report
        self._suggested: dict[str, tuple[str, ...]] = {}
        self._english_words: dict[str, bool] = {}  # lower-case word -> an English word (see `foreign`)
        self.fine: set[str] = set()  # words as written that are right in any context
        us_gb, gb_us = misspellings.variants()
        self._other = {"en-US": gb_us | misspellings.BRITISH_ONLY, "en-GB": us_gb}.get(settings.language, {})
        self._own = {"en-US": us_gb, "en-GB": gb_us}.get(settings.language, {})
        self._both = set(us_gb) | set(gb_us) if settings.language == "en" else set()

    def verdict(self, word: Word, extra: frozenset[str] = frozenset(), with_suggestions: bool = True) -> Verdict | None:
        """`with_suggestions=False`: the same verdict, without ranking suggestions for an unknown word."""
        text = word.text.replace("\u2019", "'")
        lower = text.lower()
        if lower in extra:
            return None
        if lower in self.accepted:
            self.fine.add(word.text)
            return None
        fixes = misspellings.fixes(text)
        if fixes and not (self.short_name(word) and word.by_name):
            ranked = len(fixes) > 1 and with_suggestions  # the site's usage orders them: not for the prefilter
            return Verdict("BC401", tuple(suggest.order(fixes, self.usage.posts) if ranked else fixes),
                           name=may_be_name(word))
        if word.marked:
            return None  # `\*ptr`, `\_id`: after an escaped mark an unknown word is a name as often as a slip
        if lower in self._other and lower not in self._own:
            return Verdict("BC402", (misspellings.match_case(text, self._other[lower]),), variant=True)
        if not self.unknown_words or not (text.islower() or word.capitalised):
            return None
        if lower not in self._cache:
            self._cache[lower] = self._unknown(lower)
        if not self._cache[lower]:
            self.fine.add(word.text)  # right wherever it stands: later spans skip it
            return None
        if (word.capitalised and (not word.initial or len(text) < _MIN_CAPITALISED)) or word.by_name:
            return None  # a name, or next to one
        if not with_suggestions:
            return Verdict("BC402", ())
        cased = tuple(misspellings.match_case(text, s) for s in self.suggestions(lower))
        slip = misspellings.rare_slip(lower)
        if slip is not None:  # the common word it is a slip of, first (`tieing`: tying, two edits away)
            cased = (misspellings.match_case(text, slip), *(c for c in cased if c.lower() != slip))
        joined = self._joined(word)
        if joined:  # `attended` for `a ttended`, first, and not again among the edits of `ttended`
            cased = (joined, *(c for c in cased if c.lower() != joined.lower()))
        return Verdict("BC402", cased, joins=bool(joined), rare=slip is not None and not joined)

    def suggestions(self, lower: str) -> tuple[str, ...]:
        """The dictionary words likeliest meant by the unknown word `lower`, best first."""
        if lower not in self._suggested:
            found = suggest.suggestions(lower, self.settings.max_distance, usage=self.usage.posts)
            found = [*found, *(w for w in self._near_accepted(lower) if w not in found)][:5]
            self._suggested[lower] = tuple(found)
        return self._suggested[lower]

    def _joined(self, word: Word) -> str:
        """`Nevertheless` for `theless` after `Never `: the word before and this one,
        written as one, is an English word (a space put in by mistake)."""
        if not (word.previous and word.after_space) or not word.text.islower():
            return ""
        whole = word.previous + word.text
        return whole if dictionary.rank(whole.lower()) is not None else ""

    def candidates(self, text: str, extra: frozenset[str] = frozenset()) -> set[str]:
        """The words of `text` (a whole file: prose, code and all) that could be
        findings, as written: the rules of `verdict` minus those that need the word's
        place. When there is none but a word is written twice, `{""}` (the spans then
        look for repeats themselves). An empty set is exact: no finding."""
        found = set()
        for raw in set(WORD.findall(text)) - self.fine:
            lower = raw.lower()
            if not self._other and dictionary.rank(lower) is not None and misspellings.rare_slip(lower) is None:
                self.fine.add(raw)  # an English word is no known misspelling (the data tests see to it)
                continue
            text_ = raw[:-2] if raw[-2:] in ("'s", "\u2019s") and len(raw) > 3 else raw
            if not checkable(text_):
                continue
            word = Word(text_, 0, True, _capital(text_), False, False, "", False, True)
            if self.verdict(word, extra, with_suggestions=False) is not None:
                found.add(raw)
        if not found and self.repeats and REPEAT.search(text):
            found.add("")
        return found

    def foreign(self, text: str) -> bool:
        """Three words or more, at most a third of them English: a list of made-up words or
        names (a model's output, `libico abesawing cabezllish`) or another language, not
        English prose with a slip in it. Its unknown words are not reported."""
        found = checkable_words(text)
        if len(found) < 3:
            return False
        english = sum(1 for word in found if self._english(word.replace("\u2019", "'").lower()))
        return 3 * english <= len(found)

    def _english(self, lower: str) -> bool:
        if lower not in self._english_words:
            self._english_words[lower] = self.known(lower) or self.in_use(lower)
        return self._english_words[lower]

    @staticmethod
    def short_name(word: Word) -> bool:
        """Short, capitalised inside a sentence: `Brin`, `Marz` are names more often than
        slips; long ones (`Univeristy`) are slips even beside a name."""
        return word.capitalised and not word.initial and len(word.text) < _SHORT_NAME

    def _unknown(self, lower: str) -> bool:
        """An unknown word to report (wherever it stands, names aside); a rare word that is
        nearly always a slip (`dependancy`) too, unless the site uses it often."""
        if misspellings.rare_slip(lower) is not None and lower not in self.accepted:
            return not (self.settings.min_site_usage and self.usage.posts(lower) >= self.settings.min_site_usage)
        if len(lower) < _MIN_LENGTH or _ELONGATED.search(lower) or self.known(lower):
            return False
        if self.in_use(lower):
            return False
        if self.settings.min_site_usage and self.usage.posts(lower) >= self.settings.min_site_usage:
            return False
        return self.settings.unknown == "all" or suggest.has_near(lower, self.settings.max_distance) or \
            bool(self._near_accepted(lower))

    def _near_accepted(self, lower: str) -> list[str]:
        """Accepted words (the technical vocabulary, the word list) one edit from `lower`, a
        long word (`convolutinal`: convolutional; `htmlwigets`: htmlwidgets). Short jargon
        is one edit from too many names and abbreviations."""
        return sorted(suggest.edits(lower) & self.accepted) if len(lower) >= _NEAR_ACCEPTED else []

    def _british_of_accepted(self, lower: str) -> bool:
        """The British spelling of an accepted word written with -ize (`anonymisation`), unless
        the language is en-US: the vocabulary lists technical words in American spelling."""
        if self.settings.language == "en-US" or "is" not in lower:
            return False
        for british, american in _ISE:
            if lower.endswith(british) and lower[: -len(british)] + american in self.accepted:
                return True
        return False

    def in_use(self, lower: str) -> bool:
        """In no dictionary, but English text uses it at least `min_zipf` often (`admin`, `lossy`)."""
        return bool(self.settings.min_zipf) and attested.zipf(lower) >= self.settings.min_zipf

    def known(self, lower: str, depth: int = 0) -> bool:
        """In a dictionary or a word list, or made of such words: a contraction,
        a prefix or suffix on an accepted word, or two common words closed up."""
        if dictionary.rank(lower) is not None or lower in self.accepted or lower in self._both or lower in self._own:
            return True
        if depth:
            return False
        if lower + "s" in self.accepted or self._british_of_accepted(lower):
            return True  # `builtin` for `builtins`; `discretisation` for `discretization`
        stem, apostrophe, tail = lower.partition("'")
        if apostrophe:
            if tail in _VERBED:  # `ref'ed`, `cc'ing`: an abbreviation made a verb
                return len(stem) <= 3 or self.known(stem, 1)
            return tail in _CONTRACTIONS and self.known(stem, 1)
        if any(lower.startswith(p) and len(lower) - len(p) >= 3 and self.known(lower[len(p):], 1) for p in _PREFIXES):
            return True
        if any(self._inflected(lower, s) for s in _SUFFIXES if lower.endswith(s)):
            return True
        return any(_common(lower[:i]) and _common(lower[i:]) for i in range(4, len(lower) - 3)) and \
            not _slip_of_common(lower)

    def _inflected(self, lower: str, suffix: str) -> bool:
        """`stem + suffix` for a known stem: `encodings`, `profiler` (e dropped),
        `scammer` (consonant doubled). Not the slips these rules would also take: an
        `s` after a plural or a hiss (`colleaguess`, `boxs`), an `e` suffix after an `e`
        (`choosees`), a y kept before an ending (`studyed`), a letter doubled where English
        doubles none (`sleepping`, `inventted`, `potatooes`)."""
        stem = lower[: -len(suffix)]
        if len(stem) < 3:
            return False
        if (suffix == "s" and stem.endswith(("s", "x", "z", "ch", "sh"))) or (suffix[0] == "e" and stem.endswith("e")):
            return False
        if stem[-1] == "y" and stem[-2] not in _VOWELS and suffix not in ("ing", "ings"):
            return False  # `studyed`, `trys`, `happyness`: a y after a consonant is written i (`studied`)
        stems = [stem] if suffix in ("d", "r") else [stem, stem + "e"]
        if len(stem) > 3 and stem[-1] == stem[-2] and suffix[0] in "ei" and _doubles(stem[:-1]):
            stems.append(stem[:-1])
        if suffix in ("d", "r") and not stem.endswith("e"):
            return False
        return any(dictionary.rank(s) is not None or s in self.accepted for s in stems)


def may_be_name(word: Word) -> bool:
    """A known misspelling written capitalised may be a name (`Jony Ive`, `Tony Benn`, `a
    Segway`, `The Weeknd`): when a capitalised word is next to it, or when it stands inside
    a sentence and its fix is no word always written capitalised (`and Ive been`: `I've`)."""
    if not word.capitalised:
        return False
    if word.next_capitalised or (not word.initial and word.previous[:1].isupper()):
        return True
    fixes = misspellings.fixes(word.text.lower())
    return not word.initial and not (fixes and fixes[0][:1].isupper())


def _doubles(stem: str) -> bool:
    """English doubles a stem's last consonant before `-ed`, `-ing`, `-er` after one vowel
    (`stop`, `travel`, `equip`), not after two (`sleep`) or another consonant (`invent`)."""
    last, vowel, before = stem[-1], stem[-2], stem[-3]
    single = before not in _VOWELS or (before == "u" and stem[-4:-3] == "q")  # `equip`: the u of qu is no vowel
    return last not in _VOWELS + "wxy" and vowel in _VOWELS and single


def _slip_of_common(word: str) -> bool:
    """A common word with a stray letter in it or two letters swapped (`studdied`): a
    typo, not the two words it happens to split into (`stud` + `died`)."""
    return any((rank := dictionary.rank(c)) is not None and rank < _SLIP_RANK for c in suggest.slips(word))


def _common(word: str) -> bool:
    found = dictionary.rank(word)
    return found is not None and found < _COMMON


def _capital(word: str) -> bool:
    return len(word) > 1 and word[0].isupper() and word[1:].islower()
