"""A one-line progress count on stderr, only for long runs on a terminal.

Quiet when stderr is not a TTY (CI logs, pipes, tests) and for short runs:
it appears once there are more than 50 targets or 2 s have passed."""

from __future__ import annotations

import sys
import threading
import time
from typing import TextIO

_MANY = 50
_SLOW = 2.0
_EVERY = 0.1  # seconds between redraws


class Progress:
    def __init__(self, total: int, enabled: bool = True, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.total, self.done = total, 0
        self.enabled = enabled and _isatty(self.stream)  # `total` may grow while checks run
        self.shown = False
        self._start = self._last = time.monotonic()
        self._lock = threading.Lock()

    def step(self) -> None:
        with self._lock:
            self.done += 1
            now = time.monotonic()
            if not self.enabled or (now - self._last < _EVERY and self.done < self.total) or self.done > self.total:
                return
            if self.total > _MANY or now - self._start > _SLOW:
                self._last = now
                self.shown = True
                self.stream.write(f"\rlinks: {self.done}/{self.total} checked, {now - self._start:.0f} s")
                self.stream.flush()

    def close(self) -> None:
        """Wipe the line, so the report starts on a clean one."""
        with self._lock:
            if self.shown:
                self.stream.write("\r\x1b[K")
                self.stream.flush()
                self.shown = False


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
