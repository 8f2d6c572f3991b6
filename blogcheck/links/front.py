"""Image and link URLs in front matter that themes turn into `<img>`/`<a>`.

Only absolute URLs, root-relative paths and Liquid are taken: a bare name like
`header.image: photo.jpg` is read by each theme against its own folder."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from blogcheck.links.model import Kind, Link
from blogcheck.post import Post

# Key paths ("*" = every item of a list) of the common themes and plugins: minimal-mistakes,
# so-simple, beautiful-jekyll, jekyll-seo-tag, jekyll-redirect-from, Ghost-like themes.
PATHS: dict[tuple[str, ...], Kind] = {
    ("image",): Kind.IMAGE, ("image", "path"): Kind.IMAGE, ("image", "feature"): Kind.IMAGE,
    ("image", "thumbnail"): Kind.IMAGE, ("image", "teaser"): Kind.IMAGE, ("image", "twitter"): Kind.IMAGE,
    ("image", "facebook"): Kind.IMAGE, ("header", "image"): Kind.IMAGE, ("header", "teaser"): Kind.IMAGE,
    ("header", "overlay_image"): Kind.IMAGE, ("header", "og_image"): Kind.IMAGE, ("cover-img",): Kind.IMAGE,
    ("cover-img", "*"): Kind.IMAGE, ("thumbnail-img",): Kind.IMAGE, ("share-img",): Kind.IMAGE,
    ("og_image",): Kind.IMAGE, ("feature_image",): Kind.IMAGE, ("gallery", "*", "image_path"): Kind.IMAGE,
    ("gallery", "*", "url"): Kind.LINK, ("image", "lqip"): Kind.IMAGE,
    # where readers are sent (jekyll-redirect-from's page for the post) and the URL search engines are given
    # (jekyll-seo-tag's `<link rel="canonical">`)
    ("redirect_to",): Kind.LINK, ("redirect_to", "*"): Kind.LINK, ("canonical_url",): Kind.LINK,
}
_ANCHOR = re.compile(r"&[^\s,\[\]{}]+[ \t]+")  # `path: &image /x.jpg`: the value starts after its anchor


def front_links(post: Post, resolve: Callable[[str], str], bare: tuple[tuple[str, ...], ...] = ()) -> Iterator[Link]:
    """The URLs of the theme keys of `post`; at the key paths `bare`, a bare file
    name too (Chirpy reads `image: cover.png` below `media_subpath`)."""
    lines = post.text.split("\n")
    seen: set[tuple[int, int]] = set()  # a YAML alias (`feature: *image`) is the anchored value, written once
    for path, kind in PATHS.items():
        for where, value, is_key in _values(post.front.data, path, ()):
            if not (_wanted(value) or (path in bare and value.strip() and not is_key)):
                continue
            position = post.front.locate(where, key=is_key)
            column = position.column
            text = lines[position.line - 1] if position.line <= len(lines) else ""
            anchor = _ANCHOR.match(text, column - 1)
            column = anchor.end() + 1 if anchor else column
            if text[column - 1 : column] in ("'", '"'):
                column += 1
            if (position.line, column) in seen:
                continue
            seen.add((position.line, column))
            yield Link(resolve(value), value, kind, position.line, column)


def _values(data: Any, path: tuple[str, ...], where: tuple[str | int, ...]) -> Iterator[
        tuple[tuple[str | int, ...], str, bool]]:
    """(location, string, is it a mapping key) for every string at `path`."""
    if not path:
        if isinstance(data, str):
            yield where, data, False
        elif isinstance(data, dict) and len(data) == 1:  # beautiful-jekyll's cover-img: [{url: caption}]
            url = next(iter(data))
            yield (*where, url), url, True
        return
    head, rest = path[0], path[1:]
    if head == "*" and isinstance(data, list):
        for number, item in enumerate(data):
            yield from _values(item, rest, (*where, number))
    elif isinstance(data, dict) and head in data:
        yield from _values(data[head], rest, (*where, head))


def _wanted(value: str) -> bool:
    text = value.strip()
    return text.startswith(("/", "http://", "https://", "{{", "{%"))
