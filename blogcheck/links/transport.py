"""The connections under http.py: one requests Session for all threads.

requests, the project's HTTP library, keeps what a checker must get right and
should not hand-write: a pool of kept-alive connections per host, the user's
proxies from the environment (`http_proxy`, `https_proxy`, `all_proxy`,
`no_proxy`), the CA bundle of `REQUESTS_CA_BUNDLE` / `CURL_CA_BUNDLE` (else
certifi's), and the cookies a site sets on a redirect to itself.
`send` hands back the urllib3 response under requests' (`.raw`): the body is
streamed, never decoded, and read only as far as http.py wants.
requests (~0.1 s to import) loads with this module, which remote.py loads when
the first URL the cache does not know is queued, before any worker starts: in a
worker, the import raced the post parser for the GIL and held the first request
back by about 0.1 s; a run whose links are all cached never loads it."""

from __future__ import annotations

import os
import re
import threading
import urllib.request
from typing import TYPE_CHECKING, Any

import requests
import requests.cookies
from requests.adapters import HTTPAdapter

from blogcheck.links import connections

if TYPE_CHECKING:
    import urllib3

_HOST_POOLS = 256  # hosts whose idle connections are kept (least recently used dropped)
_STRAY_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


class _Session(requests.Session):
    def get_redirect_target(self, resp: requests.Response) -> None:
        """None: http.py follows redirects itself. requests' own reading of a Location
        (asked even with allow_redirects=False) raised UnicodeDecodeError on bytes
        that are not UTF-8, and the answer was lost."""
        return None


class _Jar(requests.cookies.RequestsCookieJar):
    """requests' cookie jar, minus the locked work of every request when there is
    nothing to do: an answer that sets no cookie (nearly all) adds none."""

    def holds_any(self) -> bool:
        """Read without the jar's lock: a cookie that another thread's answer is
        storing now is sent from the next request on, as if this one left first."""
        return bool(self._cookies)  # type: ignore[attr-defined]

    def extract_cookies(self, response: Any, request: Any) -> None:
        headers = response.info()
        if headers.get_all("Set-Cookie") or headers.get_all("Set-Cookie2"):
            super().extract_cookies(response, request)


class _Adapter(HTTPAdapter):
    """requests' adapter, with the connections of connections.py (1xx answers, a
    deadline on the headers): direct and through an HTTP proxy."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        connections.install(self.poolmanager)

    def proxy_manager_for(self, proxy: str, **kwargs: Any) -> Any:
        manager = super().proxy_manager_for(proxy, **kwargs)
        connections.install(manager)
        return manager


class Transport:
    """Thread-safe: requests' connection pools are, and its cookie jar locks itself."""

    def __init__(self, per_host: int) -> None:
        self._proxies = urllib.request.getproxies()
        self._session = _Session()
        self._jar = self._session.cookies = _Jar()
        adapter = _Adapter(pool_connections=_HOST_POOLS, pool_maxsize=per_host)
        self._session.mount("http://", adapter)
        self._session.mount("https://", adapter)
        # trust_env reads ~/.netrc and the proxy variables on every request: only when a proxy is set.
        self._session.trust_env = bool(self._proxies)
        self._session.verify = os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE") or True
        self._lock = threading.Lock()

    def send(self, method: str, url: str, headers: dict[str, str], timeout: float) -> urllib3.BaseHTTPResponse:
        """One request, no redirect followed, no retry; the body is left to read
        (raw: not decoded). Raises requests' or urllib3's errors (OSError), or
        ValueError for a bad URL."""
        if self._proxies:
            _no_socks_support(url)
        # prepare() step by step, without Session.request's merging of settings (a third of
        # each request's CPU, under the lock of the shared cookie jar): the session's headers
        # and cookies are all it would merge, since nothing else is set on it (the order is
        # prepare()'s: auth after the body)
        request = requests.PreparedRequest()
        request.prepare_method(method)
        request.prepare_url(_stray_percents_escaped(url), None)
        request.prepare_headers({**self._session.headers, **headers})
        if self._jar.holds_any():
            request.prepare_cookies(self._jar)
        request.prepare_body(None, None)
        if "@" in url:  # `http://user:password@host/`: sent as Basic auth, as requests and browsers do
            request.prepare_auth(None, url)
        response = self._session.send(request, stream=True, allow_redirects=False, timeout=(timeout, timeout))
        return response.raw

    def close(self) -> None:
        with self._lock:
            self._session.close()


def _stray_percents_escaped(url: str) -> str:
    """`url` with each `%` that starts no escape written `%25`, the valid escapes kept:
    `/Caf%C3%A9_100%` is sent as `/Caf%C3%A9_100%25`. Met with one stray `%`, requests
    and urllib3 quote every `%` of the path or query (`/Caf%25C3%25A9_100%25`), another
    URL. A browser sends the valid escapes as written and the `%` raw, which a server
    decodes as it decodes `%25`; requests cannot send a raw stray `%`."""
    if "%" not in url:
        return url
    scheme, sep, rest = url.partition("://")
    ends = [at for at in map(rest.find, "/?#") if at >= 0]
    authority = min(ends, default=len(rest))  # the host and user info are left to requests
    return scheme + sep + rest[:authority] + _STRAY_PERCENT.sub("%25", rest[authority:])


def _no_socks_support(url: str) -> None:
    """A SOCKS proxy needs PySocks; without it requests calls the URL invalid,
    which would report a working link broken. Raise a proxy error instead: the
    link is then unverified, with the reason."""
    import importlib.util

    from requests.utils import get_environ_proxies, select_proxy
    from urllib3.exceptions import ProxyError

    proxy = select_proxy(url, get_environ_proxies(url)) or ""
    if proxy.lower().startswith("socks") and importlib.util.find_spec("socks") is None:
        missing = ModuleNotFoundError("No module named 'socks'")
        raise ProxyError(f"the proxy {proxy} is SOCKS, which needs PySocks (pip install pysocks)", missing)
