"""The regular expressions users write for links (`exclude`, `remap`, `--remap`),
run with a time limit.

Python's `re` has none: `^(a|aa)+$` against sixty `a`s and a `b` backtracks for
hours, so one careless pattern and one long URL would hang the run, in CI as in a
pre-commit hook. These patterns are compiled by the `regex` module instead (in its
VERSION0, which reads `re`'s syntax); its searches take a `timeout`. A pattern that
runs past it is a usage error (exit 2) that names the pattern and the text.

A JSON Schema's `pattern` is run by jsonschema, with `re`: `time_limit` bounds that
with a timer signal instead (`re` looks for signals as it backtracks)."""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType
from typing import TYPE_CHECKING

from blogcheck.config import ConfigError

if TYPE_CHECKING:  # regex itself (17 ms) loads when a pattern is compiled: most runs have none
    from regex import Pattern as Pattern

TIMEOUT = 1.0  # seconds for one search or substitution: a URL takes microseconds


class SlowPattern(ConfigError):
    """A user's pattern that ran past TIMEOUT on some text."""


def compile(pattern: str) -> Pattern[str]:
    """The pattern compiled; ValueError with the reason when it is malformed."""
    import regex

    try:
        return regex.compile(pattern, regex.VERSION0)
    except (regex.error, OverflowError, RecursionError, MemoryError) as exc:  # `a{99999999999}`
        raise ValueError(str(exc) or type(exc).__name__) from None


def check_replacement(compiled: Pattern[str], replacement: str) -> None:
    """ValueError when `replacement` names a group `compiled` lacks (`\\2`, `\\g<x>`) or
    is malformed: `regex` reads a replacement only once a match needs it, so it is
    tried here on a stand-in pattern with the same groups, which matches "" at once."""
    import regex

    names = {number: name for name, number in compiled.groupindex.items()}
    groups = "".join(f"(?P<{names[n]}>)" if n in names else "()" for n in range(1, compiled.groups + 1))
    try:
        regex.compile(groups, regex.VERSION0).match("").expand(replacement)  # type: ignore[union-attr]
    except (regex.error, IndexError) as exc:
        raise ValueError(f"the replacement {replacement!r}: {exc}") from None


def search(compiled: Pattern[str], text: str, what: str) -> bool:
    """Whether `compiled` is found in `text`; SlowPattern past TIMEOUT. `what` names
    the setting in the message (e.g. "the `exclude` pattern")."""
    try:
        return compiled.search(text, timeout=TIMEOUT) is not None
    except TimeoutError:
        raise _slow(compiled, text, what) from None


def sub(compiled: Pattern[str], replacement: str, text: str, what: str) -> str:
    """`text` with the first match of `compiled` replaced; SlowPattern past TIMEOUT."""
    try:
        return str(compiled.sub(replacement, text, count=1, timeout=TIMEOUT))
    except TimeoutError:
        raise _slow(compiled, text, what) from None


def _slow(compiled: Pattern[str], text: str, what: str) -> SlowPattern:
    shown = text if len(text) <= 200 else text[:200] + "..."
    return SlowPattern(f"{what} {compiled.pattern!r} took more than {TIMEOUT:g} s on {shown!r}: it backtracks "
                       "without end on such text (a repeat inside a repeat, like `(a|aa)+` or `(a+)+`); "
                       "rewrite it with one repeat, or an atomic group `(?>...)`")


class _Expired(BaseException):
    """The timer's signal: a BaseException, so that no `except Exception` in a library keeps it."""


@contextlib.contextmanager
def time_limit(seconds: float, message: str) -> Iterator[None]:
    """SlowPattern(message) when the body runs past `seconds`. In the main thread of a
    system with timer signals only (the posts' checks run there, forked workers' too);
    elsewhere the body runs without a limit."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(number: int, frame: FrameType | None) -> None:
        raise _Expired

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _Expired:
        raise SlowPattern(message) from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
