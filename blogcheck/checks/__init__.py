"""The checks. Each module holds one function that yields Diagnostics:
`(post, ctx)` for a post on its own, `(posts, ctx)` for rules across posts."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from blogcheck.config import Config
from blogcheck.diagnostic import Diagnostic
from blogcheck.jekyll.site import Site
from blogcheck.post import Post


@dataclass
class Context:
    """What every check may read: the site, the settings, and every post of the
    site (site-wide rules need the posts that are not being checked too)."""

    site: Site
    config: Config
    site_posts: list[Post] = field(default_factory=list)
    cache: dict[str, Any] = field(default_factory=dict)


PostCheck = Callable[[Post, Context], Iterator[Diagnostic]]
SiteCheck = Callable[[list[Post], Context], Iterator[Diagnostic]]


def post_checks() -> list[PostCheck]:
    from blogcheck.checks import dates, keys, layout, schema

    return [schema.check, keys.check, dates.check, layout.check]


def site_checks() -> list[SiteCheck]:
    from blogcheck.checks import links, spelling, urls

    return [urls.check, links.check, spelling.check]
