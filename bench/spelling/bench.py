#!/usr/bin/env python3
"""Words per second of blogcheck's spelling check, codespell and typos over the whole
corpus, in one run each, and the time of a one-post run (start-up included).

    bench/spelling/bench.py ../shared/corpus --peers /tmp/peers --runs 5

The peers come from PyPI into a venv outside the repo (see ../shared/bench/PEERS.md):
`python3 -m venv /tmp/peers/venv && /tmp/peers/venv/bin/pip install codespell==2.4.3 typos==1.52.0`.
Timing uses hyperfine (-N, 1 warm-up) when it is installed, else repeated runs here.
Words are counted the same way for every tool: white-space separated words of the post files.
blogcheck is timed as pre-commit runs it: installed with `pip install .` into a venv of its own
(the registry gives its dependencies, as it gives the peers'); `--editable` times this checkout's
venv instead, and the one-post table shows both.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
CHECKOUT = Path(sys.executable).parent / "blogcheck"  # this venv's, an editable install of the checkout
SEED_POST = "ivanstudyblog__ivanstudyblog.github.io/_posts/2024-3-6-day-65.md"


def _times(command: list[str], cwd: Path, runs: int) -> list[float]:
    if shutil.which("hyperfine"):
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "hf.json"
            subprocess.run(["hyperfine", "-N", "-i", "--warmup", "1", "--runs", str(runs), "--export-json", str(out),
                            subprocess.list2cmdline(command)], cwd=cwd, capture_output=True, check=True)
            times: list[float] = json.loads(out.read_text())["results"][0]["times"]
            return times
    found = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=cwd, capture_output=True, check=False)
        found.append(time.perf_counter() - start)
    return found


_IN_PROCESS = """
import sys, time
from pathlib import Path
from typing import Any
from blogcheck.checks import Context
from blogcheck.checks.spelling import check
from blogcheck.config import Config
from blogcheck.jekyll.site import load_site
from blogcheck.post import Post, load
spent = 0.0
for blog in sorted(p for p in Path(sys.argv[1]).iterdir() if (p / "_posts").is_dir()):
    site = load_site(blog)
    posts = [p for p in (load(f, str(f), site, 10**7) for f in sorted((blog / "_posts").rglob("*.*")))
             if isinstance(p, Post)]
    start = time.process_time()
    list(check(posts, Context(site, Config(select=("spelling",)), posts)))
    spent += time.process_time() - start
print(spent)
"""


def _check_alone(corpus: Path, runs: int) -> list[float]:
    """CPU seconds of the spelling check itself (posts already loaded), one process a run
    (BLOGCHECK_JOBS=1: the CPU of forked workers would not be counted)."""
    env = {**os.environ, "BLOGCHECK_JOBS": "1"}
    return [float(subprocess.run([sys.executable, "-c", _IN_PROCESS, str(corpus)], capture_output=True, text=True,
                                 check=True, env=env).stdout) for _ in range(runs)]


def compile_bytecode() -> None:
    """Compile blogcheck's modules as `pip install` does. The peers come from pip with
    their bytecode; a source checkout run where PYTHONDONTWRITEBYTECODE=1 is set (as
    on this project's machines) never writes it, and compiling ~130 modules on every
    start-up cost each blogcheck run about 0.15 s that no installed copy pays."""
    import compileall

    compileall.compile_dir(REPO / "blogcheck", quiet=1)


def installed_copy(folder: Path) -> Path:
    """blogcheck as pre-commit installs it: `pip install .` into a venv of its own, not
    editable (whose import hook loads importlib.util, pathlib, fnmatch and urllib.parse
    before anything runs: `python -c pass` took 28 ms there, 14 ms in a plain venv, though
    blogcheck loads most of those itself and the whole runs measured alike). The
    dependencies come from the package registry, as the peers' do. Returns its `blogcheck`."""
    venv = folder / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", str(REPO)], check=True,
                   stdout=subprocess.DEVNULL)
    return venv / "bin" / "blogcheck"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--peers", type=Path, default=Path("/tmp/peers"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", type=Path, help="write the results here")
    parser.add_argument("--editable", action="store_true",
                        help="time this checkout's editable install instead of a copy installed as pre-commit does")
    args = parser.parse_args()
    compile_bytecode()
    with tempfile.TemporaryDirectory(prefix="blogcheck-bench-") as folder:
        _bench(args, CHECKOUT if args.editable else installed_copy(Path(folder)))


def _bench(args: argparse.Namespace, program: Path) -> None:
    corpus = args.corpus.resolve()
    posts = sorted(str(p.relative_to(corpus)) for p in corpus.glob("*/_posts") if p.is_dir())
    words = sum(len(f.read_text(encoding="utf-8", errors="replace").split())
                for p in posts for f in (corpus / p).rglob("*.*"))
    venv = args.peers / "venv" / "bin"
    blogcheck = [str(program), "check", "--select", "spelling"]
    tools = {
        "blogcheck": blogcheck + posts,
        # codespell's job alone: the known-misspellings list, no dictionary layer
        "blogcheck --select BC401": [blogcheck[0], "check", "--select", "BC401", *posts],
        # one process: the check's workers (parallel.py) off
        "blogcheck, BLOGCHECK_JOBS=1": ["env", "BLOGCHECK_JOBS=1", *blogcheck, *posts],
        "codespell": [str(venv / "codespell"), *posts],
        "typos": [str(venv / "typos"), "--format", "brief", *posts],
    }
    single = {
        "blogcheck --select spelling": [*blogcheck, SEED_POST],
        "the same, editable checkout": [str(CHECKOUT), *blogcheck[1:], SEED_POST],
        "blogcheck (all checks, --offline)": [blogcheck[0], "check", "--offline", SEED_POST],
        "blogcheck --select BC1 (no spelling)": [blogcheck[0], "check", "--select", "BC1", SEED_POST],
        "codespell": [str(venv / "codespell"), SEED_POST],
        "typos": [str(venv / "typos"), SEED_POST],
    }
    results: dict[str, Any] = {"words": words, "corpus": {}, "single_post": {}}
    for name, command in tools.items():
        times = _times(command, corpus, args.runs)
        median = statistics.median(times)
        results["corpus"][name] = {"median_s": round(median, 3), "min_s": round(min(times), 3),
                                   "words_per_s": round(words / median)}
        print(f"corpus  {name:38s} median {median:6.2f} s  min {min(times):6.2f} s  {words / median:12,.0f} words/s")
    alone = _check_alone(corpus, args.runs)
    results["corpus"]["spelling check alone (CPU, posts loaded)"] = {
        "median_s": round(statistics.median(alone), 3), "words_per_s": round(words / statistics.median(alone))}
    print(f"corpus  {'spelling check alone (CPU)':38s} median {statistics.median(alone):6.2f} s"
          f"  min {min(alone):6.2f} s  {words / statistics.median(alone):12,.0f} words/s")
    for name, command in single.items():
        times = _times(command, corpus, max(args.runs, 10))
        median = statistics.median(times)
        results["single_post"][name] = {"median_s": round(median, 3), "min_s": round(min(times), 3)}
        print(f"1 post  {name:38s} median {median:6.3f} s  min {min(times):6.3f} s")
    print(f"{words:,} words in {len(posts)} blogs", file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
