#!/usr/bin/env python3
"""Rebuild blogcheck/data/typos.txt, rare_slips.txt and variants.txt from the typos 1.52.0 sdist
(MIT OR Apache-2.0).

The sdist ships the generated Rust tables of crate-ci/typos: `crates/typos-dict/src/word_codegen.rs`
(misspelling -> fixes) and `crates/typos-vars/src/vars_codegen.rs` (American / British variants, from
VarCon). Get the unpacked sdist with pip (metadata fails without cargo, `--no-clean` keeps the tree):

    pip download --no-clean --no-deps --no-binary typos typos==1.52.0 -d /tmp/x
    cp -r /tmp/pip-download-*/typos_* /tmp/typos-1.52.0   # metadata fails; the tree stays

    bench/spelling/build_data.py /path/to/typos-1.52.0

Entries whose misspelling is itself an English word (pyspellchecker's list, either spelling variant,
the few words of ENGLISH below) or a technical word of tech_words.txt are dropped: blogcheck reports
them as errors, so a valid word must never be among them.

typos was written for code, where `childs` can only be a bad plural; in prose it is as often
`child's` with its apostrophe left out. So when a misspelling is an English word plus `s` and
English text uses that word's `'s` form (wordfreq, Zipf 2.0 or more, blogcheck's `min_zipf`),
the `'s` form is one more fix (`childs->children, child's`), and the entry no longer has one safe
fix for `check --fix`. It comes first when the other fix is the word itself and the `'s` form is
common (Zipf 3.0 or more: `womens->women's, women`, but `thiss->this, this's`), last otherwise.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

_ENTRY = re.compile(r'InsensitiveStr::(?:Ascii|Unicode)\("([^"]+)"\),\s*&\[([^\]]*)\]')
_VARIANTS = re.compile(r"\[\s*&\[([^\]]*)\],\s*&\[([^\]]*)\],\s*&\[([^\]]*)\],\s*&\[([^\]]*)\],?\s*\]")
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


def _strings(text: str) -> list[str]:
    return re.findall(r'"([^"]*)"', text)


def variants(source: Path) -> set[tuple[str, str]]:
    """(american, british) pairs that differ, lower case, letters only."""
    text = (source / "crates/typos-vars/src/vars_codegen.rs").read_text(encoding="utf-8")
    pairs = set()
    for match in _VARIANTS.finditer(text):
        us, gb = _strings(match[1]), _strings(match[2])
        for a in us:
            for b in gb:
                a, b = a.lower(), b.lower()
                if a != b and _WORD.fullmatch(a) and _WORD.fullmatch(b):
                    pairs.add((a, b))
    return pairs


def typos(source: Path, valid: set[str]) -> dict[str, list[str]]:
    text = (source / "crates/typos-dict/src/word_codegen.rs").read_text(encoding="utf-8")
    table: dict[str, list[str]] = {}
    for match in _ENTRY.finditer(text):
        typo = match[1].lower()
        fixes = [f.lower() for f in _strings(match[2])]
        fixes = [f for f in dict.fromkeys(fixes) if f != typo and _WORD.fullmatch(f)]
        if not _WORD.fullmatch(typo) or len(typo) < 3 or not fixes or typo in valid:
            continue
        table[typo] = fixes
    return table


# Prose slips that typos (written for code) leaves out: contractions without their
# apostrophe and phrases run together. Curated for blogcheck; dropped like the rest
# when the slip is itself a dictionary word (`cant`, `wont`).
CURATED = {
    "arent": ["aren't"], "couldnt": ["couldn't"], "didnt": ["didn't"], "doesnt": ["doesn't"], "dont": ["don't"],
    "hadnt": ["hadn't"], "hasnt": ["hasn't"], "havent": ["haven't"], "isnt": ["isn't"], "mustnt": ["mustn't"],
    "neednt": ["needn't"], "shouldnt": ["shouldn't"], "wasnt": ["wasn't"], "werent": ["weren't"],
    "wouldnt": ["wouldn't"], "thats": ["that's"], "whats": ["what's"], "theres": ["there's"], "heres": ["here's"],
    "youre": ["you're"], "theyre": ["they're"], "youve": ["you've"], "theyve": ["they've"], "weve": ["we've"],
    "ive": ["I've"], "youll": ["you'll"], "theyll": ["they'll"], "itll": ["it'll"], "wouldve": ["would've"],
    "couldve": ["could've"], "shouldve": ["should've"], "alot": ["a lot"], "atleast": ["at least"],
    "aswell": ["as well"], "infact": ["in fact"], "incase": ["in case"], "eachother": ["each other"],
    "everytime": ["every time"], "inbetween": ["in between"], "noone": ["no one"], "inspite": ["in spite"],
    "ofcourse": ["of course"], "atall": ["at all"], "alright": [],
}


# Correctly spelt plurals of nouns that are usually uncountable: a grammar point, not a
# misspelling, and blogcheck reports misspellings as errors.
EXCLUDE = {"homeworks", "informations", "softwares"}

# English words that pyspellchecker's list lacks, found by reading the 783 entries English text
# uses most (wordfreq Zipf 2.0 or more): an interjection (`Welp`), a sound (`Dum dum dum`), a word
# of hyphenated compounds (`left-hander`) and of a set phrase (`raison d'etre`).
ENGLISH = {"dum", "hander", "raison", "welp"}
_POSSESSIVE_ZIPF = 2.0  # English text uses the `'s` form: one more fix
_POSSESSIVE_FIRST = 3.0  # and commonly: the first fix, when the other is the word itself


def resolve_chains(table: dict[str, list[str]]) -> None:
    """A fix that is itself a listed misspelling (`alteast` -> `atleast`, a slip of the
    curated `atleast` -> `at least`) is replaced by its own fixes: `--fix` must never write
    a word that the next run reports (and fixes again)."""
    for typo, fixes in table.items():
        resolved = [final for fix in fixes for final in table.get(fix.lower(), [fix])]
        table[typo] = [fix for fix in dict.fromkeys(resolved) if fix.lower() != typo]


def with_possessives(table: dict[str, list[str]], english: set[str]) -> None:
    """Add `word's` to the fixes of `words` (see the module's docstring)."""
    from blogcheck.spelling.attested import zipf

    for typo, fixes in table.items():
        word, possessive = typo[:-1], typo[:-1] + "'s"
        used = zipf(possessive) if typo.endswith("s") and word in english and possessive not in fixes else 0.0
        if used >= _POSSESSIVE_ZIPF:
            fixes.insert(0 if fixes == [word] and used >= _POSSESSIVE_FIRST else len(fixes), possessive)


# American / British pairs left out of variants.txt, because blogcheck flags the other variety's
# word under `language = "en-GB"` / `"en-US"`, and here that word is right in the target variety
# too: another word (a gas `meter`, `check` the verb, a `prize`, the `groin`, an `ass`), another
# part of speech (`license` the British verb, `dependent` the adjective, `learned` the adjective,
# `analyses` the plural of analysis), or another sense both use (a public `inquiry`, a court's
# `judgment`, the `arbor` of a machine, `rigor` in medicine). Both words stay valid English.
# Kept although they clash the same way: arbors, catalyses, groined, groining, hydrolyses,
# micrometer(s), prizer(s), pyrolyses. Their British word is in no dictionary, rare (wordfreq)
# and one edit from a dictionary word, so without the pair `language = "en"` reports it as unknown.
# For the same reason the default "en" now reports `prised`, `prises` and `prising` (rare), the
# price of not flagging `prizes` under en-GB.
VARIANTS_EXCLUDED = {
    "abettor abetter", "abettors abetters",  # the legal aider and abettor
    "arbor arbour",  # a spindle
    "ass arse", "asses arses",  # the animal, a fool
    "check cheque", "checked chequed", "checker chequer", "checkers chequers", "checking chequing",
    "checks cheques",  # to check; a checker checks
    "dependent dependant",  # the adjective
    "fagot faggot", "fagots faggots",  # a slur in American
    "groin groyne", "groins groynes",  # the body part
    "inquire enquire", "inquired enquired", "inquires enquires", "inquiries enquiries", "inquiring enquiring",
    "inquiry enquiry",  # a formal investigation
    "judgment judgement", "judgments judgements",  # a court's
    "learned learnt", "unlearned unlearnt",  # the adjectives (a learned society)
    "license licence", "licenses licences",  # the British verb
    "mats matts", "mattes matts",  # floor mats; a film matte
    "meter metre", "meters metres",  # instruments
    "peddler pedlar", "peddlers pedlars",  # a drug peddler
    "porer pourer", "porers pourers",  # one who pores over
    "prize prise", "prized prised", "prizes prises", "prizing prising",  # an award, to value
    "rigor rigour", "rigors rigours",  # a shivering fit, rigor mortis
    "savory savoury",  # the herb
    "seizer seiser", "seizers seisers",  # one who seizes
    "specialty speciality", "specialties specialities",  # in medicine and law
    "tire tyre", "tires tyres",  # to tire
    "whiskeys whiskies",  # Irish and American whiskeys, Scotch whiskies
    # plurals of nouns in -lysis, not verbs
    "analyzes analyses", "dialyzes dialyses", "paralyzes paralyses", "psychoanalyzes psychoanalyses",
    "reanalyzes reanalyses",
}


# Dictionary words that typos lists as misspellings, which English text hardly uses (wordfreq Zipf
# under 2.0, blogcheck's min_zipf) while their one fix is common (Zipf 3.5 or more, and 2 above
# it): in a post, `dependancy`, `incudes` and `afterwords` are slips far more often than words.
# blogcheck reports them as unknown words (BC402: a warning, for they are words). Left out after
# reading each: terms of a science or trade (`precessing`, `formant`, `nonsignificant`, `finings`),
# names (`Propertius`, `Brocken`), words of other languages (`pice`, `dorp`), and words whose "fix"
# is another word of the same sense (`otherwhere`: elsewhere, `rememberable`: memorable).
RARE_ZIPF, FIX_ZIPF, GAP = 2.0, 3.5, 2.0
RARE_MEANT = {
    "anonyms", "astroid", "billon", "brocken", "causalities", "cerate", "cerates", "collets", "difficultly", "dorp",
    "finings", "formant", "identic", "margarite", "metics", "minium", "mohammedans", "nonsignificant", "otherwhere",
    "pard", "phasis", "pice", "precess", "precessed", "precesses", "precessing", "propertius", "rememberable",
    "secund", "spiritualty", "succuss", "succussion",
}


def rare_slips(source: Path, english: set[str], technical: set[str]) -> dict[str, str]:
    """Rare dictionary words -> the common word they are a slip of (see RARE_MEANT)."""
    from blogcheck.spelling.attested import zipf

    every = typos(source, set())
    found = {}
    for typo, fixes in every.items():
        if typo not in english or typo in technical or typo in RARE_MEANT or len(typo) < 4 or len(fixes) != 1:
            continue
        rare, common = zipf(typo), zipf(fixes[0])
        if rare < RARE_ZIPF and common >= FIX_ZIPF and common - rare >= GAP:
            found[typo] = fixes[0]
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source", type=Path, help="the unpacked typos-1.52.0 sdist")
    args = parser.parse_args()
    from blogcheck.spelling.dictionary import english_words
    from blogcheck.spelling.wordlist import tech_words

    pairs = variants(args.source)
    english = set(english_words())
    valid = english | ENGLISH | {w for pair in pairs for w in pair} | set(tech_words())
    table = typos(args.source, valid)
    table.update({typo: list(fixes) for typo, fixes in CURATED.items() if fixes and typo not in valid})
    for typo in EXCLUDE:
        table.pop(typo, None)
    resolve_chains(table)
    with_possessives(table, english)
    data = REPO / "blogcheck" / "data"
    lines = sorted(f"{typo}->{', '.join(fixes)}" for typo, fixes in table.items())
    (data / "typos.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    from fixes import apply  # this folder's fixes.py: the second fixes of ambiguous misspellings, kept

    apply(data / "typos.txt")
    rare = rare_slips(args.source, english, set(tech_words()))
    (data / "rare_slips.txt").write_text("".join(f"{t}->{f}\n" for t, f in sorted(rare.items())), encoding="utf-8")
    kept = sorted(pair for pair in pairs if f"{pair[0]} {pair[1]}" not in VARIANTS_EXCLUDED)
    (data / "variants.txt").write_text("".join(f"{a} {b}\n" for a, b in kept), encoding="utf-8")
    print(f"typos.txt: {len(lines)} entries; rare_slips.txt: {len(rare)}; variants.txt: {len(kept)} pairs",
          file=sys.stderr)


if __name__ == "__main__":
    main()
