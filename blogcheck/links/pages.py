"""The URLs of pages and collection documents: from `permalink:` and
`redirect_from:` in their front matter when they have one, else by Jekyll's rules."""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath
from typing import Any

from blogcheck import files
from blogcheck.jekyll.encoding import UTF8, Encoding
from blogcheck.jekyll.url import sanitize, slugify

_DEFAULT_COLLECTION = "/:collection/:path:output_ext"
_MAX_PAGE = 1_000_000  # bytes read to find a page's permalink


def collections(config: dict[str, Any]) -> dict[str, tuple[str, str]]:
    """Top folder (`_docs`) -> (collection name, permalink template), for the
    collections Jekyll writes out, posts excepted (they have their own rules)."""
    table = config.get("collections")
    found: dict[str, tuple[str, str]] = {}
    names: list[tuple[Any, Any]] = []
    if isinstance(table, dict):
        names = list(table.items())
    elif isinstance(table, list):
        names = [(name, {}) for name in table]
    folder = str(config.get("collections_dir") or "").strip("/")
    for name, meta in names:
        meta = meta if isinstance(meta, dict) else {}
        if str(name) == "posts" or not meta.get("output"):
            continue
        permalink = meta.get("permalink")
        template = permalink if isinstance(permalink, str) else _DEFAULT_COLLECTION
        found[(folder + "/" if folder else "") + f"_{name}"] = (str(name), template)
    return found


def page_urls(rel: str, data: dict[str, Any], collection: tuple[str, str] | None = None, inner: str = "") -> list[str]:
    """Every URL a page or document (with front matter `data`) answers at: its
    permalink, else the default URL, and its `redirect_from:` aliases. For a
    document, `inner` is its path inside the collection folder."""
    permalink = data.get("permalink")
    redirects = data.get("redirect_from")
    urls = [str(r) for r in ([redirects] if isinstance(redirects, str) else redirects or []) if r]
    path = PurePosixPath(rel)
    ext = ".html" if path.suffix.lower() in _CONVERTED else path.suffix
    if collection is None:  # Page#url_placeholders
        values = {"path": str(path.parent).strip("."), "basename": path.stem, "output_ext": ext}
    else:  # Drops::UrlDrop of a document
        inner = str(PurePosixPath(inner).with_suffix(""))
        slug = str(data.get("slug") or path.stem)
        values = {"collection": collection[0], "path": inner, "name": slugify(path.stem),
                  "title": slugify(slug, pretty=True), "slug": slugify(slug), "output_ext": ext}
    if isinstance(permalink, str):
        urls.append(_filled(permalink, values))
    elif collection is None:
        urls.append("/" + str(path.with_suffix("") if path.suffix.lower() not in (".xml", ".txt") else path))
        if path.stem == "index":
            urls.append("/" + str(path.parent).strip("."))
    else:
        urls.append(_filled(collection[1], values))
        urls.append(f"/{collection[0]}/{inner}")
    return [u if u.startswith("/") else "/" + u for u in urls]


def static_url(inner: str, collection: tuple[str, str]) -> str:
    """The URL of a file without front matter inside a collection Jekyll writes out
    (StaticFile#url): the collection's permalink filled with a static file's own
    placeholders (its path and name without the extension, no title, no output_ext),
    one trailing slash cut, then the file's extension. `inner`: its path inside the
    collection folder. `/work/:name/` gives `/work/d.png` for `imgs/d.png`."""
    path = PurePosixPath(inner)
    cleaned = "/" + (inner[: -len(path.suffix)] if path.suffix else inner).rstrip(".")
    values = {"collection": collection[0], "path": cleaned, "name": path.stem, "title": "", "output_ext": ""}
    url = _filled(collection[1], values)
    return (url[:-1] if url.endswith("/") else url) + path.suffix


def _filled(template: str, values: dict[str, str]) -> str:
    """A permalink with its placeholders filled in (an unknown one stays: Jekyll's
    URL#generate_url_from_hash), then sanitized (the `//` an empty one leaves is `/`)."""
    return sanitize(re.sub(r":([a-z_]+)", lambda m: values.get(m[1], m[0]), template))


_CONVERTED = (".md", ".markdown", ".mkd", ".mkdn", ".mkdown", ".html", ".htm")


def front(path: Path, encoding: Encoding = UTF8) -> dict[str, Any] | None:
    """The front matter of a page ({} when it cannot be read), or None when
    the file has none: Jekyll copies such a file as it is, and reads a page in the
    site's `encoding:`."""
    from blogcheck.parse.frontmatter import FrontMatterError, parse
    from blogcheck.parse.split import split

    try:
        raw = files.read_bytes(path, _MAX_PAGE)
        if not raw.lstrip(b"\xef\xbb\xbf").startswith(b"---"):
            return None if raw.strip() else {}  # an empty file: unknown (a stand-in), lenient
        parts = split(raw.decode(encoding.codec))
        return parse(parts.yaml, 1).data if parts.yaml is not None and parts.closed else {}
    except (OSError, UnicodeDecodeError, FrontMatterError):
        return {}
