"""The local files a post links (images, downloads), to copy with it.

Links come from markdown-it tokens (images, links, inline and block HTML) and
from path-like front-matter values (`image: /assets/x.png`). A link names an
asset when it resolves to a file of the source site that Jekyll would serve as
a static file; it keeps the same path in the target. Links to pages or to
nothing are left alone (the links check reports missing files). A file outside
the site folder, reached by `..` or a symlink, or under a hidden folder such as
`.git/`, is never copied: the post is refused instead."""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from blogcheck.discover import POST_SUFFIXES
from blogcheck.jekyll.site import Site
from blogcheck.post import Post

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_OUTPUT_TAG = re.compile(r"\{\{(.*?)\}\}|\{%-?\s*link\s+(\S+?)\s*-?%\}", re.S)
_URL_ATTRS = frozenset({"src", "href", "poster", "data-src"})


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
    refs = [(url, line, True) for url, line in _body_links(post, site)]
    refs += [(url, line, False) for url, line in _front_links(post)]
    for url, line, relative_ok in refs:
        path = _site_path(url, site)
        if path is None:
            continue
        for candidate in _candidates(path, post, site, post_url, relative_ok):
            verdict = _classify(candidate, site.root.resolve())
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


def _classify(candidate: Path, root: Path) -> Asset | str | None:
    """An Asset, a reason not to copy the file (str), or None when the link is
    no file to copy at all (a page, a folder, nothing)."""
    try:
        if not candidate.is_file() or candidate.suffix.lower() in POST_SUFFIXES:
            return None
        real = candidate.resolve()
    except (OSError, RuntimeError, ValueError):
        return None
    if not candidate.is_relative_to(root):
        return "links a file outside the site folder"
    if not real.is_relative_to(root):
        return "links a symlink to a file outside the site folder"
    rel = candidate.relative_to(root).as_posix()
    if any(part.startswith(".") for part in (*rel.split("/"), *real.relative_to(root).parts)):
        return f"links `{rel}`, under a hidden folder; it is never published"
    if any(part.startswith("_") for part in rel.split("/")):
        return f"links `{rel}`; Jekyll does not publish files under `_` folders"
    return Asset(rel, real)


def _body_links(post: Post, site: Site) -> Iterator[tuple[str, int]]:
    from blogcheck.parse.markdown import tokens

    for token in tokens(_render_url_tags(post.body, site.config)):
        line = post.body_line + (token.map[0] if token.map else 0)
        if token.type == "html_block":
            yield from ((url, line) for url in _html_urls(token.content))
        for child in token.children or []:
            if child.type in ("image", "link_open"):
                value = child.attrGet("src" if child.type == "image" else "href")
                if isinstance(value, str):
                    yield value, line
            elif child.type == "html_inline":
                yield from ((url, line) for url in _html_urls(child.content))


def _render_url_tags(body: str, config: dict[str, Any]) -> str:
    """Jekyll renders Liquid before Markdown: render the tags links are built
    from (`{{ site.baseurl }}`, `{{ "/x" | relative_url }}`, `{% link x %}`);
    others stay as written."""
    url, base = str(config.get("url") or "").rstrip("/"), str(config.get("baseurl") or "").rstrip("/")

    def render(match: re.Match[str]) -> str:
        if match[2] is not None:
            return base + "/" + match[2].lstrip("/")
        head, _, rest = (part.strip() for part in match[1].partition("|"))
        values = {"site.baseurl": base, "site.url": url}
        if head in values and not rest:
            return values[head]
        quoted = head[1:-1] if len(head) > 1 and head[0] == head[-1] and head[0] in "'\"" else None
        if quoted is not None and rest in ("relative_url", "absolute_url"):
            return (url if rest == "absolute_url" else "") + base + "/" + quoted.lstrip("/")
        return match[0]

    return _OUTPUT_TAG.sub(render, body)


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and name in _URL_ATTRS:
                self.urls.append(value)
            elif value and name == "srcset":
                self.urls.extend(item.split()[0] for item in value.split(",") if item.split())


def _html_urls(html: str) -> list[str]:
    parser = _Refs()
    parser.feed(html)
    parser.close()
    return parser.urls


def _front_links(post: Post) -> Iterator[tuple[str, int]]:
    """Path-like strings anywhere in the front matter, read as site paths."""

    def walk(value: object, path: tuple[str | int, ...]) -> Iterator[tuple[str, int]]:
        if isinstance(value, dict):
            for key, item in value.items():
                yield from walk(item, (*path, key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                yield from walk(item, (*path, index))
        elif isinstance(value, str) and "/" in value and len(value) < 1024 and not any(c.isspace() for c in value):
            yield value, post.front.locate(path).line

    yield from walk(post.front.data, ())
