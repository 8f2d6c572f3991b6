"""The URL Jekyll gives a post, from its permalink template and placeholders."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import PurePosixPath
from typing import Any

STYLES = {
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
    "none": "/:categories/:title:output_ext",
}
_PLACEHOLDER = re.compile(r":([a-z_]+)")
_PRETTY = re.compile(r"[^\w._~!$&'()+,;=@]+")
_DEFAULT = re.compile(r"[^\w]+")


def slugify(text: str, pretty: bool = False) -> str:
    """Jekyll's `Utils.slugify` in "default" mode (lower case) or "pretty" + cased."""
    if pretty:
        return _PRETTY.sub("-", text).strip("-")
    return _DEFAULT.sub("-", text).strip("-").lower()


def categories(data: dict[str, Any], path_dirs: list[str]) -> list[str]:
    """`category` and `categories` merged as Jekyll's pluralized_array_from_hash does."""
    found = list(path_dirs)
    for key in ("category", "categories"):
        value = data.get(key)
        if isinstance(value, str):
            found.extend(value.split() if key == "categories" else [value])
        elif isinstance(value, list):
            found.extend(str(v) for v in value if v is not None)
    seen: dict[str, None] = {}
    for cat in found:
        seen.setdefault(cat.lower(), None)
    return list(seen)


def template_for(data: dict[str, Any], site_config: dict[str, Any]) -> str:
    permalink = data.get("permalink")
    if isinstance(permalink, str) and permalink:
        return permalink
    collections = site_config.get("collections")
    posts = collections.get("posts") if isinstance(collections, dict) else None
    if isinstance(posts, dict) and isinstance(posts.get("permalink"), str):
        style = posts["permalink"]
    else:
        style = site_config.get("permalink") or "date"
    style = str(style)
    return STYLES.get(style, style)


def post_url(
    data: dict[str, Any], slug: str, moment: dt.datetime, path_dirs: list[str], site_config: dict[str, Any], ext: str
) -> str:
    """The URL Jekyll writes the post to (`moment` already in the site zone)."""
    title = data.get("slug") if isinstance(data.get("slug"), str) else slug
    values = {
        "year": f"{moment.year:04d}", "month": f"{moment.month:02d}", "i_month": str(moment.month),
        "day": f"{moment.day:02d}", "i_day": str(moment.day), "short_year": f"{moment.year % 100:02d}",
        "hour": f"{moment.hour:02d}", "minute": f"{moment.minute:02d}", "second": f"{moment.second:02d}",
        "y_day": f"{moment.timetuple().tm_yday:03d}", "week": f"{moment.isocalendar()[1]:02d}",
        "short_day": moment.strftime("%a"), "long_day": moment.strftime("%A"),
        "short_month": moment.strftime("%b"), "long_month": moment.strftime("%B"),
        "title": slugify(str(title), pretty=True), "slug": slugify(str(title)), "name": slugify(slug),
        "categories": "/".join(categories(data, path_dirs)), "output_ext": _output_ext(ext),
        "collection": "posts",
    }

    def fill(match: re.Match[str]) -> str:
        name = match[1]
        for size in range(len(name), 0, -1):  # longest known placeholder wins
            if name[:size] in values:
                return values[name[:size]] + name[size:]
        return match[0]

    url = _PLACEHOLDER.sub(fill, template_for(data, site_config))
    url = re.sub(r"/{2,}", "/", "/" + url)
    return url


def _output_ext(ext: str) -> str:
    return ".html" if ext.lower() in {".md", ".markdown", ".mkd", ".mkdn", ".mkdown", ".html", ".htm"} else ext


def destination(url: str) -> str:
    """The file Jekyll writes for `url`; two posts collide when these match."""
    path = url + "index" if url.endswith("/") else url
    if PurePosixPath(path).suffix != ".html":
        path += ".html"
    return path
