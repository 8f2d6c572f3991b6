"""Twitter / X posts: ask the oEmbed API, never the post's page.

x.com answers a post's page with the same script-driven shell (or a bot wall)
whether the post is there or was deleted, so a plain check cannot tell.
`https://publish.twitter.com/oembed?url=<post URL>` answers 200 for a public
post, 404 for one deleted (or whose account is gone), and 403 for one of a
protected or suspended account (readers see no post either, but it may come
back: a warning). The API is asked with the post's twitter.com URL, the form it
documents; x.com, mobile and `/statuses/` spellings of one post are one request.
Profiles and other pages get a plain check."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from blogcheck.links import oembed
from blogcheck.links.http import Client
from blogcheck.links.model import Verdict

NAME = "twitter"
_HOSTS = {"twitter.com", "www.twitter.com", "mobile.twitter.com", "x.com", "www.x.com", "mobile.x.com"}
# `/photo/1`: the same post. `/i/web/status/ID` names no account: its oEmbed answer is not documented, so
# such a link gets a plain check rather than risk a false "deleted".
_POST = re.compile(r"/(?!i/)([A-Za-z0-9_]{1,15})/status(?:es)?/(\d{1,20})(?:/.*)?")
_API = oembed.Api("https://publish.twitter.com/oembed?", NAME, frozenset({404}), frozenset({403}),
                  "{what} deleted, or its account is gone", "{what} of a protected or suspended account")


def _post(url: str) -> tuple[str, str] | None:
    """(account, post id) of a post's URL, else None."""
    parts = urlsplit(url)
    found = _POST.fullmatch(parts.path) if (parts.hostname or "") in _HOSTS else None
    return (found[1].lower(), found[2]) if found else None


def match(url: str) -> bool:
    return _post(url) is not None


def canonical(url: str) -> str:
    account, ident = _post(url) or ("", "")
    return f"https://twitter.com/{account}/status/{ident}"


def check(url: str, image: bool, client: Client) -> Verdict:
    return oembed.ask(_API, client, canonical(url), "post", omit_script="true", dnt="true")
