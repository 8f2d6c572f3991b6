"""Passwords written in link URLs (`http://reader:s3cret@host/feed`), and tokens
written as their user name (`https://ghp_...@github.com/...`): sent to their host
as Basic auth (transport.py), never shown. `masked` hides them in any
text a finding shows; `cache_form` keeps them out of the cache file, yet apart
(a link whose password changed is asked again)."""

from __future__ import annotations

import hashlib
import re

# scheme://user:password@ ; the password runs to the last `@` before the path, as urlsplit reads it
_PASSWORD = re.compile(r"\b([a-z][a-z0-9+.-]*://[^/?#@\s:]*):([^/?#\s]*)@", re.IGNORECASE)
# scheme://TOKEN@ : a user name alone that is a token (`https://ghp_...@github.com/...`): 20 characters
# or more of a token's alphabet; a person's user name (`git@`, `reader@`) is shown
_TOKEN = re.compile(r"\b([a-z][a-z0-9+.-]*://)([A-Za-z0-9_.~-]{20,})@", re.IGNORECASE)


def masked(text: str) -> str:
    """`text` with the password of every URL in it, or a token used as its user name, shown as `***`."""
    if "@" not in text:
        return text
    return _TOKEN.sub(r"\1***@", _PASSWORD.sub(r"\1:***@", text))


def cache_form(url: str) -> str:
    """`url` with its password (or a token used as its user name) replaced by a digest of it."""
    if "@" not in url:
        return url
    url = _PASSWORD.sub(lambda m: f"{m[1]}:{_digest(m[2])}@", url)
    return _TOKEN.sub(lambda m: f"{m[1]}{_digest(m[2])}@", url)


def _digest(secret: str) -> str:
    return f"sha256-{hashlib.sha256(secret.encode()).hexdigest()[:16]}"
