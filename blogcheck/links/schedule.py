"""Hand out link checks so that no worker waits on a busy host.

A plain thread pool takes jobs in order: once a slow host's slots are full,
every worker that picks one of its jobs blocks, and the workers pile up on the
slowest hosts while the others sit idle. Here a worker only takes a job whose
host runs fewer than `per_host` checks, round-robin over hosts. (The hard
limits per request stay in hosts.py: a check may redirect to another host.)
Jobs can be added while workers run, so checks start before extraction ends.
A check that sleeps (a Retry-After) gives its place back meanwhile."""

from __future__ import annotations

import collections
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

_J = TypeVar("_J")


class Scheduler(Generic[_J]):
    def __init__(self, per_host: int | Callable[[str], int]) -> None:
        """`per_host`: checks run at once per host, or host -> that number."""
        self._cond = threading.Condition()
        self._per_host = per_host if callable(per_host) else (lambda host: per_host)
        self._limit: dict[str, int] = {}
        self._pending: dict[str, collections.deque[_J]] = {}
        self._hosts: collections.deque[str] = collections.deque()  # round-robin order of hosts with jobs
        self._running: collections.Counter[str] = collections.Counter()
        self._closed = False

    def add(self, host: str, job: _J) -> None:
        with self._cond:
            if host not in self._pending:
                self._pending[host] = collections.deque()
                self._hosts.append(host)
            self._pending[host].append(job)
            self._cond.notify()

    def close(self, drop: bool = False) -> None:
        """No more jobs will come (`drop`: forget the ones not started)."""
        with self._cond:
            self._closed = True
            if drop:
                self._pending.clear()
                self._hosts.clear()
            self._cond.notify_all()

    def take(self) -> tuple[str, _J] | None:
        """The next job whose host has room, waiting if need be; None when all are handed out."""
        with self._cond:
            while True:
                for _ in range(len(self._hosts)):
                    host = self._hosts[0]
                    self._hosts.rotate(-1)
                    if self._running[host] < self._room(host):
                        return host, self._start(host)
                if self._closed and not self._hosts:
                    return None
                self._cond.wait()

    def _room(self, host: str) -> int:
        if host not in self._limit:
            self._limit[host] = self._per_host(host)
        return self._limit[host]

    def _start(self, host: str) -> _J:
        queue = self._pending[host]
        job = queue.popleft()
        if not queue:
            del self._pending[host]
            self._hosts.remove(host)
            if self._closed and not self._hosts:
                self._cond.notify_all()  # the last job is out: the idle workers may leave
        self._running[host] += 1
        return job

    def done(self, host: str) -> None:
        """A check of `host` ended, or is asleep (see `resume`): its place is free."""
        with self._cond:
            self._running[host] -= 1
            self._cond.notify()  # one place is free: wake one worker, not the whole pool

    def resume(self, host: str) -> None:
        """A check that slept (done() before) runs again: it takes its place back at
        once, even over `per_host` for a moment; hosts.py still gates its requests."""
        with self._cond:
            self._running[host] += 1
