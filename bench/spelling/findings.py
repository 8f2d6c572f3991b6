#!/usr/bin/env python3
"""Run the spelling check over every blog of the corpus and print its findings as TSV:
blog, path, line, column, code, word, best suggestion, the line's text (for labelling).

    bench/spelling/findings.py ../shared/corpus > /tmp/findings.tsv

Each blog is checked as its own site (its `_config.yml`, all its posts), with the
default settings and an empty project word list. The last line on stderr gives
the prose words per blog and the findings per 1,000 of them."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))


def blog_findings(blog: Path) -> tuple[list[tuple[str, ...]], int]:
    """(rows, prose words) of one blog."""
    from blogcheck.checks import Context
    from blogcheck.checks.spelling import check
    from blogcheck.config import Config
    from blogcheck.jekyll.site import load_site
    from blogcheck.post import Post, load
    from blogcheck.spelling.prose import spans
    from blogcheck.spelling.tokens import count

    site = load_site(blog)
    posts = [p for p in (load(f, str(f), site, 5_000_000) for f in sorted((blog / "_posts").rglob("*.*")))
             if isinstance(p, Post)]
    ctx = Context(site, Config(select=("spelling",)), posts)
    rows = []
    for diag in check(posts, ctx):
        path = Path(diag.path)
        line = path.read_text(encoding="utf-8-sig").split("\n")[diag.line - 1]
        best = (diag.extras.get("suggestions") or [""])[0]
        rows.append((blog.name, path.relative_to(blog).as_posix(), str(diag.line), str(diag.column), diag.code,
                     diag.extras["word"], best, line.strip().replace("\t", " ")[:300]))
    words = sum(count(span.text) for p in posts for span in spans(p))
    return rows, words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    args = parser.parse_args()
    for blog in sorted(p for p in args.corpus.iterdir() if (p / "_posts").is_dir()):
        rows, words = blog_findings(blog)
        for row in rows:
            print("\t".join(row))
        codes = {c: sum(1 for r in rows if r[4] == c) for c in ("BC401", "BC402", "BC403")}
        rate = 1000 * len(rows) / max(words, 1)
        print(f"{blog.name}: {words} prose words, {len(rows)} findings {codes}, {rate:.2f} per 1,000 words",
              file=sys.stderr)


if __name__ == "__main__":
    main()
