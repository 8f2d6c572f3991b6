"""Blogger and Google-hosted images (`*.googleusercontent.com`, `*.bp.blogspot.com`).

For these, 403 is not a bot wall: Google answers 403 for an image that was
deleted or whose album was made private. It stays 403 for every reader."""

from __future__ import annotations

import dataclasses
from urllib.parse import urlsplit

from blogcheck.links.http import Client
from blogcheck.links.model import Status, Verdict
from blogcheck.links.probe import check_url

NAME = "googleusercontent"
_HINT = "Google answers 403 for an image that was deleted or made private; re-upload it or host it with the site"


def match(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    return host == "blogger.googleusercontent.com" or (host.endswith(".googleusercontent.com") and
                                                       host.split(".")[0] in ("lh3", "lh4", "lh5", "lh6")) or \
        host.endswith(".bp.blogspot.com")


def canonical(url: str) -> str:
    return url


def check(url: str, image: bool, client: Client) -> Verdict:
    verdict = check_url(client, url, image)
    if verdict.status is Status.UNVERIFIED and verdict.http_status == 403:
        return dataclasses.replace(verdict, status=Status.BROKEN, hint=_HINT, provider=NAME)
    return verdict
