"""BC106 duplicate keys (and `tag:` beside `tags:`, which Jekyll drops), BC131 near misses of
known front-matter keys."""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterator

from blogcheck.checks import Context
from blogcheck.codes import diagnostic
from blogcheck.diagnostic import Diagnostic
from blogcheck.post import Post

# Keys Jekyll, its common plugins and themes read, beyond the schema's own.
JEKYLL_KEYS = frozenset({
    "title", "date", "layout", "permalink", "published", "categories", "category", "tags", "tag",
    "excerpt", "excerpt_separator", "description", "image", "slug", "author", "authors",
    "last_modified_at", "lang", "hidden", "sitemap", "redirect_from", "redirect_to", "comments",
    "render_with_liquid", "toc", "subtitle", "header", "draft", "pin", "math", "mermaid", "series",
    "classes", "sidebar", "share", "related", "read_time", "canonical_url",
})
# A key this many posts of the site use is the site's own, not a slip.
SITE_USAGE = 3


def check(post: Post, ctx: Context) -> Iterator[Diagnostic]:
    if "known_keys" not in ctx.cache:
        ctx.cache["known_keys"] = _known(ctx)
        ctx.cache["key_usage"] = Counter(e.key for p in ctx.site_posts for e in p.front.entries)
    known = ctx.cache["known_keys"]
    seen: set[str] = set()
    for entry in post.front.entries:
        where = entry.key_pos
        if entry.key in seen:
            yield diagnostic("BC106", post.display, where.line, where.column,
                             f"key `{entry.key}` appears again; this value replaces the first",
                             "remove one of the two", key=entry.key)
        seen.add(entry.key)
        if entry.key in known or ctx.cache["key_usage"].get(entry.key, 0) >= SITE_USAGE:
            continue
        close = difflib.get_close_matches(entry.key, known, n=1, cutoff=0.8)
        if close and close[0] not in {e.key for e in post.front.entries}:
            yield diagnostic("BC131", post.display, where.line, where.column,
                             f"unknown key `{entry.key}`", f"did you mean `{close[0]}`?", key=entry.key)
    yield from _singular_wins(post)


def _singular_wins(post: Post) -> Iterator[Diagnostic]:
    """`tag:` and `tags:` both: Jekyll's pluralized_array_from_hash takes the singular key
    when it has a value and never reads the plural one, so those tags are lost (checked with
    jekyll build; `category:` and `categories:` are joined instead)."""
    data = post.front.data
    if data.get("tag") is None or "tags" not in data:
        return
    where = post.front.locate(("tags",), key=True)
    yield diagnostic("BC106", post.display, where.line, where.column,
                     "`tag:` and `tags:` both: Jekyll takes the tags of `tag:` and ignores `tags:`, whose tags the "
                     "post then lacks", "put every tag in `tags:` and remove `tag:`", key="tags")


def _known(ctx: Context) -> frozenset[str]:
    from blogcheck.checks.schema import validator_for

    schema = validator_for(ctx).schema
    properties = schema.get("properties") if isinstance(schema, dict) else None  # (`true` is a schema too)
    return JEKYLL_KEYS | frozenset(properties if isinstance(properties, dict) else {})
