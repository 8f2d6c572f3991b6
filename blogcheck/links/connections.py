"""The connections under transport.py, reading answers as browsers and curl do
where http.client does not.

- Interim answers: http.client skips only `100 Continue`; a `103 Early Hints`
  (sent before the real answer by CDNs) was taken for the answer, and the real
  one was then read by the next request on that connection. Every 1xx but `101`
  is skipped here (at most `_MOST_INTERIM`), and a connection that ends on a 1xx
  is never used again.
- One deadline for the status line and headers: a socket timeout holds per read,
  so a server sending a header a byte a second held a check for minutes. Each
  read gets only what is left of `timeout` (one `settimeout` per read: no thread).
- Headers cut by the end of the connection (no blank line after them) are no
  answer: http.client took them for complete."""

from __future__ import annotations

import http.client
import io
import socket
import time
from typing import Any

import urllib3
import urllib3.connection
import urllib3.poolmanager

_MOST_INTERIM = 16  # interim answers skipped before the answer is called malformed


class _Paced(io.RawIOBase):
    """A socket's reads, each allowed only what is left of one deadline until `lift()`."""

    def __init__(self, sock: socket.socket, seconds: float) -> None:
        super().__init__()
        self._raw = sock.makefile("rb", buffering=0)  # holds the socket open while the answer is read
        self._sock = sock
        self._seconds = seconds
        self.deadline: float | None = time.monotonic() + seconds
        self.ended = False  # the connection ended before `lift()`

    def readable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._sock.fileno()

    def readinto(self, buffer: Any) -> int | None:
        if self.deadline is not None:
            left = self.deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("timed out")  # what a socket timeout raises: urllib3 makes it ReadTimeoutError
            self._sock.settimeout(left)
        count = self._raw.readinto(buffer)
        if count == 0 and self.deadline is not None:
            self.ended = True
        return count

    def lift(self) -> None:
        """The headers are in: the body's reads get the socket's timeout again (http.py bounds the body)."""
        if self.deadline is not None:
            self.deadline = None
            self._sock.settimeout(self._seconds)

    def close(self) -> None:
        self._raw.close()
        super().close()


class _Response(http.client.HTTPResponse):
    """http.client's answer, with interim answers skipped and a deadline on the headers."""

    def __init__(self, sock: Any, debuglevel: int = 0, method: str | None = None, url: str | None = None) -> None:
        super().__init__(sock, debuglevel, method, url)
        seconds = sock.gettimeout() if isinstance(sock, socket.socket) else None
        self._paced: _Paced | None = None
        if seconds:  # always set by urllib3; a socket without a timeout keeps http.client's reader
            self.fp.close()
            self._paced = _Paced(sock, seconds)
            self.fp = io.BufferedReader(self._paced)

    def _read_status(self) -> tuple[str, int, str]:  # http.client's name
        for _ in range(_MOST_INTERIM):
            version, status, reason = super()._read_status()  # type: ignore[misc]  # not in typeshed
            if status == 101 or not 100 <= status < 200:
                return version, status, reason
            http.client.parse_headers(self.fp)  # an interim answer's headers (Early Hints' Link) say nothing here
        raise http.client.HTTPException(f"more than {_MOST_INTERIM} interim (1xx) answers")

    def begin(self) -> None:
        super().begin()
        if self._paced is not None:
            if self._paced.ended:
                raise http.client.HTTPException("the connection ended before the headers did (no blank line)")
            self._paced.lift()
        if 100 <= self.status < 200:  # a 101 final answer: what follows on the connection is no HTTP of ours
            self.will_close = True


class _HTTPConnection(urllib3.connection.HTTPConnection):
    response_class = _Response


class _HTTPSConnection(urllib3.connection.HTTPSConnection):
    response_class = _Response


class _HTTPPool(urllib3.HTTPConnectionPool):
    ConnectionCls = _HTTPConnection


class _HTTPSPool(urllib3.HTTPSConnectionPool):
    ConnectionCls = _HTTPSConnection


POOLS: dict[str, type[urllib3.HTTPConnectionPool]] = {"http": _HTTPPool, "https": _HTTPSPool}


def install(manager: urllib3.PoolManager) -> None:
    """Make `manager` open these connections, unless it has pools of its own (SOCKS)."""
    if manager.pool_classes_by_scheme is urllib3.poolmanager.pool_classes_by_scheme:
        manager.pool_classes_by_scheme = POOLS
