#!/usr/bin/env python3
"""Mutation fuzz: real posts, damaged at random, through every offline check, for a
while. Reports each post that raised, put a finding outside the file, or took longer
than --slow seconds, and keeps it (with its _config.yml and traceback) under --keep.

    .venv/bin/python bench/fuzz/mutate.py ../shared/corpus --seconds 300 --seed 1
    .venv/bin/python bench/fuzz/mutate.py ../shared/corpus --long      # pieces repeated up to 20,000 times
    .venv/bin/python bench/fuzz/mutate.py ../shared/corpus --fix       # and check --fix on each
    .venv/bin/python bench/fuzz/mutate.py ../shared/corpus --strict    # sites with strict Liquid settings

With --fix, every byte `check --fix` changes must be one of the edits it applied, and
the file must load again. In one process (BLOGCHECK_JOBS=1 is set): a post at a time.
tests/unit/test_mutation.py is the bounded version that runs with the tests."""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
import traceback
from pathlib import Path

PIECES = ["{{", "}}", "{%", "%}", "```", "\n```\n", "    ", "<", ">", "<!--", "-->", "{% raw %}", "{% endraw %}",
          "[", "]", "(", ")", "![", "](", "\\", "|", "*", "#", "\n---\n", "---", "\t", "\r", "\r\n", "\x00", "\ufeff",
          "\u200b", "\u2028", "\u00e9", "\U0001d518", "&amp;", "&#x0;", "&#99999999;", "<img src=", "<a href='", "'>",
          "<img srcset='", " 2x, ", "<picture><source srcset=\"", "{{ site.github.url }}",
          '"', "{% post_url ", "{% link ", "{{ site.baseurl }}", "| relative_url }}", "http://", "https://[", "://",
          "youtu.be/", "github.com/user-attachments/assets/", "{: ", "}", "$$", "$", "1. ", "- ", "> ", "<details>",
          "</details>", "<pre>", "</pre>", "<script>", "<style>", "[^1]", "[^1]: ", "*[", "]: ", "teh ", "the the ",
          "recieve", "\n\n", "\n", " ", "\\\n", "~~~", '<div markdown="1">', "{::comment}", "{:/comment}",
          "{::nomarkdown}", "{:/}", "date: ", "title: ", "tags: [", "categories:\n  - ", ": :", "&", "*a",
          "<script src='https://gist.github.com/u/0123456789abcdef0123.js'>", "<track src=", "<object data=",
          "environ\u2010\nment ", "\u00ad\n", "f(x) ", "(s) ", "libico abesawing cabezllish ",
          "{%-", "-%}", "{{-", "-}}", "{% for i in (1..2) -%}", "{%- endfor %}", "{% liquid assign x = 1 %}",
          "{% include x.html p=page.y %}", "{% include /etc/passwd %}", "{% echo a b %}", "{% if a and %}",
          "{{ page.title bar }}", "{{ forloop.index }}", "{% capture c %}", "{% endcapture %}", "liquid:\n  "
          "strict_variables: true\n", "error_mode: strict", "{{ ['x'] }}", "{% if (a or b) %}"]


def mutate(data: bytes, posts: list[Path], rng: random.Random, long: bool) -> bytes:
    """`data` with one to eight random cuts, copies, inserted pieces or bytes."""
    text = bytearray(data)
    repeats = [1, 1, 2, 50, 3000, 20000] if long else [1, 1, 1, 2, 50]
    for _ in range(rng.randint(1, 8)):
        op, at = rng.random(), rng.randint(0, len(text))
        if op < 0.35:
            text[at:at] = rng.choice(PIECES).encode("utf-8") * rng.choice(repeats)
        elif op < 0.5:
            del text[at: at + rng.randint(1, 200)]
        elif op < 0.6:
            text[at:at] = text[at: at + rng.randint(1, 400)]
        elif op < 0.7:
            text[at:at] = bytes([rng.randint(0, 255)])
        elif op < 0.8:
            other = rng.choice(posts).read_bytes()
            start = rng.randint(0, len(other))
            text[at:at] = other[start: start + rng.randint(0, 2000)]
        elif op < 0.9:
            del text[at:]
        else:
            lines = bytes(text).split(b"\n")
            head = lines[: rng.randint(0, len(lines))]
            rng.shuffle(head)
            text = bytearray(b"\n".join(head + lines[len(head):]))
    return bytes(text)


def check_one(site: Path, post: Path, data: bytes, fix: bool) -> None:
    """Raise when the run raises, a finding is outside the file, or --fix changed more
    than its edits."""
    from blogcheck.config import Config
    from blogcheck.diagnostic import Severity
    from blogcheck.fix import _edits, apply
    from blogcheck.jekyll.site import load_site
    from blogcheck.run import run

    result = run([site / "_posts"], load_site(site), Config(offline=True))
    lines = data.count(b"\n") + 2
    for diag in result.diagnostics:
        if diag.path.endswith(post.name) and not (1 <= diag.line <= lines and diag.column >= 1):
            raise AssertionError(f"finding outside the file: {diag}")
    if not fix:
        return
    after = apply(result)
    changed = post.read_bytes()
    if changed == data:
        return
    bom = b"\xef\xbb\xbf" if data.startswith(b"\xef\xbb\xbf") else b""
    written = data[len(bom):].decode("utf-8").split("\n")
    # applied: made `info` records; a finding whose fix was not taken may only have moved
    applied = [d for d, a in zip(result.diagnostics, after.diagnostics, strict=True)
               if a.severity is Severity.INFO and d.severity is not Severity.INFO]
    for line, column, old, new in sorted((e for d in applied for e in _edits(d)), reverse=True):
        here = written[line - 1]
        if here[column - 1: column - 1 + len(old)] != old:
            raise AssertionError(f"an applied edit is not where it says: {line}:{column} {old!r}")
        written[line - 1] = here[: column - 1] + new + here[column - 1 + len(old):]
    if bom + "\n".join(written).encode("utf-8") != changed:
        raise AssertionError("--fix changed bytes that none of its edits names")
    run([site / "_posts"], load_site(site), Config(offline=True))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--seconds", type=float, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--long", action="store_true", help="repeat pieces up to 20,000 times")
    parser.add_argument("--fix", action="store_true", help="also apply check --fix and check what it changed")
    parser.add_argument("--slow", type=float, default=2.0, help="report posts that take longer (s)")
    parser.add_argument("--strict", action="store_true",
                        help="give each site `liquid:` strict_variables, strict_filters and error_mode: strict")
    parser.add_argument("--keep", type=Path, default=Path(tempfile.gettempdir()) / "blogcheck-fuzz")
    args = parser.parse_args()
    os.environ["BLOGCHECK_JOBS"] = "1"
    rng = random.Random(args.seed)
    posts = sorted(args.corpus.glob("*/_posts/**/*.md"))
    names = ["2024-01-01-x.md", "x.md", "2024-13-45-y.markdown", "2024-01-01-z.html"]
    start, count, failed, slow = time.monotonic(), 0, 0, 0
    while time.monotonic() - start < args.seconds:
        source = rng.choice(posts)
        blog = next(p for p in source.parents if (p / "_posts").is_dir())
        data = mutate(source.read_bytes(), posts, rng, args.long)
        config = (blog / "_config.yml").read_bytes() if (blog / "_config.yml").is_file() else b"title: t\n"
        if args.strict:
            config += b"\nliquid:\n  strict_variables: true\n  strict_filters: true\n  error_mode: strict\n"
        count += 1
        with tempfile.TemporaryDirectory() as folder:
            site = Path(folder)
            (site / "_config.yml").write_bytes(config)
            (site / "_posts").mkdir()
            post = site / "_posts" / rng.choice([source.name, *names])
            post.write_bytes(data)
            began = time.monotonic()
            try:
                check_one(site, post, data, args.fix)
                problem = "" if time.monotonic() - began <= args.slow else f"took {time.monotonic() - began:.1f} s"
            except Exception:  # every failure is reported and kept
                problem = traceback.format_exc()
            if problem:
                kept = args.keep / f"{args.seed}-{count}"
                kept.mkdir(parents=True, exist_ok=True)
                (kept / post.name).write_bytes(data)
                (kept / "_config.yml").write_bytes(config)
                (kept / "problem.txt").write_text(problem, encoding="utf-8")
                failed += not problem.startswith("took")
                slow += problem.startswith("took")
                print(f"{kept}: {problem.strip().splitlines()[-1][:160]}", flush=True)
    print(f"seed {args.seed}: {count} posts, {failed} failures, {slow} slower than {args.slow:g} s")


if __name__ == "__main__":
    main()
