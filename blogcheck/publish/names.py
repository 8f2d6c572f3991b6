"""Jekyll's file name for a published post, and which target paths are safe."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import PurePosixPath

from blogcheck.discover import POST_SUFFIXES
from blogcheck.jekyll import dates
from blogcheck.jekyll.site import Site
from blogcheck.post import Post


class TargetNameError(Exception):
    def __init__(self, code: str, message: str, line: int = 1) -> None:
        super().__init__(message)
        self.code, self.message, self.line = code, message, line


def post_name(post: Post, site: Site) -> str:
    """`YYYY-MM-DD-slug.ext`: the date and slug of the file name (the date
    zero-padded), or, for a name without a date (a draft), the `date:` in the
    site's time zone and the whole name as slug."""
    name = PurePosixPath(post.path.name)
    match = dates.POST_NAME.match(name.name)
    if match:
        day = dates.filename_date(name.name)
        if day is None:
            raise TargetNameError("BC901", f"`{match[1]}` in the file name is no date")
        slug, ext = match[2], match[3]
    else:
        value = post.front.data.get("date")
        moment = dates.parse_date(value) if value is not None else None
        if moment is None:
            line = post.front.locate(("date",)).line if value is not None else 1
            raise TargetNameError("BC901", "no date: neither the file name nor a valid `date:` gives one", line)
        day = dates.in_zone(moment, site.timezone).date()
        slug, ext = name.stem, name.suffix
    if not _safe_slug(slug) or ext.lower() not in POST_SUFFIXES:
        raise TargetNameError("BC902", f"`{slug}{ext}` cannot be a post file name in `_posts/`")
    return dated_name(day, slug, ext)


def dated_name(day: dt.date, slug: str, ext: str) -> str:
    """`YYYY-MM-DD-slug.ext`, the date zero-padded."""
    return f"{day.year:04d}-{day.month:02d}-{day.day:02d}-{slug}{ext}"


def _safe_slug(slug: str) -> bool:
    return (bool(slug.strip(". ")) and not slug.startswith(".") and "/" not in slug and "\\" not in slug
            and not any(unicodedata.category(c).startswith("C") for c in slug))


def safe_rel(path: str) -> bool:
    """A relative POSIX path that stays inside the folder it is relative to and
    touches nothing hidden (`.git/` above all)."""
    if not path or "\\" in path or "\0" in path:
        return False
    parts = PurePosixPath(path).parts
    return (not PurePosixPath(path).is_absolute() and bool(parts)
            and all(p not in ("", ".", "..") and not p.startswith(".") for p in parts))
