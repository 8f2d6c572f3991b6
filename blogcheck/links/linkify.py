"""The http(s) URLs written bare in a text, found as linkify-it finds them for a
Markdown preview (GitHub's autolinks): `see https://youtu.be/x.` gives the URL
without its full stop, a URL in parentheses without the closing one."""

from __future__ import annotations

import functools
import re
from typing import Any

_CHUNK = re.compile(r"\S+")


_LONGEST = 2048  # longer runs of non-space are data, not a URL to write; linkify-it is quadratic in them


def urls(text: str) -> list[tuple[int, str]]:
    """(offset, URL as written) of each http or https URL in `text`. A URL holds no
    space, so each run of non-space is read alone (in linear time over the text)."""
    if "://" not in text:
        return []
    found = []
    for chunk in _CHUNK.finditer(text):
        if "://" in chunk[0] and len(chunk[0]) <= _LONGEST:
            found += [(chunk.start() + match.index, match.raw) for match in _linkify().match(chunk[0]) or []
                      if match.schema.lower() in ("http:", "https:")]
    return found


@functools.lru_cache(maxsize=1)
def _linkify() -> Any:
    from linkify_it import LinkifyIt  # type: ignore[import-untyped]  # no stubs, no py.typed

    return LinkifyIt(options={"fuzzy_link": False, "fuzzy_email": False, "fuzzy_ip": False})
