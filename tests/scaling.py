"""Hostile input must take linear time: measured as growth, not in seconds. The same
work at a size and at four times that size may take about four times the CPU time
(twice that is allowed, for noise); a quadratic pass takes sixteen times. CPU time of
this process, the best of two runs: other work on the machine does not count."""

from __future__ import annotations

import time
from collections.abc import Callable

FACTOR = 4


def cpu_seconds(work: Callable[[], object], runs: int = 2) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return best


def assert_linear(work_at: Callable[[int], Callable[[], object]], size: int, name: object = "") -> None:
    """`work_at(n)` is the work for size n; `size` should make it take tens of milliseconds."""
    small, large = cpu_seconds(work_at(size)), cpu_seconds(work_at(size * FACTOR))
    assert large <= 2 * FACTOR * max(small, 0.005), f"{name}: {small:.3f} s at {size}, {large:.3f} s at {size * FACTOR}"
