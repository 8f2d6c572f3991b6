#!/usr/bin/env python3
"""Rebuild blogcheck/data/software_words.txt from cspell's software dictionaries (npm, MIT).

Three dictionaries of the cspell project, as published on npm, chosen as a whole before
measuring (not word by word): software terms (with its tools, networking, web services,
acronyms and compound-term lists), full-stack web terms, and data-science terms. Get them
with npm, outside the repository:

    mkdir -p /tmp/cspelldicts && cd /tmp/cspelldicts && npm init -y >/dev/null &&
      npm install @cspell/dict-software-terms@5.4.9 @cspell/dict-fullstack@3.2.9 @cspell/dict-data-science@2.0.17

    bench/spelling/build_software_words.py /tmp/cspelldicts/node_modules/@cspell

A term is kept when it is a plain word (letters only, lower case or capitalised: no camelCase
identifier, no hex number), three letters or more, and none of these:
- an English word already (the dictionary accepts it) or a word of tech_words.txt;
- a known misspelling (typos.txt) or either spelling of an American/British pair: an accepted
  word is never reported, so it must not hide a BC401 error or a variant;
- one slip from one of the 20,000 commonest English words (`samaba`, `appointedd`): such a
  term could hide a real typo of that word in prose.
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

SOURCES = {
    "dict-software-terms": ("softwareTerms.txt.gz", "software-tools.txt", "networkingTerms.txt", "webServices.txt",
                            "computing-acronyms.txt", "coding-compound-terms.txt"),
    "dict-fullstack": ("fullstack.txt",),
    "dict-data-science": ("data-science.txt", "data-science-tools.txt"),
}
_PLAIN = re.compile(r"[A-Za-z][a-z]{2,}")
OUT = REPO / "blogcheck" / "data" / "software_words.txt"


def terms(root: Path) -> set[str]:
    """Every plain word of the chosen dictionaries, lower case."""
    found = set()
    for package, names in SOURCES.items():
        for name in names:
            path = root / package / "dict" / name
            raw = gzip.decompress(path.read_bytes()) if name.endswith(".gz") else path.read_bytes()
            for line in raw.decode("utf-8").splitlines():
                if line.lstrip().startswith("#"):
                    continue
                for word in line.split():
                    word = word.strip("~+!*")  # cspell's affix and case marks
                    if _PLAIN.fullmatch(word):
                        found.add(word.lower())
    return found


def keep(words: set[str]) -> list[str]:
    from blogcheck.spelling import dictionary, misspellings
    from blogcheck.spelling.speller import _slip_of_common
    from blogcheck.spelling.wordlist import parse

    tech = parse((REPO / "blogcheck" / "data" / "tech_words.txt").read_text(encoding="utf-8"))
    us_gb, gb_us = misspellings.variants()
    return sorted(w for w in words
                  if dictionary.rank(w) is None and w not in tech and not misspellings.fixes(w)
                  and w not in us_gb and w not in gb_us and not _slip_of_common(w))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("root", type=Path, help="the node_modules/@cspell folder")
    args = parser.parse_args()
    words = keep(terms(args.root))
    OUT.write_text("".join(w + "\n" for w in words), encoding="utf-8")
    print(f"{len(words)} words -> {OUT.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
