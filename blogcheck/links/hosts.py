"""Per-host politeness: at most `max_per_host` requests in flight to one
host:port, at most `max_concurrency` in all, `request_interval` seconds at least
between the starts of two requests to one host (both per host with
`[links.hosts]`, host_rules.py), and a pause when a host says it is
rate-limiting us as a whole.

A lone 429 only delays the retry of that URL (http.py waits its Retry-After):
many servers limit per page. When a host's last 4 answers are all 429/503, the
limit is on us, so every request to that host waits for its Retry-After and
the host's concurrency is halved for the rest of the run. A host that refuses
again right after a pause, with no answer in between, waits twice as long each
time (1, 2, 4... s when it names no Retry-After). When the wait it asks for,
or would get, is longer than `max_retry_wait`, no request to the host is sent
for the rest of the run: each would only be refused again (GitHub asks for a
minute or more), and pausing `max_retry_wait` after every four refusals made a
run over thousands of GitHub images last hours. A host that answers none of its
first SILENT requests in time is closed for the run too: it is down, and each
request would wait the whole timeout. Requests waiting for their host are served
first come, first served."""

from __future__ import annotations

import collections
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

RECENT = 4  # this many 429/503 answers in a row from one host: it limits us, not one page
SILENT = 5  # this many requests to a host timed out, and none answered: it is down for this run


class _Host:
    def __init__(self, limit: int, interval: float = 0.0) -> None:
        self.lock = threading.Lock()
        self.limit = limit
        self.interval = interval  # seconds at least between the starts of two requests
        self.in_flight = 0
        self.not_before = 0.0  # monotonic time before which no request starts
        self.next_start = 0.0  # monotonic time of the next start `interval` allows
        self.recent: collections.deque[bool] = collections.deque(maxlen=RECENT)  # True: a 429/503
        self.closed: float | None = None  # the wait (s) that ended this host's run, if one did
        self.asked = False  # that wait was the host's Retry-After (else: pauses that did not help)
        self.refused = 0  # requests not sent since
        self.pauses = 0  # pauses in a row with no answer but 429/503 between them
        self.last_pause = 0.0  # seconds the last of them lasted
        self.answers = 0  # answers of any status in this run
        self.silent = 0  # requests timed out while it had given no answer
        self._queue: collections.deque[threading.Condition] = collections.deque()  # waiters, first come first

    def acquire(self) -> bool:
        """First come, first served: a waiting request is not overtaken by later
        ones (it was, and a retry or a GET after HEAD could wait 0.6 s for a
        slot). Only the first in line is woken, not every waiter. False: the
        host is closed for this run, and no slot is taken."""
        with self.lock:
            if self.closed is None and not self._queue and self._free():
                self._start()
                return True
            me = threading.Condition(self.lock)  # shares the lock: woken alone
            self._queue.append(me)
            try:
                while self.closed is None and not (self._queue[0] is me and self._free()):
                    wait = max(self.not_before, self.next_start) - time.monotonic()
                    me.wait(timeout=wait if wait > 0 else None)
                if self.closed is not None:
                    self.refused += 1
                    return False
                self._start()
                return True
            finally:
                self._queue.remove(me)
                self._wake()  # the next in line may fit too

    def _free(self) -> bool:
        return self.in_flight < self.limit and time.monotonic() >= max(self.not_before, self.next_start)

    def _start(self) -> None:
        self.in_flight += 1
        if self.interval:
            self.next_start = time.monotonic() + self.interval

    def _wake(self) -> None:
        if self._queue:
            self._queue[0].notify()

    def release(self) -> None:
        with self.lock:
            self.in_flight -= 1
            self._wake()

    def timed_out(self) -> None:
        """Record a request that got no answer in time. A host that has answered none of
        SILENT such requests is closed for the run: each request waited for the whole
        timeout (40 links to a host that never answers took 89 s)."""
        with self.lock:
            if self.answers or self.closed is not None:
                return
            self.silent += 1
            if self.silent >= SILENT:
                self.closed, self.asked = 0.0, False
                for waiter in self._queue:
                    waiter.notify()

    def answered(self, status: int, retry_after: float | None, fallback: float, longest: float) -> bool:
        """Record an answer; True when the host as a whole is now paused (or closed:
        it asks for a wait longer than `longest`)."""
        with self.lock:
            self.answers += 1
            limited = status in (429, 503)
            self.recent.append(limited)
            if not limited:
                self.pauses = 0
            if not limited or sum(self.recent) < RECENT:
                return False
            self.recent.clear()
            new = self.not_before < time.monotonic()  # a new pause, not one already known
            # twice the last pause when it refuses again right after one: doubling from 1 s whatever the
            # host asked for paused a host naming 25 s five times, 25 s each (150 s for 20 links)
            asked = retry_after if retry_after is not None else fallback
            pause = max(asked, 2 * self.last_pause) if self.pauses else asked
            if pause > longest:
                self.closed, self.asked = pause, retry_after is not None and retry_after >= pause
                for waiter in self._queue:
                    waiter.notify()
                return True
            if new:
                self.limit = max(1, self.limit // 2)
                self.pauses += 1
                self.last_pause = pause
            self.not_before = max(self.not_before, time.monotonic() + pause)
            return True


class Hosts:
    """The gates every request passes: its host's, then the global one."""

    def __init__(self, max_concurrency: int, max_per_host: int,
                 limits: Callable[[str], tuple[int, float]] | None = None) -> None:
        """`limits`: host:port -> (its max_per_host, its request interval), when some
        hosts have their own (`[links.hosts]`); else `max_per_host` for all, no interval."""
        self._global = threading.BoundedSemaphore(max_concurrency)
        self._limits = limits or (lambda key: (max_per_host, 0.0))
        self._hosts: dict[str, _Host] = {}
        self._lock = threading.Lock()

    def _host(self, key: str) -> _Host:
        with self._lock:
            host = self._hosts.get(key)
            if host is None:  # not setdefault: that built a gate for every request
                host = self._hosts[key] = _Host(*self._limits(key))
            return host

    @contextmanager
    def slot(self, key: str) -> Iterator[bool]:
        """Hold one request slot for host `key` (host:port); False (and no slot) when
        the host closed this run to us."""
        host = self._host(key)
        if not host.acquire():  # the host first: a request waiting for its host holds no global slot
            yield False
            return
        self._global.acquire()
        try:
            yield True
        finally:
            self._global.release()
            host.release()

    def answered(self, key: str, status: int, retry_after: float | None, fallback: float, longest: float) -> bool:
        """Record an answer of host `key`: see `_Host.answered`."""
        return self._host(key).answered(status, retry_after, fallback, longest)

    def timed_out(self, key: str) -> None:
        """Record a request to host `key` that got no answer in time: see `_Host.timed_out`."""
        self._host(key).timed_out()

    def closed(self) -> dict[str, Closed]:
        """host:port -> why and how many requests were not sent, for each host that
        closed the run to us."""
        with self._lock:
            keys = list(self._hosts)
        return {key: closed for key in keys if (closed := self.closed_one(key)) is not None}

    def closed_one(self, key: str) -> Closed | None:
        """Why host `key` closed the run to us, or None when it has not."""
        host = self._host(key)
        with host.lock:
            return Closed(host.closed, host.asked, host.refused, host.silent if not host.answers else 0) \
                if host.closed is not None else None


@dataclass(frozen=True)
class Closed:
    """Why a host gets no more requests in this run."""

    wait: float  # seconds it asked for (Retry-After), or the next pause would have lasted
    asked: bool  # True: its Retry-After; False: it went on refusing after pauses
    refused: int  # requests not sent since
    silent: int = 0  # requests timed out with no answer from the host: it is down (`wait` means nothing)

    def why(self, host: str, longest: float) -> str:
        if self.silent >= SILENT:
            return f"{host} answered none of the {self.silent} requests sent to it in time (each timed out)"
        if self.asked:
            return (f"{host} answered 429/503 to {RECENT} requests in a row and asked to wait {seconds(self.wait)} "
                    f"(Retry-After), more than max_retry_wait ({longest:g} s)")
        return (f"{host} went on answering 429/503 after pauses; the next would last {seconds(self.wait)}, more "
                f"than max_retry_wait ({longest:g} s)")


def seconds(wait: float) -> str:
    """A wait as a person reads it: `25 s`; not `100000000000000000000 s` or `inf s`."""
    return f"{wait:.0f} s" if wait < 7 * 86400 else "more than a week"
