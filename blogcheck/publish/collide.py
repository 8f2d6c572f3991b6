"""Files of the target that Jekyll would write to the same page as a published post.

The source's BC140 check sees only the source's posts; the target site may
hold an older post under another file name with the same URL, or a page or file
there (its home page: a post with `permalink: /`), and one would silently
replace the other (Jekyll only warns: "Conflict: The following destination is
shared by multiple files")."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from blogcheck.jekyll.site import Site


def collisions(clone: Path, published: list[str]) -> list[str]:
    """One line per published post (a path in the clone) whose page another
    post of the target also writes."""
    from blogcheck.checks import Context
    from blogcheck.checks.urls import url_of
    from blogcheck.config import Config
    from blogcheck.discover import discover
    from blogcheck.jekyll.folders import post_folders
    from blogcheck.jekyll.site import load_site
    from blogcheck.jekyll.url import destination
    from blogcheck.post import Post, load

    site, config = load_site(clone), Config()
    folders = post_folders(clone, site.config, ("_posts",))
    if not folders:
        return []
    ctx = Context(site, config)
    pages: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for path in discover(folders, clone):
        rel = path.relative_to(clone.resolve()).as_posix() if path.is_relative_to(clone.resolve()) else path.name
        post = load(path, rel, site, config.max_file_size)
        url = url_of(post, ctx) if isinstance(post, Post) else None
        if url is not None:
            pages[destination(url)].append((rel, url))
    for rel, url in _pages(site):
        pages[destination(url)].append((rel, url))
    found = []
    for group in pages.values():
        ours = [(rel, url) for rel, url in group if rel in published]
        for rel, url in ours:
            others = list(dict.fromkeys(other for other, _ in group if other != rel))
            if others:
                found.append(f"  {rel} and {', '.join(others)} would both be {url}")
    return found


def _pages(site: Site) -> list[tuple[str, str]]:
    """(file, URL) of every page, document and static file the target publishes besides its posts."""
    from blogcheck.links.local import SiteIndex

    index = SiteIndex.build(site, [], lambda post: None)
    return sorted(index.by_file.items())
