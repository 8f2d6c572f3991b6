"""BC120 unreadable `date:`, BC121 `date:` on another day than the file name,
BC122 a `_posts` file name Jekyll will not take, BC123 a post dated in the future,
BC125 a date Jekyll reads otherwise than written (or that blogcheck cannot read for sure)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import PurePosixPath

from blogcheck.checks import Context
from blogcheck.codes import diagnostic
from blogcheck.diagnostic import Diagnostic
from blogcheck.discover import no_extension
from blogcheck.jekyll import dates
from blogcheck.jekyll.built import dated_ahead, unpublished
from blogcheck.jekyll.url import post_url
from blogcheck.post import Post


def check(post: Post, ctx: Context) -> Iterator[Diagnostic]:
    name = PurePosixPath(post.rel).name
    if name[:1] in ("_", ".", "#", "~"):
        return  # Jekyll never lists the file: BC124 says so, its date means nothing
    named = dates.name_reading(name)
    value = post.front.data.get("date")
    if named is None and post.kind == "posts":
        # Jekyll's PostReader lists only the names that match (DATE_FILENAME_MATCHER)
        # before it reads any front matter: a `date:` does not save the post
        yield _bad_name(post, name, dated=value is not None)
        return
    default = ctx.site.defaults_for(post.doc or post.rel, post.kind).get("date") if post.kind == "posts" else None
    if default is not None and ("date" not in post.front.data or _a_day(default)):
        # (a Date from `defaults:` leaves the post out even under its own `date:`, checked with Jekyll 4.3)
        yield from _date_of_defaults(post, ctx, name, named, default)
        return
    if value is None and "date" in post.front.data and post.kind in ("posts", "drafts"):
        where = post.front.locate(("date",), key=True)
        yield diagnostic("BC120", post.display, where.line, where.column,
                         "`date:` has no value; Jekyll stops the build on it (\"Invalid date ''\")",
                         "give the date, `date: 2024-03-06 09:30:00 +0000`, or remove the key to use the file name's")
        return
    if value is None:
        yield from _dated_by_name(post, ctx, name, named)
        return
    where = post.front.locate(("date",))
    reading = dates.read_date(value)
    if reading.moment is None:
        if reading.certain:
            yield diagnostic("BC120", post.display, where.line, where.column,
                             f"`date: {value}` is not a date Jekyll can read; Jekyll stops the build on it",
                             dates.ISO_HINT)
        else:
            why = reading.note or "Ruby's Time.parse guesses at such forms, sometimes wildly"
            yield diagnostic("BC125", post.display, where.line, where.column,
                             f"blogcheck cannot tell which date Jekyll reads from `{value}`: {why}", dates.ISO_HINT)
        return
    if reading.note:
        yield diagnostic("BC125", post.display, where.line, where.column, f"`date: {value}`: {reading.note}",
                         "write the date you mean as `YYYY-MM-DD HH:MM:SS +/-TTTT`")
    local = dates.in_zone(reading.moment, ctx.site.timezone)
    if post.kind != "posts":
        return
    aware = reading.moment if reading.moment.tzinfo is not None else reading.moment.replace(tzinfo=ctx.site.timezone)
    yield from _future(post, ctx, aware, where.line, where.column)
    # with a `date:`, Jekyll never reads the file name's date (Document#modify_date)
    by_name = named.moment if named is not None else None
    day = by_name.date() if by_name is not None else None
    if by_name is not None and day is not None and local.date() != day:
        match = dates.POST_NAME.match(name)
        slug, ext = (match[2], match[3]) if match else ("", "")
        url = post_url(post.data, slug, local, post.path_categories, ctx.site.config, ext, file=post.doc or post.rel)
        utc = (f" (a YAML timestamp without a time zone is UTC to Jekyll: `{value}` is {local:%Y-%m-%d %H:%M} "
               "there; quote it or add the offset to mean the site's time)") if reading.utc else ""
        named_url = post_url(post.data, slug, by_name, post.path_categories, ctx.site.config, ext,
                             file=post.doc or post.rel)
        uses = (f"Jekyll uses {local.date()}: {url}" if named_url != url else
                f"Jekyll dates the post {local.date()} (in lists, feeds and `page.date`; its URL stays {url})")
        yield diagnostic(
            "BC121", post.display, where.line, where.column,
            f"`date:` is {local.date()} in the site's time zone ({_zone_name(ctx)}){utc}, "
            f"not the file name's {day}; {uses}",
            "make the file name and `date:` agree", url=url)


def _date_of_defaults(post: Post, ctx: Context, name: str, named: dates.Reading | None,
                      value: object) -> Iterator[Diagnostic]:
    """A `date:` that `defaults:` in _config.yml gives the post (checked with Jekyll 4.3): an
    unquoted date without a time is a Date object Jekyll cannot read there, and it leaves the
    post out; any other date it reads overrides the file name's, for every post of the scope."""
    where = "`defaults:` in _config.yml gives this post"
    if _a_day(value):
        yield diagnostic("BC120", post.display, 1, 1,
                         f"{where} `date: {value}`, a date without a time, which Jekyll cannot take from a default: "
                         "it leaves the post out of the site, its own `date:` or not (\"could not read file ... no "
                         "implicit conversion of Date into String\")",
                         "remove `date:` from `defaults:`: a post takes its date from its file name")
        return
    reading = dates.read_date(value)
    if reading.moment is None or named is None or named.moment is None:
        return
    local = dates.in_zone(reading.moment, ctx.site.timezone)
    if local.date() == named.moment.date():
        return
    match = dates.POST_NAME.match(name)
    slug, ext = (match[2], match[3]) if match else ("", "")
    url = post_url(post.data, slug, local, post.path_categories, ctx.site.config, ext, file=post.doc or post.rel)
    yield diagnostic("BC121", post.display, 1, 1,
                     f"{where} `date: {value}`: Jekyll dates it {local.date()}, not the file name's "
                     f"{named.moment.date()}, and publishes it at {url} (so does every post of the scope)",
                     "remove `date:` from `defaults:`: a post takes its date from its file name", url=url)


def _a_day(value: object) -> bool:
    """A date without a time: a Date object to Psych (`2020-01-01`, `2020-1-1` unquoted)."""
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def _dated_by_name(post: Post, ctx: Context, name: str, named: dates.Reading | None) -> Iterator[Diagnostic]:
    """A post without `date:`: Jekyll reads the file name's date, and stops the build
    when it is no date."""
    if post.kind != "posts":
        return
    if named is not None and named.moment is None and not named.certain:
        yield diagnostic("BC125", post.display, 1, 1, f"blogcheck cannot tell which date Jekyll reads from the file "
                         f"name `{name}`: {named.note}", "rename it with the date you mean, or add a `date:`")
        return
    if named is None or named.moment is None:
        yield _bad_name(post, name)
        return
    if named.note:
        yield diagnostic("BC125", post.display, 1, 1, f"file name `{name}`: {named.note}",
                         "rename it with the date you mean, or add a `date:`")
    yield from _future(post, ctx, named.moment.replace(tzinfo=ctx.site.timezone), 1, 1)


def _future(post: Post, ctx: Context, moment: dt.datetime, line: int, column: int) -> Iterator[Diagnostic]:
    """Jekyll leaves out posts dated after the build (`future: false`, its default)."""
    if unpublished(post.data):
        return  # left out anyway
    when = dated_ahead(moment, ctx.site.config, ctx.site.timezone)
    if when is None:
        return
    yield diagnostic("BC123", post.display, line, column,
                     f"the post is dated {when}, in the future: Jekyll leaves it out of the site until then",
                     "change the date, or set `future: true` in _config.yml to publish dated-ahead posts")


def _bad_name(post: Post, name: str, dated: bool = False) -> Diagnostic:
    also = " (its `date:` does not save it: Jekyll picks posts by their file names)" if dated else ""
    if no_extension(name):
        return diagnostic("BC122", post.display, 1, 1, f"file name `{name}` has no extension: Jekyll takes only "
                          "`YYYY-MM-DD-title.ext` names in `_posts/`, and skips this post silently",
                          f"rename it `{_with_extension(name)}`")
    if dates.POST_NAME.match(name):
        message = f"file name `{name}` has an impossible date and the post no `date:`; Jekyll stops the build on it"
    elif dates.POST_NAME.match(f"{PurePosixPath(name).stem}-x{PurePosixPath(name).suffix}"):
        message = f"file name `{name}` has a date but no title after it; Jekyll skips this post silently{also}"
    else:
        message = f"file name `{name}` lacks the `YYYY-MM-DD-` date; Jekyll skips this post silently{also}"
    return diagnostic("BC122", post.display, 1, 1, message, "rename it `YYYY-MM-DD-title.md`")


def _with_extension(name: str) -> str:
    """`2024-01-06-a` -> `2024-01-06-a.md`; `2024-01-07-b.md.` -> `2024-01-07-b.md`."""
    bare = name.rstrip(".")
    return bare if dates.POST_NAME.match(bare) else bare + ".md"


def _zone_name(ctx: Context) -> str:
    zone = ctx.site.config.get("timezone")
    if not isinstance(zone, str) or not zone:
        return "UTC"
    fixed = ctx.site.timezone
    offset = fixed.utcoffset(None) if isinstance(fixed, dt.timezone) and zone.upper() != "UTC" else None
    if offset is None:
        return zone
    hours, rest = divmod(abs(int(offset.total_seconds())), 3600)
    return f"{zone}, which is UTC{'-' if offset < dt.timedelta(0) else '+'}{hours:02d}:{rest // 60:02d}"
