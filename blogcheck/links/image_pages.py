"""Share pages pasted as images: `github.com/o/r/blob/main/x.png`, a Dropbox
`?dl=0` link, an imgur page. Each URL serves a web page that shows the image,
never the image, so `<img>` gets HTML and readers see a broken image. That is
known from the URL alone: the finding (BC301) needs no request, so the offline
pre-commit hook has it too, and it names the direct form of the image."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_IMGUR_PAGE = re.compile(r"/[A-Za-z0-9]{5,8}")


def direct(url: str) -> str | None:
    """The image itself for a share page's URL, or None for any other URL (or none)."""
    try:
        parts = urlsplit(url)
    except ValueError:  # `http://[::1`: not a URL at all; judged elsewhere
        return None
    host = (parts.hostname or "").removeprefix("www.")
    query = parse_qsl(parts.query, keep_blank_values=True)
    segments = parts.path.split("/")
    if host == "github.com" and len(segments) > 5 and segments[3] == "blob":
        if any(k == "raw" and v.lower() in ("true", "1") for k, v in query):
            return None  # `?raw=true`: GitHub redirects to the file itself
        owner, repo, ref, path = segments[1], segments[2], segments[4], "/".join(segments[5:])
        return f"https://raw.githubusercontent.com/{owner}/{repo}/{ref}/{path}"
    if host == "dropbox.com" and ("dl", "0") in query:
        kept = [(k, v) for k, v in query if k != "dl"] + [("raw", "1")]
        return urlunsplit(("https", "www.dropbox.com", parts.path, urlencode(kept), ""))
    if host == "imgur.com" and _IMGUR_PAGE.fullmatch(parts.path):
        return f"https://i.imgur.com{parts.path}.jpg"  # imgur serves an image by its id, whatever the suffix
    return None
