"""Asking an oEmbed API about a page (YouTube's, Twitter's): the API knows whether
the video or post is still there, where the page itself answers 200 either way.
A provider says which answers mean gone and which mean hidden from readers."""

from __future__ import annotations

import json
from dataclasses import dataclass
from urllib.parse import urlencode

from blogcheck.links.fragments import decoded
from blogcheck.links.http import Client
from blogcheck.links.model import Status, Verdict
from blogcheck.links.replies import Reply

_KEPT = 65536  # bytes of the answer read: an oEmbed object is a few KB


def _json_object(reply: Reply) -> bool:
    """The body is a JSON object (or too long, or compressed past reading, to tell)."""
    body = decoded(reply.body, reply.content_encoding.strip().lower()) if reply.whole else None
    if body is None:
        return True
    try:
        return isinstance(json.loads(body), dict)
    except (ValueError, RecursionError):
        return False


@dataclass(frozen=True)
class Api:
    endpoint: str  # "https://www.youtube.com/oembed?"
    provider: str  # the provider's NAME
    gone: frozenset[int]  # statuses for a removed page: an error
    hidden: frozenset[int]  # statuses for a private one: a warning
    gone_hint: str  # "{what}" is replaced by what is asked about: "video", "post"
    hidden_hint: str


def ask(api: Api, client: Client, page: str, what: str, **params: str) -> Verdict:
    """The verdict on `page` (a `what`), asked once per run however many links name it."""
    url = api.endpoint + urlencode({"url": page, **params})
    reply = client.once(("oembed", url), lambda: client.request("GET", url, "application/json", keep=_KEPT))
    seen = f"{what} oEmbed {reply.label.replace('GET ', '')}"
    if reply.status == 200 and "html" in reply.content_type.lower():  # a consent or bot wall, not the API's JSON
        return Verdict(Status.UNVERIFIED, 200, None, f"{seen} {reply.content_type.split(';')[0]}",
                       f"the oEmbed API answered with a web page, not JSON: it did not confirm the {what}; "
                       "try again later")
    if reply.status == 200 and not _json_object(reply):  # a proxy's or a captive portal's page, sent as JSON
        return Verdict(Status.UNVERIFIED, 200, None, seen, f"the oEmbed API answered 200 with no JSON object: it "
                       f"did not confirm the {what}; try again later")
    if reply.status == 200:
        return Verdict(Status.OK, 200, None, seen, "", api.provider)
    if reply.status in api.gone:
        return Verdict(Status.BROKEN, reply.status, None, seen, api.gone_hint.format(what=what), api.provider)
    if reply.status in api.hidden:
        return Verdict(Status.UNVERIFIED, reply.status, None, seen, api.hidden_hint.format(what=what), api.provider)
    if reply.failure == "excluded":
        return Verdict(Status.SKIPPED, None, None, seen, reply.detail)
    why = reply.detail or f"the oEmbed API answers {reply.status}"  # not the page's fault: a plain warning
    return Verdict(Status.UNVERIFIED, reply.status or None, None, seen, f"{why}; try again later")
