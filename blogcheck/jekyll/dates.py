"""Read dates the way Jekyll does: from YAML values, strings and post file names."""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from typing import Any

# Jekyll's Document::DATE_FILENAME_MATCHER: `YYYY-M-D-slug.ext`, padding optional.
POST_NAME = re.compile(r"^(\d{2,4}-\d{1,2}-\d{1,2})-([^/]*)(\.[^.]+)$")

_DATE = re.compile(
    r"""^\s*(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})
    (?:(?:[Tt]|\s+)(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.(?P<f>\d+))?)?)?
    \s*(?P<z>Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?\s*$""",
    re.VERBOSE,
)


def parse_date(value: object) -> dt.datetime | None:
    """A datetime for a YAML date, datetime or date string, or None when Jekyll
    would fail with "Invalid date". Naive results are in the site's time zone."""
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    if not isinstance(value, str):
        return None
    match = _DATE.match(value)
    if match is None:
        return _rfc2822(value)
    try:
        return _from_match(match)
    except ValueError:
        return None


def _from_match(m: re.Match[str]) -> dt.datetime:
    micro = int((m["f"] or "0")[:6].ljust(6, "0"))
    moment = dt.datetime(
        int(m["y"]), int(m["m"]), int(m["d"]),
        int(m["H"] or 0), int(m["M"] or 0), int(m["S"] or 0), micro,
    )
    zone = m["z"]
    if zone is None:
        return moment
    if zone in ("Z", "UTC", "GMT"):
        return moment.replace(tzinfo=dt.timezone.utc)
    sign = -1 if zone[0] == "-" else 1
    digits = zone[1:].replace(":", "")
    offset = dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0))
    return moment.replace(tzinfo=dt.timezone(sign * offset))


def _rfc2822(value: str) -> dt.datetime | None:
    try:
        return email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None


def in_zone(moment: dt.datetime, zone: dt.tzinfo) -> dt.datetime:
    """The wall-clock time Jekyll uses for URLs: aware times are converted to the
    site zone; naive ones are already in it."""
    if moment.tzinfo is None:
        return moment
    try:
        return moment.astimezone(zone)
    except OverflowError:  # year 1 or 9999 pushed past the calendar: keep the time as written
        return moment.replace(tzinfo=None)


def post_moment(data: dict[str, Any], name: str) -> dt.datetime | None:
    """The moment Jekyll dates a post by: its `date:` when that is a date, else the
    date of its file name `name`; None when neither gives one."""
    value = data.get("date")
    moment = parse_date(value) if value is not None else None
    if moment is None and (match := POST_NAME.match(name)):
        moment = parse_date(match[1])
    return moment


def filename_date(name: str) -> dt.date | None:
    """The date of a post file name, or None when the name has no valid date."""
    match = POST_NAME.match(name)
    if match is None:
        return None
    year, month, day = (int(p) for p in match[1].split("-"))
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
