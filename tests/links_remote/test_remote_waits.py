"""A check asleep on a Retry-After lends its place out; the scheduler lets idle
workers go once the last job is out; the links check streams its targets."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from remote_server import Farm
from remote_support import quick

from blogcheck.checks import Context
from blogcheck.checks.links import check
from blogcheck.config import Config
from blogcheck.jekyll.site import load_site
from blogcheck.links.hosts import Hosts
from blogcheck.links.model import Status, Target
from blogcheck.links.remote import check_targets
from blogcheck.links.schedule import Scheduler
from blogcheck.post import Post, load


def test_a_url_waiting_for_retry_after_does_not_hold_up_its_host() -> None:
    with Farm(latency=0.05) as farm:
        limited = [farm.url(f"/ratelimit/r{i}") for i in range(3)]
        plain = [farm.url(f"/ok/{i}") for i in range(12)]
        # 2 requests and 3 checks at most per host: the three 429s would fill every place
        found = check_targets([Target(u) for u in limited + plain], quick(max_per_host=2))
        assert {v.status for v in found.values()} == {Status.OK}
        retries = [e for e in farm.hits("/ratelimit/") if e.status == 200]
        assert len(retries) == 3
        # every plain URL was answered while the limited ones waited their second
        assert max(e.end for e in farm.hits("/ok/")) < min(e.start for e in retries)
        assert farm.tracker.peak[f"127.0.0.1:{farm.port}"] <= 2


def test_waiting_checks_add_workers_but_the_request_limits_hold() -> None:
    with Farm(latency=0.05) as farm:
        # a 429 every fifth URL: never 4 in a row, so the host is not paused as a whole (hosts.py)
        urls = [farm.url(f"/ratelimit/r{i}" if i % 5 == 0 else f"/ok/{i}") for i in range(20)]
        start = time.monotonic()
        found = check_targets([Target(u) for u in urls], quick(max_concurrency=3, max_per_host=3))
        assert {v.status for v in found.values()} == {Status.OK}
        assert farm.tracker.peak_total <= 3
        retries = [e for e in farm.hits("/ratelimit/") if e.status == 200]
        assert len(retries) == 4
        assert max(e.end for e in farm.hits("/ok/")) < min(e.start for e in retries)
        assert time.monotonic() - start < 3.0  # the four waits overlap


def test_idle_workers_leave_once_the_last_job_is_out() -> None:
    scheduler: Scheduler[int] = Scheduler(per_host=1)
    for i in range(4):
        scheduler.add("one", i)
    left: list[int] = []

    def work() -> None:
        while (taken := scheduler.take()) is not None:
            time.sleep(0.02)
            scheduler.done(taken[0])
        left.append(1)

    workers = [threading.Thread(target=work, daemon=True) for _ in range(5)]
    for worker in workers:
        worker.start()
    time.sleep(0.01)  # four workers wait for the one place
    scheduler.close()
    for worker in workers:
        worker.join(timeout=5)
    assert len(left) == 5 and not any(w.is_alive() for w in workers)


class _Handed(list[Post]):
    """The posts, noting when the check reads each one."""

    def __init__(self, posts: list[Post]) -> None:
        super().__init__(posts)
        self.times: list[float] = []

    def __iter__(self) -> Iterator[Post]:
        for post in super().__iter__():
            self.times.append(time.monotonic())
            yield post


def test_the_links_check_requests_while_later_posts_are_read(tmp_path: Path) -> None:
    (tmp_path / "_config.yml").write_text("title: t\n")
    folder = tmp_path / "_posts"
    folder.mkdir()
    with Farm() as farm:
        paths = []
        for day in range(1, 31):
            path = folder / f"2024-01-{day:02d}-p{day}.md"
            body = "\n\n".join(f"Paragraph {i} with *some* text and [a link]({farm.url(f'/ok/{day}-{i}')})."
                               for i in range(20))
            path.write_text(f"---\ntitle: Post {day}\n---\n{body}\n")
            paths.append(path)
        site = load_site(tmp_path)
        config = Config().with_section("links", no_cache=True)
        posts = [p for p in (load(path, path.name, site, 10_000_000) for path in paths) if isinstance(p, Post)]
        handed = _Handed(posts)
        found = list(check(handed, Context(site, config, posts)))
        assert found == [] and len(farm.hits()) == 600
        assert min(e.start for e in farm.hits()) < handed.times[-1]  # asked before the last post was read


def test_a_request_waiting_for_its_host_is_not_overtaken() -> None:
    hosts = Hosts(max_concurrency=4, max_per_host=1)
    order: list[str] = []
    held = hosts.slot("h:80")
    held.__enter__()

    def first() -> None:
        with hosts.slot("h:80"):
            order.append("first")

    waiter = threading.Thread(target=first, daemon=True)
    waiter.start()
    time.sleep(0.1)  # it waits for the one slot
    held.__exit__(None, None, None)
    with hosts.slot("h:80"):  # comes later, though the slot is free this instant
        order.append("later")
    waiter.join(timeout=5)
    assert order == ["first", "later"]


def test_a_retry_gets_its_turn_on_a_busy_host() -> None:
    with Farm(latency=0.05) as farm:
        urls = [farm.url("/ratelimit/r")] + [farm.url(f"/ok/{i}") for i in range(60)]
        check_targets([Target(u) for u in urls], quick(max_per_host=2))
        first, retry = farm.hits("/ratelimit/")
        assert first.status == 429 and retry.status == 200
        # new checks kept coming for 1.5 s; the retry went within two answers of its second
        assert 1.0 <= retry.start - first.end < 1.0 + 3 * 0.05
        assert max(e.end for e in farm.hits("/ok/")) > retry.end  # the host was still busy then


def test_a_short_gil_switch_interval_only_while_targets_arrive(farm: Farm) -> None:
    before = sys.getswitchinterval()
    seen: list[float] = []

    def targets() -> Iterator[Target]:
        for i in range(3):
            seen.append(sys.getswitchinterval())
            yield Target(farm.url(f"/ok/{i}"))

    found = check_targets(targets(), quick())
    assert {v.status for v in found.values()} == {Status.OK}
    assert max(seen) <= 0.001 and sys.getswitchinterval() == before
