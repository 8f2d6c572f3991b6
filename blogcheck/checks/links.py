"""The `links` check (BC2xx links, BC3xx images), across the checked posts.

Every post's links are extracted and judged locally (files, pages, posts,
anchors, `{% post_url %}`); the remote URLs of all posts are deduplicated and
streamed to the remote checker in one call (requests start while later posts
are still being parsed), and each verdict is mapped back to every place the
URL is written."""

from __future__ import annotations

import dataclasses
from collections.abc import Generator, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from blogcheck import parallel
from blogcheck.checks import Context
from blogcheck.codes import CODES, diagnostic
from blogcheck.diagnostic import Diagnostic
from blogcheck.links.judge import Problem, Remote
from blogcheck.links.model import Kind, Link, Status, Target, Verdict
from blogcheck.links.upgrade import to_https
from blogcheck.links.userinfo import masked
from blogcheck.post import Post

if TYPE_CHECKING:
    from blogcheck.links.archive import Snapshot
    from blogcheck.links.settings import LinkSettings
    from blogcheck.links.site import LinkSite, Outcome

NOT_CHECKED = "links.not_checked"  # ctx.cache key: an Unchecked, for the summary
WARNINGS = "links.warnings"  # ctx.cache key: messages about the run (an unusable cache), to show once
_REMOTE_CODES = ("BC201", "BC202", "BC206", "BC207", "BC209", "BC210", "BC301", "BC302", "BC304")


@dataclass(frozen=True)
class Unchecked:
    """Remote links not requested (offline, or excluded): occurrences and distinct URLs."""

    links: int = 0
    urls: int = 0


def check(posts: list[Post], ctx: Context) -> Iterator[Diagnostic]:
    from blogcheck.links.settings import LinkSettings
    from blogcheck.links.site import LinkSite
    from blogcheck.select import check_wanted

    config = ctx.config
    codes = [c for c, entry in CODES.items() if entry.check == "links"]
    if not check_wanted("links", codes, config.select, config.ignore):
        return
    settings = LinkSettings.from_config(config)
    site = LinkSite(ctx, posts, settings.exclude)
    local: list[Diagnostic] = []
    remote: dict[Target, list[tuple[Post, Link]]] = {}
    wanted = check_wanted("links", list(_REMOTE_CODES), config.select, config.ignore)
    offline = settings.offline or not wanted
    # The posts' links are read over the CPUs (parallel.py): offline all at once; online by
    # workers forked now, before the remote checker's threads start, that stream each post's
    # links back while the requests go out (one CPU is left to the requests: in this process
    # the parsing held the GIL, and the workers sending requests waited for it; four readers
    # keep well ahead of the requests, a few ms a post against 50 ms or more a request)
    def outcomes(post: Post) -> list[tuple[Link, Outcome]]:
        return list(site.outcomes(post))

    read = parallel.map_items(outcomes, posts) if offline else parallel.stream_items(outcomes, posts, spare=1, most=4)
    targets = _targets(posts, site, local, remote, settings.exclude, read)
    if offline:
        for _ in targets:  # the local findings still count
            pass
        yield from local
        ctx.cache[NOT_CHECKED] = _unchecked(remote, list(remote))
        _note(ctx, "offline" if settings.offline else "their codes are not selected")
        return
    from blogcheck.links.remote import check_targets

    if not check_wanted("links", ["BC209"], config.select, config.ignore):
        settings = dataclasses.replace(settings, remote_anchors=False)  # no page fetched for a code not wanted

    if read is not None:  # requests (~0.1 s to import) loads while the workers read the first posts
        import blogcheck.links.transport  # noqa: F401
    # Streamed: the first post's URLs are being requested while the next posts are parsed.
    verdicts = check_targets(targets, settings, progress=not config.quiet)
    yield from local
    ctx.cache[WARNINGS] = list(verdicts.warnings)
    ctx.notes.extend(verdicts.warnings)
    skipped = [t for t in remote if verdicts.get(t, Verdict(Status.SKIPPED)).status is Status.SKIPPED]
    ctx.cache[NOT_CHECKED] = _unchecked(remote, skipped)
    _note(ctx, "excluded by `exclude` or by address")
    upgrades = check_wanted("links", ["BC210"], config.select, config.ignore)
    copies = _archived(remote, verdicts, settings, ctx) if settings.suggest_archive else {}
    for target, places in remote.items():
        verdict = verdicts.get(target)
        code = _code(verdict, target.image) if verdict is not None else None
        if verdict is not None and upgrades and to_https(target.url, verdict, settings.remap):
            yield from (_upgrade(post, link, verdict) for post, link in places if link.raw[:7].lower() == "http://")
        if verdict is None or code is None:
            continue
        for post, link in places:
            yield _remote_diagnostic(code, post, link, verdict, copies.get(target))


def _targets(posts: list[Post], site: LinkSite, local: list[Diagnostic],
             remote: dict[Target, list[tuple[Post, Link]]], exclude: tuple[str, ...],
             read: Iterable[list[tuple[Link, Outcome]]] | None = None) -> Iterator[Target]:
    """Each distinct remote target once, post by post, as the posts are read; local
    findings go to `local` (with what a provider knows from a URL alone), and every
    place a remote target is written to `remote`. `read`: each post's links, read
    by other processes (else they are read here); closed when this ends."""
    try:
        yield from _read(posts, site, local, remote, exclude, read)
    finally:
        if isinstance(read, Generator):  # streamed: its workers stop
            read.close()


def _read(posts: list[Post], site: LinkSite, local: list[Diagnostic],
          remote: dict[Target, list[tuple[Post, Link]]], exclude: tuple[str, ...],
          read: Iterable[list[tuple[Link, Outcome]]] | None) -> Iterator[Target]:
    for post, outcomes in zip(posts, read, strict=True) if read is not None else ((p, site.outcomes(p)) for p in posts):
        for link, outcome in outcomes:
            if isinstance(outcome, Problem):
                local.append(_spanned(diagnostic(outcome.code, post.display, link.line, link.column,
                                                 outcome.message, outcome.hint, url=link.url,
                                                 status=Status.BROKEN.value), link))
            elif isinstance(outcome, Remote) and (known := _known(outcome.url, exclude)) is not None:
                code = _code(known, link.kind is Kind.IMAGE)
                if code is not None:
                    local.append(_remote_diagnostic(code, post, link, known))
            elif isinstance(outcome, Remote):
                target = Target(outcome.url, image=link.kind is Kind.IMAGE)
                places = remote.setdefault(target, [])
                places.append((post, link))
                if len(places) == 1:
                    yield target


def _known(url: str, exclude: tuple[str, ...]) -> Verdict | None:
    """What a provider knows of `url` without a request (None: it must be asked)."""
    from blogcheck.links.addresses import excluded_by_pattern
    from blogcheck.links.dedupe import normalise
    from blogcheck.links.providers import find

    try:
        normal = normalise(url)
    except ValueError:
        return None
    provider = find(normal)
    if provider is None or excluded_by_pattern(normal, exclude, url):
        return None
    return provider.known(normal)


def _archived(remote: dict[Target, list[tuple[Post, Link]]], verdicts: dict[Target, Verdict],
              settings: LinkSettings, ctx: Context) -> dict[Target, Snapshot]:
    """The Wayback Machine's copy of each broken link and image (BC201, BC301), asked
    once per URL, closest to the day of the earliest post that writes it."""
    from blogcheck.links import archive
    from blogcheck.links.dedupe import normalise
    from blogcheck.select import check_wanted

    asked: dict[Target, str] = {}
    days: dict[str, str] = {}
    for target, places in remote.items():
        verdict = verdicts.get(target)
        code = _code(verdict, target.image) if verdict is not None else None
        if code not in ("BC201", "BC301") or not check_wanted("links", [code], ctx.config.select, ctx.config.ignore):
            continue
        try:
            url = normalise(target.url)
        except ValueError:
            continue
        if urlsplit(url).username is not None:
            continue  # a password in a URL is not for archive.org
        asked[target] = url
        for day in (_day(post) for post, _ in places):
            if day and (not days.get(url) or day < days[url]):
                days[url] = day
        days.setdefault(url, "")
    if not days:
        return {}
    found = archive.lookup(days, settings)
    if found.failed:
        ctx.notes.append(f"the Wayback Machine could not be asked about {found.failed} of {len(days)} broken "
                         f"URL{'s' * (len(days) != 1)} ({found.why}): no archived copy is named for "
                         f"{'them' if found.failed != 1 else 'it'}")
    return {target: found.copies[url] for target, url in asked.items() if url in found.copies}


def _day(post: Post) -> str:
    """The post's date as "YYYYMMDD" (`date:` first, then the file name), or ""."""
    from blogcheck.jekyll.dates import post_moment

    moment = post_moment(post.data, post.path.name)
    return moment.strftime("%Y%m%d") if moment is not None else ""


def _note(ctx: Context, why: str) -> None:
    unchecked: Unchecked = ctx.cache[NOT_CHECKED]
    if unchecked.links:
        links = f"{unchecked.links} remote link{'s' * (unchecked.links != 1)}"
        urls = f"{unchecked.urls} distinct URL{'s' * (unchecked.urls != 1)}"
        ctx.notes.append(f"{links} ({urls}) not checked: {why}")


def _unchecked(remote: dict[Target, list[tuple[Post, Link]]], targets: list[Target]) -> Unchecked:
    from blogcheck.links.dedupe import normalise

    def distinct(url: str) -> str:
        try:
            return normalise(url)
        except ValueError:
            return url

    return Unchecked(sum(len(remote[t]) for t in targets), len({distinct(t.url) for t in targets}))


def _code(verdict: Verdict, image: bool) -> str | None:
    if verdict.status in (Status.OK, Status.SKIPPED):
        return None
    broken = verdict.status is Status.BROKEN
    if verdict.provider == "anchor":  # the page is there, the section is not
        return "BC209"
    if verdict.provider == "youtube":  # removed / private or not embeddable
        return "BC206" if broken else "BC207"
    if verdict.provider == "github-attachments" and broken and image:
        return "BC302"
    if image:
        return "BC301" if broken else "BC304"
    return "BC201" if broken else "BC202"


_WORDS = {"BC201": "broken link", "BC202": "could not verify link", "BC206": "video unavailable",
          "BC207": "video restricted", "BC301": "broken image", "BC302": "private GitHub attachment image",
          "BC209": "missing anchor", "BC304": "could not verify image"}


def _remote_diagnostic(code: str, post: Post, link: Link, verdict: Verdict,
                       copy: Snapshot | None = None) -> Diagnostic:
    # where the redirects led: the page to mend or link instead (the JSON's `final_url` too)
    said = "; ".join(part for part in (verdict.seen, verdict.final_url and f"ends at {verdict.final_url}") if part)
    seen = f" ({said})" if said else ""
    extra: dict[str, object] = {"url": link.url, "status": verdict.status.value, "http_status": verdict.http_status}
    if verdict.final_url:
        extra["final_url"] = verdict.final_url
    hint = verdict.hint
    if copy is not None:  # --suggest-archive
        extra["archive"] = copy.url
        taken = f" from {copy.taken}" if copy.taken else ""
        hint = f"{hint}; " if hint else ""
        hint += f"the Wayback Machine has a copy{taken}: {copy.url}"
    return _spanned(diagnostic(code, post.display, link.line, link.column, f"{_WORDS[code]}: {link.url}{seen}",
                               hint, **extra), link)


def _upgrade(post: Post, link: Link, verdict: Verdict) -> Diagnostic:
    """BC210, with the fix: the same address over https, where the redirects led."""
    secure = "https://" + link.url.strip()[len("http://"):]
    # a link not found where it is written (extract.py) has no sure place: no fix to apply blindly
    fix = {"fix": [[link.line, link.column, link.raw[:7], "https://"]]} if link.exact else {}
    return _spanned(diagnostic("BC210", post.display, link.line, link.column,
                               f"`{link.url}` redirects to its https:// address ({verdict.seen})",
                               f"link `{secure}`: the first request no longer goes out unencrypted",
                               url=link.url, status=verdict.status.value, http_status=verdict.http_status,
                               final_url=verdict.final_url, **fix),
                    link)


def _spanned(diag: Diagnostic, link: Link) -> Diagnostic:
    """The finding ends where the link's target, as written, ends (one line only); a
    password in a URL is shown as `***` (userinfo.py)."""
    diag = dataclasses.replace(diag, message=masked(diag.message), hint=masked(diag.hint),
                               extra=tuple((k, masked(v) if isinstance(v, str) else v) for k, v in diag.extra))
    if not link.raw or "\n" in link.raw or not link.exact:
        return diag
    return dataclasses.replace(diag, end_line=link.line, end_column=link.column + len(link.raw))
