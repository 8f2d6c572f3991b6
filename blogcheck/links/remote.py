"""Check remote links: dedupe -> exclusions -> cache -> concurrent checks -> verdicts.

For the links check (checks/links.py), the contract is:
- Pass `Target(url, image)` with the URL as written (after Liquid), #fragment and
  all. Do not normalise or remap it: this module does both, once.
- The result maps every Target passed in to its Verdict; `result.warnings` holds
  messages about the run itself (an unusable cache), to show once.
- Verdict.provider: "youtube" + BROKEN = BC206, "youtube" + UNVERIFIED = BC207
  (private / not embeddable); "github-attachments" + BROKEN = BC302;
  "googleusercontent" + BROKEN is an ordinary broken image (BC301). Other
  YouTube trouble (oEmbed 429, timeouts) has provider "" (BC202).
- Tests must not write the user's cache: pass settings with `no_cache` or `cache`.
"""

from __future__ import annotations

import dataclasses
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from blogcheck.links import fragments, github_api
from blogcheck.links.addresses import excluded_by_pattern, written_local
from blogcheck.links.cache import Cache, default_path
from blogcheck.links.cache import key as cache_key
from blogcheck.links.dedupe import host_key, host_label, normalise
from blogcheck.links.http import Client
from blogcheck.links.model import Status, Target, Verdict
from blogcheck.links.probe import check_url
from blogcheck.links.progress import Progress
from blogcheck.links.providers import find
from blogcheck.links.remap import remap
from blogcheck.links.schedule import Scheduler
from blogcheck.links.settings import LinkSettings
from blogcheck.regexes import SlowPattern


class Results(dict[Target, Verdict]):
    """Target -> Verdict, plus `warnings` about the run and `requests` sent."""

    def __init__(self) -> None:
        super().__init__()
        self.warnings: list[str] = []
        self.requests = 0


@dataclass(frozen=True)
class _Job:
    url: str  # normalised (or a provider's canonical form), before remap
    image: bool
    anchor: str = ""  # a #fragment to find on the page (fragments.py), "" for the page itself


def is_remote(url: str) -> bool:
    """An http(s) URL, or a protocol-relative `//host/...` one."""
    text = url.strip().lower()
    return text.startswith(("http://", "https://")) or (text.startswith("//") and len(text) > 2 and text[2] != "/")


def check_targets(targets: Iterable[Target], settings: LinkSettings, progress: bool = False) -> Results:
    """A verdict for every target; one check per distinct URL, none for links the
    cache knows are ok. `targets` may be a generator: checks start as they come."""
    results = Results()
    groups: dict[_Job, list[Target]] = {}
    anchors: dict[Target, _Job] = {}
    twins: dict[_Job, _Job] = {}  # a link's check -> the image check of its URL, made instead
    # _quick_switches ends when the targets do, before the run waits for its workers
    with _Run(settings, progress) as run, _quick_switches():
        for target in targets:
            if target in results or target in anchors:
                continue
            verdict, job = _plan(target, settings)
            if verdict is not None:
                results[target] = verdict
                continue
            for needed in (job, _anchor_job(target, job, settings)):
                if needed is None:
                    continue
                if needed not in groups:
                    groups[needed] = []
                    twin = dataclasses.replace(needed, image=True)
                    if not needed.image and not needed.anchor and twin in groups:
                        twins[needed] = twin  # `[![shot](U)](U)`: one request says both
                    else:
                        run.add(needed)
                if not needed.anchor:
                    groups[needed].append(target)
                else:
                    anchors[target] = needed
    if run.client.dns_seems_down():
        _unverify_missing_hosts(run)
    _links_of_images(run, twins, settings)
    for job, group in groups.items():
        for target in group:
            results[target] = run.verdicts[job]
    for target, job in anchors.items():  # a page that is there, without the anchor
        if results[target].status is Status.OK and run.verdicts[job].status is Status.BROKEN:
            results[target] = run.verdicts[job]
    results.warnings.extend(run.warnings)
    results.requests = run.client.sent + run.sent_elsewhere
    return results


def _links_of_images(run: _Run, twins: dict[_Job, _Job], settings: LinkSettings) -> None:
    """A link to a URL that is also an image of the run is ok when the image is: one
    request for both. Else (a web page is a broken image but a fine link; a sign-in
    wall is an error for an image, a warning for a link) the link is checked itself."""
    again = []
    for job, twin in twins.items():
        if run.verdicts[twin].status is Status.OK:
            run.verdicts[job] = run.verdicts[twin]
        else:
            again.append(job)
    if not again:
        return
    with _Run(settings, progress=False) as second:
        for job in again:
            second.add(job)
    run.verdicts.update(second.verdicts)
    run.warnings.extend(second.warnings)
    run.sent_elsewhere += second.client.sent


@contextmanager
def _quick_switches() -> Iterator[None]:
    """A 1 ms GIL switch interval (not 5 ms) while the caller still parses posts
    to make targets: that parsing holds the GIL, and each worker woken by an
    answer waited up to 5 ms for it, several times per request (bench: 7-16 of
    64 requests in flight while parsing at 5 ms, 20-45 at 1 ms; the run ends
    about 0.1 s sooner). Restored once the targets end: then the workers
    mostly wait on sockets."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(min(before, 0.001))
    try:
        yield
    finally:
        sys.setswitchinterval(before)


def _unverify_missing_hosts(run: _Run) -> None:
    """When DNS resolved nothing at all, "no such host" is not evidence: such links
    are unverified (a warning), not broken, and the run says why once."""
    missing = {f"no such host: {host}" for host in run.client.unresolved}
    changed = 0
    for job, verdict in run.verdicts.items():
        if verdict.status is Status.BROKEN and verdict.hint in missing:
            run.verdicts[job] = dataclasses.replace(
                verdict, status=Status.UNVERIFIED,
                hint=f"{verdict.hint}, but no host name resolved in this run: is the network down?")
            changed += 1
    if changed:
        run.warnings.append(f"no host name could be resolved ({len(run.client.unresolved)} tried): "
                            f"{changed} link{'s' * (changed != 1)} reported as unverified, not broken; "
                            "is the network down? Use --offline to skip remote links")


def _anchor_job(target: Target, job: _Job | None, settings: LinkSettings) -> _Job | None:
    """The check of the target's #fragment on its page, when there is one to check."""
    if job is None or job.image or not settings.remote_anchors or find(job.url) is not None:
        return None
    fragment = fragments.wanted(target.url)
    return _Job(job.url, False, fragment) if fragment else None


def _plan(target: Target, settings: LinkSettings) -> tuple[Verdict | None, _Job | None]:
    """A verdict right away (offline, excluded, invalid), or the job that will check it."""
    if not is_remote(target.url):
        return Verdict(Status.SKIPPED, seen="not an http(s) URL"), None
    if settings.offline:
        return Verdict(Status.SKIPPED, seen="offline: not checked"), None
    try:
        url = normalise(target.url)
    except ValueError as exc:
        return Verdict(Status.BROKEN, seen="not requested", hint=f"not a valid URL: {exc}"), None
    local = written_local(url)
    if local:
        return Verdict(Status.SKIPPED, seen="a local address: not requested", hint=local), None
    pattern = excluded_by_pattern(url, settings.exclude, target.url)
    if pattern:
        return Verdict(Status.SKIPPED, seen="excluded", hint=f"excluded by the `exclude` pattern {pattern!r}"), None
    provider = find(url)
    return None, _Job(provider.canonical(url) if provider else url, target.image)


class _Run:
    """One run's workers, cache and client. Jobs are added while it runs; leaving
    the `with` waits for every check, then stores the ok verdicts."""

    def __init__(self, settings: LinkSettings, progress: bool) -> None:
        self.settings = settings
        self.client = Client(settings, wait=self._wait)
        self.verdicts: dict[_Job, Verdict] = {}
        self.warnings: list[str] = []
        self.sent_elsewhere = 0  # requests of a second run for links that were also images
        self._keys: dict[_Job, str] = {}
        self._checked: list[_Job] = []  # checked in this run (not from the cache)
        self._cache: Cache | None = None
        # A few more checks per host than its request limit (hosts.py enforces that one): a
        # check between two requests (HEAD then GET, a redirect hop) holds no request slot.
        self._scheduler: Scheduler[_Job] = Scheduler(_checks_per_host(settings))
        self._workers: list[threading.Thread] = []
        self._awake = settings.max_concurrency + max(2, settings.max_concurrency // 4)  # workers not asleep
        self._asleep = 0
        self._local = threading.local()  # the host of the check a worker runs
        self._bar = Progress(0, enabled=progress)
        self._lock = threading.Lock()

    def add(self, job: _Job) -> None:
        anchor = f"#{job.anchor}" if job.anchor else ""
        asked = remap(job.url, self.settings.remap)  # the host the requests go to, as hosts.py sees it
        key = self._keys[job] = cache_key(asked + anchor, job.image)
        if not self.settings.no_cache and self._cache is None:
            self._cache = Cache.open(Path(self.settings.cache or default_path()), self.settings.cache_ttl,
                                     keep=self.settings.max_stale)
        known = self._cache.get([key], self.settings.accept) if self._cache else {}
        if key in known:
            self.verdicts[job] = known[key]
            return
        if not self._workers:  # import requests here, not in a worker racing the post parser for the GIL
            self.client.transport()
        self._bar.total += 1
        self._scheduler.add(_host_of(asked, job.url), job)
        self._grow()

    def _grow(self) -> None:
        """One more worker while fewer than `_awake` are not asleep (at most twice that in all)."""
        with self._lock:
            count = len(self._workers)
            if count - self._asleep >= self._awake or count >= 2 * self._awake:
                return
            worker = threading.Thread(target=self._work, name="blogcheck-link", daemon=True)
            self._workers.append(worker)
        worker.start()

    def _work(self) -> None:
        while (taken := self._scheduler.take()) is not None:
            host, job = taken
            self._local.host = host
            try:
                verdict = _check(job, self.client)
            finally:
                self._scheduler.done(host)
            with self._lock:
                self.verdicts[job] = verdict
                self._checked.append(job)
            self._bar.step()

    def _wait(self, seconds: float) -> None:
        """Sleep before a retry (a Retry-After) without holding the check's place:
        its host's other checks, and another worker, go on meanwhile."""
        host: str | None = getattr(self._local, "host", None)
        if host is None:
            time.sleep(seconds)
            return
        self._scheduler.done(host)
        with self._lock:
            self._asleep += 1
        self._grow()
        try:
            time.sleep(seconds)
        finally:
            with self._lock:
                self._asleep -= 1
            self._scheduler.resume(host)

    def __enter__(self) -> _Run:
        return self

    def __exit__(self, kind: type[BaseException] | None, *rest: object) -> None:
        self._scheduler.close(drop=kind is not None)  # interrupted: start nothing new
        for worker in self._workers:
            worker.join()
        self._bar.close()
        self.client.close()
        for key, closed in sorted(self.client.hosts.closed().items()):
            self.warnings.append(f"{closed.why(host_label(key), self.settings.max_retry_wait)}: {closed.refused} "
                                 "requests to it were not sent in this run")
        if self._cache is not None:
            stood_in = self._stand_in() if kind is None else set()
            self._cache.put({self._keys[job]: self.verdicts[job] for job in self._checked if job not in stood_in})
            self._cache.close()
            self.warnings.extend(self._cache.warnings)

    def _stand_in(self) -> set[_Job]:
        """A host that refused this run (hosts.py) could not say whether its links
        still work: a link it answered ok within `max_stale` stays ok, marked as
        such, rather than joining a flood of warnings every few days (GitHub's
        images of a study blog are thousands). Returns the jobs so judged."""
        closed = self.client.hosts.closed()
        if not closed or self._cache is None or self.settings.max_stale <= self.settings.cache_ttl:
            return set()
        refused = {job: host_key(remap(job.url, self.settings.remap)) for job in self._checked
                   if self.verdicts[job].status is Status.UNVERIFIED}
        refused = {job: host for job, host in refused.items() if host in closed}
        older = self._cache.stale([self._keys[job] for job in refused], self.settings.max_stale, self.settings.accept)
        counts: dict[str, int] = {}
        for job, host in refused.items():
            if self._keys[job] not in older:
                continue
            verdict, checked = older[self._keys[job]]
            day = time.strftime("%Y-%m-%d", time.localtime(checked))
            self.verdicts[job] = dataclasses.replace(
                verdict, seen=f"{verdict.seen} on {day} (cached; {host_label(host)} refused this run)")
            counts[host] = counts.get(host, 0) + 1
        for host, count in sorted(counts.items()):
            many = count != 1
            self.warnings.append(f"{count} link{'s' * many} to {host_label(host)} that it did not answer "
                                 f"{'stay' if many else 'stays'} ok: {'they were' if many else 'it was'} ok "
                                 f"within the last {self.settings.max_stale / 86400:g} days (max_stale)")
        return {job for job, host in refused.items() if self._keys[job] in older}


def _host_of(asked: str, url: str) -> str:
    """The host:port a check asks first: its URL's after remap (a rule may write a URL
    that is no URL: its check reports that; it is queued with the URL's host)."""
    try:
        return host_key(asked)
    except ValueError:
        return host_key(url)


def _checks_per_host(settings: LinkSettings) -> Callable[[str], int]:
    def room(host: str) -> int:
        most = settings.for_host(host)[0]
        return most + max(1, most // 4)

    return room


def _check(job: _Job, client: Client) -> Verdict:
    """One distinct URL; never raises (a bug becomes an unverified verdict, not a traceback)."""
    try:
        if job.anchor:
            return fragments.check(client, job.url, job.anchor)
        provider = find(job.url)
        if provider is not None:
            return provider.check(job.url, job.image, client)
        return github_api.rescue(job.url, job.image, check_url(client, job.url, job.image), client)
    except SlowPattern as exc:  # a `remap` pattern stuck on a redirect's target (on a link's own URL: exit 2)
        return Verdict(Status.UNVERIFIED, seen=f"not requested: {exc}")
    except Exception as exc:  # the run must go on for the other links
        return Verdict(Status.UNVERIFIED, seen=f"internal error: {type(exc).__name__}: {exc}",
                       hint="please report this as a blogcheck bug")
