"""BC140: two posts that Jekyll would write to the same URL (one overwrites the other);
BC141: a permalink template with a `:name` Jekyll does not know (it stops the build);
BC127: a post whose title for the URL is empty (`2024-03-07-.md`): Jekyll warns
"Empty `slug`" and writes it to `/2024/03/07/.html`, a hidden file."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import PurePosixPath

from blogcheck.checks import Context
from blogcheck.codes import diagnostic
from blogcheck.diagnostic import Diagnostic
from blogcheck.jekyll import dates
from blogcheck.jekyll.built import dated_ahead, unpublished
from blogcheck.jekyll.site import Site
from blogcheck.jekyll.url import destination, placeholders, post_url, slugify, template_for, unknown_placeholders
from blogcheck.post import Post


def check(posts: list[Post], ctx: Context) -> Iterator[Diagnostic]:
    yield from _templates(posts, ctx)
    yield from _empty_slugs(posts, ctx)
    checked = {post.path for post in posts}
    groups: dict[str, list[tuple[Post, str]]] = defaultdict(list)
    for post in ctx.site_posts:
        url = url_of(post, ctx)
        if url is not None:
            groups[destination(url)].append((post, url))
    for group in groups.values():
        if len(group) < 2:
            continue
        later = max(filter(None, (_dated_ahead(post, ctx) for post, _ in group)), default=None)
        when = f" from {later} on (a post dated ahead is built then)" if later else ""
        for post, url in group:
            if post.path not in checked:
                continue
            others = ", ".join(o.rel for o, _ in group if o is not post)
            where = post.front.locate(("permalink",)) if "permalink" in post.front.data else post.front.locate(())
            yield diagnostic("BC140", post.display, where.line, where.column,
                             f"publishes to {url}, as {others} does; one overwrites the other{when}",
                             "give one of them another `permalink:` or file name", url=url)


def _empty_slugs(posts: list[Post], ctx: Context) -> Iterator[Diagnostic]:
    """BC127: `:title` or `:slug` of the permalink made from nothing (Utils.slugify)."""
    for post in posts:
        name = PurePosixPath(post.rel).name
        match = dates.POST_NAME.match(name) if post.kind == "posts" and not post.unread else None
        if match is None:
            continue
        given = post.data.get("slug")
        title = given if isinstance(given, str) else match[2].rstrip(".")  # Document#populate_title
        names = placeholders(template_for(post.data, ctx.site.config))
        if not (("title" in names and not slugify(title, pretty=True)) or ("slug" in names and not slugify(title))):
            continue
        url = unbuilt_url(post, ctx)
        if url is None:
            continue
        hidden = ", a hidden file name that web servers do not serve" if url.rsplit("/", 1)[-1].startswith(".") else ""
        if isinstance(given, str):
            where = post.front.locate(("slug",))
            what, fix = f"`slug: {given}` gives", "give `slug:` a letter or a digit, or remove it"
        else:
            where = post.front.locate(())
            what = f"the file name `{name}` has"
            fix = "give the file name a title after its date (`2024-03-07-my-post.md`), or set `slug:`"
        yield diagnostic("BC127", post.display, where.line, where.column,
                         f"{what} no title for the post's URL (Jekyll warns \"Empty `slug`\"): "
                         f"it publishes to {url}{hidden}", fix, url=url)


def _dated_ahead(post: Post, ctx: Context) -> str | None:
    """When the post is dated in the future: the date it is first built, as the site shows it."""
    match = dates.POST_NAME.match(PurePosixPath(post.rel).name)
    moment = dates.post_moment(post.data, match[0]) if match else None
    return dated_ahead(moment, ctx.site.config, ctx.site.timezone) if moment is not None else None


def _templates(posts: list[Post], ctx: Context) -> Iterator[Diagnostic]:
    """BC141 where the template is written: the post's `permalink:`, or, once for the
    run, `_config.yml` (its `permalink:`, the posts collection's, or `defaults:`)."""
    from_config: dict[str, list[str]] = {}
    for post in posts:
        if post.kind != "posts" or post.unread:
            continue
        template = template_for(post.data, ctx.site.config)
        unknown = unknown_placeholders(template)
        if not unknown:
            continue
        if isinstance(post.front.data.get("permalink"), str):
            where = post.front.locate(("permalink",))
            yield _unknown(post.display, where.line, where.column, template, unknown)
        else:
            from_config.setdefault(template, unknown)
    for template, unknown in from_config.items():
        yield _unknown(*_config_place(ctx.site, template), template, unknown)


def _unknown(path: str, line: int, column: int, template: str, unknown: list[str]) -> Diagnostic:
    names = ", ".join(f"`:{name}`" for name in unknown)
    return diagnostic("BC141", path, line, column,
                      f"permalink `{template}` has {names}, which Jekyll does not know: it stops the build",
                      "use Jekyll's placeholders (`:year`, `:month`, `:day`, `:title`, `:slug`, `:categories`...)")


def _config_place(site: Site, template: str) -> tuple[str, int, int]:
    from blogcheck.parse.frontmatter import FrontMatterError, parse
    from blogcheck.run import display

    if site.config_path is None:  # not so: Jekyll's own styles know their names
        return "_config.yml", 1, 1
    try:
        front = parse(site.config_path.read_text(encoding="utf-8-sig"), start_line=1)
    except (OSError, UnicodeDecodeError, FrontMatterError):
        return display(site.config_path), 1, 1
    for key in (("collections", "posts", "permalink"), ("permalink",)):
        value: object = front.data
        for step in key:
            value = value.get(step) if isinstance(value, dict) else None
        if value == template:
            where = front.locate(key)
            return display(site.config_path), where.line, where.column
    where = front.locate(("defaults",), key=True)
    return display(site.config_path), where.line, where.column


def url_of(post: Post, ctx: Context) -> str | None:
    """The URL Jekyll gives a published post, or None for drafts, unpublished
    posts and posts without a usable date. Worked out once per post and run
    (the URL and links checks both ask, the links check several times)."""
    known: dict[str, str | None] = ctx.cache.setdefault("urls.url_of", {})
    key = str(post.path)
    if key not in known:
        known[key] = _url_of(post, ctx)
    return known[key]


def _url_of(post: Post, ctx: Context) -> str | None:
    if post.kind != "posts" or post.unread:
        return None
    if unpublished(post.data) and ctx.site.config.get("unpublished") is not True:
        return None
    return unbuilt_url(post, ctx)


def unbuilt_url(post: Post, ctx: Context) -> str | None:
    """The URL the post would have if Jekyll built it, `published:` and its folder aside."""
    match = dates.POST_NAME.match(PurePosixPath(post.rel).name)
    if match is None:
        return None
    moment = dates.post_moment(post.data, match[0])
    if moment is None:
        return None
    local = dates.in_zone(moment, ctx.site.timezone)
    return post_url(post.data, match[2], local, post.path_categories, ctx.site.config, match[3],
                    file=post.doc or post.rel)
