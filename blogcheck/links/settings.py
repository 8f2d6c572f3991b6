"""`[links]` settings for the remote checker: defaults, the config table, then
the flags (`--remap`, `--cache`, `--no-cache`, `--offline`) layered on top."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from blogcheck import __version__
from blogcheck.config import Config, ConfigError
from blogcheck.links.host_rules import RANGES as HOST_RANGES
from blogcheck.links.host_rules import HostRule, rule_for
from blogcheck.links.host_rules import parse as parse_hosts

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


@dataclass(frozen=True)
class LinkSettings:
    timeout: float = 10.0  # seconds, to connect and between bytes
    # lychee's defaults (0.24: --max-concurrency 128, --host-concurrency 10), the peer most careful of hosts
    max_concurrency: int = 128  # requests in flight in all
    max_per_host: int = 10  # requests in flight to one host:port
    # seconds at least between the starts of two requests to one host:port (lychee: 0.05); 0: none
    request_interval: float = 0.0
    hosts: tuple[HostRule, ...] = ()  # `[links.hosts."NAME"]`: the two above for some hosts (host_rules.py)
    retries: int = 2  # per request, on 429, 5xx, resets, refusals (timeouts: at most 1)
    max_retry_wait: float = 30.0  # a longer Retry-After is not waited for: the link is unverified
    max_redirects: int = 10
    remap: tuple[tuple[str, str], ...] = ()  # (regex, replacement), first match wins
    exclude: tuple[str, ...] = ()  # regexes searched in the URL (without #fragment)
    exclude_private: bool = False  # 10/8, 172.16/12, 192.168/16, fc00::/7
    exclude_loopback: bool = False  # 127/8, ::1 (off by default: tests and local previews use it)
    exclude_link_local: bool = True  # 169.254/16, fe80::/10 and cloud metadata addresses
    cache: str = ""  # "" = the user's cache folder
    no_cache: bool = False
    cache_ttl: float = 3 * 86400.0  # seconds an ok verdict is trusted
    max_stale: float = 30 * 86400.0  # an older ok stands in when the host refuses the run (hosts.py); 0: never
    accept: tuple[int, ...] = tuple(range(200, 300))  # statuses that mean ok
    user_agent: str = f"blogcheck/{__version__} (link checker)"
    offline: bool = False
    remote_anchors: bool = True  # a #fragment of a remote page must name an element there (BC209)
    suggest_archive: bool = False  # name the Wayback Machine's copy of a broken link (archive.py)
    github_api: bool = True  # ask GitHub's API about github.com links github.com refused (github_api.py)
    github_token: str = field(default="", repr=False)  # from the environment only, never from a file

    def for_host(self, key: str) -> tuple[int, float]:
        """(requests in flight at most, seconds between their starts) for host:port `key`."""
        rule = rule_for(self.hosts, key) if self.hosts else None
        if rule is None:
            return self.max_per_host, self.request_interval
        most = self.max_per_host if rule.max_per_host is None else rule.max_per_host
        return most, self.request_interval if rule.request_interval is None else rule.request_interval

    @classmethod
    def from_config(cls, config: Config) -> LinkSettings:
        """The `[links]` table (plus the top-level `offline`) as settings; a bad
        value raises ConfigError naming the key."""
        table = dict(config.section("links"))
        values: dict[str, Any] = {"offline": config.offline}
        known = {f.name for f in fields(cls)} - {"github_token"}  # the environment's only (config.py)
        for key, value in table.items():
            if key not in known:
                raise ConfigError(f"[links]: unknown key `{key}`")
            try:
                values[key] = _convert(key, value, config.source)
            except (ValueError, TypeError, re.error, OverflowError, RecursionError) as exc:  # a regex too big
                raise ConfigError(f"[links]: `{key}`: {exc or type(exc).__name__}") from None
        if values.get("github_api", True):
            values["github_token"] = token_from(os.environ)
        return cls(**values)


TOKEN_VARIABLES = ("GITHUB_TOKEN", "GH_TOKEN")  # GitHub's API token (github_api.py), read here: no import of it


def token_from(environ: Mapping[str, str]) -> str:
    """The first token set in the environment, "" for none."""
    return next((value.strip() for name in TOKEN_VARIABLES if (value := environ.get(name, "")).strip()), "")


def _convert(key: str, value: Any, source: str) -> Any:
    if key == "remap":
        from blogcheck.links.remap import parse_rule

        return tuple(parse_rule(rule) for rule in value)
    if key == "exclude":
        from blogcheck.regexes import compile as compile_pattern

        return tuple(compile_pattern(pattern).pattern for pattern in value)
    if key == "hosts":
        return parse_hosts(value)
    if key in ("cache_ttl", "max_stale"):
        return duration(value)
    if key == "accept":
        return accepted(value)
    if key == "cache":
        return _cache_path(value, source)
    if key in _RANGES:
        low, high = _RANGES[key]
        if not low <= value <= high:
            raise ValueError(f"must be between {low} and {high}, not {value!r}")
        return float(value) if isinstance(low, float) else value
    if key == "user_agent" and not value.strip():
        raise ValueError("must not be empty")
    if key == "user_agent" and (value != value.strip() or not value.isprintable()):
        # a header value: a line break or a control character would make every request fail
        raise ValueError(f"must be one line of printable text, not {value!r}")
    return value


_RANGES: dict[str, tuple[float, float]] = {
    "timeout": (0.1, 600.0), "max_concurrency": (1, 1024), "retries": (0, 10),
    "max_retry_wait": (0.0, 3600.0), "max_redirects": (0, 50),
    **HOST_RANGES,  # max_per_host and request_interval: the same bounds in a [links.hosts] table
}


def duration(value: Any) -> float:
    """Seconds from a number of seconds or a string like "90s", "30m", "12h", "3d", "1w"."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0:
        return float(value)
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhdw]?)\s*", value) if isinstance(value, str) else None
    if not match:
        raise ValueError(f"must be seconds or a duration like \"3d\", \"12h\", \"30m\", not {value!r}")
    return float(match[1]) * _UNITS[match[2] or "s"]


def accepted(value: Any) -> tuple[int, ...]:
    """Every 2xx, and the statuses of a list of codes and ranges: [403, "300-399"] (".."
    also works). The list adds to 2xx: `accept = [403]` means "403 too", never "not 200"."""
    if not isinstance(value, list):
        raise ValueError(f"must be a list of status codes or \"200-299\" ranges, not {value!r}")
    codes: set[int] = set(range(200, 300))
    for item in value:
        match = re.fullmatch(r"\s*(\d{3})\s*(?:(?:-|\.\.=?)\s*(\d{3})\s*)?", item) if isinstance(item, str) else None
        if isinstance(item, int) and not isinstance(item, bool) and 100 <= item <= 999:
            codes.add(item)
        elif match and int(match[1]) <= int(match[2] or match[1]):
            codes.update(range(int(match[1]), int(match[2] or match[1]) + 1))
        else:
            raise ValueError(f"{item!r} is not a status code (100-999) or a range like \"200-299\"")
    return tuple(sorted(codes))


def _cache_path(value: str, source: str) -> str:
    """A relative `cache` path in a config file is relative to that file."""
    if not value:
        return ""
    path = Path(value).expanduser()
    if not path.is_absolute() and source:
        path = Path(source).resolve().parent / path
    return str(path)
