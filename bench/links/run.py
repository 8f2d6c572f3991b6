#!/usr/bin/env python3
"""Benchmark the remote half of `blogcheck check --select links` against a lower
bound and against the peer link checkers, all on loopback.

In one run: makecorpus.py (from the shared bench folder) writes the corpus with
its links spread over several loopback hosts; one linkfarm.py per host is
started on the same port with --latency-ms and --lifetime; blogcheck's CLI runs
RUNS times (`--no-cache --format json`), each run scored against
ground_truth.json and the farms' request logs; a warm-cache run follows; then
each peer tool (installed per PEERS.md under --peers, never in the repo) runs on
the same corpus and farms. Everything is written to RESULTS.md.

    .venv/bin/python bench/links/run.py --peers /tmp/peers --runs 3

Stdlib only (blogcheck itself runs as a subprocess of this interpreter)."""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).parent))

from farms import Farms  # noqa: E402
from scoring import bounds, score, server_facts  # noqa: E402

ERRORS = {"BC201", "BC206", "BC301", "BC302"}
WARNINGS = {"BC202", "BC207", "BC304"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", type=Path, default=REPO.parent / "shared" / "bench",
                    help="folder with makecorpus.py, linkfarm.py and peerbench.py (default ../shared/bench)")
    ap.add_argument("--peers", type=Path, default=Path("/tmp/peers"), help="venv/ and npmpeers/ of the peer tools")
    ap.add_argument("--tools", default="lychee,linkinator,markdown-link-check,linkchecker",
                    help="peer tools (names from peerbench.py); empty for none")
    ap.add_argument("--posts", type=int, default=200)
    ap.add_argument("--links", type=int, default=10)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--hosts", type=int, default=8, help="loopback hosts 127.0.0.2 ... (default 8)")
    ap.add_argument("--port", type=int, default=8900)
    ap.add_argument("--latency-ms", type=int, default=50)
    ap.add_argument("--runs", type=int, default=3, help="blogcheck runs (default 3)")
    ap.add_argument("--peer-runs", type=int, default=1, help="runs per peer tool (default 1)")
    ap.add_argument("--timeout", type=int, default=900, help="seconds before a tool run is killed")
    ap.add_argument("--out", type=Path, default=Path(__file__).parent / "RESULTS.md")
    ap.add_argument("--json", type=Path, help="also write every figure here")
    ap.add_argument("--interleave", action="store_true",
                    help="run blogcheck and the peers in turn (blogcheck, each peer, blogcheck, ...; --runs of each),"
                         " so that a change in the machine's load falls on every tool alike")
    a = ap.parse_args()

    import compileall

    # as `pip install` does (the peers come from pip compiled): a checkout under
    # PYTHONDONTWRITEBYTECODE=1 would compile ~130 modules at every start-up
    compileall.compile_dir(REPO / "blogcheck", quiet=1)
    work = Path(tempfile.mkdtemp(prefix="blogcheck-linkbench-"))
    work.chmod(0o755)  # LinkChecker run as root reads files as `nobody`
    corpus = work / "corpus"
    bases = [f"http://127.0.0.{2 + i}:{a.port}" for i in range(a.hosts)]
    truth = _corpus(a, corpus, bases)
    clean = work / "clean"  # the same corpus without broken links: a warm run should ask nothing at all
    clean_truth = _corpus(a, clean, bases, "--broken-frac", "0")
    tools = [t for t in a.tools.split(",") if t]
    lifetime = (2 * a.runs + 4 + max(a.peer_runs, a.runs) * len(tools)) * a.timeout + 60
    load_before = os.getloadavg()
    results: list[dict[str, Any]] = []
    with Farms(a.bench / "linkfarm.py", [b.split("//")[1].split(":")[0] for b in bases], a.port,
               a.latency_ms, lifetime) as farms:
        blogcheck = [sys.executable, "-m", "blogcheck", "check", "--select", "links", "--format", "json"]
        peerbench = _load(a.bench / "peerbench.py")

        def peer(name: str, run: int) -> None:
            outfile = work / f"{name}-{run}.out"
            cmd, parse = peerbench.tools(str(a.peers), str(corpus), str(outfile))[name]
            results.append(_measure(name, run, cmd, corpus, farms, truth, _peer_parser(parse, outfile), a.timeout))

        for run in range(a.runs):
            results.append(_measure("blogcheck", run, [*blogcheck, "--no-cache", "."], corpus, farms, truth,
                                    _parse_blogcheck, a.timeout))
            for name in tools if a.interleave else ():
                peer(name, run)
        fast = work / "fast.toml"  # tuned like lychee-fast: more in flight per host
        fast.write_text("[links]\nmax_concurrency = 128\nmax_per_host = 16\n")
        for run in range(a.runs):
            results.append(_measure("blogcheck-fast", run, [*blogcheck, "--no-cache", "--config", str(fast), "."],
                                    corpus, farms, truth, _parse_blogcheck, a.timeout))
        cache = work / "links.sqlite"
        _measure("blogcheck-fill-cache", 0, [*blogcheck, "--cache", str(cache), "."], corpus, farms, truth,
                 _parse_blogcheck, a.timeout)
        results.append(_measure("blogcheck-warm-cache", 0, [*blogcheck, "--cache", str(cache), "."], corpus,
                                farms, truth, _parse_blogcheck, a.timeout))
        _measure("blogcheck-fill-cache", 0, [*blogcheck, "--cache", str(cache), "."], clean, farms, clean_truth,
                 _parse_blogcheck, a.timeout)
        results.append(_measure("blogcheck-warm-cache-no-broken", 0, [*blogcheck, "--cache", str(cache), "."],
                                clean, farms, clean_truth, _parse_blogcheck, a.timeout))
        for name in tools if not a.interleave else ():
            for run in range(a.peer_runs):
                peer(name, run)
    facts = {"load_before": load_before, "load_after": os.getloadavg(), "cpus": os.cpu_count(),
             "python": platform.python_version(), "summary": truth["summary"], "hosts": a.hosts,
             "latency_ms": a.latency_ms, "bounds": bounds(truth, a.latency_ms / 1000, a.hosts)}
    if a.json:
        a.json.write_text(json.dumps({"facts": facts, "results": results}, indent=1))
    from report import NOTES, markdown

    old = a.out.read_text() if a.out.exists() else ""
    notes = old[old.index(NOTES):] if NOTES in old else NOTES + "\n"  # the hand-written notes are kept
    a.out.write_text(markdown(facts, results, " ".join(sys.argv[1:])) + "\n" + notes)
    print(a.out.read_text())
    shutil.rmtree(work, ignore_errors=True)


def _corpus(a: argparse.Namespace, folder: Path, bases: list[str], *more: str) -> dict[str, Any]:
    subprocess.run([sys.executable, str(a.bench / "makecorpus.py"), str(folder), "--posts", str(a.posts),
                    "--links", str(a.links), "--seed", str(a.seed), "--base-url", ",".join(bases), *more],
                   check=True, stdout=subprocess.DEVNULL)
    truth: dict[str, Any] = json.loads((folder / "ground_truth.json").read_text())
    return truth


def _measure(name: str, run: int, cmd: list[str], corpus: Path, farms: Farms, truth: dict[str, Any],
             parse: Any, timeout: int) -> dict[str, Any]:
    """Run one tool once: wall time, CPU, peak RSS, its findings scored, the farms' log."""
    farms.reset()
    # markdown-link-check splits one report over stdout and stderr: read them interleaved
    merge = name.startswith(("markdown-link-check", "html-proofer"))
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=corpus, stdout=out, stderr=out if merge else err,
                                env={**os.environ, "NO_COLOR": "1"})
        status, usage = _wait(proc, timeout)
        wall = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(errors="replace"), err.read().decode(errors="replace")
    try:
        errors, warnings = parse(stdout, stderr)
        problem = ""
    except Exception as exc:  # a tool whose output cannot be read is a result too
        errors, warnings, problem = set(), set(), repr(exc)
    result: dict[str, Any] = {"tool": name, "run": run + 1, "rc": status, "wall_s": round(wall, 2),
              "cpu_s": round(usage.ru_utime + usage.ru_stime, 2) if usage else None,
              "rss_mb": round(usage.ru_maxrss / 1024, 1) if usage else None,
              "score": score(errors, warnings, truth), "server": server_facts(farms.log(), truth),
              "parse_error": problem, "stderr_tail": stderr[-400:], "cmd": " ".join(cmd[:14])}
    s = result["score"]
    print(f"{name:22} run {run + 1} rc={status} {wall:7.2f}s  broken URLs found {s['url_found']} warned "
          f"{s['url_warned']} missed {s['url_missed']} false {s['url_false']} | requests "
          f"{result['server']['requests']}", file=sys.stderr, flush=True)
    return result


def _wait(proc: subprocess.Popen[bytes], timeout: int) -> tuple[int | str, Any]:
    deadline = time.monotonic() + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            proc.returncode = os.waitstatus_to_exitcode(status)
            return proc.returncode, usage
        if time.monotonic() > deadline:
            proc.kill()
            proc.wait()
            return "timeout", None
        time.sleep(0.01)


def _parse_blogcheck(stdout: str, stderr: str) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    found = json.loads(stdout)["diagnostics"]
    errors = {(d["path"], d["url"]) for d in found if d["code"] in ERRORS}
    warnings = {(d["path"], d["url"]) for d in found if d["code"] in WARNINGS}
    return errors, warnings


def _peer_parser(parse: Any, outfile: Path) -> Any:
    def parser(stdout: str, stderr: str) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
        return set(parse(stdout, stderr, str(outfile))), set()

    return parser


def _load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


if __name__ == "__main__":
    main()
