"""What one request came to: a `Reply`, what went wrong in words the verdicts
use, and how long the server asked us to wait.

requests wraps urllib3, which wraps the socket error: the cause is found by
walking the chain, so a refused connection reads "refused", not "ConnectionError".
A server that answers, but not in HTTP (a garbled status line, more than 100
headers, a header line over 64 KB, two different Content-Lengths), is
"malformed": the server is there, but what a browser makes of its answer is
not known, so the link is unverified, never called broken or "reset"."""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timezone
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING
from urllib.parse import quote

if TYPE_CHECKING:
    from urllib3 import HTTPHeaderDict

_PHRASES = {"dns": "no such host", "dns-temporary": "DNS lookup failed", "excluded": "not requested",
            "invalid": "invalid URL", "closed": "not requested"}
_AFTER_METHOD = {"malformed": "malformed answer", "restarting": "refused"}
_PRINTABLE = "".join(map(chr, range(0x21, 0x7F)))  # ASCII kept as sent, `%` escapes included


@dataclass(frozen=True)
class Reply:
    """What one request (after its retries) came to. `status` 0 = no answer, then
    `failure` is "timeout", "reset", "refused", "restarting" (refused by a host that answered
    or timed out earlier in the run), "tls", "dns" (no such host), "dns-temporary", "invalid",
    "malformed", "excluded", "closed" (the host closed the run to us: not sent) or "error", and
    `detail` says more. `connected`: a connection was made (an answer, or a failure after it)."""

    method: str
    url: str  # as requested, after remap
    status: int = 0
    content_type: str = ""
    location: str = ""
    retry_after: float | None = None
    failure: str = ""
    detail: str = ""
    body_bytes: int = 0
    body: bytes = b""  # kept only when asked for (`keep`), up to that many bytes
    whole: bool = False  # the body was read to its end
    content_encoding: str = ""  # of a kept body: "" or "identity" unless the server compressed it anyway
    tries: tuple[str, ...] = ()  # earlier attempts: "GET 429 (waited 1 s)"
    connected: bool = False

    @property
    def label(self) -> str:
        """What was seen, e.g. "HEAD 405 then GET 429 (waited 1 s) then GET 200"."""
        what = self.status or _AFTER_METHOD.get(self.failure, self.failure)
        now = _PHRASES.get(self.failure) or f"{self.method} {what}"
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
    if when.tzinfo is None:  # asctime (`Sun Nov  6 08:49:37 1994`) names no zone: HTTP dates are GMT
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, when.timestamp() - time.time())


def answer_headers(headers: HTTPHeaderDict) -> tuple[dict[str, str], str]:
    """Location, Content-Type and Retry-After, each once, and why the answer is
    malformed ("" when it is not). A header sent twice with one value counts once
    (urllib3 joins them: `/ok, /ok` is no address); of different Content-Types the
    last counts, as browsers read them (Fetch's "extract a MIME type"); two different
    Locations name no one page to go to. (Content-Encoding is a list: `gzip` twice
    is gzip twice.)"""
    found: dict[str, str] = {}
    why = ""
    for name in ("Location", "Content-Type", "Retry-After"):
        values = list(dict.fromkeys(headers.getlist(name)))
        if name == "Location" and len(values) > 1:
            why = f"two different Location headers: {values[0]!r} and {values[1]!r}"[:300]
        found[name] = values[-1] if values else ""
    return found, why


def location_text(value: str) -> str:
    """A Location header as the URL a browser goes to. http.client reads header bytes
    as Latin-1, so a raw UTF-8 `/café` comes out as `/cafÃ©`: such bytes are read
    again as UTF-8 (requests then sends `/caf%C3%A9`, as browsers do). Bytes that are
    not UTF-8 are percent-encoded one by one (`/caf%E9`), as browsers do too."""
    if value.isascii():
        return value
    try:
        raw = value.encode("latin-1")
    except UnicodeEncodeError:  # not from the wire as Latin-1: leave it
        return value
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return quote(raw, safe=_PRINTABLE)


def _causes(exc: BaseException) -> list[BaseException]:
    """The exception and everything it wraps (requests -> urllib3 -> socket): its
    cause, its context unless suppressed (`raise X from None` after a failed
    int() must not make a garbled status line look like a ValueError), and the
    exceptions among its arguments (urllib3's ProtocolError holds its cause there)."""
    found: list[BaseException] = []
    todo: list[object] = [exc]
    while todo:
        item = todo.pop()
        if not isinstance(item, BaseException) or item in found:
            continue
        found.append(item)
        context = None if item.__suppress_context__ else item.__context__
        todo += [item.__cause__, context, getattr(item, "reason", None), *item.args]
    return found


def connected(exc: BaseException) -> bool:
    """The request failed after its connection was made (not while connecting)."""
    from urllib3.exceptions import ConnectTimeoutError  # NewConnectionError (refused, no such host) is one too

    return not any(isinstance(c, ConnectTimeoutError) for c in _causes(exc))


def failure(exc: BaseException) -> str:
    """"tls", "timeout", "refused", "malformed", "invalid", "reset" or "error"."""
    causes = _causes(exc)
    for name, test in _kinds():
        if any(test(c) for c in causes):
            return name
    return "error"


@functools.lru_cache(maxsize=1)
def _kinds() -> tuple[tuple[str, Callable[[BaseException], bool]], ...]:
    """Each failure with the test of one cause, the first that holds wins: a socket
    error beats the wrappers around it, a garbled answer beats the "Connection
    aborted." urllib3 wraps it in."""
    import http.client
    import ssl

    from requests import exceptions as req
    from urllib3 import exceptions as u3

    def kind(*types: type[BaseException], unless: tuple[type[BaseException], ...] = ()) -> Callable[
            [BaseException], bool]:
        return lambda c: isinstance(c, types) and not isinstance(c, unless)

    # NewConnectionError subclasses ConnectTimeoutError (urllib3's history): its cause says what it is
    return (("tls", kind(ssl.SSLError, ssl.CertificateError, u3.SSLError)),
            ("timeout", kind(TimeoutError, u3.TimeoutError, unless=(u3.NewConnectionError,))),
            ("refused", kind(ConnectionRefusedError)),
            ("malformed", kind(http.client.HTTPException, u3.InvalidHeader, u3.HeaderParsingError,
                               u3.ResponseNotChunked,
                               unless=(http.client.RemoteDisconnected, http.client.IncompleteRead,
                                       http.client.InvalidURL, http.client.ImproperConnectionState))),
            ("invalid", kind(u3.LocationValueError, http.client.InvalidURL, req.InvalidURL, req.MissingSchema,
                             req.InvalidSchema, req.URLRequired, UnicodeError)),
            ("reset", kind(ConnectionError, u3.ProtocolError, http.client.RemoteDisconnected,
                           http.client.IncompleteRead)))


def detail(exc: BaseException) -> str:
    """The socket-level cause when there is one ("ConnectionRefusedError: [Errno 111] ..."),
    else the HTTP parser's complaint ("BadStatusLine: ..."), else the error itself."""
    causes = _causes(exc)
    inner = next((c for c in causes if type(c).__module__ == "builtins" and isinstance(c, OSError)), None) or \
        next((c for c in causes if type(c).__module__ == "http.client"), causes[0])
    text = f"{type(inner).__name__}: {str(inner).strip()}"[:300]
    # the server's own bytes may be in it (a garbled status line): no control characters reach a terminal
    return "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in text)
