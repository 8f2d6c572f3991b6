"""The URL Jekyll gives a post, from its permalink template and placeholders."""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Callable
from pathlib import PurePosixPath
from typing import Any

STYLES = {
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
    "none": "/:categories/:title:output_ext",
}
_PLACEHOLDER = re.compile(r":([a-z_]+)")  # URL#generate_url_from_drop: the whole run of [a-z_] is the name
_PRETTY_KEPT = frozenset("._~!$&'()+,;=@")
_ASCII = re.compile(r"[^A-Za-z0-9]+")
_ASCII_PRETTY = re.compile(r"[^A-Za-z0-9._~!$&'()+,;=@]+")
_RUBY_SPACE = re.compile(r"[ \t\n\v\f\r]+")  # String#split with no argument


def slugify(text: str, pretty: bool = False) -> str:
    """Jekyll's `Utils.slugify` in "default" mode (lower case) or "pretty" + cased: every
    run of characters other than letters, marks and decimal digits (and, pretty, `._~!$&'()+,;=@`)
    becomes one `-`, and a `-` at either end goes."""
    if text.isascii():  # the usual case, in one regex: ASCII letters and digits are L and Nd, no other is
        slug = (_ASCII_PRETTY if pretty else _ASCII).sub("-", text).strip("-")
        return slug if pretty else slug.lower()
    kept = [ch if _kept(ch, pretty) else "-" for ch in text]
    slug = re.sub("-+", "-", "".join(kept)).strip("-")
    return slug if pretty else slug.lower()


def _kept(ch: str, pretty: bool) -> bool:
    category = unicodedata.category(ch)
    return category[0] in "LM" or category == "Nd" or (pretty and ch in _PRETTY_KEPT)


def categories(data: dict[str, Any], path_dirs: list[str]) -> list[str]:
    """A post's `categories` as Jekyll 4 leaves them (Document#categories_from_path, then
    #populate_categories): the folders above `_posts/`, then `categories:` (a string split
    on spaces), then `category:` (Utils.pluralized_array_from_hash), each once."""
    found = list(path_dirs)
    plural = data.get("categories")
    found += [w for w in _RUBY_SPACE.split(plural) if w] if isinstance(plural, str) else _flat(plural, keep_nil=True)
    if data.get("category") not in (None, False):  # Ruby's nil and false: `categories:` again, no change
        found += _flat(data["category"], keep_nil=False)
    return list(dict.fromkeys(name for name in found if isinstance(name, str)))


def _flat(value: Any, keep_nil: bool) -> list[str]:
    """A value's items as Ruby's `to_s` writes them (nil: "" or left out)."""
    items = value if isinstance(value, list) else [] if value is None else [value]
    return [_ruby_str(item) for item in items if item is not None or keep_nil]


def _ruby_str(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


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


def post_url(data: dict[str, Any], slug: str, moment: dt.datetime, path_dirs: list[str], site_config: dict[str, Any],
             ext: str, *, file: str = "") -> str:
    """The URL Jekyll writes the post to (`moment` already in the site zone). `file` is the
    path Jekyll knows the post by (below `collections_dir`: `blog/_posts/2024-1-5-x.md`),
    for `:name` and `:path`; without it, they are worked out from the date, the slug and
    the folders, which is right for a post whose file name is dated `moment`, zero-padded."""
    file = file or "/".join([*path_dirs, "_posts", f"{moment:%Y-%m-%d}-{slug}{ext}"])
    drop = _Drop(data, slug, moment, path_dirs, ext, file)

    def fill(match: re.Match[str]) -> str:
        name = match[1]
        if name in _VALUES:
            return _VALUES[name](drop)
        if name.endswith("_") and name[:-1] in _VALUES:  # `:month_:day`
            return _VALUES[name[:-1]](drop) + "_"
        return match[0]  # unknown: Jekyll stops the build ("The URL template doesn't have ... keys")

    return sanitize(_PLACEHOLDER.sub(fill, template_for(data, site_config)))


def sanitize(url: str) -> str:
    """URL#sanitize_url, which every permalink goes through: a leading `/`, each `..`
    made `/`, each `./` dropped, and runs of `/` made one (`a..b.png` is `a/b.png`)."""
    return re.sub(r"/{2,}", "/", ("/" + url).replace("..", "/").replace("./", ""))


def placeholders(template: str) -> set[str]:
    """The `:names` a permalink template writes (`:month_:day` names `month` and `day`)."""
    return {m[1].removesuffix("_") if m[1] not in PLACEHOLDERS else m[1] for m in _PLACEHOLDER.finditer(template)}


def unknown_placeholders(template: str) -> list[str]:
    """The `:names` of a permalink template that Jekyll has no value for: it stops the
    build on the first ("The URL template doesn't have yaer keys")."""
    found = (m[1] for m in _PLACEHOLDER.finditer(template))
    return list(dict.fromkeys(n for n in found if n not in PLACEHOLDERS and n.removesuffix("_") not in PLACEHOLDERS))


class _Drop:
    """Drops::UrlDrop of Jekyll 4.3 for one post; each value is worked out only when the
    template asks for it (a run fills hundreds of templates of two or three names)."""

    def __init__(self, data: dict[str, Any], slug: str, moment: dt.datetime, path_dirs: list[str], ext: str,
                 file: str) -> None:
        self.data, self.slug, self.moment = data, slug, moment
        self.path_dirs, self.ext, self.file = path_dirs, ext, file

    @functools.cached_property
    def title(self) -> str:
        given = self.data.get("slug")
        return given if isinstance(given, str) else self.slug.rstrip(".")  # Document#populate_title

    @functools.cached_property
    def categories(self) -> list[str]:
        return categories(self.data, self.path_dirs)

    def path(self) -> str:
        file = self.file
        return file[: -len(PurePosixPath(file).suffix) or None].replace("_posts", "", 1).rstrip(".")


_VALUES: dict[str, Callable[[_Drop], str]] = {
    "year": lambda d: f"{d.moment.year:04d}", "month": lambda d: f"{d.moment.month:02d}",
    "i_month": lambda d: str(d.moment.month), "day": lambda d: f"{d.moment.day:02d}",
    "i_day": lambda d: str(d.moment.day), "short_year": lambda d: f"{d.moment.year % 100:02d}",
    "hour": lambda d: f"{d.moment.hour:02d}", "minute": lambda d: f"{d.moment.minute:02d}",
    "second": lambda d: f"{d.moment.second:02d}", "y_day": lambda d: f"{d.moment.timetuple().tm_yday:03d}",
    "week": lambda d: f"{d.moment.isocalendar()[1]:02d}", "w_year": lambda d: str(d.moment.isocalendar()[0]),
    "w_day": lambda d: str(d.moment.isocalendar()[2]), "short_day": lambda d: d.moment.strftime("%a"),
    "long_day": lambda d: d.moment.strftime("%A"), "short_month": lambda d: d.moment.strftime("%b"),
    "long_month": lambda d: d.moment.strftime("%B"),
    "title": lambda d: slugify(d.title, pretty=True), "slug": lambda d: slugify(d.title),
    "name": lambda d: slugify(PurePosixPath(d.file).stem),  # Document#basename_without_ext
    "categories": lambda d: "/".join(dict.fromkeys(c.lower() for c in d.categories)),
    "slugified_categories": lambda d: "/".join(dict.fromkeys(slugify(c) for c in d.categories)),
    "path": _Drop.path, "output_ext": lambda d: _output_ext(d.ext), "collection": lambda d: "posts",
}
PLACEHOLDERS = frozenset(_VALUES)  # the names Jekyll 4.3's UrlDrop offers a post


def _output_ext(ext: str) -> str:
    """Markdown becomes `.html`; any other file keeps its extension (an `.htm` post is
    written as `.htm`, checked with Jekyll 4.3)."""
    return ".html" if ext.lower() in {".md", ".markdown", ".mkd", ".mkdn", ".mkdown"} else ext


def destination(url: str) -> str:
    """The file Jekyll writes for `url`; two posts collide when these match."""
    path = url + "index" if url.endswith("/") else url
    if PurePosixPath(path).suffix != ".html":
        path += ".html"
    return path
