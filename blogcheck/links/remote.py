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

import concurrent.futures
import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from blogcheck.links.addresses import excluded_by_pattern
from blogcheck.links.cache import Cache, default_path, key
from blogcheck.links.dedupe import host_key, normalise
from blogcheck.links.http import Client
from blogcheck.links.model import Status, Target, Verdict
from blogcheck.links.progress import Progress
from blogcheck.links.providers import find
from blogcheck.links.remap import remap
from blogcheck.links.settings import LinkSettings


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

    @property
    def cache_key(self) -> str:
        return key(self.url, self.image)


def is_remote(url: str) -> bool:
    """An http(s) URL, or a protocol-relative `//host/...` one."""
    text = url.strip().lower()
    return text.startswith(("http://", "https://")) or (text.startswith("//") and len(text) > 2 and text[2] != "/")


def check_targets(targets: Iterable[Target], settings: LinkSettings, progress: bool = False) -> Results:
    """A verdict for every target; one check per distinct URL, none for links the cache knows are ok."""
    results = Results()
    jobs: dict[_Job, list[Target]] = {}
    for target in dict.fromkeys(targets):
        verdict, job = _plan(target, settings)
        if verdict is not None:
            results[target] = verdict
        elif job is not None:
            jobs.setdefault(job, []).append(target)
    verdicts = _checked(list(jobs), settings, progress, results)
    for job, group in jobs.items():
        for target in group:
            results[target] = verdicts[job]
    return results


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
    pattern = excluded_by_pattern(url, settings.exclude)
    if pattern:
        return Verdict(Status.SKIPPED, seen="excluded", hint=f"excluded by the `exclude` pattern {pattern!r}"), None
    provider = find(url)
    return None, _Job(provider.canonical(url) if provider else url, target.image)


def _checked(jobs: list[_Job], settings: LinkSettings, progress: bool, results: Results) -> dict[_Job, Verdict]:
    cache = None if settings.no_cache or not jobs else Cache.open(Path(settings.cache or default_path()),
                                                                   settings.cache_ttl)
    remapped = {job: key(remap(job.url, settings.remap), job.image) for job in jobs}
    known = cache.get(remapped.values()) if cache else {}
    verdicts = {job: known[remapped[job]] for job in jobs if remapped[job] in known}
    todo = _interleaved([job for job in jobs if job not in verdicts])
    client = Client(settings)
    bar = Progress(len(todo), enabled=progress)
    try:
        verdicts.update(_run(todo, client, bar))
    finally:
        bar.close()
        client.close()
    if cache:
        cache.put({remapped[job]: verdicts[job] for job in todo})
        cache.close()
        results.warnings.extend(cache.warnings)
    results.requests = client.sent
    return verdicts


def _run(jobs: list[_Job], client: Client, bar: Progress) -> dict[_Job, Verdict]:
    if not jobs:
        return {}
    settings = client.settings
    workers = min(len(jobs), settings.max_concurrency + max(8, settings.max_concurrency // 2))
    done: dict[_Job, Verdict] = {}
    with concurrent.futures.ThreadPoolExecutor(workers, thread_name_prefix="blogcheck-link") as pool:
        futures = {pool.submit(_check, job, client): job for job in jobs}
        for future in concurrent.futures.as_completed(futures):
            done[futures[future]] = future.result()
            bar.step()
    return done


def _check(job: _Job, client: Client) -> Verdict:
    """One distinct URL; never raises (a bug becomes an unverified verdict, not a traceback)."""
    from blogcheck.links.probe import check_url

    try:
        provider = find(job.url)
        if provider is not None:
            return provider.check(job.url, job.image, client)
        return check_url(client, job.url, job.image)
    except Exception as exc:  # the run must go on for the other links
        return Verdict(Status.UNVERIFIED, seen=f"internal error: {type(exc).__name__}: {exc}",
                       hint="please report this as a blogcheck bug")


def _interleaved(jobs: list[_Job]) -> list[_Job]:
    """Round-robin over hosts, so the workers spread over hosts instead of
    queueing behind one host's limit."""
    by_host: dict[str, list[_Job]] = {}
    for job in jobs:
        by_host.setdefault(host_key(job.url), []).append(job)
    rounds = itertools.zip_longest(*by_host.values())
    return [job for batch in rounds for job in batch if job is not None]
