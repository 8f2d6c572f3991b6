"""Build stops in posts Jekyll does not build: a warning, not an error.

Jekyll parses and renders a post's Liquid only when it builds the post: a Liquid
syntax error, an unknown tag, an `{% include %}` of nothing or a `{% post_url %}`
of no post stops the build then, and not while the post has `published: false`,
is dated ahead, or is a file Jekyll never reads (checked with Jekyll 4.3). Such a
finding stays, since it stops the build the day the post is published, but as a
warning that says why the build goes on for now. (A date Jekyll cannot read stops
it anyway: Jekyll reads every post before it leaves any out.)"""

from __future__ import annotations

import dataclasses
from pathlib import PurePosixPath

from blogcheck.diagnostic import Diagnostic, Severity
from blogcheck.jekyll import built, dates
from blogcheck.jekyll.site import Site
from blogcheck.post import Post
from blogcheck.unbuilt_codes import AT_RENDER


def soften(found: list[Diagnostic], posts: list[Post], site: Site) -> list[Diagnostic]:
    """`found`, with the build stops of posts Jekyll leaves out made warnings that say why."""
    why_of = {post.display: why for post in posts if (why := not_built(post, site))}
    if not why_of:
        return found
    softened = []
    for diag in found:
        why = why_of.get(diag.path, "")
        if why and diag.code in AT_RENDER and diag.severity is Severity.ERROR and "stops" in diag.message:
            diag = dataclasses.replace(diag, severity=Severity.WARNING,
                                       message=f"{diag.message}, once Jekyll builds the post; now {why}")
        softened.append(diag)
    return softened


def not_built(post: Post, site: Site) -> str:
    """Why Jekyll does not build `post` now (a draft aside: `--drafts` builds those), or ""."""
    name = PurePosixPath(post.rel).name
    if post.kind != "posts":
        return ""
    if post.unread:
        return f"Jekyll never reads it: {post.unread}"
    if dates.POST_NAME.match(name) is None:
        return "Jekyll skips it: its file name has no date"
    return built.left_out(post.data, name, site.config, site.timezone)
