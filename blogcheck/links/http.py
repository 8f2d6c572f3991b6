"""One HTTP exchange, politely: remapped, screened, gated per host, retried.

Every request of the remote checker (plain links, redirect hops, provider API
calls) goes through `Client.request`. Bodies are streamed and at most
`BODY_LIMIT` bytes are read, so a 50 MB video link costs a few KB at most.
Retries: 429 and 503 wait for Retry-After (seconds or an HTTP date, capped by
`max_retry_wait`), other 5xx back off 0.5 s, 1 s, ..., resets and refusals
0.25 s, 0.5 s, ...; a timeout is retried once at most, since each costs
`timeout` seconds; 421 and 425 (this connection is the wrong one, or too early)
are asked again at once, once, on a new connection. A refusal by a host that
answered, or timed out, earlier in the run is a host restarting ("restarting"),
not one where nothing listens."""

from __future__ import annotations

import dataclasses
import threading
import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Generic, TypeVar, cast
from urllib.parse import urlsplit

from blogcheck.links.addresses import Screen, is_dns_name, screen_host
from blogcheck.links.dedupe import host_key, host_label, normalise
from blogcheck.links.hosts import Hosts, seconds
from blogcheck.links.remap import remap
from blogcheck.links.replies import (
    Reply,
    answer_headers,
    connected,
    detail,
    failure,
    location_text,
    retry_after_seconds,
)
from blogcheck.links.settings import LinkSettings

if TYPE_CHECKING:
    import urllib3

    from blogcheck.links.transport import Transport

BODY_LIMIT = 8192
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
NEW_CONNECTION = frozenset({421, 425})  # Misdirected Request, Too Early: asked again on another connection
_T = TypeVar("_T")
_ALIVE = frozenset({"timeout", "reset", "malformed", "tls", "error"})  # failures of a host that is there


class Client:
    """Shared by the worker threads of one run: the connections, host gates, DNS
    screening and a memo so nothing is asked twice. `wait` sleeps before a
    retry: the caller may lend the check's place out meanwhile."""

    def __init__(self, settings: LinkSettings, wait: Callable[[float], None] = time.sleep) -> None:
        self.settings = settings
        self.wait = wait
        self.hosts = Hosts(settings.max_concurrency, settings.max_per_host, settings.for_host)
        self._transport: Transport | None = None
        self._memo: dict[object, _Once[object]] = {}
        self._lock = threading.Lock()
        self.sent = 0  # requests that reached the network, for tests and the bench
        # Host names that resolved, and that did not exist, in this run (IP literals and
        # .invalid names prove nothing about DNS and are left out).
        self.resolved: set[str] = set()
        self.unresolved: set[str] = set()
        self._alive: set[str] = set()  # host keys that answered or timed out in this run

    def once(self, key: object, compute: Callable[[], _T]) -> _T:
        """compute() the first time `key` is asked; later callers (any thread) share it."""
        with self._lock:
            entry = self._memo.get(key)
            first = entry is None
            if entry is None:
                entry = self._memo[key] = _Once()
        if first:
            try:
                entry.set(compute())
            except BaseException as exc:  # the threads waiting for it must not wait forever
                entry.fail(exc)
                raise
        return cast(_T, entry.get())

    def request(self, method: str, url: str, accept: str = "*/*", retry: frozenset[int] = RETRY_STATUSES,
                keep: int = 0, headers: Mapping[str, str] | None = None, *, fallback: bool = False,
                timeouts: int = 1) -> Reply:
        """`method` on `url` (remapped first); answers in `retry`, resets, refusals
        and timeouts (`timeouts` times at most) are tried again. `keep`: read up to that
        many bytes of the body into `Reply.body` (else BODY_LIMIT bytes are read and
        dropped). `headers`: sent besides the usual ones (the caller decides where a
        token may go). `fallback`: the caller asks another way after a timeout or reset
        past the connection (HEAD, then GET), so such a one is not tried again here."""
        url = remap(url, self.settings.remap)
        try:
            if not url.isascii():  # an international host name (a redirect's Location): as DNS sees it
                url = normalise(url)
            host = urlsplit(url).hostname or ""
            key = host_key(url)
        except ValueError as exc:
            return Reply(method, url, failure="invalid", detail=str(exc))
        screen: Screen = self.once(("screen", host), lambda: self._screen(host))
        if screen.skip or screen.broken or screen.unverified:
            failure = "excluded" if screen.skip else "dns" if screen.broken else "dns-temporary"
            return Reply(method, url, failure=failure, detail=screen.skip or screen.broken or screen.unverified)
        tries: list[str] = []
        while True:
            reply = self._send(method, url, key, accept, keep, headers)
            if reply.status or reply.failure in _ALIVE:
                with self._lock:
                    self._alive.add(key)
            wait = self._retry_wait(reply, len(tries), retry, fallback, timeouts)
            if wait is None:
                break
            tries.append(f"{reply.label} (waited {wait:.3g} s)")
            self.wait(wait)
        if reply.failure == "refused" and key in self._alive:
            reply = dataclasses.replace(reply, failure="restarting")
        return dataclasses.replace(reply, tries=tuple(tries), detail=reply.detail or self._too_long(reply))

    def _screen(self, host: str) -> Screen:
        screen = screen_host(host, self.settings)
        if is_dns_name(host):
            with self._lock:
                if not screen.broken and not screen.unverified:
                    self.resolved.add(host)
                elif screen.broken.startswith("no such host"):
                    self.unresolved.add(host)
        return screen

    def dns_seems_down(self) -> bool:
        """No host name resolved in this run and several were 'not found': on a
        machine without network every name looks missing, which proves nothing."""
        return not self.resolved and len(self.unresolved) >= 2

    def _retry_wait(self, reply: Reply, attempt: int, retry: frozenset[int], fallback: bool,
                    timeouts: int) -> float | None:
        """Seconds to wait before trying again, or None to stop here."""
        if reply.status in NEW_CONNECTION:  # its connection is closed (_send): at once, once
            return 0.0 if attempt == 0 else None
        if fallback and reply.connected and reply.failure in ("timeout", "reset"):
            return None
        # a timeout costs `timeout` seconds; a malformed answer is tried once more on a fresh
        # connection (a server that sent a body after a HEAD garbles the next answer on its connection)
        once = reply.failure in ("timeout", "malformed")
        limit = min(self.settings.retries, 1) if once else self.settings.retries
        if reply.failure == "timeout":
            limit = min(limit, timeouts)
        transient = once or reply.failure in ("reset", "refused", "error") or reply.status in retry
        if not transient or attempt >= limit:
            return None
        base = 0.5 if reply.status else 0.25  # a server in trouble gets more time than a dropped connection
        backoff = base * float(1 << attempt)
        if reply.retry_after is not None and reply.status in (429, 503):
            # never sooner than the back-off: `Retry-After: 0` or a date gone by would send the tries back to back
            return None if reply.retry_after > self.settings.max_retry_wait else max(reply.retry_after, backoff)
        return backoff

    def _too_long(self, reply: Reply) -> str:
        """Why a 429/503 was not tried again: the wait it asked for is over `max_retry_wait`."""
        if reply.status not in (429, 503) or reply.retry_after is None:
            return ""
        if reply.retry_after <= self.settings.max_retry_wait:
            return ""
        return (f"asks to wait {seconds(reply.retry_after)} (Retry-After), more than max_retry_wait "
                f"({self.settings.max_retry_wait:g} s)")

    def _send(self, method: str, url: str, key: str, accept: str, keep: int = 0,
              more: Mapping[str, str] | None = None) -> Reply:
        import urllib3  # loaded with requests by transport(), before the first worker starts

        headers = {"User-Agent": self.settings.user_agent, "Accept": accept, **(more or {})}
        if keep:  # a body to read: not compressed, so `keep` bytes are that much of the page
            headers["Accept-Encoding"] = "identity"
        with self.hosts.slot(key) as granted:
            if not granted:
                return Reply(method, url, failure="closed", detail=self._closed_detail(key))
            with self._lock:
                self.sent += 1
            try:
                response = self.transport().send(method, url, headers, self.settings.timeout)
            except (urllib3.exceptions.HTTPError, OSError) as exc:
                kind = failure(exc)
                if kind == "timeout":
                    self.hosts.timed_out(key)
                return Reply(method, url, failure=kind, detail=detail(exc), connected=connected(exc))
            except (ValueError, UnicodeError) as exc:
                return Reply(method, url, failure="invalid", detail=str(exc))
            try:
                # HEAD too: an emptied answer frees its connection for reuse; a 421/425's is not reused
                kept = keep and response.status == 200  # an error page is not kept
                # a body nobody reads is emptied only to reuse the connection: not for long (one sent a
                # byte a second held the check for the whole timeout after its status was known)
                body, whole = _read_some(response, self.settings.timeout if kept else min(self.settings.timeout, 1.0),
                                         0 if response.status in NEW_CONNECTION else keep if kept else BODY_LIMIT)
            finally:
                response.close()  # a body not read to its end closes its connection
                response.release_conn()
            found, malformed = answer_headers(response.headers)
            retry_after = retry_after_seconds(found["Retry-After"])
            # before the slot frees; a longer wait than a retry may make closes the host for the run
            self.hosts.answered(key, response.status, retry_after, fallback=1.0, longest=self.settings.max_retry_wait)
        if malformed:
            return Reply(method, url, failure="malformed", detail=malformed, connected=True)
        return Reply(method, url, response.status, found["Content-Type"], location_text(found["Location"]),
                     retry_after, body_bytes=len(body), body=body if keep else b"", whole=whole,
                     content_encoding=response.headers.get("Content-Encoding", "") if keep else "",
                     connected=True)

    def _closed_detail(self, key: str) -> str:
        closed = self.hosts.closed_one(key)
        why = closed.why(host_label(key), self.settings.max_retry_wait) if closed else host_label(key)
        return f"{why}: not requested in this run"

    def transport(self) -> Transport:
        """One for all threads: a connection freed by one thread is reused by the
        next (one pool per host, as large as the per-host limit)."""
        with self._lock:
            if self._transport is None:
                from blogcheck.links.transport import Transport  # requests: only when a request is due

                self._transport = Transport(self.settings.max_per_host)
            return self._transport

    def close(self) -> None:
        if self._transport is not None:
            self._transport.close()


class _Once(Generic[_T]):
    """A value computed by one thread and awaited by the others."""

    def __init__(self) -> None:
        self._done = threading.Event()
        self._value: _T | None = None
        self._error: BaseException | None = None

    def set(self, value: _T) -> None:
        self._value = value
        self._done.set()

    def fail(self, error: BaseException) -> None:
        self._error = error
        self._done.set()

    def get(self) -> _T | None:
        self._done.wait()
        if self._error is not None:
            raise self._error
        return self._value


def _read_some(response: urllib3.BaseHTTPResponse, seconds: float, limit: int) -> tuple[bytes, bool]:
    """Read at most `limit` bytes, for at most `seconds` (a server dripping a byte
    at a time must not hold a worker); True when that was the whole body. A body
    read to its end puts the connection back in the pool (keep-alive); closing a
    longer one drops the rest."""
    chunks: list[bytes] = []
    got = 0
    stop = time.monotonic() + seconds
    try:
        while got < limit and time.monotonic() < stop:
            chunk = response.read1(min(limit - got, 65536), decode_content=False)
            if not chunk:
                return b"".join(chunks), True
            chunks.append(chunk)
            got += len(chunk)
    except Exception:  # a body cut short says nothing about the status we already have
        pass
    return b"".join(chunks), False
