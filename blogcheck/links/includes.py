"""Images passed to a theme's includes as arguments.

minimal-mistakes, the most used Jekyll theme, documents
`{% include figure image_path="/assets/images/x.jpg" alt="..." caption="..." %}`:
the include writes `<img src>` from `image_path`, through `relative_url` unless
it is a full URL. al-folio, the academic theme, writes
`{% include figure.liquid path="assets/img/9.jpg" class="img-fluid" %}`, its
`<img src>` `path` through `relative_url` (which leaves a full URL alone). Only
quoted values are paths; `image_path=page.photo` is a Liquid variable whose value
is not known here."""

from __future__ import annotations

from collections.abc import Iterator

from blogcheck.links.liquid import Tag, include_arguments

# include file stem -> arguments that are image paths
IMAGES: dict[str, tuple[str, ...]] = {"figure": ("image_path", "path")}


def images(text: str, found: list[Tag]) -> Iterator[tuple[int, str, str]]:
    """(offset in `text`, the value as written, the URL the include makes of it,
    as Liquid for the post's resolver: `{{ "/x.jpg" | relative_url }}`)."""
    for tag in found:
        if tag.output or tag.name != "include":
            continue
        written = text[tag.start : tag.end]
        stem, arguments = include_arguments(tag, written)
        for key in IMAGES.get(stem, ()):
            offset, value = arguments.get(key, (0, ""))
            if value.strip() and written[offset - 1] in "\"'":
                quote = "'" if '"' in value else '"'
                url = value if "://" in value else f"{{{{ {quote}{value}{quote} | relative_url }}}}"
                yield tag.start + offset, value, url
