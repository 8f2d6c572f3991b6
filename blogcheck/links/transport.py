"""The connections under http.py: urllib3 pools (one per host, kept alive),
the user's proxy and CA settings, and the cookies a site sets on the way.

urllib3 directly, not requests: the checker needs none of requests' extras,
which cost about as much CPU as the request itself (0.42 ms against 0.22 ms
per request, measured): with 64 requests in flight that CPU (and the GIL)
was what held the answers back. What requests did for us is kept:
- proxies from the environment (`http_proxy`, `https_proxy`, `all_proxy`,
  `no_proxy`), as requests read them;
- the CA bundle from `REQUESTS_CA_BUNDLE` or `CURL_CA_BUNDLE`, else certifi's;
- cookies: a site that redirects to itself to set one sees it on the way back;
- `Accept-Encoding: gzip, deflate`, as requests sends (bodies are not decoded).
urllib3 and urllib.request are imported with this module (it loads only when
remote links are checked), not by the first request: that import raced the
post parser for the GIL and held the first request back by about 0.1 s."""

from __future__ import annotations

import os
import threading
import urllib.request
from http.cookiejar import CookieJar
from typing import Any
from urllib.parse import urlsplit

import urllib3

_HOST_POOLS = 256  # hosts whose idle connections are kept (least recently used dropped)


class Transport:
    """Thread-safe: urllib3's pools are, and the cookie jar locks itself."""

    def __init__(self, per_host: int) -> None:
        self._per_host = per_host
        self._proxies = {k: v for k, v in urllib.request.getproxies().items() if k in ("http", "https", "all")}
        self._managers: dict[str, urllib3.PoolManager] = {}
        self._lock = threading.Lock()
        self._jar: CookieJar | None = None

    def send(self, method: str, url: str, headers: dict[str, str], timeout: float) -> urllib3.BaseHTTPResponse:
        """One request, no redirect followed, no retry; the body is left to read
        (raw: not decoded). Raises urllib3's errors, or ValueError for a bad URL."""
        headers = {**headers, "Accept-Encoding": "gzip, deflate"}
        if self._jar is not None and len(self._jar):
            headers.update(self._cookies(url))
        response = self._manager(url).urlopen(method, url, headers=headers, preload_content=False,
                                              decode_content=False, redirect=False, retries=False,
                                              timeout=urllib3.Timeout(connect=timeout, read=timeout))
        if "Set-Cookie" in response.headers:
            self._keep_cookies(url, response)
        return response

    def _manager(self, url: str) -> urllib3.PoolManager:
        proxy = self._proxy(url)
        with self._lock:
            if proxy not in self._managers:
                self._managers[proxy] = _manager(proxy, self._per_host)
            return self._managers[proxy]

    def _proxy(self, url: str) -> str:
        """The proxy URL for `url`, "" to go direct."""
        if not self._proxies:
            return ""
        parts = urlsplit(url)
        if urllib.request.proxy_bypass(parts.hostname or ""):
            return ""
        return self._proxies.get(parts.scheme) or self._proxies.get("all") or ""

    def _cookies(self, url: str) -> dict[str, str]:
        assert self._jar is not None
        request = urllib.request.Request(url)
        self._jar.add_cookie_header(request)
        cookie = request.get_header("Cookie")
        return {"Cookie": cookie} if cookie else {}

    def _keep_cookies(self, url: str, response: urllib3.BaseHTTPResponse) -> None:
        with self._lock:
            if self._jar is None:
                self._jar = CookieJar()
        self._jar.extract_cookies(_Info(response), urllib.request.Request(url))  # type: ignore[arg-type]

    def close(self) -> None:
        with self._lock:
            for manager in self._managers.values():
                manager.clear()
            self._managers.clear()


class _Info:
    """The face of a response that http.cookiejar reads (`info().get_all`)."""

    def __init__(self, response: urllib3.BaseHTTPResponse) -> None:
        self._headers = response.headers

    def info(self) -> _Info:
        return self

    def get_all(self, name: str, default: list[str]) -> list[str]:
        return self._headers.getlist(name) or default


def _manager(proxy: str, per_host: int) -> urllib3.PoolManager:
    ca = os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE") or _certifi()
    tls = {"ca_cert_dir": ca} if os.path.isdir(ca) else {"ca_certs": ca}
    options: dict[str, Any] = {"num_pools": _HOST_POOLS, "maxsize": per_host, "block": False,
                               "cert_reqs": "CERT_REQUIRED", **tls}
    if not proxy:
        return urllib3.PoolManager(**options)
    if proxy.lower().startswith("socks"):
        return _socks(proxy, options)
    return urllib3.ProxyManager(proxy if "://" in proxy else f"http://{proxy}", **options)


def _socks(proxy: str, options: dict[str, Any]) -> urllib3.PoolManager:
    """A SOCKS proxy needs PySocks, as with requests; without it each link is
    unverified, saying so (not broken: the link may well work)."""
    import importlib.util

    from urllib3.exceptions import ProxyError

    if importlib.util.find_spec("socks") is None:
        missing = ModuleNotFoundError("No module named 'socks'")
        raise ProxyError(f"the proxy {proxy} is SOCKS, which needs PySocks (pip install pysocks)", missing)
    from urllib3.contrib.socks import SOCKSProxyManager

    return SOCKSProxyManager(proxy, **options)


def _certifi() -> str:
    import certifi

    return str(certifi.where())
