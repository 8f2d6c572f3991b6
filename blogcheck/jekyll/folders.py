"""Where Jekyll reads posts and drafts, and the path it knows each one by.

Jekyll 4 walks the site's folders (not those starting with `_`, `.`, `#` or `~`,
nor excluded ones) and reads `_posts/` and `_drafts/` in each: `blog/_posts/`
adds the category `blog`. With `collections_dir: my_collections`, only folders
whose path starts with that string count (`my_collections/_posts/`,
`my_collections/blog/_posts/`), and a post's path, for `{% link %}`,
`{% post_url %}`, `defaults:` and its categories, is taken below that folder.
A `_posts/` anywhere else is never read, and Jekyll says nothing about it; nor
about a file inside `_posts/` its entry filter drops (`_posts/_old/`, an
`exclude:`d path)."""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

POST_FOLDERS = ("_posts", "_drafts")
_SPECIAL = (".", "_", "#", "~")  # EntryFilter's special leading characters
MAX_FOLDERS = 20_000  # folders walked to find the post folders: a bound, not a site's size
_DEFAULT_EXCLUDES = (".sass-cache", ".jekyll-cache", "gemfiles", "Gemfile", "Gemfile.lock", "node_modules",
                     "vendor/bundle/", "vendor/cache/", "vendor/gems/", "vendor/ruby/")


def collections_dir(config: dict[str, Any]) -> str:
    """`collections_dir:` as written ("" when unset or not a string)."""
    value = config.get("collections_dir")
    return value if isinstance(value, str) else ""


def document_path(rel: str, config: dict[str, Any]) -> str:
    """The path Jekyll gives a document (a post, a draft, a collection's file):
    relative to `collections_dir`; `rel` is relative to the site root."""
    folder = collections_dir(config).strip("/")
    return rel[len(folder) + 1:] if folder and rel.startswith(folder + "/") else rel


def split(rel: str) -> tuple[list[str], str] | None:
    """(the folders above it, `_posts` or `_drafts`) of a post's or draft's path; the
    folders above are the post's categories to Jekyll (`blog/_posts/x.md`: `blog`)."""
    parts = rel.split("/")
    at = next((i for i, part in enumerate(parts[:-1]) if part in POST_FOLDERS), None)
    return (parts[:at], parts[at]) if at is not None else None


def post_folders(root: Path, config: dict[str, Any], names: tuple[str, ...] = POST_FOLDERS) -> list[Path]:
    """The `_posts/` (and `_drafts/`) folders Jekyll reads, sorted."""
    found: list[Path] = []
    for walked, (here, dirs, _) in enumerate(os.walk(root)):
        if walked >= MAX_FOLDERS:
            break
        rel = os.path.relpath(here, root).replace(os.sep, "/")
        rel = "" if rel == "." else rel
        dirs[:] = sorted(d for d in dirs if _walked(f"{rel}/{d}".lstrip("/"), d, config))
        if _reads_posts_in(rel, config):
            found.extend(Path(here, name) for name in names if Path(here, name).is_dir())
    return sorted(found)


class NotRead(NamedTuple):
    why: str  # why Jekyll never reads the post
    fix: str  # what to do about it


def unread_reason(rel: str, config: dict[str, Any]) -> str:
    """Why Jekyll never reads the post or draft at `rel` (relative to the site
    root), or "" when it does, or when `rel` is in no `_posts/` or `_drafts/`."""
    found = not_read(rel, config)
    return found.why if found is not None else ""


def not_read(rel: str, config: dict[str, Any]) -> NotRead | None:
    """Why Jekyll never reads the post or draft at `rel`, and the fix; None when it does."""
    found = split(rel)
    if found is None:
        return None
    folder, kind = "/".join(found[0]), found[1]
    wanted = collections_dir(config)
    bare = wanted.strip("/")
    home = f"`{bare}/{kind}/`" if bare else f"`{kind}/`"
    if wanted and (folder + "/").startswith(bare + "/"):
        if _skipped(bare, config):
            return NotRead(f"`collections_dir: {wanted}` is a folder Jekyll skips (`_`, `.`, or excluded): "
                           "it reads no posts from it", "name a `collections_dir:` folder Jekyll walks")
        if not _reads_posts_in(folder, config):
            return NotRead(f"`collections_dir: {wanted}` has a slash Jekyll keeps: it reads no posts from "
                           f"`{folder}/{kind}/`", f"write `collections_dir: {bare}` in _config.yml")
    skipped = _skipped(folder, config)
    if skipped:
        return NotRead(f"Jekyll skips the folder `{skipped}/` (its name starts with `_` or `.`, or it is "
                       "excluded)", f"move it into {home}")
    if not _reads_posts_in(folder, config):
        return NotRead(f"it is outside `collections_dir: {wanted}`, the folder Jekyll reads posts from",
                       f"move it into {home}")
    return _left_out_of_listing(rel, len(found[0]), config)


def other_case(rel: str) -> tuple[NotRead | None, str]:
    """Why Jekyll never reads the file at `rel` in a `_Posts/` or `_DRAFTS/` folder
    (and `posts` or `drafts`), or (None, "")."""
    odd = next((part for part in rel.split("/")[:-1] if part.lower() in POST_FOLDERS and part not in POST_FOLDERS), "")
    if not odd:
        return None, ""
    right = odd.lower()
    return NotRead(f"its folder is `{odd}/`, and Jekyll reads `{right}/`, in lower case: a Mac's disk does not mind "
                   "the case, GitHub Pages and CI do", f"rename the folder `{right}`"), right[1:]


def _left_out_of_listing(rel: str, at: int, config: dict[str, Any]) -> NotRead | None:
    """Why Jekyll's listing of a `_posts/` or `_drafts/` folder (Reader#get_entries)
    leaves out the file at `rel`, whose `at`-th part is that folder; None when it lists it.
    Ruby's `Dir["**/*"]` lists nothing hidden; then the entry filter runs on the path
    inside the folder: `include:` wins, `exclude:` (the path from the site root) drops,
    and so does a path or file name starting with `_`, `.`, `#` or `~`, or ending in `~`."""
    parts = rel.split("/")
    kind, inside = "/".join(parts[: at + 1]), parts[at + 1:]
    entry = "/".join(inside)
    hidden = next((name for name in inside if name.startswith(".")), "")
    if hidden:
        return NotRead(f"`{hidden}` is hidden (its name starts with `.`), and Jekyll lists nothing hidden "
                       f"in `{kind}/`", f"take the `.` out of `{hidden}`")
    entries = _filter(config)
    if entries.included(entry) or entries.included(inside[-1]):
        return None
    if entries.excluded(rel):
        return NotRead("`exclude:` in _config.yml covers it", f"take `{rel}` out of `exclude:`, or move the file")
    if inside[0].startswith(_SPECIAL) and len(inside) > 1:
        return NotRead(f"Jekyll skips the folder `{kind}/{inside[0]}/` (a name in `{kind}/` starting with "
                       "`_`, `.`, `#` or `~`)", f"move it into `{kind}/`, or rename the folder")
    if inside[-1].startswith(_SPECIAL):
        return NotRead(f"Jekyll skips a file whose name starts with `{inside[-1][0]}`",
                       f"take the `{inside[-1][0]}` out of its name")
    if entry.endswith("~"):
        return NotRead("Jekyll takes a file whose name ends with `~` for a backup and skips it", "rename it")
    return None


def excluded(rel: str, config: dict[str, Any]) -> bool:
    """Whether `exclude:` in _config.yml (or Jekyll's own: `node_modules/`, `vendor/bundle/`...)
    leaves out the file at `rel` (relative to the site root) or a folder above it."""
    entries = _filter(config)
    parts = rel.split("/")
    return any(entries.excluded("/".join(parts[:i])) and not entries.included(parts[i - 1])
               for i in range(1, len(parts) + 1))


def _skipped(folder: str, config: dict[str, Any]) -> str:
    """The first folder on the way to `folder` that Jekyll does not walk, or ""."""
    parts = [p for p in folder.split("/") if p]
    for i, name in enumerate(parts):
        if not _walked("/".join(parts[: i + 1]), name, config):
            return "/".join(parts[: i + 1])
    return ""


def _reads_posts_in(folder: str, config: dict[str, Any]) -> bool:
    """Jekyll reads `folder/_posts/` (`folder` walked, "" for the root): with
    `collections_dir`, only when "/folder" starts with "/collections_dir"."""
    wanted = collections_dir(config)
    return not wanted or (folder != "" and ("/" + folder).startswith("/" + wanted))


def listed(entry: str, from_source: str, config: dict[str, Any]) -> bool:
    """EntryFilter#filter on one file: `entry` as listed in the folder read, `from_source`
    as `exclude:` is matched against it. `include:` wins; a special or backup name goes."""
    entries = _filter(config)
    name = entry.rsplit("/", 1)[-1]
    if entry.endswith(".") or (entries.excluded(from_source) and not entries.included(entry)
                               and not entries.included(name)):
        return False
    if entries.included(entry) or entries.included(name):
        return True
    return not (entry.startswith(_SPECIAL) or name.startswith(_SPECIAL) or entry.endswith("~"))


def copied(rel: str, config: dict[str, Any]) -> bool:
    """Jekyll's entry filter (`listed`) keeps each folder on the way to the file at `rel` and
    the file: no name starting with `_`, `.`, `#` or `~`, nor ending with `~`, unless `include:`
    names it; `.htaccess` is in Jekyll's own `include:`."""
    parts = rel.split("/")
    return all(part == ".htaccess" or listed(part, "/".join(parts[: i + 1]), config) for i, part in enumerate(parts))


def _walked(rel: str, name: str, config: dict[str, Any]) -> bool:
    """Jekyll's entry filter: `include:` wins; else no special or backup name, nothing excluded."""
    entries = _filter(config)
    if entries.included(name):
        return True
    if name.startswith(_SPECIAL) or name.endswith("~"):
        return False
    return rel != entries.destination and not entries.excluded(rel)


@dataclass(frozen=True)
class _Filter:
    included: Callable[[str], bool]
    excluded: Callable[[str], bool]
    destination: str


_FILTERS: list[tuple[dict[str, Any], _Filter]] = []  # the last few configs (kept alive, so `is` is safe)


def _filter(config: dict[str, Any]) -> _Filter:
    """The entry filter of a config, built once: a config may list thousands of
    patterns, and a site have thousands of folders and posts."""
    for seen, built in _FILTERS:
        if seen is config:
            return built
    built = _Filter(_matcher(_strings(config.get("include"))),
                    _matcher([*_strings(config.get("exclude")), *_DEFAULT_EXCLUDES]),
                    str(config.get("destination") or "_site").strip("/"))
    _FILTERS[:] = [(config, built), *_FILTERS[:3]]
    return built


def _matcher(patterns: list[str]) -> Callable[[str], bool]:
    """Jekyll's glob_include? over `patterns`: a path matches a glob, starts with a
    pattern, or is a pattern's folder without its slash."""
    plain = frozenset(patterns)
    few = tuple(p for p in plain if p) if len(plain) <= 64 else None  # (str.startswith over a tuple, in C)
    globs = [p for p in patterns if any(c in p for c in "*?[")]
    regex = re.compile("|".join(f"(?:{fnmatch.translate(p)})" for p in globs)) if globs else None

    def matches(path: str) -> bool:
        if path + "/" in plain:
            return True
        if path.startswith(few) if few is not None else any(path[:end] in plain for end in range(1, len(path) + 1)):
            return True
        return regex is not None and regex.match(path) is not None

    return matches


def _strings(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value] if isinstance(value, str) else []
    kept = (str(item).strip().lstrip("/") for item in items if isinstance(item, (str, int, float)))
    return [item for item in kept if item]
