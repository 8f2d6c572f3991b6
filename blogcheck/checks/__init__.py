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
    notes: list[str] = field(default_factory=list)  # about the run, not a place: shown once, before the summary


PostCheck = Callable[[Post, Context], Iterator[Diagnostic]]
SiteCheck = Callable[[list[Post], Context], Iterator[Diagnostic]]


def post_checks() -> list[tuple[str, PostCheck]]:
    """(check name, function) of the checks that read one post at a time."""
    from blogcheck.checks import dates, keys, layout, schema

    return [("frontmatter", schema.check), ("frontmatter", keys.check), ("frontmatter", dates.check),
            ("frontmatter", layout.check)]


def site_checks() -> list[tuple[str, SiteCheck]]:
    """(check name, function) of the checks that read the checked posts together."""
    from blogcheck.checks import links, spelling, urls

    return [("frontmatter", urls.check), ("links", links.check), ("spelling", spelling.check)]
