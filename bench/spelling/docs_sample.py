#!/usr/bin/env python3
"""False alarms on technical writing blogcheck was never tuned on: the Markdown documentation
installed on this machine (Node.js's API docs, npm's, Rust's release notes, READMEs of packages).

    bench/spelling/docs_sample.py /usr/share/doc /usr/lib/node_modules ~/.rustup/toolchains --out /tmp/docs

Every `.md` file of 3 KB or more under the folders, except change logs, licences and news, one
copy of each content, is copied to `--out` (a front matter is put on files without one, as a post
has), and `blogcheck check --select spelling` runs over them. Printed: the findings by code, and
every word found with its count, to label by hand (the figures are in RESULTS.md).
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import subprocess
import sys
from pathlib import Path

_LEFT_OUT = ("changelog", "history", "changes", "license", "news")


def gather(roots: list[Path], out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    seen: set[str] = set()
    for root in roots:
        for path in sorted(root.rglob("*.md")):
            if not path.is_file() or path.stat().st_size < 3_000 or any(w in path.name.lower() for w in _LEFT_OUT):
                continue
            data = path.read_bytes()
            digest = hashlib.sha256(data).hexdigest()
            if digest in seen:
                continue
            seen.add(digest)
            head = b"" if data.startswith(b"---\n") else b"---\nlayout: post\n---\n"
            (out / f"{len(seen):04d}-{path.name}").write_bytes(head + data)
    return len(seen)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("roots", type=Path, nargs="+")
    parser.add_argument("--out", type=Path, required=True, help="an empty folder for the copies")
    args = parser.parse_args()
    count = gather(args.roots, args.out)
    done = subprocess.run([sys.executable, "-m", "blogcheck", "check", "--select", "spelling", "--format", "json",
                           str(args.out)], capture_output=True, text=True, check=False)
    found = json.loads(done.stdout)["diagnostics"]
    words = sum(len(p.read_text(encoding="utf-8", errors="replace").split()) for p in args.out.iterdir())
    print(f"{count} files, {words:,} words (white-space separated, code included), {len(found)} findings")
    print(dict(sorted(collections.Counter(d["code"] for d in found).items())))
    for code in ("BC401", "BC402", "BC403"):
        counts = collections.Counter(d["word"] for d in found if d["code"] == code)
        print(code, ", ".join(f"{w} {n}" for w, n in sorted(counts.items(), key=lambda x: (-x[1], x[0]))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
