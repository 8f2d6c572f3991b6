#!/usr/bin/env python3
"""Front-matter benchmark: blogcheck over the whole real-post corpus, offline,
side by side with check-jsonschema (the peer PEERS.md measures) in one run.

check-jsonschema cannot read posts, so the front matter of every post is first
cut out into a YAML file (not timed) and validated against the same schema.
Both tools run `--runs` times; the table shows medians and the ratio.

    python bench/frontmatter/run.py --corpus ../shared/corpus \
        --check-jsonschema /tmp/peers/venv/bin/check-jsonschema --runs 5
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from blogcheck.parse.split import split  # noqa: E402


def _time(command: list[str], runs: int) -> tuple[float, float, float, int]:
    times, code = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - started)
        code = done.returncode
    return statistics.median(times), min(times), max(times), code


def _extract(posts: list[Path], folder: Path) -> list[Path]:
    out = []
    for i, post in enumerate(posts):
        parts = split(post.read_text(encoding="utf-8-sig"))
        target = folder / f"{i:05d}.yaml"
        target.write_text(parts.yaml or "{}\n", encoding="utf-8")
        out.append(target)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    parser.add_argument("--check-jsonschema",
                        default=shutil.which("check-jsonschema") or "/tmp/peers/venv/bin/check-jsonschema")
    parser.add_argument("--blogcheck", default=str(Path(sys.executable).parent / "blogcheck"))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    blogs = sorted(p / "_posts" for p in args.corpus.iterdir() if (p / "_posts").is_dir())
    posts = sorted(f for blog in blogs for f in blog.rglob("*") if f.is_file())
    words = sum(len(p.read_text(encoding="utf-8-sig").split()) for p in posts)
    rows = []
    mine = _time([args.blogcheck, "check", "--offline", "--select", "frontmatter", "--format", "json",
                  *map(str, blogs)], args.runs)
    rows.append(("blogcheck check --offline --select frontmatter", mine))
    with tempfile.TemporaryDirectory() as folder:
        yamls = _extract(posts, Path(folder))
        if Path(args.check_jsonschema).exists():
            peer = _time([args.check_jsonschema, "--schemafile", str(REPO / "schemas" / "post.schema.json"),
                          *map(str, yamls)], args.runs)
            rows.append(("check-jsonschema 0.39.0 (front matter pre-extracted)", peer))
    print(f"Corpus: {len(posts)} posts, {words:,} words, {args.runs} runs each, median (min-max) wall seconds.\n")
    print("| tool | wall s | vs blogcheck | exit |")
    print("|---|---|---|---|")
    for name, (median, low, high, code) in rows:
        print(f"| {name} | {median:.2f} ({low:.2f}-{high:.2f}) | {median / mine[0]:.2f}x | {code} |")
    print(f"\nblogcheck: {len(posts) / mine[0]:,.0f} posts/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
