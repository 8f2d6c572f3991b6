"""Videos (and tweets and gists) embedded with Liquid tags instead of links.

`{% youtube ID %}` (jekyll-youtube, and many sites' own plugins), `{% vimeo ID %}`,
jekyll-gist's `{% gist ID %}` and `{% gist USER/ID FILE %}` (a deleted gist shows nothing),
jekyll-twitter-plugin's `{% twitter URL %}` (`{% twitter oembed URL %}` before 2.0) and
`{% tweet URL %}` (an id alone names no account: not checked),
minimal-mistakes' `{% include video id="ID" provider="youtube" %}` and includes
named like `youtube.html` (`{% include youtube.html id="ID" %}`) each become the
video's URL, placed at the id as written, so a removed lecture video is found by
the YouTube provider like a linked one. Ids that are Liquid (`page.video`) are
left alone: their value is not known here."""

from __future__ import annotations

import re
from collections.abc import Iterator

from blogcheck.links.liquid import Tag, include_arguments

PAGES = {"youtube": "https://www.youtube.com/watch?v={}", "vimeo": "https://vimeo.com/{}",
         "gist": "https://gist.github.com/{}"}
_ID = {"youtube": re.compile(r"[\w-]{11}"), "vimeo": re.compile(r"\d{3,12}"),
       # jekyll-gist (on GitHub Pages): `{% gist ID %}` or `{% gist USER/ID [FILE] %}`
       "gist": re.compile(r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/)?(?:[0-9a-f]{20,32}|\d{1,12})")}
# Tags whose first argument is checked: a tweet tag's only when it is a URL (an id alone names no account).
_TAGS = (*PAGES, "twitter", "tweet")
_PLAYLIST = re.compile(r"videoseries\?list=([\w-]{10,64})(?:&amp;|&)?")  # the embed player's form of a playlist
_ID_KEYS = ("id", "video", "video_id", "youtube_id", "vimeo_id")


def videos(text: str, found: list[Tag]) -> Iterator[tuple[int, str, str]]:
    """(offset of the id in `text`, the id as written, the video's URL) of each video tag."""
    for tag in found:
        if tag.output:
            continue
        written = text[tag.start : tag.end]
        if tag.name in _TAGS:
            words = tag.markup.split()
            if words[:1] == ["oembed"] and tag.name == "twitter":
                words = words[1:]  # the plugin's 1.x form
            yield from _video(tag, written, tag.name, words[0].strip("\"'") if words else "")
        elif tag.name == "include":
            stem, arguments = include_arguments(tag, written)
            values = {key: value for key, (_, value) in arguments.items()}
            provider = values.get("provider", "").lower() or next((p for p in PAGES if p in stem), "")
            if stem in ("video", *PAGES) or any(p in stem for p in PAGES):
                ident = next((values[k] for k in _ID_KEYS if k in values), "")
                yield from _video(tag, written, provider, ident)


def _video(tag: Tag, written: str, provider: str, ident: str) -> Iterator[tuple[int, str, str]]:
    if provider not in _TAGS or not ident:
        return
    if ident.startswith(("https://", "http://")):  # `{% youtube "https://youtu.be/ID" %}`
        url = ident
    elif provider == "youtube" and (playlist := _PLAYLIST.fullmatch(ident)):  # `{% youtube videoseries?list=PL... %}`
        url = "https://www.youtube.com/playlist?list=" + playlist[1]
    elif provider in PAGES and _ID[provider].fullmatch(ident):
        url = PAGES[provider].format(ident)
    else:
        return
    at = written.find(ident, len(tag.name) + 2)
    if at >= 0:
        yield tag.start + at, ident, url
