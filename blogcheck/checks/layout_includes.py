"""BC503, BC504, BC505 and BC507 in a post's layouts: an `{% include %}` of a layout that
always runs (in no `if`, `unless`, `case` or loop) and stops the build of every post
rendered with it: a file not in `_includes/`, a name or arguments Jekyll refuses, a
file whose Liquid Jekyll cannot parse, or an include loop ("Nesting too deep").

Reported on each checked post that uses the layout, at its `layout:` (or at the front
matter, when `defaults:` set it), as BC130 is: that post is what does not build. A layout
not on disk (a theme's) is not read, and with a theme, a missing file may be the theme's.
`include_relative` in a layout reads beside the page, not the layout: not followed."""

from __future__ import annotations

from collections.abc import Iterator

from blogcheck.checks import Context
from blogcheck.checks.includes import always, include_loop, included_file, loop_finding, problem, shown
from blogcheck.checks.liquid import line_starts, position
from blogcheck.codes import diagnostic
from blogcheck.diagnostic import Diagnostic
from blogcheck.jekyll.layouts import Layout, chain
from blogcheck.post import Post

_FOLLOWED = frozenset({"include", "include_cached"})
_MARKUP_MAX = 2_000  # as includes.py: a longer markup is no include's


def check(post: Post, ctx: Context) -> Iterator[Diagnostic]:
    layout = post.data.get("layout")
    if ctx.site.layouts is None or not isinstance(layout, str) or layout not in ctx.site.layouts:
        return
    known: dict[str, list[tuple[str, str, str]]] = ctx.cache.setdefault("layout_includes", {})
    if layout not in known:
        # the same finding once (a layout may write the same missing include many times)
        known[layout] = list(dict.fromkeys(found for each in chain(ctx.site, layout)
                                           for found in _problems(each, post, ctx)))
    if not known[layout]:
        return
    where = post.front.locate(("layout",)) if "layout" in post.front.data else post.front.locate(())
    for code, message, hint in known[layout]:
        yield diagnostic(code, post.display, where.line, where.column, message, hint)


def _problems(layout: Layout, post: Post, ctx: Context) -> Iterator[tuple[str, str, str]]:
    """What stops the build in this layout's include tags that always run. The post is
    only the way in: an `include` reads the same file whatever the page."""
    where = shown(layout.path.parent, ctx.site.root) + layout.path.name
    starts: list[int] = []
    seen: set[tuple[str, str]] = set()
    for tag in always(layout.body) if "include" in layout.body else []:
        if tag.name not in _FOLLOWED or len(tag.markup) > _MARKUP_MAX or "{{" in tag.markup:
            continue  # a name Liquid builds is known only in the build
        if (tag.name, tag.markup) in seen:
            continue  # the same include again: told at its first place
        seen.add((tag.name, tag.markup))
        starts = starts or line_starts(layout.body)
        line = position(starts, tag.start, layout.body_line)[0]
        said = f"the layout `{layout.name}` ({where}, line {line})"
        found = problem(tag.name, tag.markup, post, ctx)
        if found is not None:
            yield found[0], f"{said}: {found[1]}", found[2]
            continue
        path = included_file(tag.name, tag.markup, post, ctx)
        loop = include_loop(path, post, ctx) if path is not None else None
        if loop is not None:
            code, message, hint = loop_finding(f"{{% {tag.name} %}}", loop, ctx.site.root)
            yield code, f"{said}: {message}", hint
