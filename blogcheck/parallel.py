"""Per-post work spread over the machine's cores, for runs over many posts.

Linux only, with fork: the workers share what the parent built before (word
lists, the site's word usage) at no cost, and get back only the findings. Not
when threads run (fork copies one thread, and the locks the others held), nor for
fewer than `min_items` posts (a worker costs a few milliseconds), nor when
`BLOGCHECK_JOBS=1`. Results come back in the order of the items. A worker killed
from outside (the OOM killer) is reported on stderr, and its work is done in the
process: the run goes on, never waits for ever."""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Callable, Generator, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:  # loaded when workers are forked: concurrent.futures and multiprocessing cost 20 ms at start-up
    from concurrent.futures import ProcessPoolExecutor

_T = TypeVar("_T")
_R = TypeVar("_R")
_TASK: tuple[Callable[[Any], Any], Sequence[Any]] | None = None  # what the forked workers run


_MOST = 64  # workers at most, whatever BLOGCHECK_JOBS says: each is a whole copy of the process


def workers() -> int:
    """Processes to use: BLOGCHECK_JOBS if set (1 = none), else the CPUs this process may run on."""
    wanted = os.environ.get("BLOGCHECK_JOBS", "").strip()
    if wanted.isdigit() and int(wanted) > 0:
        return min(int(wanted), _MOST)
    return _cpus()


def _cpus() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def jobs_problem() -> str:
    """What is wrong with BLOGCHECK_JOBS, said once a run (the run goes on with one
    process per CPU), or "" when it is unset or a positive whole number."""
    wanted = os.environ.get("BLOGCHECK_JOBS", "").strip()
    if not wanted or (wanted.isdigit() and int(wanted) > 0):
        return ""
    return (f"BLOGCHECK_JOBS={wanted[:40]!r} is not a positive whole number; it is ignored "
            f"(the run uses {_cpus()} process{'es' * (_cpus() != 1)}, one per CPU)")


def will_spread(count: int, min_items: int = 64) -> bool:
    """Whether map_items over `count` items would fork workers (so that a caller can
    build what they will share first)."""
    return (sys.platform == "linux" and min(workers(), count) >= 2 and count >= min_items
            and threading.active_count() == 1)


def map_items(fn: Callable[[_T], _R], items: Sequence[_T], min_items: int = 64) -> list[_R] | None:
    """[fn(item) for item in items] computed by forked workers, or None when that is
    not worth it or not safe here, or a worker was killed: then the caller does the
    work itself."""
    if not will_spread(len(items), min_items):
        return None
    count = min(workers(), len(items))
    size = -(-len(items) // (count * 4))  # a few chunks per worker: a slow post does not hold the others up
    try:
        pool, chunks = _start(fn, items, count, size)
    except OSError as exc:  # no process to be had (a container's process limit): the caller does the work
        _no_fork(exc)
        return None
    from concurrent.futures.process import BrokenProcessPool

    try:
        done = [result for chunk in chunks for result in chunk]
    except BrokenProcessPool:
        _lost()
        return None
    finally:
        _stop(pool)
    return done


def stream_items(fn: Callable[[_T], _R], items: Sequence[_T], min_items: int = 64, spare: int = 0,
                 most: int = _MOST) -> Generator[_R, None, None] | None:
    """fn(item) for each item, in order, computed by workers forked now that run
    while the caller goes on (it may start threads once this returns: no fork
    follows), or None as for map_items. `spare`: CPUs left to the caller; `most`:
    workers at most (one at least). Iterate to the end, or close the generator:
    either stops the workers. If a worker is killed, the items not yet given are
    computed here."""
    if not will_spread(len(items), min_items):
        return None
    try:  # small chunks: the first results come back soon (each costs a fraction of a millisecond)
        pool, chunks = _start(fn, items, max(1, min(workers() - spare, len(items), most)), 2)
    except OSError as exc:
        _no_fork(exc)
        return None
    return _drain(fn, items, pool, chunks)


def _start(fn: Callable[[_T], _R], items: Sequence[_T], count: int,
           size: int) -> tuple[ProcessPoolExecutor, Iterator[list[_R]]]:
    """The workers, forked now (every chunk is queued at once, which starts them all),
    and their results in order. concurrent.futures, not multiprocessing.Pool: a worker
    killed from outside (the OOM killer) left Pool waiting for its chunk for ever;
    here the results raise BrokenProcessPool."""
    global _TASK
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    chunks = [range(start, min(start + size, len(items))) for start in range(0, len(items), size)]
    pool = ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("fork"), initializer=_quiet_on_interrupt)
    _TASK = (fn, items)
    try:
        results = pool.map(_chunk, chunks)
    except BaseException:  # a fork failed: the workers already forked are stopped too
        _stop(pool)
        raise
    finally:
        _TASK = None  # the workers have their copy
    return pool, results


def _drain(fn: Callable[[_T], _R], items: Sequence[_T], pool: ProcessPoolExecutor,
           chunks: Iterator[list[_R]]) -> Generator[_R, None, None]:
    from concurrent.futures.process import BrokenProcessPool

    given = 0
    try:
        try:
            for chunk in chunks:
                yield from chunk
                given += len(chunk)
        except BrokenProcessPool:
            _lost()
            for item in items[given:]:
                yield fn(item)
    finally:
        _stop(pool)


def _stop(pool: ProcessPoolExecutor) -> None:
    """Stop the workers now, done or not (Ctrl-C, an error, a closed stream): queued
    chunks are dropped and a chunk under way is not waited for; no worker, zombie or
    thread is left (a thread left would keep later checks from forking)."""
    _quiet_cancelled_race()
    running = list((getattr(pool, "_processes", None) or {}).values())  # no public way before Python 3.14
    for process in running:
        process.terminate()
    pool.shutdown(wait=True, cancel_futures=True)
    for process in running:
        process.join()


def _quiet_cancelled_race() -> None:
    """Python 3.11's pool manager thread, finding the workers stopped, marks each chunk
    still listed as failed; a chunk that Ctrl-C had just cancelled cannot be, and the
    thread printed an InvalidStateError traceback (about one Ctrl-C in 30). Python 3.12
    ignores that error there (concurrent/futures/process.py, `terminate_broken`); so
    does this hook, for that thread only. Installed once; every other thread error is
    printed as before."""
    if getattr(threading.excepthook, "_blogcheck", False):
        return
    from concurrent.futures import InvalidStateError

    before = threading.excepthook

    def hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is InvalidStateError and type(args.thread).__name__ == "_ExecutorManagerThread":
            return
        before(args)

    hook._blogcheck = True  # type: ignore[attr-defined]
    threading.excepthook = hook


def _no_fork(error: OSError) -> None:
    print(f"blogcheck: no worker process could be started ({error.strerror or error}); "
          "the work is done in the main process", file=sys.stderr)


def _lost() -> None:
    print("blogcheck: a worker process ended without its results (killed, out of memory?); "
          "its posts are checked in the main process", file=sys.stderr)


def _quiet_on_interrupt() -> None:
    """Ctrl-C reaches every process of the terminal's group: only the parent acts on
    it (it stops the workers), so the user sees no traceback from each worker."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _chunk(indexes: range) -> list[Any]:
    assert _TASK is not None
    fn, items = _TASK
    return [fn(items[i]) for i in indexes]
