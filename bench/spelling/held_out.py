#!/usr/bin/env python3
"""Precision of the spelling check when the technical vocabulary has not seen the blog.

The 505 words added to blogcheck/data/tech_words.txt in commit 090e51e were chosen
while labelling the corpus findings, so the precision in RESULTS.md is partly
in-sample. Here, for each blog, the vocabulary is the one before that commit
(04988fa) plus only the added words that also silence a finding in another blog
(or in none): "tuned on the other three blogs". Findings without a label in
tests/spelling/labelled.tsv (the words the full vocabulary silences) count as
false alarms, so the figures are lower bounds.

    .venv/bin/python bench/spelling/held_out.py ../shared/corpus
"""

from __future__ import annotations

import collections
import importlib
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BEFORE = "04988fa"  # the vocabulary before the corpus findings were read


def main() -> None:
    corpus = Path(sys.argv[1]).resolve()
    sys.path[:0] = [str(REPO), str(REPO / "tests" / "spelling")]
    labelled = importlib.import_module("test_corpus_precision")
    from blogcheck.spelling import wordlist

    labels = {(b, p, int(n), c, w): label for b, p, n, c, w, label, _ in labelled._labels("labelled.tsv")}
    old = subprocess.run(["git", "-C", str(REPO), "show", f"{BEFORE}:blogcheck/data/tech_words.txt"],
                         capture_output=True, text=True, check=True).stdout
    base, full = wordlist.parse(old), wordlist.tech_words()
    added = full - base
    blogs = [b for b in sorted(corpus.iterdir()) if (b / "_posts").is_dir()]

    def findings(words: frozenset[str], blog: Path) -> list[tuple[str, str, int, str, str]]:
        wordlist.tech_words = lambda: words  # type: ignore[assignment]  # read by speller_for at each run
        found: list[tuple[str, str, int, str, str]] = labelled.blog_findings(blog)
        return found

    silenced = collections.defaultdict(set)  # added word -> blogs where it silences a finding
    for blog in blogs:
        for key in findings(base, blog):
            silenced[key[4].lower()].add(blog.name)
    total = real = 0
    for blog in blogs:
        vocabulary = base | {w for w in added if not silenced.get(w) or silenced[w] - {blog.name}}
        keys = findings(frozenset(vocabulary), blog)
        typos = sum(labels.get(k) == "typo" for k in keys)
        new = sorted({k[4] for k in keys if k not in labels})
        total, real = total + len(keys), real + typos
        print(f"{blog.name}: {len(keys)} findings, {typos} real typos, precision >= {typos / len(keys):.3f};"
              f" unlabelled: {', '.join(new)}")
    print(f"all blogs: {total} findings, precision >= {real / total:.3f}")


if __name__ == "__main__":
    main()
