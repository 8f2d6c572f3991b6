"""Where the Chirpy theme puts a post's images (its media-url.html and
refactor-content.html). Chirpy writes every image path of a post, `![x](shot.png)`
and `<img src="/shot.png">` alike, and its preview `image:` (`image.path` and its
placeholder `image.lqip` unless a `data:` URI, a bare file name included), as
`[cdn/][media_subpath/]path`: `media_subpath:` (`img_path:` before Chirpy 7) from
the post's front matter or `defaults:`, `cdn:` (`img_cdn:`) from `_config.yml`.
With neither, a relative image path is read from the site root, not from the
post's URL. Off the CDN, the site's `baseurl` comes first, even before a path
written with `{{ site.baseurl }}` (which then has it twice). A full URL is left
alone.

It applies to a post that sets a media folder (the key names are Chirpy's own)
and to every post of a site whose `theme:` or `remote_theme:` is Chirpy; `cdn:`
only to the latter (other themes use that name for other things). Chirpy is one
of the most used Jekyll themes: without this, such images were reported missing."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Any

from blogcheck.links.model import Kind, Link

KEYS = ("media_subpath", "img_path")
PREVIEW = (("image",), ("image", "path"), ("image", "lqip"))  # front-matter keys Chirpy reads as media


@dataclass(frozen=True)
class Media:
    key: str = ""  # the front-matter key that set `folder`
    folder: str = ""
    host: str = ""  # the CDN, e.g. https://cdn.example.com
    chirpy: bool = False  # the site's theme is Chirpy
    baseurl: str = ""  # "/blog" or "": Chirpy puts it before every image path off the CDN

    @property
    def active(self) -> bool:
        return bool(self.folder or self.chirpy)

    def place(self, link: Link) -> Link:
        """`link` as Chirpy writes it."""
        url = link.url.strip()
        if not self.active or link.kind is not Kind.IMAGE or not url or ":" in url or "//" in url:
            return link
        path = re.sub(r"/{2,}", "/", f"{self.folder}/{url}")
        if self.host:
            return dataclasses.replace(link, url=f"{self.host}/{path.lstrip('/')}")
        return dataclasses.replace(link, url=self.baseurl + path if path.startswith("/") else path)

    def why(self, written: Link) -> str:
        """What moved `written`, for a hint ("" when it is where it was written)."""
        url = written.url.strip()
        if not self.host and self.baseurl and url.startswith(self.baseurl + "/"):
            return (f"Chirpy puts `baseurl` ({self.baseurl}) before `{url}`, which has it already: "
                    "write the path without it")
        host = f"`cdn: {self.host}` and " if self.host else ""
        if self.folder:
            return f"{host}`{self.key}: {self.folder}` put `{url}` there"
        return f"{host}Chirpy writes `{url}` from the site root" if host or not url.startswith("/") else ""


def media(data: dict[str, Any], config: dict[str, Any]) -> Media:
    """The media settings of a post (front matter over `defaults:` in `data`)."""
    themes = (config.get("theme"), config.get("remote_theme"))
    chirpy = any(isinstance(t, str) and "jekyll-theme-chirpy" in t for t in themes)
    host = config.get("cdn") or config.get("img_cdn") if chirpy else ""
    host = host.strip().rstrip("/") if isinstance(host, str) else ""
    baseurl = config.get("baseurl")
    base = "/" + baseurl.strip("/") if isinstance(baseurl, str) and baseurl.strip("/") else ""
    for key in KEYS:
        value = data.get(key)
        if isinstance(value, str) and value.strip():
            return Media(key, value.strip(), host, chirpy, base)
    return Media("", "", host, chirpy, base)
