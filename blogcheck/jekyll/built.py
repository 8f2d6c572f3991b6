"""Whether Jekyll builds a post it reads: not one with `published: false` (unless
`_config.yml` sets `unpublished: true`), nor one dated after the build (unless it
sets `future: true`), Jekyll's Publisher. Such a post has no page, and
`{% post_url %}` of it stops the build: "Could not find post"."""

from __future__ import annotations

import datetime as dt
from typing import Any

from blogcheck.jekyll.dates import in_zone, post_moment


def left_out(data: dict[str, Any], name: str, config: dict[str, Any], zone: dt.tzinfo,
             now: dt.datetime | None = None) -> str:
    """Why Jekyll leaves the post (front matter `data`, file name `name`) out of
    the build, or "" when it builds it."""
    if unpublished(data) and config.get("unpublished") is not True:
        said = "`published: false`" if data["published"] is False else "`published:` with no value (false to Ruby)"
        return f"it has {said}, and Jekyll builds it only with `unpublished: true`"
    moment = post_moment(data, name)
    ahead = dated_ahead(moment, config, zone, now) if moment is not None else None
    if ahead is None:
        return ""
    return f"it is dated {ahead}, in the future, and Jekyll leaves it out until then (or with `future: true`)"


def unpublished(data: dict[str, Any]) -> bool:
    """`published: false`, or `published:` with no value: Ruby's nil is false too
    (Jekyll's Publisher asks `data.fetch("published", true)`; `0` and `""` are true)."""
    return "published" in data and (data["published"] is False or data["published"] is None)


def dated_ahead(moment: dt.datetime, config: dict[str, Any], zone: dt.tzinfo,
                now: dt.datetime | None = None) -> str | None:
    """`moment` (naive: in the site's time zone) as the site shows it, when Jekyll
    leaves a post of that date out of a build now (no `future: true`); else None."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=zone)
    future = config.get("future")  # any value but false and nil is true to Ruby: `future: "true"` too
    if (future is not None and future is not False) or aware <= (now or dt.datetime.now(dt.timezone.utc)):
        return None
    return in_zone(aware, zone).strftime("%Y-%m-%d %H:%M")
