"""URLs that plugins and the host add to a Jekyll site: feeds, sitemaps,
pagination, tag and category pages, and Netlify `_redirects` rules."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from blogcheck import files
from blogcheck.jekyll.url import slugify
from blogcheck.post import Post

_AUTOPAGES = {"tags": (":tag", "/tag/:tag"), "categories": (":cat", "/category/:cat")}
_ARCHIVES = {"tags": ("tag", "/tag/:name/"), "categories": ("category", "/category/:name/")}


def as_list(value: object) -> list[str]:
    """A config or front-matter value that may be one string or a list, as strings."""
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value] if isinstance(value, list) else []


def generated(config: dict[str, Any], root: Path, posts: list[Post]) -> tuple[list[str], list[str], list[str]]:
    """(URLs, pagination prefixes, wildcard prefixes) the site serves besides
    its files and posts; a pagination prefix is followed by a page number."""
    plugins = set(as_list(config.get("plugins")) + as_list(config.get("gems")))
    urls = ["/"]
    feed = config.get("feed")
    path = feed.get("path") if isinstance(feed, dict) else None
    if "jekyll-feed" in plugins:
        urls.append(path if isinstance(path, str) and path.startswith("/") else "/feed.xml")
    if "jekyll-sitemap" in plugins:
        urls += ["/sitemap.xml", "/robots.txt"]
    prefixes = []
    for template in (config.get("paginate_path"), _dig(config, "pagination", "permalink")):
        if isinstance(template, str) and ":num" in template:
            prefixes.append(_pager(template))
    urls += list(_term_pages(config, posts))
    redirects, wildcards = _netlify(root / "_redirects")
    return urls + redirects, prefixes, wildcards


def _dig(table: dict[str, Any], *keys: str) -> Any:
    for name in keys:
        table = table.get(name) if isinstance(table, dict) else None  # type: ignore[assignment]
    return table


def _pager(template: str) -> str:
    """`/page:num/` -> `/page`, `/page/:num/` -> `/page/`: what precedes the number."""
    return re.sub(r"/+", "/", "/" + template.split(":num")[0].lstrip("/"))


def _term_pages(config: dict[str, Any], posts: list[Post]) -> Iterator[str]:
    """Tag and category pages of jekyll-archives and jekyll-paginate-v2 autopages."""
    archives = config.get("jekyll-archives")
    enabled = as_list(archives.get("enabled")) if isinstance(archives, dict) else []
    if enabled == ["all"]:
        enabled = list(_ARCHIVES)
    for kind in enabled:
        if kind in _ARCHIVES:
            single, default = _ARCHIVES[kind]
            template = _dig(archives if isinstance(archives, dict) else {}, "permalinks", single) or default
            yield from _fill(str(template), ":name", _terms(posts, kind))
    autopages = config.get("autopages")
    if isinstance(autopages, dict) and autopages.get("enabled"):
        for kind, (placeholder, default) in _AUTOPAGES.items():
            section = autopages.get(kind)
            if isinstance(section, dict) and section.get("enabled"):
                yield from _fill(str(section.get("permalink") or default), placeholder, _terms(posts, kind))


def _terms(posts: list[Post], kind: str) -> set[str]:
    found: set[str] = set()
    for post in posts:
        for key in ((kind, kind[:-1]) if kind == "tags" else (kind, "category")):
            value = post.data.get(key)
            found.update(value.split() if isinstance(value, str) else as_list(value))
    return found


def _fill(template: str, placeholder: str, terms: set[str]) -> Iterator[str]:
    """The page of each term, in each way plugins spell a term (raw, slug, pretty slug)."""
    for term in terms:
        for spelling in {term, slugify(term), slugify(term, pretty=True)}:
            yield template.replace(placeholder, spelling)


def _netlify(path: Path) -> tuple[list[str], list[str]]:
    """Sources of Netlify redirect rules (`/old /new 301`): they answer too."""
    try:
        text = files.read_text(path, errors="replace") if path.is_file() else ""
    except OSError:
        return [], []
    exact: list[str] = []
    wildcards: list[str] = []
    for line in text.splitlines():
        source = line.split("#", 1)[0].split()[:1]
        if source and source[0].startswith("/"):
            (wildcards if source[0].endswith("*") else exact).append(source[0].rstrip("*"))
    return exact, wildcards
