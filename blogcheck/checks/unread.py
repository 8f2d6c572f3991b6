"""BC124: a post or draft in a folder Jekyll never reads: outside `collections_dir`,
below a folder it skips (`_old/_posts/`), or with a `collections_dir` it cannot
use. Jekyll builds the site without it and says nothing."""

from __future__ import annotations

from collections.abc import Iterator

from blogcheck.checks import Context
from blogcheck.codes import diagnostic
from blogcheck.diagnostic import Diagnostic
from blogcheck.jekyll.folders import collections_dir
from blogcheck.post import Post


def check(post: Post, ctx: Context) -> Iterator[Diagnostic]:
    if not post.unread:
        return
    what, folder = ("draft", "_drafts") if post.kind == "drafts" else ("post", "_posts")
    wanted = collections_dir(ctx.site.config).strip("/")
    hint = f"move it into `{wanted}/{folder}/`" if wanted and wanted in post.unread else f"move it into `{folder}/`"
    if "collections_dir:" in post.unread and "outside" not in post.unread:
        hint = "fix `collections_dir:` in _config.yml"
    yield diagnostic("BC124", post.display, 1, 1, f"Jekyll never reads this {what}: {post.unread}", hint)
