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


# (check name, module in blogcheck.checks) in the order they run; a module is imported
# only when its check is wanted (`--select spelling` loads no link or Liquid code).
_POST_CHECKS = (("frontmatter", "schema"), ("frontmatter", "keys"), ("frontmatter", "symbols"),
                ("frontmatter", "names"), ("frontmatter", "dates"), ("frontmatter", "unread"),
                ("frontmatter", "layout"), ("liquid", "liquid"), ("liquid", "includes"),
                ("liquid", "layout_includes"), ("markup", "markup"),
                ("markup", "kramdown"))
_SITE_CHECKS = (("frontmatter", "urls"), ("links", "links"), ("spelling", "spelling"))


def post_checks(wanted: Callable[[str], bool] = lambda name: True) -> list[tuple[str, PostCheck]]:
    """(check name, function) of the checks that read one post at a time, for the names `wanted`."""
    return [(name, _function(module)) for name, module in _POST_CHECKS if wanted(name)]


def site_checks(wanted: Callable[[str], bool] = lambda name: True) -> list[tuple[str, SiteCheck]]:
    """(check name, function) of the checks that read the checked posts together, for the names `wanted`."""
    return [(name, _function(module)) for name, module in _SITE_CHECKS if wanted(name)]


def _function(module: str) -> Any:
    import importlib

    return importlib.import_module(f"blogcheck.checks.{module}").check
