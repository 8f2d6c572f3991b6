"""Workers never pile up on a busy host, and checks start while targets still arrive."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

from remote_server import Farm
from remote_support import quick

from blogcheck.links.model import Status, Target
from blogcheck.links.remote import check_targets
from blogcheck.links.schedule import Scheduler


def test_a_worker_only_takes_a_job_whose_host_has_room() -> None:
    scheduler: Scheduler[int] = Scheduler(per_host=2)
    for i in range(12):
        scheduler.add("slow" if i % 3 else "fast", i)
    scheduler.close()
    running: dict[str, int] = {"slow": 0, "fast": 0}
    peak = dict(running)
    lock = threading.Lock()

    def work() -> None:
        while (taken := scheduler.take()) is not None:
            host, _ = taken
            with lock:
                running[host] += 1
                peak[host] = max(peak[host], running[host])
            time.sleep(0.05)
            with lock:
                running[host] -= 1
            scheduler.done(host)

    workers = [threading.Thread(target=work) for _ in range(6)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=10)
    assert peak == {"slow": 2, "fast": 2}
    assert scheduler.take() is None


def test_a_slow_host_does_not_hold_up_a_fast_one() -> None:
    with Farm(latency=0.3) as slow, Farm() as fast:
        urls = [u for i in range(10) for u in (slow.url(f"/ok/{i}"), fast.url(f"/ok/{i}"))]
        found = check_targets([Target(u) for u in urls], quick(max_concurrency=4, max_per_host=2))
        assert {v.status for v in found.values()} == {Status.OK}
        first = min(e.start for e in slow.hits() + fast.hits())
        assert max(e.end for e in fast.hits()) - first < 0.5  # not behind the slow host's 1.5 s
        assert max(e.end for e in slow.hits()) - first >= 1.4


def test_checks_start_while_targets_still_arrive(farm: Farm) -> None:
    yielded: list[float] = []

    def slowly() -> Iterator[Target]:
        for i in range(5):
            yielded.append(time.monotonic())
            yield Target(farm.url(f"/ok/{i}"))
            time.sleep(0.1)

    found = check_targets(slowly(), quick())
    assert len(found) == 5
    assert min(e.start for e in farm.hits()) < yielded[-1]  # the first request went out before the last target
