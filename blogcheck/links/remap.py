"""`remap`: rewrite URLs before any request ("REGEX REPLACEMENT" rules).

Used to check a site against a local mirror, a staging host, or (in tests) a
loopback server standing in for youtube.com. Every request goes through here,
provider API calls and redirect targets included. The first matching rule wins;
the replacement uses Python's `re` syntax (`\\1`, `\\g<name>`). Each search and
substitution is cut off after `regexes.TIMEOUT` (a usage error, not a hang)."""

from __future__ import annotations

import functools

from blogcheck import regexes


def parse_rule(rule: str) -> tuple[str, str]:
    """"REGEX REPLACEMENT" -> (regex, replacement); ValueError when malformed."""
    parts = rule.split()
    if len(parts) != 2:
        raise ValueError(f"{rule!r} must be \"REGEX REPLACEMENT\" (two words; write a space in the regex as \\s)")
    pattern, replacement = parts
    try:
        regexes.check_replacement(regexes.compile(pattern), replacement)
    except ValueError as exc:
        raise ValueError(f"{rule!r}: {exc or type(exc).__name__}") from None
    return pattern, replacement


@functools.lru_cache(maxsize=16)
def _compiled(rules: tuple[tuple[str, str], ...]) -> tuple[tuple[regexes.Pattern[str], str], ...]:
    return tuple((regexes.compile(pattern), replacement) for pattern, replacement in rules)


def remap(url: str, rules: tuple[tuple[str, str], ...]) -> str:
    """The URL after the first rule whose regex matches it (unchanged when none does)."""
    for pattern, replacement in _compiled(rules):
        if regexes.search(pattern, url, "the `remap` pattern"):
            return regexes.sub(pattern, replacement, url, "the `remap` pattern")
    return url
