"""The http(s) URLs written bare in a text, found as linkify-it finds them for a
Markdown preview (GitHub's autolinks): `see https://youtu.be/x.` gives the URL
without its full stop, a URL in parentheses without the closing one."""

from __future__ import annotations

import functools
from typing import Any


def urls(text: str) -> list[tuple[int, str]]:
    """(offset, URL as written) of each http or https URL in `text`."""
    if "://" not in text:
        return []
    return [(match.index, match.raw) for match in _linkify().match(text) or []
            if match.schema.lower() in ("http:", "https:")]


@functools.lru_cache(maxsize=1)
def _linkify() -> Any:
    from linkify_it import LinkifyIt  # type: ignore[import-untyped]  # no stubs, no py.typed

    return LinkifyIt(options={"fuzzy_link": False, "fuzzy_email": False, "fuzzy_ip": False})
