"""Plain YAML scalars as Jekyll's YAML reader (Psych 4's ScalarScanner) types them, not as YAML 1.1.

PyYAML follows the YAML 1.1 resolver; Psych has its own rules, measured with Ruby 3.1:
`yEs`, `oFF` and `nULL` are true, false and nil (any case); `1,000` and `3,14` are integers,
`-.5` a float; `12:30` is 45000 (hours and minutes), not 750; `2024-1-1` is a Date and
`2024-01-10 10:00:00 +0100` a Time; `1__0`, `1.0_0` and `1:2:3:4` are text."""

from __future__ import annotations

import datetime as dt
import re

STR, NULL, BOOL = "tag:yaml.org,2002:str", "tag:yaml.org,2002:null", "tag:yaml.org,2002:bool"
INT, FLOAT, TIME = "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:timestamp"
MERGE = "tag:yaml.org,2002:merge"

# Ruby's `\d` and `\s` are ASCII, `[[:alpha:]]` any letter; `^` starts any line
_WORDY = re.compile(r"^[^0-9.:-]?(?:[^\W\d_]|[_ \t\r\n\f\v!@#$%^&*(){}<>|/\\~;=])", re.M)
_TIME = re.compile(r"-?\d{4}-\d{1,2}-\d{1,2}(?:[Tt]|\s+)(\d{1,2}):(\d\d):(\d\d)(?:\.(\d*))?"
                   r"(?:\s*(Z|[-+]\d{1,2}:?(?:\d\d)?))?", re.ASCII)
_DATE = re.compile(r"\d{4}-(?:1[012]|0\d|\d)-(?:[12]\d|3[01]|0\d|\d)", re.ASCII)
_SPECIAL_FLOAT = re.compile(r"[-+]?\.inf|\.nan", re.I)
_BASE60_INT = re.compile(r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9]){1,2}")
_BASE60_FLOAT = re.compile(r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9]){1,2}\.[0-9_]*")
_FLOAT = re.compile(r"[-+]?(?:[0-9][0-9_,]*)?\.[0-9]*(?:[eE][-+][0-9]+)?")
_INT = re.compile(r"[-+]?0b[0-1_,]+|[-+]?0[0-7_,]+|[-+]?(?:0|[1-9](?:[0-9]|,[0-9]|_[0-9])*)|[-+]?0x[0-9a-fA-F_,]+")
_RUBY_INTEGER = re.compile(r"[-+]?\d+(?:_\d+)*", re.ASCII)
_RUBY_NUMBER = re.compile(r"[-+]?\d+(?:_\d+)*(?:\.\d+(?:_\d+)*)?", re.ASCII)
_WEIGHTS = (3600, 60, 1)  # Psych's 60 ** (e - 2).abs: `12:30` is hours and minutes, `12:30:45` seconds too
_MOST_DIGITS = 4000  # past Python's int() limit (4,300): Ruby's Bignum, read as infinity


def tag(text: str) -> str:
    """The YAML tag Psych gives the plain scalar `text` (`<<` stays a merge key, as in PyYAML)."""
    if text == "<<":
        return MERGE
    if not text:
        return NULL
    if _WORDY.search(text) or "\n" in text:
        return _word(text)
    if _TIME.fullmatch(text) or _DATE.fullmatch(text):
        return TIME
    if _SPECIAL_FLOAT.fullmatch(text) or _BASE60_FLOAT.fullmatch(text):
        return FLOAT
    if text.startswith(":") and len(text) > 1:
        return STR  # a Symbol to Psych: BC108 reports it
    if _BASE60_INT.fullmatch(text):
        return INT
    if _FLOAT.fullmatch(text):
        return STR if text.lstrip("+-") == "." else FLOAT
    return INT if _INT.fullmatch(text) else STR


def value(text: str) -> object:
    """What Psych makes of the plain scalar `text` (a Symbol stays text: BC108's)."""
    kind = tag(text)
    if kind == NULL:
        return None
    if kind == BOOL:
        return text.lower() in ("yes", "true", "on")
    if kind == INT:
        return integer(text)
    if kind == FLOAT:
        return real(text)
    return moment(text) if kind == TIME else text


def _word(text: str) -> str:
    """Text that starts like a word: null or a boolean in any case, when short."""
    lowered = text.lower()
    if len(text) > 5 or lowered[:1] not in tuple("ytonf~"):
        return STR
    if lowered in ("~", "null"):
        return NULL
    return BOOL if lowered in ("yes", "true", "on", "no", "false", "off") else STR


def integer(text: str) -> int | float:
    """The integer Psych reads from a plain scalar tagged INT (ValueError where Ruby's
    Integer() raises too: `0b,`); one of more digits than Python converts is infinity."""
    if len(text) > _MOST_DIGITS:
        return float("-inf") if text.startswith("-") else float("inf")
    if _BASE60_INT.fullmatch(text):
        parts = [int(_leading(_RUBY_INTEGER, part)) for part in text.split(":")]
        return sum(part * weight for part, weight in zip(parts, _WEIGHTS, strict=False))
    digits = text.replace(",", "").replace("_", "")
    sign, body = (-1, digits[1:]) if digits[:1] == "-" else (1, digits.lstrip("+"))
    base = {"0b": 2, "0x": 16}.get(body[:2].lower(), 8 if body[:1] == "0" and len(body) > 1 else 10)
    return sign * int(body[2:] if base in (2, 16) else body, base)


def real(text: str) -> float:
    """The float Psych reads from a plain scalar tagged FLOAT (ValueError where Ruby's Float() raises: `.e+1`)."""
    lowered = text.lower()
    if lowered in (".nan",):
        return float("nan")
    if lowered.endswith(".inf"):
        return float("-inf") if lowered.startswith("-") else float("inf")
    if _BASE60_FLOAT.fullmatch(text):
        parts = [float(_leading(_RUBY_NUMBER, part)) for part in text.split(":")]
        return sum(part * weight for part, weight in zip(parts, _WEIGHTS, strict=False))
    return float(re.sub(r"[,_]|\.([Ee]|$)", r"\1", text))


def _leading(number: re.Pattern[str], part: str) -> str:
    """The number at the start of `part`, as Ruby's String#to_i and #to_f read it (`1__0` is 1)."""
    found = number.match(part)
    return found[0].replace("_", "") if found else "0"


def moment(text: str) -> dt.date | dt.datetime | str:
    """The Date or Time Psych reads (Psych's parse_time: a zone `+0100`, `+1`, `Z`); naive
    without a zone, as PyYAML gives it. Text where Python has no such day or time (Ruby
    rolls `02-30` over, or refuses it): the date rules read the text as Jekyll does."""
    try:
        if _DATE.fullmatch(text):
            return dt.date(*map(int, text.split("-")))
        found = _TIME.fullmatch(text)
        if found is None or text.startswith("-"):
            return text
        year, month, day = map(int, re.split(r"[-Tt\s]", text, maxsplit=3)[:3])
        fraction = int((found[4] or "0")[:6].ljust(6, "0"))
        when = dt.datetime(year, month, day, int(found[1]), int(found[2]), int(found[3]), fraction)
        return when if found[5] is None else when.replace(tzinfo=_zone(found[5]))
    except ValueError:
        return text


def _zone(written: str) -> dt.tzinfo:
    """Psych's reading of a zone: `Z`, or hours of one or two digits then minutes, the colon optional."""
    if written == "Z":
        return dt.timezone.utc
    found = re.fullmatch(r"([+-]?\d{1,2}):?(\d{1,2})?", written)
    if found is None:
        raise ValueError(written)
    hours, minutes = int(found[1]), int(found[2] or 0)  # `-00:30` is +00:30 to Psych: its sign is the hours'
    return dt.timezone(dt.timedelta(hours=hours, minutes=-minutes if hours < 0 else minutes))
