"""A post's layouts as files of the site: `layout: post` is `_layouts/post.html`, whose
own `layout:` names the next one, as Jekyll renders them (it stops at a layout used
twice, and one not on disk is a theme's or none)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from blogcheck.jekyll.encoding import UTF8, Encoding, read_text
from blogcheck.jekyll.site import Site

LAYOUTS = 10  # a chain of layouts this deep at most (Jekyll stops a loop of them)
_BYTES = 1_000_000  # of a layout read at most
_LAYOUT_KEY = re.compile(r"^layout:\s*['\"]?([^'\"\s#]+)", re.MULTILINE)


@dataclass(frozen=True)
class Layout:
    name: str  # as `layout:` names it (`post`, `blog/post`)
    path: Path
    body: str  # the template, after its front matter
    body_line: int  # the file's line of the body's first line


def layout_file(site: Site, name: str) -> Path | None:
    """The file of layout `name` (`post`, `blog/post`): its name less the last extension."""
    wanted = site.root / site.layouts_dir / name
    try:
        found = sorted(p for p in wanted.parent.iterdir() if p.is_file() and p.stem == wanted.name)
    except (OSError, ValueError):  # no such folder; a name with a NUL
        return None
    return found[0] if found else None


def read(path: Path, encoding: Encoding = UTF8) -> str | None:
    """A layout (or include) as text, read as Jekyll reads it: in the site's `encoding:`."""
    try:
        return read_text(path, _BYTES, encoding) if path.is_file() else None
    except (OSError, ValueError):
        return None


def chain(site: Site, name: object) -> list[Layout]:
    """The layouts that render around a page whose `layout:` is `name`, innermost first,
    as far as they are files of the site."""
    from blogcheck.parse.split import split

    found: list[Layout] = []
    for _ in range(LAYOUTS):
        if not isinstance(name, str) or any(layout.name == name for layout in found):
            return found
        if site.layouts is not None and name not in site.layouts:  # Jekyll's `site.layouts[name]`: none
            return found
        path = layout_file(site, name)
        text = read(path, site.encoding) if path is not None else None
        if path is None or text is None:
            return found
        parts = split(text)
        found.append(Layout(name, path, parts.body, parts.body_line))
        match = _LAYOUT_KEY.search(parts.yaml or "")
        name = match[1] if match else None
    return found
