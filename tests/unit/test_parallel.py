"""parallel.map_items: per-post work over forked workers, in order, or None when it
is not worth it or not safe; every check finds the same either way, and Ctrl-C
leaves no worker behind. The spreading runs are in child processes: a thread some
other test left running would (rightly) keep map_items from forking in this one."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from blogcheck import parallel

_SPREAD = """
import json, os, sys
from blogcheck import parallel
def work(i):
    if i == int(sys.argv[1]):
        raise ValueError("item %d" % i)
    return [i, os.getpid()]
try:
    print(json.dumps({"parent": os.getpid(), "done": parallel.map_items(work, list(range(100)))}))
except ValueError as exc:
    print(json.dumps({"error": str(exc)}))
"""


_CHECK = """
import sys
from blogcheck import parallel
original = parallel.map_items
def noted(*args, **kwargs):
    done = original(*args, **kwargs)
    print("alone" if done is None else "spread", file=sys.stderr)
    return done
parallel.map_items = noted
from blogcheck.cli import main
sys.exit(main(["check", "--offline", "--format", "json", sys.argv[1]]))
"""


def _spread(fail_at: int = -1, jobs: str = "2") -> dict[str, object]:
    out = subprocess.run([sys.executable, "-c", _SPREAD, str(fail_at)], capture_output=True, text=True, check=True,
                         env={**os.environ, "BLOGCHECK_JOBS": jobs})
    result: dict[str, object] = json.loads(out.stdout)
    return result


@pytest.mark.skipif(sys.platform != "linux", reason="fork workers are Linux-only by design (parallel.py)")
def test_items_come_back_in_order_from_other_processes() -> None:
    result = _spread()
    done = result["done"]
    assert isinstance(done, list)
    assert [i for i, _ in done] == list(range(100))
    assert {pid for _, pid in done} - {result["parent"]}  # computed elsewhere


@pytest.mark.skipif(sys.platform != "linux", reason="fork workers are Linux-only by design (parallel.py)")
def test_a_workers_error_reaches_the_caller() -> None:
    assert _spread(fail_at=57) == {"error": "item 57"}


_SLOW = """
import sys, time
from blogcheck import parallel
print("started", flush=True)
parallel.map_items(lambda i: time.sleep(0.2), list(range(100)))  # 10 s over 2 workers
"""


@pytest.mark.skipif(sys.platform != "linux", reason="fork workers are Linux-only by design (parallel.py)")
def test_ctrl_c_stops_the_workers_without_a_traceback_from_each(tmp_path: Path) -> None:
    import signal
    import time

    marker = tmp_path / "slow_marker.py"  # in every process's command line, to find leftovers
    marker.write_text(_SLOW)
    proc = subprocess.Popen([sys.executable, str(marker)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True, env={**os.environ, "BLOGCHECK_JOBS": "2"})
    assert proc.stdout is not None and proc.stdout.readline() == "started\n"
    time.sleep(1.0)  # the pool is at work
    assert len(_running(str(marker))) >= 3  # the parent and its two workers
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in a terminal does: the whole group
    _, err = proc.communicate(timeout=30)
    assert proc.returncode != 0 and "KeyboardInterrupt" in err
    assert err.count("Traceback") == 1 and "ForkPoolWorker" not in err  # the parent's own only
    time.sleep(0.5)
    assert _running(str(marker)) == []


_RACE = """
import threading
from concurrent.futures import InvalidStateError
from blogcheck import parallel

class _ExecutorManagerThread(threading.Thread):  # the name of Python's pool manager thread
    pass

def fail(error):
    raise error

parallel.map_items(str, list(range(100)))  # a pool, started and stopped: the hook is in place
for thread in (_ExecutorManagerThread(target=fail, args=(InvalidStateError("CANCELLED: <Future>"),)),
               threading.Thread(target=fail, args=(InvalidStateError("another thread's"),)),
               _ExecutorManagerThread(target=fail, args=(ValueError("another error"),))):
    thread.start()
    thread.join()
"""


@pytest.mark.skipif(sys.platform != "linux", reason="fork workers are Linux-only by design (parallel.py)")
def test_the_pool_managers_cancelled_chunk_race_is_quiet_and_nothing_else(tmp_path: Path) -> None:
    """Python 3.11's pool manager thread raised InvalidStateError when Ctrl-C had
    cancelled a chunk it then marked failed (the Ctrl-C test above, about 1 run in
    30): that error of that thread is not printed; any other thread error still is."""
    script = tmp_path / "race.py"
    script.write_text(_RACE)
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "BLOGCHECK_JOBS": "2"})
    assert done.returncode == 0, done.stderr
    assert "CANCELLED" not in done.stderr
    assert "InvalidStateError: another thread's" in done.stderr and "ValueError: another error" in done.stderr
    assert done.stderr.count("Traceback") == 2


def _running(text: str) -> list[str]:
    """The processes whose command line holds `text` (from /proc: no pgrep needed)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and text.encode() in (entry / "cmdline").read_bytes():
                found.append(entry.name)
        except OSError:  # gone meanwhile
            continue
    return found


@pytest.mark.parametrize("spread", [parallel.map_items, parallel.stream_items])
def test_not_spread_when_few_items_one_job_or_threads_running(spread: Callable[..., object],
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BLOGCHECK_JOBS", "1")
    assert spread(str, list(range(100))) is None
    monkeypatch.setenv("BLOGCHECK_JOBS", "2")
    assert spread(str, list(range(10))) is None  # under min_items
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait, daemon=True)
    thread.start()
    try:
        assert spread(str, list(range(100))) is None  # a fork now would copy a busy thread's locks
    finally:
        stop.set()
        thread.join()


def test_workers_follow_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BLOGCHECK_JOBS", "3")
    assert parallel.workers() == 3
    monkeypatch.setenv("BLOGCHECK_JOBS", "100000")
    assert parallel.workers() == 64  # each worker is a copy of the process: a bound
    monkeypatch.setenv("BLOGCHECK_JOBS", "none")
    assert parallel.workers() >= 1


def test_every_check_finds_the_same_spread_or_not(tmp_path: Path) -> None:
    """Offline, the per-post checks, the links check (the posts' links) and the
    spelling check run over the CPUs: the findings are the same as in one process."""
    posts = tmp_path / "_posts"
    posts.mkdir()
    (tmp_path / "_config.yml").write_text("title: t\n")
    slips = ["recieve", "teh", "seperate", "posterio", "definately", "the the"]
    for n in range(70):
        (posts / f"2024-01-{n % 28 + 1:02d}-note-{n}.md").write_text(
            f"---\ntitle: Note {n}\n---\n## Part {n}\n\nToday I read about {slips[n % len(slips)]} and word2vec, "
            f"[see]({'#part-' + str(n) if n % 2 else '#nowhere'}), ![chart](/assets/c{n}.png).\n\n"
            f"`{slips[(n + 1) % len(slips)]}` in code is fine, [web](https://example.com/{n}).\n"
            + ("\n**Chapter two **\n" if n % 5 == 0 else ""))  # BC606, a per-post (markup) check
    runs = [subprocess.run([sys.executable, "-c", _CHECK, str(tmp_path)], capture_output=True, text=True,
                           env={**os.environ, "BLOGCHECK_JOBS": jobs}) for jobs in ("1", "2")]
    spread = "spread" if sys.platform == "linux" else "alone"
    # the per-post checks (run.py), the links check, the spelling check
    assert [run.stderr.split() for run in runs] == [["alone"] * 3, [spread] * 3]
    alone, spread_out = (json.loads(run.stdout)["diagnostics"] for run in runs)
    codes = {d["code"] for d in alone}
    assert codes == {"BC401", "BC403", "BC203", "BC303", "BC606"}  # `posterio` in 11 posts: the site's jargon
    assert len(alone) == 58 + 35 + 70 + 14 and spread_out == alone


_STREAM = """
import json, os, sys, threading
from blogcheck import parallel
def work(i):
    if i == int(sys.argv[1]):
        raise ValueError("item %d" % i)
    return [i, os.getpid()]
def children():
    return open("/proc/%d/task/%d/children" % (os.getpid(), os.getpid())).read().split()
stream = parallel.stream_items(work, list(range(100)), spare=int(sys.argv[2]), most=int(sys.argv[4]))
workers = len(children())
stop = threading.Event()
thread = threading.Thread(target=stop.wait)  # the caller's own threads, as the remote checker's
thread.start()
done, error = [], ""
try:
    for got in stream:
        done.append(got)
        if len(done) == int(sys.argv[3]):
            stream.close()
            break
except ValueError as exc:
    error = str(exc)
stop.set()
thread.join()
print(json.dumps({"parent": os.getpid(), "done": done, "error": error, "workers": workers, "left": children()}))
"""


def _stream(fail_at: int = -1, spare: int = 0, stop_after: int = -1, most: int = 64) -> dict[str, Any]:
    out = subprocess.run([sys.executable, "-c", _STREAM, str(fail_at), str(spare), str(stop_after), str(most)],
                         capture_output=True, text=True, check=True, env={**os.environ, "BLOGCHECK_JOBS": "3"})
    result: dict[str, Any] = json.loads(out.stdout)
    return result


@pytest.mark.skipif(sys.platform != "linux", reason="fork workers are Linux-only by design (parallel.py)")
def test_streamed_items_come_in_order_from_workers_while_the_caller_runs_threads() -> None:
    result = _stream()
    assert [i for i, _ in result["done"]] == list(range(100))
    assert result["workers"] == 3 and {pid for _, pid in result["done"]} - {result["parent"]}
    assert result["left"] == []  # the workers stopped at the end


@pytest.mark.skipif(sys.platform != "linux", reason="fork workers are Linux-only by design (parallel.py)")
def test_streaming_leaves_spare_cpus_keeps_to_most_and_stops_when_closed_or_failed() -> None:
    assert _stream(spare=1)["workers"] == 2
    assert _stream(spare=5)["workers"] == 1  # one worker at least
    assert _stream(most=2)["workers"] == 2
    closed = _stream(stop_after=7)
    assert [i for i, _ in closed["done"]] == list(range(7)) and closed["left"] == []
    failed = _stream(fail_at=41)
    got = [i for i, _ in failed["done"]]  # the items before it, up to its chunk (of two)
    assert failed["error"] == "item 41" and got == list(range(len(got))) and 38 <= len(got) <= 41
    assert failed["left"] == []


_KILLED = """
import json, os, signal, sys
from blogcheck import parallel
parent = os.getpid()
def work(i):
    if i == 41 and os.getpid() != parent:  # the OOM killer's way: no exception, no result
        os.kill(os.getpid(), signal.SIGKILL)
    return [i, os.getpid()]
children = lambda: open("/proc/%d/task/%d/children" % (parent, parent)).read().split()
if sys.argv[1] == "map":
    done = parallel.map_items(work, list(range(100)))
else:
    done = list(parallel.stream_items(work, list(range(100))))
print(json.dumps({"parent": parent, "done": done, "left": children()}))
"""


@pytest.mark.skipif(sys.platform != "linux", reason="fork workers are Linux-only by design (parallel.py)")
@pytest.mark.parametrize("how", ["map", "stream"])
def test_a_killed_worker_is_reported_and_its_items_done_here(how: str) -> None:
    """multiprocessing.Pool waited for ever for a killed worker's chunk (a CI job
    would hang until its time limit): now the run says so and goes on."""
    out = subprocess.run([sys.executable, "-c", _KILLED, how], capture_output=True, text=True, timeout=60,
                         env={**os.environ, "BLOGCHECK_JOBS": "2"})
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert "a worker process ended without its results" in out.stderr and "Traceback" not in out.stderr
    assert result["left"] == []
    if how == "map":
        assert result["done"] is None  # the caller does the work itself, as with BLOGCHECK_JOBS=1
    else:  # given in order: the first ones from the workers, the rest from this process
        assert [i for i, _ in result["done"]] == list(range(100))
        assert {pid for _, pid in result["done"][:40]} != {result["parent"]}
        assert {pid for _, pid in result["done"][41:]} == {result["parent"]}


_NO_FORK = """
import errno, json, os, sys
from blogcheck import parallel
real_fork, forks = os.fork, []
def fork():
    if len(forks) >= int(sys.argv[1]):  # a container's process limit: EAGAIN
        raise OSError(errno.EAGAIN, "Resource temporarily unavailable")
    forks.append(1)
    return real_fork()
os.fork = fork
parent = os.getpid()
children = lambda: open("/proc/%d/task/%d/children" % (parent, parent)).read().split()
found = {"map": parallel.map_items(str, list(range(100))), "stream": parallel.stream_items(str, list(range(100)))}
print(json.dumps({"none": [k for k, v in found.items() if v is None], "left": children()}))
"""


@pytest.mark.skipif(sys.platform != "linux", reason="fork workers are Linux-only by design (parallel.py)")
@pytest.mark.parametrize("forks", [0, 1])  # no worker at all; the second one refused
def test_when_no_worker_can_be_started_the_caller_does_the_work(forks: int) -> None:
    out = subprocess.run([sys.executable, "-c", _NO_FORK, str(forks)], capture_output=True, text=True, timeout=60,
                         env={**os.environ, "BLOGCHECK_JOBS": "3"})
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == {"none": ["map", "stream"], "left": []}  # a worker forked first is stopped
    assert out.stderr.count("no worker process could be started (Resource temporarily unavailable)") == 2
    assert "Traceback" not in out.stderr
