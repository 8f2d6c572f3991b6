"""Online, the posts' links are read by forked workers that stream them to the
remote checker while its threads send the requests (parallel.stream_items): the
findings, and the requests sent, are the same as in one process. In child
processes: a thread some other test left running would (rightly) keep the run
from forking in this one."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from remote_server import Farm

_CHECK = """
import sys
from blogcheck import parallel
for name in ("map_items", "stream_items"):
    def noted(*args, _original=getattr(parallel, name), _name=name, **kwargs):
        done = _original(*args, **kwargs)
        print(_name + (": alone" if done is None else ": spread"), file=sys.stderr)
        return done
    setattr(parallel, name, noted)
from blogcheck.cli import main
sys.exit(main(["check", "--no-cache", "--format", "json", sys.argv[1]]))
"""


def _site(root: Path, farm: Farm) -> None:
    posts = root / "_posts"
    posts.mkdir()
    (root / "_config.yml").write_text("title: t\n")
    for n in range(70):
        kind = ("ok", "missing", "redirect/2", "nohead", "img")[n % 5]
        (posts / f"2024-01-{n % 28 + 1:02d}-note-{n}.md").write_text(
            f"---\ntitle: Note {n}\n---\n## Part {n}\n\nToday I read teh notes, [see](#part-{n}), "
            f"[web]({farm.url(f'/{kind}/{n % 9}')}), [shared]({farm.url('/ok/shared')}), "
            f"![chart]({farm.url(f'/img/{n}.png')}), [gone](#nowhere).\n")


@pytest.mark.skipif(sys.platform != "linux", reason="fork workers are Linux-only by design (parallel.py)")
def test_the_links_streamed_from_workers_find_the_same_as_one_process(tmp_path: Path, farm: Farm) -> None:
    _site(tmp_path, farm)
    found, requests = [], []
    for jobs in ("1", "2"):
        before = len(farm.hits())
        run = subprocess.run([sys.executable, "-c", _CHECK, str(tmp_path)], capture_output=True, text=True,
                             env={**os.environ, "BLOGCHECK_JOBS": jobs})
        assert run.returncode == 1, run.stderr
        marks = [line for line in run.stderr.splitlines() if line.startswith(("map_items", "stream_items"))]
        # run.py's per-post checks, the links (streamed: online), the spelling check
        assert marks == [f"{name}: {'alone' if jobs == '1' else 'spread'}"
                         for name in ("map_items", "stream_items", "map_items")]
        found.append(json.loads(run.stdout)["diagnostics"])
        requests.append(sorted((e.method, e.path) for e in farm.hits()[before:]))
    assert found[0] == found[1] and requests[0] == requests[1]
    codes = {d["code"] for d in found[0]}
    assert {"BC201", "BC203", "BC401"} <= codes  # a broken remote link, a missing anchor, a known misspelling
    assert requests[0].count(("HEAD", "/ok/shared")) == 1  # one request per distinct URL, from 70 posts


@pytest.mark.skipif(sys.platform != "linux", reason="fork workers are Linux-only by design (parallel.py)")
def test_ctrl_c_while_streaming_stops_the_run_and_its_workers(tmp_path: Path, farm: Farm) -> None:
    """Ctrl-C while a worker still reads posts and requests are in flight: exit 130 with
    one line, no traceback (from the run or its worker), no process left, and no wait
    for the links not yet requested."""
    import signal
    import time

    posts = tmp_path / "_posts"
    posts.mkdir()
    (tmp_path / "_config.yml").write_text("title: t\n")
    notes = "".join(f"- point {i}, with *some* words and `code`\n" for i in range(200))  # slow to read
    for n in range(300):  # each link answers after 3 s: the run is busy when the interrupt comes
        (posts / f"2024-01-{n % 28 + 1:02d}-note-{n}.md").write_text(
            f"---\ntitle: Note {n}\n---\n[slow]({farm.url(f'/slow/3000/{n}')})\n\n{notes}")
    proc = subprocess.Popen([sys.executable, "-m", "blogcheck", "check", "--no-cache", str(tmp_path)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                            env={**os.environ, "BLOGCHECK_JOBS": "2"})
    deadline = time.monotonic() + 20
    while not farm.hits("/slow/") and time.monotonic() < deadline:  # requests are out
        time.sleep(0.05)
    workers = Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()
    assert farm.hits("/slow/") and len(workers) == 1  # one reader, still reading (one CPU left to the requests)
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in a terminal does: the whole group
    stopped = time.monotonic()
    _, err = proc.communicate(timeout=30)
    assert time.monotonic() - stopped < 10  # the requests in flight end (3 s), the others are not sent
    assert proc.returncode == 130 and "blogcheck: interrupted" in err
    assert "Traceback" not in err
    time.sleep(0.5)
    assert [pid for pid in workers if Path(f"/proc/{pid}").exists()] == []
