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
    site (site-wide rules need the posts that are not being checked too). The site's
    posts may be given as a way to read them: they are then read when first asked for,
    and a run that never asks (one post, spelling only) does not parse their YAML."""

    site: Site
    config: Config
    posts: list[Post] | Callable[[], list[Post]] = field(default_factory=list)
    cache: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # about the run, not a place: shown once, before the summary
    texts: Callable[[], list[str]] | None = None  # the text of every post file of the site, if not the posts'

    @property
    def site_posts(self) -> list[Post]:
        if callable(self.posts):
            self.posts = self.posts()
        return self.posts


PostCheck = Callable[[Post, Context], Iterator[Diagnostic]]
SiteCheck = Callable[[list[Post], Context], Iterator[Diagnostic]]


def post_checks() -> list[tuple[str, PostCheck]]:
    """(check name, function) of the checks that read one post at a time."""
    from blogcheck.checks import dates, includes, keys, kramdown, layout, liquid, markup, names, schema, unread

    return [("frontmatter", schema.check), ("frontmatter", keys.check), ("frontmatter", names.check),
            ("frontmatter", dates.check), ("frontmatter", unread.check), ("frontmatter", layout.check),
            ("liquid", liquid.check), ("liquid", includes.check), ("markup", markup.check),
            ("markup", kramdown.check)]


def site_checks() -> list[tuple[str, SiteCheck]]:
    """(check name, function) of the checks that read the checked posts together."""
    from blogcheck.checks import links, spelling, urls

    return [("frontmatter", urls.check), ("links", links.check), ("spelling", spelling.check)]
