"""BC120 unreadable `date:`, BC121 `date:` on another day than the file name,
BC122 a `_posts` file name Jekyll will not take, BC123 a post dated in the future."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import PurePosixPath

from blogcheck.checks import Context
from blogcheck.codes import diagnostic
from blogcheck.diagnostic import Diagnostic
from blogcheck.jekyll import dates
from blogcheck.jekyll.built import dated_ahead
from blogcheck.jekyll.url import post_url
from blogcheck.post import Post


def check(post: Post, ctx: Context) -> Iterator[Diagnostic]:
    name = PurePosixPath(post.rel).name
    named = dates.filename_date(name)
    if post.kind == "posts" and named is None:
        yield _bad_name(post, name)
    if "date" not in post.front.data or post.front.data["date"] is None:
        if post.kind == "posts" and named is not None:
            midnight = dt.datetime(named.year, named.month, named.day, tzinfo=ctx.site.timezone)
            yield from _future(post, ctx, midnight, 1, 1)
        return
    where = post.front.locate(("date",))
    moment = dates.parse_date(post.front.data["date"])
    if moment is None:
        yield diagnostic("BC120", post.display, where.line, where.column,
                         f"`date: {post.front.data['date']}` is not a date Jekyll can read",
                         "write it as `YYYY-MM-DD HH:MM:SS +/-HHMM`, e.g. `2024-03-06 09:30:00 +0000`")
        return
    local = dates.in_zone(moment, ctx.site.timezone)
    if post.kind == "posts":
        aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=ctx.site.timezone)
        yield from _future(post, ctx, aware, where.line, where.column)
    if post.kind == "posts" and named is not None and local.date() != named:
        match = dates.POST_NAME.match(name)
        slug, ext = (match[2], match[3]) if match else ("", "")
        url = post_url(post.data, slug, local, post.path_categories, ctx.site.config, ext)
        yield diagnostic(
            "BC121", post.display, where.line, where.column,
            f"`date:` is {local.date()} in the site's time zone ({_zone_name(ctx)}), "
            f"not the file name's {named}; Jekyll uses {local.date()}: {url}",
            "make the file name and `date:` agree", url=url)


def _future(post: Post, ctx: Context, moment: dt.datetime, line: int, column: int) -> Iterator[Diagnostic]:
    """Jekyll leaves out posts dated after the build (`future: false`, its default)."""
    if post.data.get("published") is False:
        return  # left out anyway
    when = dated_ahead(moment, ctx.site.config, ctx.site.timezone)
    if when is None:
        return
    yield diagnostic("BC123", post.display, line, column,
                     f"the post is dated {when}, in the future: Jekyll leaves it out of the site until then",
                     "change the date, or set `future: true` in _config.yml to publish dated-ahead posts")


def _bad_name(post: Post, name: str) -> Diagnostic:
    if dates.POST_NAME.match(name):
        message = f"file name `{name}` has an impossible date; Jekyll stops the build on it"
    else:
        message = f"file name `{name}` lacks the `YYYY-MM-DD-` date; Jekyll skips this post silently"
    return diagnostic("BC122", post.display, 1, 1, message, "rename it `YYYY-MM-DD-title.md`")


def _zone_name(ctx: Context) -> str:
    zone = ctx.site.config.get("timezone")
    return str(zone) if isinstance(zone, str) and zone else "UTC"
