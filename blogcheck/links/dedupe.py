"""One request per distinct URL: the normal form two spellings of a URL share.

Scheme and host are case-insensitive, the default port is implied, and the
#fragment never reaches the server, so `HTTP://Example.com:80/a#x` and
`http://example.com/a` are one request. Path and query are kept as written:
servers may treat them case-sensitively."""

from __future__ import annotations

import functools
from urllib.parse import urlsplit, urlunsplit

_DEFAULT_PORTS = {"http": 80, "https": 443}


@functools.lru_cache(maxsize=8192)
def normalise(url: str) -> str:
    """The URL's normal form; ValueError when it is not a usable http(s) URL.
    Cached: a URL is normalised when it is judged, planned, and requested."""
    text = url.strip()
    if text.startswith("//"):
        text = "https:" + text  # protocol-relative: browsers use https on an https site
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS:
        raise ValueError(f"not an http(s) URL: {url!r}")
    host = parts.hostname or ""
    if not host or any(c.isspace() for c in host):
        raise ValueError(f"no host name in {url!r}")
    port = parts.port  # ValueError for a port that is not a number or out of range
    host = _ascii_host(host)
    netloc = f"[{host}]" if ":" in host else host
    if port is not None and port != _DEFAULT_PORTS[scheme]:
        netloc = f"{netloc}:{port}"
    if parts.username is not None:
        userinfo = parts.netloc.rpartition("@")[0]
        netloc = f"{userinfo}@{netloc}"
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))


def _ascii_host(host: str) -> str:
    """Lower case, and an international name as its punycode form (what DNS sees):
    IDNA 2008 with UTS 46 mapping, as browsers and requests encode it (`straße.de` is
    `xn--strae-oqa.de`; Python's own codec, IDNA 2003, made it `strasse.de`, another
    domain). A name IDNA 2008 refuses (`i❤.ws`) falls back to IDNA 2003."""
    import idna  # requests' own dependency, loaded only for a non-ASCII host

    host = host.lower().rstrip(".")
    if host.isascii():
        return host
    try:
        return idna.encode(host, uts46=True).decode("ascii")
    except idna.IDNAError:
        pass
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        raise ValueError(f"invalid host name {host!r}") from None


def host_label(key: str) -> str:
    """A `host_key` as a person writes it: the port only when it is not the default."""
    host, _, port = key.rpartition(":")
    return host if port in ("80", "443") else key


def host_key(url: str) -> str:
    """`host:port` of a normalised URL: the unit of per-host limits."""
    parts = urlsplit(url)
    return f"{parts.hostname}:{parts.port or _DEFAULT_PORTS.get(parts.scheme, 0)}"
