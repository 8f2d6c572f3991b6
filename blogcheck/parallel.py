"""Per-post work spread over the machine's cores, for runs over many posts.

Linux only, with fork: the workers share what the parent built before (word
lists, the site's word usage) at no cost, and get back only the findings. Not
when threads run (fork copies one thread, and the locks the others held), nor for
fewer than `min_items` posts (a worker costs a few milliseconds), nor when
`BLOGCHECK_JOBS=1`. Results come back in the order of the items."""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Callable, Generator, Iterator, Sequence
from typing import Any, TypeVar

_T = TypeVar("_T")
_R = TypeVar("_R")
_TASK: tuple[Callable[[Any], Any], Sequence[Any]] | None = None  # what the forked workers run


_MOST = 64  # workers at most, whatever BLOGCHECK_JOBS says: each is a whole copy of the process


def workers() -> int:
    """Processes to use: BLOGCHECK_JOBS if set (1 = none), else the CPUs this process may run on."""
    wanted = os.environ.get("BLOGCHECK_JOBS", "").strip()
    if wanted.isdigit() and int(wanted) > 0:
        return min(int(wanted), _MOST)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def will_spread(count: int, min_items: int = 64) -> bool:
    """Whether map_items over `count` items would fork workers (so that a caller can
    build what they will share first)."""
    return (sys.platform == "linux" and min(workers(), count) >= 2 and count >= min_items
            and threading.active_count() == 1)


def map_items(fn: Callable[[_T], _R], items: Sequence[_T], min_items: int = 64) -> list[_R] | None:
    """[fn(item) for item in items] computed by forked workers, or None when that is
    not worth it or not safe here: then the caller does the work itself."""
    global _TASK
    if not will_spread(len(items), min_items):
        return None
    import multiprocessing

    count = min(workers(), len(items))
    size = -(-len(items) // (count * 4))  # a few chunks per worker: a slow post does not hold the others up
    chunks = [range(start, min(start + size, len(items))) for start in range(0, len(items), size)]
    _TASK = (fn, items)
    try:
        with multiprocessing.get_context("fork").Pool(count, initializer=_quiet_on_interrupt) as pool:
            done = pool.map(_chunk, chunks)  # leaving the `with` early (Ctrl-C) terminates the workers
    finally:
        _TASK = None
    return [result for chunk in done for result in chunk]


def stream_items(fn: Callable[[_T], _R], items: Sequence[_T], min_items: int = 64, spare: int = 0,
                 most: int = _MOST) -> Generator[_R, None, None] | None:
    """fn(item) for each item, in order, computed by workers forked now that run
    while the caller goes on (it may start threads once this returns: no fork
    follows), or None as for map_items. `spare`: CPUs left to the caller; `most`:
    workers at most (one at least). Iterate to the end, or close the generator:
    either stops the workers."""
    global _TASK
    if not will_spread(len(items), min_items):
        return None
    import multiprocessing

    size = 2  # small chunks: the first results come back soon (each costs a fraction of a millisecond)
    chunks = [range(start, min(start + size, len(items))) for start in range(0, len(items), size)]
    _TASK = (fn, items)
    try:
        pool = multiprocessing.get_context("fork").Pool(max(1, min(workers() - spare, len(items), most)),
                                                         initializer=_quiet_on_interrupt)
    finally:
        _TASK = None  # the workers have their copy
    return _drain(pool, pool.imap(_chunk, chunks))


def _drain(pool: Any, chunks: Iterator[list[_R]]) -> Generator[_R, None, None]:
    try:
        for chunk in chunks:
            yield from chunk
        pool.close()
    finally:
        pool.terminate()
        pool.join()


def _quiet_on_interrupt() -> None:
    """Ctrl-C reaches every process of the terminal's group: only the parent acts on
    it (it stops the workers), so the user sees no traceback from each worker."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _chunk(indexes: range) -> list[Any]:
    assert _TASK is not None
    fn, items = _TASK
    return [fn(items[i]) for i in indexes]
