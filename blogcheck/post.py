"""A post read from disk: its text, front matter with positions, and body."""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from blogcheck import files
from blogcheck.discover import stray
from blogcheck.jekyll import folders
from blogcheck.jekyll.encoding import UTF8, Encoding
from blogcheck.jekyll.site import Site, deep_merge
from blogcheck.parse.frontmatter import FrontMatter, FrontMatterError, parse
from blogcheck.parse.split import split


@dataclass(frozen=True)
class Post:
    path: Path  # absolute
    display: str  # as shown in findings
    rel: str  # relative to the site root, POSIX separators
    text: str
    front: FrontMatter
    body: str
    body_line: int
    data: dict[str, Any] = field(default_factory=dict)  # front matter over `defaults:`
    doc: str = ""  # the path Jekyll knows a post by: below `collections_dir` ("" = rel)
    unread: str = ""  # why Jekyll never reads this post or draft ("" = it does)

    @property
    def kind(self) -> str:
        return _kind(self.rel)

    @property
    def path_categories(self) -> list[str]:
        """Folders above `_posts/` or `_drafts/` (below `collections_dir`), which Jekyll
        adds to the post's categories."""
        found = folders.split(self.doc or self.rel)
        return found[0] if found is not None else []


@dataclass(frozen=True)
class LoadError:
    code: str
    message: str
    line: int = 1
    column: int = 1
    hint: str = ""
    # A post Jekyll still renders without its front matter (none, unclosed, or YAML it cannot
    # read): its text, with no values of its own, for the checks of the text (Liquid, links...).
    body: Post | None = None


def read_text(path: Path, max_size: int, encoding: Encoding = UTF8) -> str | LoadError:
    """The file as text in the site's `encoding` (UTF-8 by default), or why it cannot be a post."""
    try:
        size = path.stat().st_size
        if size > max_size:
            return LoadError("BC105", f"file is {size:,} bytes, over max_file_size ({max_size:,})",
                             hint="raise `max_file_size` or exclude this file")
        raw = files.read_bytes(path, max_size + 1)  # a file that grew, or says it is empty (/proc)
        if len(raw) > max_size:
            return LoadError("BC105", f"file is over max_file_size ({max_size:,} bytes)",
                             hint="raise `max_file_size` or exclude this file")
    except files.NotRegular as exc:
        return LoadError("BC100", f"cannot read file: {exc}", hint="move it out of the posts folder")
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return LoadError("BC100", f"a symbolic link loop ({os.readlink(path)}): it leads back to itself",
                             hint="point it at the post, or remove it")
        if path.is_symlink() and not path.exists():
            return LoadError("BC100", f"a symbolic link to nothing ({os.readlink(path)})",
                             hint="point it at the post, or remove it")
        return LoadError("BC100", f"cannot read file: {exc.strerror or exc}")
    if b"\0" in raw[:8192]:
        return LoadError("BC100", "binary file, not a text post", hint="move it out of the posts folder")
    try:
        return raw.decode(encoding.codec)
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        start = raw.rfind(b"\n", 0, exc.start) + 1  # columns count characters, as every finding's do
        codec = encoding.codec if start == 0 or encoding.codec != "utf-8-sig" else "utf-8"
        column = len(raw[start: exc.start].decode(codec, errors="replace")) + 1
        fix = "save the file as UTF-8" if encoding.name == "UTF-8" else \
            f"save the file as {encoding.name}, the `encoding:` of _config.yml"
        return LoadError("BC100", f"not valid {encoding.name} (byte 0x{raw[exc.start]:02x})", line, column, fix)


def linked_out(path: Path, root: Path) -> str:
    """Where `path`, a file of the site `root`, really is when a symbolic link (the file's,
    or a folder's above it) leads out of the site; "" when it stays inside. A file named
    from outside the site is its own matter (not a link out)."""
    try:
        real, here, top = os.path.realpath(path), os.path.abspath(path), os.path.realpath(root)
        inside = os.path.commonpath([here, os.path.abspath(root)]) == os.path.abspath(root) or \
            os.path.commonpath([here, top]) == top
        if real == here or not inside:
            return ""
        return "" if os.path.commonpath([real, top]) == top else real
    except (OSError, ValueError):  # another drive, a NUL: not a link out that could be followed
        return ""


def load(path: Path, display: str, site: Site, max_size: int) -> Post | LoadError:
    if stray(path.name) and _kind(site_relative(path, site.root)) == "posts" and not site.converts_markdown(path) \
            and path.suffix.lower() != ".htm":
        return LoadError("BC126", f"`{path.name}` is a post to Jekyll, which takes every dated file in `_posts/`: "
                         "it is listed with the posts and published as it is, not converted from Markdown",
                         hint="move it out of `_posts/` (a copy, a backup, an image), or name it `.md`; a "
                              "Markdown extension Jekyll does not know goes in `markdown_ext:` of _config.yml")
    away = linked_out(path, site.root)
    if away:
        return LoadError("BC100", f"a symbolic link out of the site (to {away}): not read", hint=(
            "copy the post into the site; a check reads and fixes the site's files only, and GitHub Pages' "
            "build (safe mode) skips such a link too"))
    text = read_text(path, max_size, site.encoding)
    if isinstance(text, LoadError):
        return text
    if not text.strip():
        return LoadError("BC101", "empty file", hint="add front matter with at least a `title:`")
    parts = split(text)
    if parts.yaml is None:
        # Jekyll 4.3, measured: a post with no front matter is still published, titled from its
        # file name (`2024-01-02-my-notes.md`: "My Notes"), with only the `defaults:` values;
        # any other file is copied to the site as it is, Markdown unrendered.
        done = ("Jekyll still publishes it, titled from its file name, with no values of its own"
                if "_posts" in path.parts or "_drafts" in path.parts else "Jekyll copies it to the site unrendered")
        return LoadError("BC101", f"no front matter: {done}",
                         hint="add `---`, `title: ...` and `---` at the top",
                         body=_without_front(path, display, site, text, text, 1))
    if not parts.closed:
        return LoadError("BC101", "front matter opened here is never closed",
                         hint="end the front matter with a `---` line",
                         body=_without_front(path, display, site, text, text, 1))
    try:
        front = parse(parts.yaml, start_line=1)
    except FrontMatterError as exc:
        # Jekyll 4.3 (Document#read_content): the body is taken before the YAML fails; the
        # error is logged and the post still rendered and published, with no values of its own
        return LoadError(exc.code, exc.message, exc.line, exc.column, exc.hint,
                         body=_without_front(path, display, site, text, parts.body, parts.body_line))
    rel = site_relative(path, site.root)
    kind = _kind(rel)
    doc, unread = "", ""
    if kind != "pages":
        doc, unread = folders.document_path(rel, site.config), folders.unread_reason(rel, site.config)
    defaults = site.defaults_for(doc or rel, kind)
    data = deep_merge(defaults, front.data) if defaults else dict(front.data)  # as Jekyll's merge_data!
    if defaults.get("categories") is not None and front.data.get("categories") is not None:
        data["categories"] = _joined(defaults["categories"], front.data["categories"])
    return Post(path, display, rel, text, front, parts.body, parts.body_line, data, doc, unread)


def _without_front(path: Path, display: str, site: Site, text: str, body: str, body_line: int) -> Post | None:
    """The post as Jekyll renders one whose front matter it could not take: `body` with
    only the `defaults:` values. None for a page: Jekyll copies that unrendered."""
    rel = site_relative(path, site.root)
    kind = _kind(rel)
    if kind == "pages":
        return None
    doc, unread = folders.document_path(rel, site.config), folders.unread_reason(rel, site.config)
    return Post(path, display, rel, text, FrontMatter({}, None), body, body_line, site.defaults_for(doc or rel, kind),
                doc, unread)


def _kind(rel: str) -> str:
    """`posts`, `drafts` or `pages`, by the folders of the path relative to the site root."""
    parts = rel.split("/")
    if "_posts" in parts[:-1]:
        return "posts"
    if "_drafts" in parts[:-1]:
        return "drafts"
    return "pages"


def site_relative(path: Path, root: Path) -> str:
    """`path` relative to the site `root`, POSIX; its name alone when outside it."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.name


def _joined(first: Any, then: Any) -> list[Any]:
    """`categories:` of `defaults:` and of the front matter together, as Jekyll's
    Document#merge_categories! joins them (Ruby's `|`: in order, each once)."""
    found: list[Any] = []
    for value in (first, then):
        items = value.split() if isinstance(value, str) else value if isinstance(value, list) else [value]
        found.extend(item for item in items if item not in found)
    return found
