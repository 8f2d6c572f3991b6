"""Read dates the way Jekyll does: from YAML values, strings and post file names.

Jekyll turns every `date:` into a string and reads it with Ruby's `Time.parse` in the
site's time zone; the date of a post file name goes the same way. `Time.parse` guesses
at almost anything (`2024-01-06 10:00:00 +0000 junk` is 2026-06-06), so blogcheck reads
only the forms whose reading is certain, measured against Ruby
(tests/integrations/test_jekyll_dates.py), and says so when it cannot tell."""

from __future__ import annotations

import calendar
import datetime as dt
import email.utils
import functools
import re
from dataclasses import dataclass
from typing import Any

# Jekyll's Document::DATE_FILENAME_MATCHER: `YYYY-M-D-slug.ext`, padding optional.
# Ruby's \d and \s are ASCII: a name in full-width digits (U+FF10...) is no dated name to Jekyll
POST_NAME = re.compile(r"^(\d{2,4}-\d{1,2}-\d{1,2})-([^/]*)(\.[^.]+)$", re.ASCII)

_DATE = re.compile(
    r"""^\s*(?P<y>\d{2,4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})
    (?:(?:[Tt]|\s+)(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.(?P<f>\d+))?)?)?
    \s*(?P<z>[+-]\d{2}(?::?\d{2}(?::?\d{2})?)?|[A-Za-z][A-Za-z+\-0-9]*)?\s*$""",
    re.VERBOSE | re.ASCII,
)
# Ruby's Time::ZoneOffset: the only zone names Time.parse knows (any case); others are ignored.
_NAMED = {"utc": 0, "z": 0, "ut": 0, "gmt": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7,
          "mdt": -6, "pst": -8, "pdt": -7}
ISO_HINT = "write it as `YYYY-MM-DD HH:MM:SS +/-TTTT`, e.g. `2024-03-06 09:30:00 +0000`"


@dataclass(frozen=True)
class Reading:
    """What Jekyll makes of a date. `moment` None and `certain`: Jekyll stops the build
    ("Invalid date"); `moment` None and not `certain`: blogcheck cannot tell. `note`: a
    surprise in how Jekyll reads it (a day that rolls over, a zone it ignores, UTC)."""

    moment: dt.datetime | None
    certain: bool = True
    note: str = ""
    utc: bool = False  # a YAML timestamp without a zone, which Ruby reads as UTC (not in the site's zone)


def read_date(value: object) -> Reading:
    """Jekyll's reading of a `date:` value as YAML gives it (naive results are in the
    site's time zone)."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            return Reading(value)
        # Ruby's YAML reads a timestamp without a zone as UTC; a quoted one is a string, read locally
        return Reading(value.replace(tzinfo=dt.timezone.utc), utc=True)
    if isinstance(value, dt.date):
        return Reading(dt.datetime(value.year, value.month, value.day))
    if isinstance(value, bool) or value is None:
        return Reading(None)
    return read_text(value if isinstance(value, str) else str(value))


@functools.lru_cache(maxsize=4096)  # a run reads each post's file name and date two or three times
def read_text(text: str) -> Reading:
    if not any(c.isdigit() for c in text):
        return Reading(None)  # `tbd`, `yesterday`, ``: "no time information"
    match = _DATE.match(text)
    if match is None:
        moment = _rfc2822(text)
        return Reading(moment) if moment is not None else Reading(None, certain=False)
    return _from_match(match)


def _from_match(m: re.Match[str]) -> Reading:
    year, month, day = _year(m["y"]), int(m["m"]), int(m["d"])
    hour, minute, second = int(m["H"] or 0), int(m["M"] or 0), int(m["S"] or 0)
    if not (1 <= month <= 12 and 1 <= day <= 31 and minute < 60 and second <= 60) or \
            hour > 24 or (hour == 24 and (minute or second)):
        if 1 <= month <= 12 and 1 <= day <= 31 and m["H"] is not None and m["z"] is not None:
            return Reading(None, certain=False)  # Ruby applies a zone's offset before it checks the time:
            # `24:30 EST` and `23:60 +0530` are read, `23:60 +0000` stops the build (Time.apply_offset)
        return Reading(None)
    if year < dt.MINYEAR:
        return Reading(None, certain=False, note="the year 0 is one Ruby has and blogcheck's calendar has not")
    notes = []
    last = calendar.monthrange(year, month)[1]
    start = dt.datetime(year, month, min(day, last), 0, 0, 0, int((m["f"] or "0")[:6].ljust(6, "0")))
    # Ruby's Time.local takes a day up to 31 in any month, an hour 24 and a second 60, and rolls them over
    try:
        moment = start + dt.timedelta(days=day - min(day, last), hours=hour, minutes=minute, seconds=second)
    except OverflowError:
        return Reading(None, certain=False)
    if day > last:
        notes.append(f"{year:04d}-{month:02d}-{day:02d} is no day: Jekyll reads it as "
                     f"{start.date() + dt.timedelta(days=day - last)}")
    if hour == 24:
        notes.append(f"24:00 is the next day's midnight to Jekyll, {moment.date()}")
    zone = m["z"]
    if zone is None:
        return Reading(moment, note="; ".join(notes))
    if m["H"] is None:
        return _zone_without_time(moment, zone, notes)
    if zone.lower() in ("am", "pm") or (len(zone) == 1 and zone.lower() != "z"):
        return Reading(None, certain=False)  # `10:00 pm`, a military zone letter: Ruby reads them its own way
    offset = _offset(zone)
    if offset is None:  # Time.parse ignores a zone name it does not know: the time is the site's
        notes.append(f"Jekyll ignores the time zone `{zone}` (Ruby knows only UTC, GMT and US zone names) and "
                     "reads the time in the site's time zone; write the offset, e.g. `+0900`")
        return Reading(moment, note="; ".join(notes))
    if abs(offset) >= dt.timedelta(hours=24):
        return Reading(None)
    return Reading(moment.replace(tzinfo=dt.timezone(offset)), note="; ".join(notes))


def _zone_without_time(midnight: dt.datetime, zone: str, notes: list[str]) -> Reading:
    """A date with a zone and no time (`2024-01-10 +0800`), as Ruby's Time.parse reads it
    (checked with Ruby 3.1): a zone name or an offset without a colon is ignored (midnight
    in the site's zone); `+08:00` is read as the time 08:00 there, the sign dropped."""
    if zone[0] not in "+-" or ":" not in zone:
        notes.append(f"Jekyll ignores the time zone `{zone}` of a date without a time: the post is dated midnight in "
                     "the site's time zone; give the time too, e.g. `00:00:00 " + (zone if zone[0] in "+-" else
                                                                                     "+0000") + "`")
        return Reading(midnight, note="; ".join(notes))
    parts = zone[1:].split(":")
    if len(parts[0]) != 2 or any(len(part) != 2 for part in parts):
        return Reading(None, certain=False)  # `+0800:30`: Ruby reads some such, refuses others
    hour, minute, second = (int(part) for part in [*parts, "00"][:3])
    if hour > 23 or minute > 59 or second > 59:
        return Reading(None)  # "hour out of range": the build stops
    notes.append(f"Jekyll reads `{zone}` after a date without a time as the time {hour:02d}:{minute:02d}, in the "
                 "site's time zone, not as an offset; write the time and the offset, e.g. `00:00:00 "
                 f"{zone[0]}{parts[0]}{parts[1]}`")
    return Reading(midnight + dt.timedelta(hours=hour, minutes=minute, seconds=second), note="; ".join(notes))


def _year(digits: str) -> int:
    """Ruby's reading of a year: two digits are 1969-2068, three or four as written."""
    year = int(digits)
    if len(digits) == 2:
        return year + (1900 if year >= 69 else 2000)
    return year


def _offset(zone: str) -> dt.timedelta | None:
    if zone.lower() in _NAMED:
        return dt.timedelta(hours=_NAMED[zone.lower()])
    if zone[0] not in "+-":
        return None
    digits = zone[1:].replace(":", "")
    sign = -1 if zone[0] == "-" else 1
    return sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0), seconds=int(digits[4:6] or 0))


def _rfc2822(value: str) -> dt.datetime | None:
    try:
        return email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def parse_date(value: object) -> dt.datetime | None:
    """The moment Jekyll reads from a `date:` value; None when it stops the build or
    blogcheck cannot tell. Naive results are in the site's time zone."""
    return read_date(value).moment


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


def name_reading(name: str) -> Reading | None:
    """Jekyll's reading of a post file name's date; None when the name has none."""
    match = POST_NAME.match(name)
    return read_text(match[1]) if match else None


def filename_date(name: str) -> dt.date | None:
    """The date Jekyll reads from a post file name (a day past the month's end rolls
    over, a two-digit year is 1969-2068), or None when the name has no valid date."""
    reading = name_reading(name)
    return reading.moment.date() if reading is not None and reading.moment is not None else None
