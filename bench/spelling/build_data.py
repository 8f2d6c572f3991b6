#!/usr/bin/env python3
"""Rebuild blogcheck/data/typos.txt and variants.txt from the typos 1.52.0 sdist (MIT OR Apache-2.0).

The sdist ships the generated Rust tables of crate-ci/typos: `crates/typos-dict/src/word_codegen.rs`
(misspelling -> fixes) and `crates/typos-vars/src/vars_codegen.rs` (American / British variants, from
VarCon). Get the unpacked sdist with pip (metadata fails without cargo, `--no-clean` keeps the tree):

    pip download --no-clean --no-deps --no-binary typos typos==1.52.0 -d /tmp/x
    cp -r /tmp/pip-download-*/typos_* /tmp/typos-1.52.0   # metadata fails; the tree stays

    bench/spelling/build_data.py /path/to/typos-1.52.0

Entries whose misspelling is itself an English word (pyspellchecker's list, either spelling variant)
or a technical word of tech_words.txt are dropped: blogcheck reports them as errors, so a valid word
must never be among them.
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source", type=Path, help="the unpacked typos-1.52.0 sdist")
    args = parser.parse_args()
    from blogcheck.spelling.dictionary import english_words
    from blogcheck.spelling.wordlist import tech_words

    pairs = variants(args.source)
    valid = english_words() | {w for pair in pairs for w in pair} | set(tech_words())
    table = typos(args.source, valid)
    data = REPO / "blogcheck" / "data"
    lines = sorted(f"{typo}->{', '.join(fixes)}" for typo, fixes in table.items())
    (data / "typos.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (data / "variants.txt").write_text("".join(f"{a} {b}\n" for a, b in sorted(pairs)), encoding="utf-8")
    print(f"typos.txt: {len(lines)} entries; variants.txt: {len(pairs)} pairs", file=sys.stderr)


if __name__ == "__main__":
    main()
