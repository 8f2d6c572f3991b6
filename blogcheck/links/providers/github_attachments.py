"""GitHub attachments: images pasted into an issue or PR comment.

`github.com/user-attachments/assets/<uuid>` (and the older
`private-user-images.githubusercontent.com/...` links it redirects to) are
served only to people who may see the repository they were pasted in. A
reader of the blog is anonymous, so an anonymous 404 means readers see a
broken image even though the author, signed in, sees it fine."""

from __future__ import annotations

import dataclasses
from urllib.parse import urlsplit

from blogcheck.links.http import Client
from blogcheck.links.model import Status, Verdict
from blogcheck.links.probe import check_url

NAME = "github-attachments"
_HINT = ("anonymous readers get 404: the attachment may be visible only to signed-in users of a private "
         "repository; put the {what} in the site repository (e.g. assets/) and link that")


def match(url: str) -> bool:
    parts = urlsplit(url)
    host = parts.hostname or ""
    return (host == "github.com" and parts.path.startswith("/user-attachments/")) or \
        host == "private-user-images.githubusercontent.com"


def canonical(url: str) -> str:
    return url


def check(url: str, image: bool, client: Client) -> Verdict:
    verdict = check_url(client, url, image)
    if verdict.status is not Status.OK and verdict.http_status == 404:
        what = "image" if image or "/assets/" in urlsplit(url).path else "file"  # `/files/`: a PDF, a zip
        return dataclasses.replace(verdict, status=Status.BROKEN, hint=_HINT.format(what=what), provider=NAME)
    return verdict
