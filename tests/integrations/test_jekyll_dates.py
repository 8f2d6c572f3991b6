"""blogcheck's reading of `date:` values and post file names against Jekyll's own:
dates_oracle.rb runs Jekyll's front-matter loader and `Utils.parse_date` (Ruby's
Time.parse) on each value, in three time zones. Where blogcheck claims a moment it
must be Jekyll's; where it claims an error Jekyll must stop; where it cannot tell
(a warning, BC125) it claims nothing, and those are exactly the forms listed here."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from blogcheck.jekyll import dates
from blogcheck.parse.frontmatter import parse

ORACLE = Path(__file__).with_name("dates_oracle.rb")
ZONES = ["UTC", "America/New_York", "Asia/Seoul"]
VALUES = [
    # the forms Jekyll documents, with and without quotes, zones and seconds
    "2024-01-06 02:00:00", '"2024-01-06 02:00:00"', "2024-01-06 02:00:00 +0900", '"2024-01-06 02:00:00 -0800"',
    "2024-01-06", '"2024-01-06"', "2024-1-6 2:00:00", "2024-01-06T02:00:00Z", "2024-01-06 02:00:00.5",
    '"2024-01-06 02:00"', '"2024-01-06T23:30:00+09:00"', '"2024-01-06 10:00:00 +09"', '"2024-01-06 10:00:00 +09:30"',
    '"2024-01-06 10:00:00 +09:00:00"', '"2024-01-06 10:00:00+0900"', '"2024-01-06t10:00:00"',
    # zone names: Ruby knows UTC, GMT and the US ones, and ignores the rest
    '"2024-01-06 22:00:00 UTC"', '"2024-01-06 22:00:00 gmt"', '"2024-01-06 22:00:00 EST"', '"2024-01-06 22:00 PDT"',
    '"2024-01-06 22:00:00 KST"', '"2024-01-06 22:00:00 CEST"',
    # a zone after a date without a time: ignored, or (`+08:00`) read as the time 08:00, the sign dropped
    "2024-01-10 +0800", "2024-01-10 +08:00", "2024-01-10 -08:00", "2024-01-10 UTC", "2024-01-10 -0800",
    "2024-01-10 +08:00:30", "2024-01-10 EST", "2024-01-10 KST", "2024-1-10 +08:00", '"2024-01-10 +25:00"',
    '"2024-01-10 +08:61"',
    # days and hours past their end roll over; beyond, Jekyll stops
    '"2024-02-30"', '"2023-02-29 10:00:00"', '"2024-04-31 23:00"', '"2024-01-06 24:00"', '"2024-01-06 23:59:60"',
    '"2024-02-32"', '"2024-13-01"', '"2024-00-05"', '"2024-01-00"', '"2024-01-06 24:30"', '"2024-01-06 23:60"',
    '"2024-01-06 10:00:00 +2400"', '"2024-01-10 24:30 EST"', '"2024-01-10 23:60 +0530"', '"2024-01-10 23:60 +0000"',
    # two-digit and three-digit years
    '"24-1-5"', '"69-1-5"', '"68-12-31"', '"124-1-5"',
    # no date at all
    "tbd", '""', "yesterday", "true",
    # RFC 2822, as feeds write it
    '"Sat, 06 Jan 2024 02:00:00 +0000"',
    # forms Time.parse guesses at: blogcheck cannot tell (BC125)
    "2023-01-29 18:30:22 2023 -0800", '"2024-01-06 10:00:00 +0000 junk"', "March 8, 2024", '"2024/01/09 10:00"',
    "20240107", '"2024-01-06 10am"', '"2024-01-06 1:02:03 pm"', '"1/2/2024"', '"2024-01-06 10:00:00 +9"',
    '"2024-01-06 10:00:00 UTC+9"', "12:00", '"2024.01.06"',
    # the year 0, which Ruby has and Python's calendar has not (a crash once): blogcheck cannot tell
    "0000-01-01", '"000-1-1 10:00"',
    # digits of other scripts, which Python's \\d takes and Ruby's does not
    '"\uff12\uff10\uff12\uff14-01-05"', '"2024-01-\u0660\u0665"',
]
UNCLEAR = {
    "2023-01-29 18:30:22 2023 -0800", '"2024-01-06 10:00:00 +0000 junk"', "March 8, 2024", '"2024/01/09 10:00"',
    "20240107", '"2024-01-06 10am"', '"2024-01-06 1:02:03 pm"', '"1/2/2024"', '"2024-01-06 10:00:00 +9"',
    "12:00", '"2024.01.06"', "0000-01-01", '"000-1-1 10:00"', '"\uff12\uff10\uff12\uff14-01-05"',
    '"2024-01-\u0660\u0665"',
    # a time out of range with a zone: Ruby applies the offset first, and reads some (an audit)
    '"2024-01-10 24:30 EST"', '"2024-01-10 23:60 +0530"', '"2024-01-10 23:60 +0000"',
}


def _wall(moment: dt.datetime) -> str:
    return f"{moment.year:04d}-{moment:%m-%d %H:%M:%S}"  # strftime's %Y drops a small year's zeros


def _jekyll(zone: str) -> list[str]:
    assert shutil.which("ruby") and shutil.which("jekyll"), ".ci/run installs jekyll"
    text = "\0".join(f"date: {value}\n" for value in VALUES)
    done = subprocess.run(["ruby", str(ORACLE), zone], input=text, capture_output=True, text=True, timeout=120,
                          check=True)
    return done.stdout.splitlines()


@pytest.mark.parametrize("zone", ZONES)
def test_dates_read_as_jekyll_reads_them(zone: str) -> None:
    answers = _jekyll(zone)
    assert len(answers) == len(VALUES)
    unclear, wrong = set(), []
    for value, answer in zip(VALUES, answers, strict=True):
        reading = dates.read_date(parse(f"date: {value}\n").data["date"])
        if reading.moment is None and not reading.certain:
            unclear.add(value)
            continue
        ours = "error" if reading.moment is None else f"ok {_wall(dates.in_zone(reading.moment, ZoneInfo(zone)))}"
        if ours != answer:
            wrong.append(f"date: {value} -> blogcheck {ours}, Jekyll {answer}")
    assert not wrong, "\n".join(wrong)
    assert unclear == UNCLEAR


@pytest.mark.parametrize("zone", ZONES[:2])
def test_file_name_dates_read_as_jekyll_reads_them(zone: str) -> None:
    """Jekyll reads a post file name's date with the same parse_date (Document#modify_date)."""
    names = ["2024-3-6-a.md", "2024-02-30-a.md", "2023-02-31-a.md", "24-1-5-a.md", "99-12-31-a.md",
             "2024-13-01-a.md", "2024-01-32-a.md", "2024-00-01-a.md"]
    text = "\0".join(f'date: "{dates.POST_NAME.match(n)[1]}"\n' for n in names)  # type: ignore[index]
    done = subprocess.run(["ruby", str(ORACLE), zone], input=text, capture_output=True, text=True, timeout=120,
                          check=True)
    for name, answer in zip(names, done.stdout.splitlines(), strict=True):
        day = dates.filename_date(name)
        assert (f"ok {day} 00:00:00" if day else "error") == answer, name


def test_a_day_that_rolls_over_and_an_ignored_zone_are_told() -> None:
    assert "Jekyll reads it as 2024-03-01" in dates.read_date("2024-02-30").note
    assert "ignores the time zone `KST`" in dates.read_date("2024-01-06 22:00:00 KST").note
    assert dates.read_date(dt.datetime(2024, 1, 6, 2)).utc
    assert dates.read_date("2024-01-06 02:00:00 +0900").note == ""
