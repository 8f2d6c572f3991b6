"""The local files a post links (images, downloads), to copy with it.

Links come from the links check's own extraction (blogcheck.links.extract over
markdown-it tokens, blogcheck.links.front for the themes' image keys), Liquid
rendered, so publish copies the very files that check looks for. A link names
an asset when it resolves to a file of the source site that Jekyll serves as a
static file; the file keeps its path in the target. Links to pages or to
nothing are left alone (the links check reports missing files). A file outside
the site folder, reached by `..` or a symlink, or under a hidden folder such as
`.git/`, is never copied: the post is refused instead."""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from blogcheck import files
from blogcheck.discover import POST_SUFFIXES
from blogcheck.jekyll.folders import copied
from blogcheck.jekyll.site import Site
from blogcheck.post import Post

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


@dataclass(frozen=True)
class Asset:
    rel: str  # POSIX path under the site root, the same in source and target
    source: Path  # the file to copy


@dataclass(frozen=True)
class Unsafe:
    url: str
    line: int
    reason: str


def local_files(post: Post, site: Site, post_url: str | None) -> tuple[list[Asset], list[Unsafe]]:
    """The assets `post` links, and the links that reach files it must not copy."""
    found: dict[str, Asset] = {}
    unsafe: list[Unsafe] = []
    for url, line, relative_ok in _links(post, site):
        path = _site_path(url, site)
        if path is None:
            continue
        for candidate in _candidates(path, post, site, post_url, relative_ok):
            verdict = _classify(candidate, site.root.resolve(), site.config)
            if isinstance(verdict, Asset):
                found.setdefault(verdict.rel, verdict)
            elif verdict:
                unsafe.append(Unsafe(url, line, verdict))
            if verdict is not None:
                break
    return sorted(found.values(), key=lambda a: a.rel), unsafe


def _site_path(url: str, site: Site) -> str | None:
    """The path part of a link to this site (percent-decoded), or None."""
    url = url.strip()
    own = str(site.config.get("url") or "").rstrip("/")
    if own and (url == own or url.startswith(own + "/")):
        url = url[len(own):] or "/"
    if not url or url.startswith(("#", "//")) or _SCHEME.match(url):
        return None
    path = unquote(urlsplit(url).path)
    if not path or "\0" in path:
        return None
    base = "/" + str(site.config.get("baseurl") or "").strip("/")
    if base != "/" and (path == base or path.startswith(base + "/")):
        path = path[len(base):] or "/"
    return path


def _candidates(path: str, post: Post, site: Site, post_url: str | None, relative_ok: bool) -> Iterator[Path]:
    """Where the file may be: root-relative; else relative to the post's URL (as
    a browser resolves it), then to the post file (as editors preview it)."""
    root = site.root.resolve()
    if path.startswith("/") or not relative_ok:
        yield root / posixpath.normpath("/" + path).lstrip("/")
        return
    if post_url:
        yield root / posixpath.normpath(posixpath.join(posixpath.dirname(post_url), path)).lstrip("/")
    yield Path(os.path.normpath(post.path.parent / path))


def _classify(candidate: Path, root: Path, config: dict[str, Any]) -> Asset | str | None:
    """An Asset, a reason not to copy the file (str), or None when the link is
    no file to copy at all (a page, a folder, nothing)."""
    try:
        if not candidate.is_file():
            return None
        real = candidate.resolve()
    except (OSError, RuntimeError, ValueError):
        return None
    page_like = candidate.suffix.lower() in POST_SUFFIXES
    if page_like and not (candidate.is_relative_to(root) and real.is_relative_to(root)):
        return None  # a Markdown or HTML file elsewhere: no file of the site
    if not candidate.is_relative_to(root):
        return "links a file outside the site folder"
    if not real.is_relative_to(root):
        return "links a symlink to a file outside the site folder"
    rel = candidate.relative_to(root).as_posix()
    if page_like and any(part.startswith("_") for part in rel.split("/")):
        return None  # another post or document (`[next](2024-01-02-next.md)`): a page, no file to copy
    real_rel = real.relative_to(root).as_posix()
    if any(part.startswith(".") for part in (*rel.split("/"), *real_rel.split("/"))):
        # (`.git/`, `.github/workflows/`: publish writes no hidden path into the target, `include:` or not)
        return (f"links `{rel}`, under a hidden folder: Jekyll publishes it only when `include:` names it, and "
                "publish never writes a hidden path into the target (copy it there by hand)")
    if not copied(rel, config) or not copied(real_rel, config):  # Jekyll's entry filter, `include:` heard
        if any(part.startswith("_") for part in rel.split("/")):
            return f"links `{rel}`; Jekyll does not publish files under `_` folders (unless `include:` names them)"
        return f"links `{rel}`, which Jekyll does not publish (`exclude:`, or a name it skips)"
    try:
        head = files.read_bytes(candidate, 64)
    except OSError as exc:  # refused with its post, the other posts publish (it failed the whole publish)
        return f"links `{rel}`, which cannot be read ({exc.strerror or exc}): it cannot be copied"
    if re.match(rb"(\xef\xbb\xbf)?---[ \t]*\r?\n", head):  # Jekyll's `has_yaml_header?`: a page it renders
        return None  # (feed.xml), not a file to copy
    return Asset(rel, real)  # a `.md` or `.html` without front matter too: Jekyll copies it as it is


def _links(post: Post, site: Site) -> Iterator[tuple[str, int, bool]]:
    """(URL, line, may it be relative) for every link of the body and front matter."""
    from blogcheck.links import extract
    from blogcheck.links.front import front_links
    from blogcheck.links.liquid import Resolver, unresolved
    from blogcheck.links.media import PREVIEW, media

    def link_tag(path: str) -> str:  # `{% link assets/x.pdf %}`: a static file's URL is its path
        return "/" + path.strip().strip("'\"").lstrip("/")

    resolve = Resolver(site.config, post.data, lambda _name: None, link_tag).resolve
    chirpy = media(post.data, site.config)  # the Chirpy theme moves images (media_subpath, cdn)
    for link in front_links(post, resolve, PREVIEW if chirpy.active else ()):
        link = chirpy.place(link)
        if not unresolved(link.url):
            yield link.url, link.line, False
    for link in extract.links(extract.parse(post), resolve):
        link = chirpy.place(link)
        if not unresolved(link.url):
            yield link.url, link.line, True
