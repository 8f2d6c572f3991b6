"""`{% post_url NAME %}` as Jekyll 4 resolves it (Jekyll::Tags::PostComparer):
first by path, date and slug against each post's relative path, then the
deprecated way, by slug and date alone, so `2024-3-6-day-65` finds
`2024-03-06-day-65.md`. A name that matches nothing stops the build."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePosixPath

from blogcheck.jekyll import dates
from blogcheck.post import Post

# Jekyll's MATCHER `^(.+/)*(\d+-\d+-\d+)-(.*)$`, written so it cannot backtrack exponentially.
_NAME = re.compile(r"^((?:[^/]*/)*)(\d+-\d+-\d+)-(.*)$")


@dataclass(frozen=True)
class _Entry:
    post: Post
    slugs: frozenset[str]
    days: frozenset[dt.date]


class PostFinder:
    def __init__(self, posts: list[Post], url_of: Callable[[Post], str | None], zone: dt.tzinfo,
                 left_out: Callable[[Post], str] = lambda post: post.unread) -> None:
        """`left_out` says why Jekyll has no such post in a build ("" when it has)."""
        self._url_of = url_of
        every = [e for e in (_entry(p, zone) for p in posts) if e is not None]
        why = {id(e.post): left_out(e.post) for e in every}
        self._entries = [e for e in every if not why[id(e.post)]]
        self._left_out = [e for e in every if why[id(e.post)]]  # unread, unpublished, dated ahead
        self._why = {key: reason for key, reason in why.items() if reason}
        self._found: dict[str, Post | None] = {}  # each name is looked up once per run
        self._near: dict[str, str] = {}

    def url(self, name: str) -> str | None:
        """The URL of the post `name` refers to, or None when Jekyll finds none."""
        post = self.find(name)
        return self._url_of(post) if post is not None else None

    def find(self, name: str) -> Post | None:
        if name not in self._found:
            self._found[name] = self._find(name, self._entries)
        return self._found[name]

    def left_out(self, name: str) -> tuple[Post, str] | None:
        """The post `name` would be if Jekyll built it, and why it does not."""
        post = self._find(name, self._left_out) if self._left_out else None
        return (post, self._why[id(post)]) if post is not None else None

    def _find(self, name: str, entries: list[_Entry]) -> Post | None:
        match = _NAME.match(name.strip().lstrip("/"))
        if match is None:
            return None
        path, date, slug = match[1] or "", match[2], match[3]
        exact = re.compile(rf"^_posts/{re.escape(path)}{date}-{re.escape(slug)}\.[^.]+"
                           rf"|^{re.escape(path)}_posts/?{date}-{re.escape(slug)}\.[^.]+")
        for entry in entries:
            if exact.match(entry.post.doc or entry.post.rel):
                return entry.post
        day = _day(date)
        for entry in entries:
            if day is not None and slug in entry.slugs and day in entry.days:
                return entry.post
        return None

    def nearest(self, name: str) -> str:
        """The post `name` likely meant, for a hint ("" when none is): one of the same slug
        (the date mistyped, or the post re-dated), else of the same day with a close slug
        (the slug mistyped). Not merely a similar name: `2024-1-10-day-9` is no guess for
        `2024-12-31-day-999`."""
        if name not in self._near:
            self._near[name] = self._nearest(name.strip().lstrip("/"))
        return self._near[name]

    def _nearest(self, name: str) -> str:
        match = _NAME.match(name)
        if match is None:
            return ""
        day, slug = _day(match[2]), match[3]
        same_slug = [e for e in self._entries if slug in e.slugs]
        if same_slug:
            apart = (lambda e: min((abs((d - day).days) for d in e.days), default=10**6)) if day else (lambda e: 0)
            return _name(min(same_slug, key=apart).post)
        same_day = {s: e for e in self._entries if day is not None and day in e.days for s in e.slugs}
        close = difflib.get_close_matches(slug, list(same_day), n=1, cutoff=0.6)
        return _name(same_day[close[0]].post) if close else ""


def _entry(post: Post, zone: dt.tzinfo) -> _Entry | None:
    match = dates.POST_NAME.match(PurePosixPath(post.rel).name)
    if match is None or post.kind != "posts":
        return None
    days = {d for d in (_day(match[1]),) if d is not None}
    moment = dates.parse_date(post.data.get("date"))
    if moment is not None:
        days.add(dates.in_zone(moment, zone).date())
    slugs = {match[2]} | ({post.data["slug"]} if isinstance(post.data.get("slug"), str) else set())
    return _Entry(post, frozenset(slugs), frozenset(days))


def _day(text: str) -> dt.date | None:
    """The day of a `Y-M-D` as Jekyll's Utils.parse_date reads it: a two-digit year is
    1969-2068 (`24-01-06` is 2024-01-06), a day past the month's end rolls over."""
    moment = dates.parse_date(text)
    return moment.date() if moment is not None else None


def _name(post: Post) -> str:
    return post_url_name(post.doc or post.rel)


def post_url_name(doc: str) -> str:
    """How `{% post_url %}` names the post at `doc` (its path below `collections_dir`):
    the folders around `_posts/` and the file name, no extension (`blog/2024-01-02-b`)."""
    parts = PurePosixPath(doc).parts
    if "_posts" in parts:
        at = parts.index("_posts")
        parts = (*parts[:at], *parts[at + 1:])
    else:
        parts = parts[-1:]
    return str(PurePosixPath(*parts).with_suffix(""))
