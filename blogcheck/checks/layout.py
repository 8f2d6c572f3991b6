"""BC130: `layout:` (after `_config.yml` defaults) that names no layout: Jekyll warns
("Layout 'x' requested in ... does not exist") and renders the post without one.
A layout is named by its path in the layouts folder less the extension (`post`,
`blog/post`), and looked up exactly: `layout: post.html` names none."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from blogcheck.checks import Context
from blogcheck.codes import diagnostic
from blogcheck.diagnostic import Diagnostic
from blogcheck.post import Post

_NO_LAYOUT = frozenset({"", "none"})  # "none" is Jekyll's own; an empty one is BC110's (YAML null is no string)


def check(post: Post, ctx: Context) -> Iterator[Diagnostic]:
    layouts = ctx.site.layouts
    layout = post.data.get("layout")
    # Without a layouts folder (or with a theme, whose layouts are not on disk) there
    # is nothing to compare against.
    if layouts is None or ctx.site.has_theme or not isinstance(layout, str) or layout in _NO_LAYOUT:
        return
    if layout in layouts:
        return
    folder = ctx.site.layouts_dir
    if "." in layout and layout.rsplit(".", 1)[0] in layouts:
        hint = f"drop the extension: `layout: {layout.rsplit('.', 1)[0]}`"
    else:
        close = difflib.get_close_matches(layout, sorted(layouts), n=1, cutoff=0.6)
        hint = f"did you mean `{close[0]}`?" if close else f"layouts here: {', '.join(sorted(layouts)) or 'none'}"
    if "layout" in post.front.data:
        where = post.front.locate(("layout",))
        source = ""
    else:
        where = post.front.locate(())
        source = " (set by `defaults:` in _config.yml)"
    yield diagnostic("BC130", post.display, where.line, where.column,
                     f"layout `{layout}`{source} is not in {folder}/", hint)
