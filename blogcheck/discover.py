"""Find the post files to check under the paths a user gives."""

from __future__ import annotations

import fnmatch
import os
import re
from pathlib import Path
from typing import Any

from blogcheck.jekyll.folders import post_folders

POST_SUFFIXES = frozenset({".md", ".markdown", ".mkd", ".mkdn", ".mkdown", ".html"})
_SKIP_DIRS = frozenset({".git", "_site", "node_modules", "vendor", ".jekyll-cache", ".sass-cache", ".venv"})
POST_DIRS = ("_posts", "_drafts")


class DiscoverError(Exception):
    """A path that does not exist: a usage error."""


def discover(paths: list[Path], root: Path, exclude: tuple[str, ...] = (),
             unreadable: list[OSError] | None = None) -> list[Path]:
    """Absolute paths of the posts to check, sorted, each once. Files named
    explicitly are always taken; folders are walked for posts in `_posts/` and
    `_drafts/` (or for every Markdown/HTML file when the folder has neither).
    With `unreadable`, the error of each path that cannot be read (a folder met on
    the walk, or named) is added to it; without, a named one is a DiscoverError."""
    found: dict[Path, None] = {}
    for path in paths:
        try:
            found.update(dict.fromkeys(_named(path, unreadable)))
        except OSError as exc:  # a folder above it, or the folder itself, that cannot be read
            if unreadable is None:
                raise DiscoverError(f"{path}: cannot read: {exc.strerror or exc}") from None
            unreadable.append(exc if exc.filename else OSError(exc.errno, exc.strerror, str(path)))
    return sorted(p for p in found if not matches(p, root, exclude))


def _named(path: Path, unreadable: list[OSError] | None) -> list[Path]:
    if path.is_file():
        # a post that is a symbolic link keeps its own name, as in a walk: Jekyll reads it
        # by that name (`_posts/2024-01-01-x.md` -> `../notes/x.md` is a dated post)
        return [path.parent.resolve() / path.name]
    if path.is_dir():
        with os.scandir(path):  # a folder named that cannot be read: the OSError above
            pass
        return _walk(path.resolve(), unreadable)
    if path.exists():  # a named pipe, a device: reading it would hang
        raise DiscoverError(f"{path}: not a regular file or folder")
    if path.is_symlink():
        raise DiscoverError(f"{path}: a symbolic link to nothing ({os.readlink(path)})")
    raise DiscoverError(f"{path}: no such file or folder")


def default_paths(root: Path, config: dict[str, Any]) -> list[Path]:
    """The posts of a site: the `_posts/` and `_drafts/` folders Jekyll reads, and
    those at the root, which it may not read (a post there is then reported)."""
    return sorted({*post_folders(root, config), *(root / name for name in POST_DIRS if (root / name).is_dir())})


def _walk(folder: Path, unreadable: list[OSError] | None = None) -> list[Path]:
    every: list[Path] = []
    in_posts: list[Path] = []

    def failed(exc: OSError) -> None:
        if unreadable is not None and exc.filename:
            unreadable.append(exc)

    for here, dirs, files in os.walk(folder, onerror=failed):
        dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS and not d.startswith("."))
        parts = Path(here).relative_to(folder.parent).parts
        posts = "_posts" in parts
        chosen = [Path(here, f) for f in sorted(files) if Path(f).suffix.lower() in POST_SUFFIXES
                  or (posts and (stray(f) or no_extension(f)))]
        every.extend(chosen)
        if any(part in POST_DIRS for part in parts):
            in_posts.extend(chosen)
    return in_posts if _seen_post_dir(folder, every, in_posts) else every


def stray(name: str) -> bool:
    """A file of `_posts/` that Jekyll takes for a post though blogcheck does not read it
    as one: every dated name is a post to Jekyll (`2024-01-05-a.md.bak`, `...-b.txt`,
    `...-c.png`), whatever its extension; a name ending in `~` Jekyll skips."""
    if not name[:1].isdigit() or os.path.splitext(name)[1].lower() in POST_SUFFIXES or name.endswith("~"):
        return False
    from blogcheck.jekyll.dates import POST_NAME  # (with calendar and e-mail dates: only for such a name)

    return POST_NAME.match(name) is not None


def no_extension(name: str) -> bool:
    """A dated name of `_posts/` without an extension (`2024-01-06-my-post`, `...-b.md.`):
    Jekyll's DATE_FILENAME_MATCHER needs one, so it drops the file in silence (BC122)."""
    if not name[:1].isdigit() or name.endswith("~"):
        return False
    from blogcheck.jekyll.dates import POST_NAME

    return re.match(r"\d{2,4}-\d{1,2}-\d{1,2}-.", name, re.ASCII) is not None and POST_NAME.match(name) is None


def _seen_post_dir(folder: Path, every: list[Path], in_posts: list[Path]) -> bool:
    """A Jekyll layout: only posts count. Anything else: every Markdown file."""
    try:
        return bool(in_posts) or any(d.name in POST_DIRS for d in folder.iterdir() if d.is_dir())
    except OSError:  # (reported by the walk)
        return False


def matches(path: Path, root: Path, patterns: tuple[str, ...]) -> bool:
    """Whether `path`, relative to the site `root`, matches one of the path globs (as
    `exclude` and `per_file_ignores` write them; `*` crosses folders)."""
    if not patterns:
        return False
    try:
        rel = path.relative_to(root).as_posix()
    except ValueError:
        rel = path.as_posix()
    return any(fnmatch.fnmatch(rel, pattern) for pattern in patterns)
