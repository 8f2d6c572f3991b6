"""The ids of a page or file of the site that a `#fragment` link points into, when they
can be known without building the site; None when they cannot (the check then says
nothing). Known: a static HTML file (copied as it is: its ids are in it); a Markdown or
HTML page without Liquid whose layouts are files of the site without Liquid-made ids
or loops (a tags page, `{% for tag in site.tags %}<h2 id="{{ tag[0] }}">`, or a theme's
layout not on disk, makes ids no static reading sees)."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import TYPE_CHECKING

from blogcheck.jekyll.layouts import LAYOUTS, layout_file
from blogcheck.jekyll.layouts import read as _read
from blogcheck.links import html

if TYPE_CHECKING:
    from collections.abc import Callable

    from blogcheck.jekyll.encoding import Encoding
    from blogcheck.jekyll.site import Site
    from blogcheck.post import Post

_MADE_IDS = re.compile(r"""\bid\s*=\s*["']?[^"'>\s]*\{[{%]|\{%-?\s*for\b""")  # ids Liquid makes, or a loop
_INCLUDES = 500  # files of `_includes/` read at most
_INCLUDE = re.compile(r"\{%-?\s*include")


def page_ids(site: Site, rel: str, markdown_ids: Callable[[Post], set[str]], max_size: int) -> set[str] | None:
    """The ids of the page or file `rel` (from the site root), or None when unknown."""
    from blogcheck.parse.split import split
    from blogcheck.post import Post, load

    path = site.root / rel
    suffix = path.suffix.lower()
    text = _read(path)  # UTF-8: a file with no front matter Jekyll copies, and does not read
    if text is None:
        return None
    if split(text).yaml is None:  # no front matter: copied as it is
        return set(html.read(text)[1]) if suffix in (".html", ".htm") else None
    page = load(path, rel, site, max_size)
    if not isinstance(page, Post) or "{{" in page.body or "{%" in page.body:
        return None
    if not _static_layouts(site, page.data.get("layout")):
        return None
    return markdown_ids(page) if site.converts_markdown(path) else set(html.read(page.body)[1])


def _static_layouts(site: Site, name: object) -> bool:
    """Every layout of the chain from `name` is a file of the site that makes no id with
    Liquid and runs no loop, nor includes a file of `_includes/` while one there does
    (its static ids are the site's layout ids)."""
    from blogcheck.parse.split import split

    for _ in range(LAYOUTS):
        if name is None or name == "none":
            return True
        if not isinstance(name, str):
            return False
        found = layout_file(site, name)
        text = _read(found, site.encoding) if found is not None else None
        if text is None or _MADE_IDS.search(text) or (_INCLUDE.search(text) and
                                                       _includes_make_ids(site.root, site.encoding)):
            return False
        front = split(text).yaml
        match = re.search(r"^layout:\s*['\"]?([^'\"\s#]+)", front or "", re.MULTILINE)
        name = match[1] if match else None
    return False


@functools.lru_cache(maxsize=4)
def _includes_make_ids(root: Path, encoding: Encoding) -> bool:
    """A file of the site's `_includes/` makes ids with Liquid or runs a loop (a table of
    contents, a list of tags): a layout that includes files may have ids no reading sees."""
    folder = root / "_includes"
    try:
        paths = sorted(p for p in folder.rglob("*") if p.is_file())[:_INCLUDES] if folder.is_dir() else []
    except OSError:
        return True
    return any(text is None or _MADE_IDS.search(text) for text in (_read(path, encoding) for path in paths))
