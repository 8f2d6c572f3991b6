"""Politeness per host: the `[links.hosts."NAME"]` tables (lychee's `hosts` option).

    [links.hosts."github.com"]
    max_per_host = 4          # requests in flight to it at once
    request_interval = 0.5    # seconds at least between the starts of two requests to it

NAME is a host name (any port), `host:port`, or `*.example.com` (its subdomains, not
example.com itself); case does not matter. The most specific one that names a
request's host wins: `host:port`, then the host name, then the longest `*.` suffix.
It applies to the host a request goes to, after `remap`."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

_HOST = re.compile(r"[a-z0-9_.:-]+")  # a name, an IPv4 or (without its brackets) an IPv6 address
RANGES: dict[str, tuple[float, float]] = {"max_per_host": (1, 1024), "request_interval": (0.0, 60.0)}


@dataclass(frozen=True)
class HostRule:
    host: str  # lower case, a `*.` suffix or a host name
    port: int | None = None  # None: any port
    max_per_host: int | None = None  # None: [links] max_per_host
    request_interval: float | None = None  # None: [links] request_interval


def parse(table: Any) -> tuple[HostRule, ...]:
    """The rules of a `hosts` table; ValueError naming the host and key for a bad one."""
    if not isinstance(table, dict):
        raise ValueError(f"must be a table of host names, not {table!r}")
    rules = []
    for name, values in table.items():
        host, port = _name(name)
        if not isinstance(values, dict):
            raise ValueError(f"{name!r}: must be a table (max_per_host, request_interval), not {values!r}")
        unknown = sorted(set(values) - set(RANGES))
        if unknown:
            raise ValueError(f"{name!r}: unknown key `{unknown[0]}` (known: {', '.join(RANGES)})")
        limits = {key: _number(name, key, value) for key, value in values.items()}
        most, interval = limits.get("max_per_host"), limits.get("request_interval")
        rules.append(HostRule(host, port, None if most is None else int(most),
                              None if interval is None else float(interval)))
    return tuple(rules)


def _name(name: str) -> tuple[str, int | None]:
    text = name.strip().lower()
    wild = text.startswith("*.")
    try:
        parts = urlsplit("//" + (text[2:] if wild else text))
        host, port = parts.hostname or "", parts.port
    except ValueError:
        host, port = "", None
    if not _HOST.fullmatch(host) or any(c in text for c in "/@?#") or (wild and port is not None):
        raise ValueError(f"{name!r} is not a host name, `host:port` or `*.domain`")
    return ("*." + host if wild else host), port


def _number(name: str, key: str, value: Any) -> int | float:
    low, high = RANGES[key]
    integer = isinstance(low, int)
    valid = isinstance(value, int if integer else (int, float)) and not isinstance(value, bool)
    if not valid or not math.isfinite(value) or not low <= value <= high:
        kind = "an integer" if integer else "seconds"
        raise ValueError(f"{name!r}: `{key}` must be {kind} from {low} to {high}, not {value!r}")
    return value if integer else float(value)


def rule_for(rules: tuple[HostRule, ...], key: str) -> HostRule | None:
    """The rule for `host:port` `key` (dedupe.host_key's form), or None."""
    host, _, port_text = key.rpartition(":")
    port = int(port_text) if port_text.isdigit() else None
    best: HostRule | None = None
    rank: tuple[int, int] = (0, 0)
    for rule in rules:
        if rule.host.startswith("*."):
            found = (1, len(rule.host)) if host.endswith(rule.host[1:]) else (0, 0)
        elif rule.host == host:
            found = (3, 0) if rule.port is not None and rule.port == port else (2, 0) if rule.port is None else (0, 0)
        else:
            found = (0, 0)
        if found > rank:
            best, rank = rule, found
    return best
