"""Per-host politeness: at most `max_per_host` requests in flight to one
host:port, at most `max_concurrency` in all, and a pause when a host says it is
rate-limiting us as a whole.

A lone 429 only delays the retry of that URL (http.py waits its Retry-After):
many servers limit per page. When a host's last 4 answers are all 429/503, the
limit is on us, so every request to that host waits for its Retry-After and
the host's concurrency is halved for the rest of the run. Requests waiting
for their host are served first come, first served."""

from __future__ import annotations

import collections
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

_RECENT = 4  # this many 429/503 answers in a row from one host: it limits us, not one page


class _Host:
    def __init__(self, limit: int) -> None:
        self.lock = threading.Lock()
        self.limit = limit
        self.in_flight = 0
        self.not_before = 0.0  # monotonic time before which no request starts
        self.recent: collections.deque[bool] = collections.deque(maxlen=_RECENT)  # True: a 429/503
        self._queue: collections.deque[threading.Condition] = collections.deque()  # waiters, first come first

    def acquire(self) -> None:
        """First come, first served: a waiting request is not overtaken by later
        ones (it was, and a retry or a GET after HEAD could wait 0.6 s for a
        slot). Only the first in line is woken, not every waiter."""
        with self.lock:
            if not self._queue and self._free():
                self.in_flight += 1
                return
            me = threading.Condition(self.lock)  # shares the lock: woken alone
            self._queue.append(me)
            try:
                while not (self._queue[0] is me and self._free()):
                    wait = self.not_before - time.monotonic()
                    me.wait(timeout=wait if wait > 0 else None)
                self.in_flight += 1
            finally:
                self._queue.remove(me)
                self._wake()  # the next in line may fit too

    def _free(self) -> bool:
        return self.in_flight < self.limit and time.monotonic() >= self.not_before

    def _wake(self) -> None:
        if self._queue:
            self._queue[0].notify()

    def release(self) -> None:
        with self.lock:
            self.in_flight -= 1
            self._wake()

    def answered(self, status: int, retry_after: float | None, fallback: float) -> bool:
        """Record an answer; True when the host as a whole is now paused."""
        with self.lock:
            limited = status in (429, 503)
            self.recent.append(limited)
            if not limited or sum(self.recent) < _RECENT:
                return False
            pause = retry_after if retry_after is not None else fallback
            if self.not_before < time.monotonic():  # a new pause, not one already known
                self.limit = max(1, self.limit // 2)
            self.not_before = max(self.not_before, time.monotonic() + pause)
            self.recent.clear()
            return True


class Hosts:
    """The gates every request passes: its host's, then the global one."""

    def __init__(self, max_concurrency: int, max_per_host: int) -> None:
        self._global = threading.BoundedSemaphore(max_concurrency)
        self._per_host = max_per_host
        self._hosts: dict[str, _Host] = {}
        self._lock = threading.Lock()

    def _host(self, key: str) -> _Host:
        with self._lock:
            host = self._hosts.get(key)
            if host is None:  # not setdefault: that built a gate for every request
                host = self._hosts[key] = _Host(self._per_host)
            return host

    @contextmanager
    def slot(self, key: str) -> Iterator[None]:
        """Hold one request slot for host `key` (host:port)."""
        host = self._host(key)
        host.acquire()  # the host first: a request waiting for its host holds no global slot
        self._global.acquire()
        try:
            yield
        finally:
            self._global.release()
            host.release()

    def answered(self, key: str, status: int, retry_after: float | None, fallback: float) -> bool:
        return self._host(key).answered(status, retry_after, fallback)
