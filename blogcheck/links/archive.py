"""Archived copies of broken links, from the Wayback Machine (`suggest_archive`).

With `[links] suggest_archive = true` (or `--suggest-archive`), each distinct
URL found broken is looked up once in the Wayback Machine's availability API,
`https://archive.org/wayback/available?url=<URL>&timestamp=<YYYYMMDD>`, dated
by the earliest post that writes it: the copy closest to when the author read
the page. A copy the archive took from a 200 answer is named in the finding.
No copy adds nothing; a lookup that fails (no answer, not JSON, a copy on
another host) adds nothing either, and is counted for the run's notes. The API
request is remapped like any other (the tests send it to a loopback server);
answers, copy or none, are kept in the link cache for `cache_ttl`."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from blogcheck.links.cache import Cache, default_path
from blogcheck.links.http import Client
from blogcheck.links.remap import remap
from blogcheck.links.settings import LinkSettings

API = "https://archive.org/wayback/available?"
ARCHIVE_HOST = "web.archive.org"
_BODY = 65536  # the answer is a few hundred bytes


@dataclass(frozen=True)
class Snapshot:
    url: str  # https://web.archive.org/web/<14-digit timestamp>/<the URL>
    taken: str  # "2019-03-04", or "" when the archive gave no readable date


NO_COPY = Snapshot("", "")  # the archive answered: it has no copy


@dataclass(frozen=True)
class Found:
    copies: dict[str, Snapshot]  # URL -> its closest copy (URLs with none are left out)
    failed: int  # lookups the archive did not answer usably
    why: str = ""  # what went wrong with one of them: "no such host: archive.org", "GET 503"


def api_url(url: str, day: str) -> str:
    """The availability API's URL for `url`, closest to `day` ("YYYYMMDD", or "": the newest copy)."""
    return API + urlencode({"url": url, **({"timestamp": day} if day else {})})


def lookup(wanted: dict[str, str], settings: LinkSettings) -> Found:
    """The closest archived copy of each URL of `wanted` (URL -> "YYYYMMDD" or "")."""
    asks = {url: api_url(url, day) for url, day in wanted.items()}
    keys = {url: "archive " + remap(ask, settings.remap) for url, ask in asks.items()}
    cache = None if settings.no_cache else Cache.open(Path(settings.cache or default_path()), settings.cache_ttl)
    known = cache.archived(keys.values()) if cache else {}
    todo = [url for url in asks if keys[url] not in known]
    client = Client(settings)
    try:
        with ThreadPoolExecutor(max_workers=max(1, min(len(todo), settings.max_per_host))) as pool:
            answers = dict(zip(todo, pool.map(lambda url: _ask(client, asks[url]), todo), strict=True))
    finally:
        client.close()
    if cache is not None:
        cache.put_archived({keys[url]: (copy.url, copy.taken) for url, copy in answers.items()
                            if isinstance(copy, Snapshot)})
        cache.close()
    copies = {url: Snapshot(*known[key]) for url, key in keys.items() if key in known}
    copies.update((url, copy) for url, copy in answers.items() if isinstance(copy, Snapshot))
    failures = sorted(why for why in answers.values() if isinstance(why, str))
    return Found({url: copy for url, copy in copies.items() if copy != NO_COPY}, len(failures),
                 failures[0] if failures else "")


def _ask(client: Client, url: str) -> Snapshot | str:
    """The copy (NO_COPY when the archive has none), or why the archive could not say."""
    reply = client.request("GET", url, "application/json", keep=_BODY)
    if reply.status == 200 and not reply.whole:
        return f"an answer longer than {_BODY // 1024} KB"
    if reply.status != 200:
        return reply.detail or reply.label
    return read_answer(reply.body) or "an answer that is not the availability API's"


def read_answer(body: bytes) -> Snapshot | None:
    """The closest copy in an availability API answer (NO_COPY for none), None
    for an answer that is not one. Never raises."""
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    snapshots = data.get("archived_snapshots") if isinstance(data, dict) else None
    if not isinstance(snapshots, dict):
        return None
    closest = snapshots.get("closest")
    if closest is None:
        return NO_COPY
    if not isinstance(closest, dict):
        return None
    if closest.get("available") is not True or str(closest.get("status", "")) != "200":
        return NO_COPY  # the archive's copy is of an error page, or not shown
    address = _copy_address(closest.get("url"))
    if address is None:
        return None
    stamp = closest.get("timestamp")
    taken = f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:8]}" if isinstance(stamp, str) and stamp[:8].isdigit() else ""
    return Snapshot(address, taken)


def _copy_address(value: object) -> str | None:
    """The copy's address over https, if it is one on the Wayback Machine (an answer
    naming another host, or with spaces or control characters, is not used)."""
    if not isinstance(value, str) or not value.isprintable() or any(c.isspace() for c in value):
        return None
    try:
        parts = urlsplit(value)
        host, port = parts.hostname, parts.port
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or host != ARCHIVE_HOST or port not in (None, 80, 443):
        return None
    rest = value[value.index(parts.netloc) + len(parts.netloc):]
    return f"https://{ARCHIVE_HOST}{rest}" if rest.startswith("/web/") else None
