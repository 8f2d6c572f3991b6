"""Images, videos and sounds passed to a theme's includes as arguments.

minimal-mistakes, the most used Jekyll theme, documents
`{% include figure image_path="/assets/images/x.jpg" alt="..." caption="..." %}`:
the include writes `<img src>` from `image_path`, through `relative_url` unless
it is a full URL. al-folio, the academic theme, writes
`{% include figure.liquid path="assets/img/9.jpg" class="img-fluid" %}`, its
`<img src>` `path` through `relative_url` (which leaves a full URL alone), and
`{% include video.liquid path="..." %}` and `{% include audio.liquid path="..." %}`
likewise: a `.mp4`, `.webm` or `.ogg` video is a `<video src>` through
`relative_url`, any other `path` an `<iframe src>` as written (a YouTube embed).
Only quoted values are paths; `image_path=page.photo` is a Liquid variable whose
value is not known here."""

from __future__ import annotations

from collections.abc import Iterator

from blogcheck.links.liquid import Tag, include_arguments
from blogcheck.links.model import Kind

# include file stem -> (arguments that are paths, what the include makes of them)
MEDIA: dict[str, tuple[tuple[str, ...], Kind]] = {
    "figure": (("image_path", "path"), Kind.IMAGE),
    "video": (("path",), Kind.EMBED),
    "audio": (("path",), Kind.EMBED),
}
_FILES = (".mp4", ".webm", ".ogg", ".mp3", ".wav", ".m4a", ".flac", ".aac", ".oga", ".opus")


def media(text: str, found: list[Tag]) -> Iterator[tuple[int, str, str, Kind]]:
    """(offset in `text`, the value as written, the URL the include makes of it,
    as Liquid for the post's resolver: `{{ "/x.jpg" | relative_url }}`, its kind)."""
    for tag in found:
        if tag.output or tag.name != "include":
            continue
        written = text[tag.start : tag.end]
        stem, arguments = include_arguments(tag, written)
        keys, kind = MEDIA.get(stem, ((), Kind.IMAGE))
        for key in keys:
            offset, value = arguments.get(key, (0, ""))
            if not value.strip() or written[offset - 1] not in "\"'":
                continue
            quote = "'" if '"' in value else '"'
            url = value if "://" in value else f"{{{{ {quote}{value}{quote} | relative_url }}}}"
            if stem == "video" and not value.lower().endswith(_FILES):
                url = value  # al-folio's iframe: the path as written
            yield tag.start + offset, value, url, kind
