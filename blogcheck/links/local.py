"""The URLs a Jekyll site publishes, read from its source folder without building it.

Static files publish at their path, pages at their name (`about.md` -> `/about/`
or `/about.html`) or `permalink:`, collection documents by the collection's
permalink, posts at their computed URL, and a few plugins add their own files.
Lookups are lenient where servers are: `/about`, `/about/`, `/about.html` and
`/about/index.html` are one page."""

from __future__ import annotations

import difflib
import functools
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote

from blogcheck.jekyll.folders import collections_dir, copied
from blogcheck.jekyll.site import Site
from blogcheck.links.plugins import as_list as _list
from blogcheck.post import Post

PAGE_SUFFIXES = frozenset({".md", ".markdown", ".mkd", ".mkdn", ".mkdown", ".html", ".htm", ".xml", ".txt"})
_SKIP = frozenset({"_site", "node_modules", ".jekyll-cache", ".sass-cache", ".git", "gemfiles"})
_CONVERTED = {".scss": ".css", ".sass": ".css", ".coffee": ".js"}
MAX_FILES = 200_000


def forms(url: str, output_ext: str = "") -> set[str]:
    """The request paths a static server (GitHub Pages, `jekyll serve`) answers with the
    file Jekyll writes for `url`. A document's (`output_ext` given: a post's `.html`) is
    written `url + output_ext` unless the URL ends with it (Document#destination: `/v2.0`
    is `v2.0.html`), `url/index.html` for `/x/`; a static file's at its path. The server
    answers a file at its path, an `.html` file without `.html` too (`/x` for x.html, `/x/index`),
    and `x/index.html` as `/x/` and `/x`: never `/x/` for x.html, `/x.html` for x/index.html,
    an `.htm` file without its extension, nor a file's path with `/` or `.html` after it."""
    file = url
    if output_ext and url.endswith("/"):
        file = url + "index" + output_ext
    elif output_ext and not url.endswith(output_ext):
        file = url + output_ext
    found = {file}
    if file.endswith(".html"):
        found.add(file[: -len(".html")])  # the server tries `.html` after a path
        if file.endswith("/index.html"):
            folder = file[: -len("index.html")]
            found |= {folder, folder.rstrip("/") or "/"}
    return found


def key(path: str) -> str:
    """One spelling for the forms a server answers alike: no `index.html`, no
    `.html`, no trailing slash ("" is the home page)."""
    for tail in ("/index.html", "/index.htm", ".html", ".htm"):
        if path.endswith(tail):
            path = path[: -len(tail)]
            break
    return path.rstrip("/")


@dataclass
class SiteIndex:
    baseurl: str  # "/blog" or ""
    files: set[str] = field(default_factory=set)  # every source file, relative, POSIX
    keys: dict[str, Post | None] = field(default_factory=dict)  # published URL keys (the post for posts)
    forms: set[str] = field(default_factory=set)  # the paths that answer, of the URLs known as written
    loose: set[str] = field(default_factory=set)  # keys of the URLs known in some form only (plugins')
    written: dict[str, str] = field(default_factory=dict)  # key -> the URL as Jekyll writes it
    by_file: dict[str, str] = field(default_factory=dict)  # source file -> its URL
    by_link: dict[str, str] = field(default_factory=dict)  # as `{% link %}` names a file -> its URL
    sources: dict[str, str] = field(default_factory=dict)  # URL key -> the source file of a page or file
    hidden: dict[str, str] = field(default_factory=dict)  # URL key of a post Jekyll does not build -> why
    unbuilt: dict[str, str] = field(default_factory=dict)  # a source Jekyll builds no page of -> why
    collections_dir: str = ""  # `collections_dir:` without slashes: documents are named below it
    pagers: list[str] = field(default_factory=list)  # prefixes of numbered pages (`/page` of /page2/)
    wildcards: list[str] = field(default_factory=list)  # prefixes that answer any path (`/old/*` redirects)
    # jekyll-relative-links set to convert posts' links too (`relative_links: {collections: true}`):
    # `[x](2024-01-01-other.md)` in a post becomes that post's URL
    relative_md: bool = False
    # file names a missing file's name may still be compared with, over the whole run:
    # difflib takes 17 ms for a folder of 5,000 files, so a site with thousands of broken
    # images in big folders gets guesses for the first ones only, and stays fast
    guess_budget: int = 100_000

    @classmethod
    def build(cls, site: Site, posts: list[Post], url_of: Callable[[Post], str | None],
              hidden: Callable[[Post], tuple[str, str] | None] = lambda post: None) -> SiteIndex:
        """The site's files and pages; `hidden` gives the URL a post Jekyll does not
        build would have, and why it is not built (for hints)."""
        index = cls("/" + str(site.config.get("baseurl") or "").strip("/"))
        index.baseurl = index.baseurl.rstrip("/")
        index.collections_dir = collections_dir(site.config).strip("/")
        options = site.config.get("relative_links")
        if isinstance(options, dict):
            index.relative_md = options.get("collections") is True and options.get("enabled") is not False
        included = {str(i).strip("/") for i in _list(site.config.get("include"))}
        for rel in _walk(site.root, _excluded(site.config), included):
            index.files.add(rel)
        _add_files(index, site)
        for post in posts:
            url = url_of(post)
            if url is not None:
                index.add(url, post, post.rel, post.doc, exact=True,
                          output_ext=".htm" if post.path.suffix.lower() == ".htm" else ".html")
                for alias in _list(post.data.get("redirect_from")):
                    index.add(alias)
            elif (unbuilt := hidden(post)) is not None:
                index.hidden.setdefault(key(unbuilt[0]), f"`{post.rel}` would be there, but {unbuilt[1]}")
                index.unbuilt.setdefault(post.doc or post.rel, unbuilt[1])
        from blogcheck.links.plugins import generated

        urls, index.pagers, index.wildcards = generated(site.config, site.root, posts)
        for url in urls:
            index.add(url)
        return index

    def add(self, url: str, post: Post | None = None, rel: str = "", doc: str = "", exact: bool = False,
            output_ext: str = "") -> None:
        """`url` is published; from the source file `rel` (`doc`: a document's path below
        `collections_dir`, which `{% link %}` gives), the post `post` when it is one.
        `exact`: the URL is known as Jekyll writes it (a post's, with its `output_ext`; a
        static file's), so only the paths a static server answers for it are there
        (`forms`); else (a page's, whose form hangs on more settings, a plugin's) any
        spelling of it is."""
        self.keys.setdefault(key(url), post)
        if exact:
            self.forms.update(forms(url, output_ext))
            self.written.setdefault(key(url), url)
        else:
            self.loose.add(key(url))
        if rel:
            self.by_file.setdefault(rel, url)
            self.by_link.setdefault(doc or rel, url)
            if post is None:
                self.sources.setdefault(key(url), rel)

    def document(self, rel: str) -> str:
        """The path Jekyll gives the document at `rel`: below `collections_dir`."""
        folder = self.collections_dir
        return rel[len(folder) + 1:] if folder and rel.startswith(folder + "/") else rel

    def strip_base(self, path: str) -> str:
        if self.baseurl and (path == self.baseurl or path.startswith(self.baseurl + "/")):
            return path[len(self.baseurl):] or "/"
        return path

    def exists(self, path: str) -> bool:
        """Whether the site publishes `path` (decoded, without query or fragment)."""
        path = self.strip_base(re.sub(r"/{2,}", "/", path))
        if key(path) in self.keys:
            return path in self.forms or key(path) in self.loose
        if any(path.startswith(prefix) for prefix in self.wildcards):
            return True
        return any(re.fullmatch(re.escape(p) + r"\d+", key(path)) for p in self.pagers)

    def nearest(self, path: str) -> tuple[str, bool] | None:
        """The published path a missing `path` was likely meant to be, and whether only
        the case differs (a Mac or Windows disk does not care, the server does); else the
        one file of the site with that name, in another folder; else a file of the same
        folder with a close name. None when there is no good guess. The guess keeps the
        baseurl only when `path` has it."""
        path = re.sub(r"/{2,}", "/", path)
        bare = self.strip_base(path)
        base = self.baseurl if self.baseurl and path.startswith(self.baseurl + "/") else ""
        wanted = key(bare)
        if wanted in self.written and bare not in self.forms:  # `/about.html` for `/about/`
            return base + self.written[wanted], False
        same_case = self._folded_keys.get(wanted.lower())
        if same_case is not None and same_case != wanted:
            return base + same_case + bare[len(wanted):], True
        folder, _, name = wanted.rpartition("/")
        if "." not in name:
            return None  # a page's URL: its key has lost the form it is written in
        elsewhere = self._files_by_name.get(name.lower(), [])
        if len(elsewhere) == 1:
            return base + elsewhere[0], False
        files = self._files_by_folder.get(folder.lower(), {})
        if not files or len(files) > self.guess_budget:
            return None
        self.guess_budget -= len(files)
        close = difflib.get_close_matches(name.lower(), list(files), n=1, cutoff=0.85)
        return (base + files[close[0]], False) if close else None

    @functools.cached_property
    def _folded_keys(self) -> dict[str, str]:
        return {k.lower(): k for k in self.keys}

    @functools.cached_property
    def _files_by_folder(self) -> dict[str, dict[str, str]]:
        """folder -> file name -> published path, folders and names in lower case."""
        found: dict[str, dict[str, str]] = {}
        for k in self.keys:
            folder, _, name = k.rpartition("/")
            if "." in name:
                found.setdefault(folder.lower(), {})[name.lower()] = k
        return found

    @functools.cached_property
    def _files_by_name(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for files in self._files_by_folder.values():
            for name, k in files.items():
                found.setdefault(name, []).append(k)
        return found

    def post_at(self, path: str) -> Post | None:
        return self.keys.get(key(self.strip_base(re.sub(r"/{2,}", "/", path))))

    def source_at(self, path: str) -> str | None:
        """The source file (from the site root) of the page or file published at `path`."""
        return self.sources.get(key(self.strip_base(re.sub(r"/{2,}", "/", path))))


def _walk(root: Any, skip: set[str], include: set[str] | frozenset[str] = frozenset()) -> Iterator[str]:
    count = 0
    for here, dirs, files in os.walk(root):
        rel_dir = os.path.relpath(here, root).replace(os.sep, "/")
        rel_dir = "" if rel_dir == "." else rel_dir + "/"
        dirs[:] = [d for d in dirs if d not in _SKIP and rel_dir + d not in skip
                   and (not d.startswith(".") or rel_dir + d in include)]  # `include: [.well-known]`
        for name in files:
            if rel_dir + name not in skip:
                count += 1
                if count > MAX_FILES:
                    return
                yield rel_dir + name


def _excluded(config: dict[str, Any]) -> set[str]:
    found = {str(e).strip("/") for e in _list(config.get("exclude"))}
    vendor = {"vendor/bundle", "vendor/cache", "vendor/gems", "vendor/ruby"}
    return found | vendor | {str(config.get("destination") or "_site")}


def _add_files(index: SiteIndex, site: Site) -> None:
    from blogcheck.links.pages import collections, front, page_urls, static_url

    docs = collections(site.config)
    included = {str(i).strip("/") for i in _list(site.config.get("include"))}
    for rel in sorted(index.files):
        parts = rel.split("/")
        folder = next((f for f in docs if rel.startswith(f + "/")), None)
        if folder is not None:
            own = front(site.root / rel, site.encoding)
            if own is None:  # no front matter: Jekyll copies it, at a URL of the collection's permalink
                url = static_url(rel[len(folder) + 1:], docs[folder])
                index.add(url, rel=rel, doc=index.document(rel), exact=True)
                index.by_link.setdefault("/" + rel, url)
                continue
            data = {**site.defaults_for(index.document(rel), docs[folder][0]), **own}
            for url in page_urls(rel, data, docs[folder], rel[len(folder) + 1:]):
                index.add(url, rel=rel, doc=index.document(rel))
        elif copied(rel, site.config):
            _add_page_or_static(index, site, rel, parts[0] in included)




def _blank(path: Path) -> bool:
    """An empty (or unreadable) file: a stand-in whose real content is unknown."""
    from blogcheck.files import read_bytes

    try:
        return not read_bytes(path, 4096).strip()  # (never waits on a pipe: that is no file, so unknown)
    except OSError:
        return True


def _add_page_or_static(index: SiteIndex, site: Site, rel: str, included_dir: bool) -> None:
    """A page (a file with front matter) at its URLs, else a static file at its path.
    An empty page-like file counts as both: its real content is unknown."""
    from blogcheck.jekyll.built import unpublished
    from blogcheck.links.pages import front, page_urls

    suffix = PurePosixPath(rel).suffix.lower()
    data = front(site.root / rel, site.encoding) if suffix in PAGE_SUFFIXES else None
    if data:  # what `defaults:` gives its pages (a `permalink:` too), under its own front matter
        data = {**site.defaults_for(rel, "pages"), **data}
    if data is not None and unpublished(data) and site.config.get("unpublished") is not True:
        for url in page_urls(rel, data):  # Jekyll reads it and writes no page (and `{% link %}` finds none)
            index.hidden.setdefault(key(url), f"`{rel}` would be there, but it says `published: false`")
        index.unbuilt.setdefault(rel, "it says `published: false`")
        return
    if data is not None:
        for url in page_urls(rel, data):
            index.add(url, rel=rel)
        if not data and "/" in rel and (included_dir or rel.split("/")[0] == "pages"):
            # `_pages/about.md`, `pages/team.md`: folders of pages that nearly
            # always set `permalink: /about/`; lenient when that is unknown.
            index.add("/" + rel.split("/", 1)[1].rsplit(".", 1)[0])
    if not data:
        # copied as it is, `%20` in its name decoded (`a%20b.png`: `a b.png`)
        index.add("/" + unquote(rel), rel=rel, exact=not (data == {} and _blank(site.root / rel)))
        # a static file's relative_path has a leading slash to Jekyll: `{% link /assets/x.png %}` finds it
        # (and `{% link assets/x.png %}` too); a page's has none, and `{% link /about.md %}` stops the build
        index.by_link.setdefault("/" + rel, "/" + rel)
    if data is None and site.converts_markdown(site.root / rel):
        # GitHub Pages' own build (jekyll-optional-front-matter) makes it a page all the same
        for url in page_urls(rel, {}):
            index.hidden.setdefault(key(url), f"`{rel}` has no front matter, so Jekyll copies it as `/{rel}` "
                                              "(only GitHub Pages' own build makes it a page, with "
                                              "jekyll-optional-front-matter): give it front matter, two `---` "
                                              "lines, to make it a page everywhere")
    if suffix in _CONVERTED:
        index.add("/" + rel[: -len(suffix)] + _CONVERTED[suffix])
