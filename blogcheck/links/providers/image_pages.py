"""Share pages pasted as images: `github.com/o/r/blob/main/x.png`, a Dropbox
`?dl=0` link, an imgur page. Each serves a web page that shows the image, so
`<img>` gets HTML and readers see a broken image (BC301, found by the plain
check). Each has a direct form, which the finding names."""

from __future__ import annotations

import dataclasses
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from blogcheck.links.http import Client
from blogcheck.links.model import Status, Verdict
from blogcheck.links.probe import check_url

NAME = "image-pages"
_IMGUR_PAGE = re.compile(r"/[A-Za-z0-9]{5,8}")


def direct(url: str) -> str | None:
    """The image itself for a share page's URL, or None for any other URL."""
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    segments = parts.path.split("/")
    if host == "github.com" and len(segments) > 5 and segments[3] == "blob":
        owner, repo, ref, path = segments[1], segments[2], segments[4], "/".join(segments[5:])
        return f"https://raw.githubusercontent.com/{owner}/{repo}/{ref}/{path}"
    if host == "dropbox.com" and ("dl", "0") in parse_qsl(parts.query):
        query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "dl"] + [("raw", "1")]
        return urlunsplit(("https", "www.dropbox.com", parts.path, urlencode(query), ""))
    if host == "imgur.com" and _IMGUR_PAGE.fullmatch(parts.path):
        return f"https://i.imgur.com{parts.path}.jpg"  # imgur serves an image by its id, whatever the suffix
    return None


def match(url: str) -> bool:
    return direct(url) is not None


def canonical(url: str) -> str:
    return url


def check(url: str, image: bool, client: Client) -> Verdict:
    verdict = check_url(client, url, image)
    answered = verdict.http_status is not None and 200 <= verdict.http_status < 300
    if image and verdict.status is Status.BROKEN and answered:  # a 2xx image is broken only when it is a page
        hint = f"this URL is a page that shows the image, not the image: link {direct(url)}"
        return dataclasses.replace(verdict, hint=hint, provider=NAME)
    return verdict
