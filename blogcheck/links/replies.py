"""What one request came to: a `Reply`, what went wrong in words the verdicts
use, and how long the server asked us to wait.

requests wraps urllib3, which wraps the socket error: the cause is found by
walking the chain, so a refused connection reads "refused", not "ConnectionError"."""

from __future__ import annotations

import time
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

_PHRASES = {"dns": "no such host", "dns-temporary": "DNS lookup failed", "excluded": "not requested",
            "invalid": "invalid URL"}


@dataclass(frozen=True)
class Reply:
    """What one request (after its retries) came to. `status` 0 = no answer, then
    `failure` is "timeout", "reset", "refused", "tls", "dns" (no such host),
    "dns-temporary", "invalid", "excluded" or "error", and `detail` says more."""

    method: str
    url: str  # as requested, after remap
    status: int = 0
    content_type: str = ""
    location: str = ""
    retry_after: float | None = None
    failure: str = ""
    detail: str = ""
    body_bytes: int = 0
    tries: tuple[str, ...] = ()  # earlier attempts: "GET 429 (waited 1 s)"

    @property
    def label(self) -> str:
        """What was seen, e.g. "HEAD 405 then GET 429 (waited 1 s) then GET 200"."""
        now = _PHRASES.get(self.failure) or f"{self.method} {self.status or self.failure}"
        return " then ".join((*self.tries, now))


def retry_after_seconds(value: str | None) -> float | None:
    """Seconds from a Retry-After header: "120" or an HTTP date."""
    if not value:
        return None
    text = value.strip()
    if text.isascii() and text.isdigit():  # "²".isdigit() is True too
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _causes(exc: BaseException) -> list[BaseException]:
    """The exception and everything it wraps (requests -> urllib3 -> socket)."""
    found: list[BaseException] = []
    todo: list[object] = [exc]
    while todo:
        item = todo.pop()
        if not isinstance(item, BaseException) or item in found:
            continue
        found.append(item)
        todo += [item.__cause__, item.__context__, getattr(item, "reason", None), *item.args[:1]]
    return found


def failure(exc: BaseException) -> str:
    """"tls", "timeout", "refused", "invalid", "reset" or "error"."""
    import ssl

    from urllib3 import exceptions

    # NewConnectionError subclasses ConnectTimeoutError (urllib3's history): its cause says what it is
    causes = [c for c in _causes(exc) if not isinstance(c, exceptions.NewConnectionError)]
    kinds: list[tuple[type[BaseException] | tuple[type[BaseException], ...], str]] = [
        ((ssl.SSLError, ssl.CertificateError, exceptions.SSLError), "tls"),
        ((TimeoutError, exceptions.TimeoutError), "timeout"),
        (ConnectionRefusedError, "refused"),
        ((exceptions.LocationValueError, ValueError), "invalid"),
        ((ConnectionError, exceptions.ProtocolError), "reset"),
    ]
    for types, name in kinds:
        if any(isinstance(c, types) for c in causes):
            return name
    if any(type(c).__name__ in ("ProtocolError", "RemoteDisconnected", "IncompleteRead") for c in causes):
        return "reset"
    return "error"


def detail(exc: BaseException) -> str:
    """The socket-level cause when there is one ("ConnectionRefusedError: [Errno 111] ...")."""
    causes = _causes(exc)
    inner = next((c for c in causes if type(c).__module__ == "builtins" and isinstance(c, OSError)), causes[0])
    return f"{type(inner).__name__}: {inner}"[:300]
