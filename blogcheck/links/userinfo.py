"""Passwords written in link URLs (`http://reader:s3cret@host/feed`): sent to
their host as Basic auth (transport.py), never shown. `masked` hides them in any
text a finding shows; `cache_form` keeps them out of the cache file, yet apart
(a link whose password changed is asked again)."""

from __future__ import annotations

import hashlib
import re

# scheme://user:password@ ; the password runs to the last `@` before the path, as urlsplit reads it
_PASSWORD = re.compile(r"\b([a-z][a-z0-9+.-]*://[^/?#@\s:]*):([^/?#\s]*)@", re.IGNORECASE)


def masked(text: str) -> str:
    """`text` with the password of every URL in it shown as `***`."""
    return _PASSWORD.sub(r"\1:***@", text) if "@" in text else text


def cache_form(url: str) -> str:
    """`url` with its password replaced by a digest of it."""
    if "@" not in url:
        return url
    return _PASSWORD.sub(lambda m: f"{m[1]}:sha256-{hashlib.sha256(m[2].encode()).hexdigest()[:16]}@", url)
