"""BC124: a post or draft in a folder Jekyll never reads: outside `collections_dir`,
below a folder it skips (`_old/_posts/`), with a `collections_dir` it cannot
use, or in a `_Posts/` folder (Jekyll looks for `_posts/` in lower case: a Mac's disk
finds it, GitHub Pages and CI do not). Jekyll builds the site without it and says nothing."""

from __future__ import annotations

from collections.abc import Iterator

from blogcheck.checks import Context
from blogcheck.codes import diagnostic
from blogcheck.diagnostic import Diagnostic
from blogcheck.jekyll.folders import not_read, other_case
from blogcheck.post import Post


def check(post: Post, ctx: Context) -> Iterator[Diagnostic]:
    found = not_read(post.rel, ctx.site.config) if post.unread else None
    kind = post.kind
    if found is None and kind == "pages":
        found, kind = other_case(post.rel)
    if found is None:
        return
    what = "draft" if kind == "drafts" else "post"
    yield diagnostic("BC124", post.display, 1, 1, f"Jekyll never reads this {what}: {found.why}", found.fix)
