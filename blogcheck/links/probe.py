"""One URL -> Verdict: HEAD first, GET when HEAD is refused, redirects followed
by hand (so each hop is gated, remapped and screened like any request).

A HEAD answer other than 2xx/3xx is tried again with GET: many servers refuse or
mishandle HEAD (405, 403, 404, 500, an answer that is not HTTP) yet serve the
page. The cost is one more request for links that are really broken. A 429 is
not re-asked with GET: the server asked to wait, and http.py waits.
A HEAD that times out, is reset or closed once the connection is made (firewalls
and bot walls drop HEAD) is not tried again: GET is asked at once, and a GET
after a HEAD timeout gets no second try on a timeout of its own, so a host that
never answers costs two timeouts, as two HEADs did. A HEAD that could not even
connect (refused, no such host, a connect timeout) gets no GET: it would fail
the same way."""

from __future__ import annotations

import dataclasses
from urllib.parse import urljoin, urlsplit

from blogcheck.links import signin
from blogcheck.links.addresses import written_local
from blogcheck.links.dedupe import normalise
from blogcheck.links.http import Client
from blogcheck.links.model import Status, Verdict
from blogcheck.links.replies import Reply

_ACCEPT_PAGE = "text/html,application/xhtml+xml,*/*;q=0.8"
_ACCEPT_IMAGE = "image/avif,image/webp,image/*,*/*;q=0.8"
_HEAD_RETRY = frozenset({429})  # a HEAD that fails otherwise goes straight to GET
_BROKEN_HINTS = {404: "the page is not there (404); fix the URL, or link a copy from web.archive.org",
                 410: "the page was removed for good (410); remove or replace the link"}
_UNVERIFIED_STATUSES = {401: "needs a login", 403: "refused to a robot (a bot wall?)", 407: "needs a proxy login",
                        408: "timed out on the server", 429: "still rate-limited after retries",
                        451: "withheld for legal reasons where the check runs (a geo or GDPR block); "
                             "readers elsewhere may see it",
                        999: "refused to a robot (LinkedIn's bot wall answers 999)"}

_ODD_ANSWERS = {  # answers that are neither a page nor an error
    101: "the server switches protocols (101) where a page was asked for, and sends none",
    300: "the server offers several pages (300 Multiple Choices) and names none to go to (no Location)",
    304: "the server answers 304 Not Modified, though no copy was asked to be compared (no condition sent)"}


def check_url(client: Client, url: str, image: bool = False) -> Verdict:
    """Follow `url` to its final answer and judge it (`image`: it must not be a web page)."""
    visits: dict[str, int] = {}
    seen: list[str] = []
    current = url
    local = bool(written_local(url))  # (a link remapped to a local mirror: its redirects stay there)
    for _ in range(client.settings.max_redirects + 1):
        reply = _head_then_get(client, current, image)
        local = local or (not seen and bool(written_local(reply.url)))
        seen.append(reply.label)
        if not _redirect(reply) or reply.status in client.settings.accept:
            return judge(reply, image, client.settings.accept, seen)
        here = _key(reply.url)  # only a redirect can loop back
        visits[here] = visits.get(here, 0) + 1
        try:
            current = urljoin(reply.url, reply.location.strip())
            scheme = urlsplit(current).scheme
        except ValueError as exc:  # `http://[::1`: a browser cannot go there either
            return _verdict(Status.BROKEN, reply, seen, f"redirects to an invalid URL ({exc}): {reply.location!r}")
        if scheme in _UNSAFE:  # browsers refuse such a redirect (Chrome: ERR_UNSAFE_REDIRECT), or dropped it (ftp)
            return _verdict(Status.BROKEN, reply, seen, f"redirects to {current}, where no browser follows")
        if scheme not in ("http", "https"):  # mailto:, tel:, an app's own scheme: handed to another program
            return _verdict(Status.UNVERIFIED, reply, seen, f"redirects to {current}, not a web page")
        if written_local(current) and not local:  # the check would ask the author's own computer
            return _verdict(Status.BROKEN, reply, seen, f"redirects to {current}, on the reader's own computer: "
                            "each reader lands on their own machine, not on the page (not requested)")
        wall = signin.site(current)
        if wall:  # not requested: the login form would answer 200
            return _signin(reply, image, seen, wall, current)
        if visits.get(_key(current), 0) >= 2:  # once again is allowed: some sites redirect to set a cookie
            return _verdict(Status.BROKEN, reply, seen, f"redirect loop back to {current}")
    return _verdict(Status.BROKEN, reply, seen, f"more than {client.settings.max_redirects} redirects")


_UNSAFE = frozenset({"file", "javascript", "data", "ftp", "ftps", "gopher", "about", "blob", "filesystem",
                     "view-source"})


def _head_then_get(client: Client, url: str, image: bool) -> Reply:
    accept = _ACCEPT_IMAGE if image else _ACCEPT_PAGE
    head = client.request("HEAD", url, accept, retry=_HEAD_RETRY, fallback=True)
    if (head.failure and not _get_may_differ(head)) or head.status == 429 or _redirect(head):
        return head
    if head.status in client.settings.accept and not (image and (is_page(head) or _untyped(head))):
        return head
    get = client.request("GET", url, accept, timeouts=0 if head.failure == "timeout" else 1,
                         keep=_SNIFF if image else 0)
    return dataclasses.replace(get, tries=(head.label, *get.tries))


def _get_may_differ(head: Reply) -> bool:
    """A failed HEAD whose GET may yet be answered: a malformed answer (it may be the
    server's HEAD alone), a timeout or reset after connecting (HEAD dropped)."""
    return head.failure == "malformed" or (head.connected and head.failure in ("timeout", "reset"))


def _redirect(reply: Reply) -> bool:
    """A redirect to follow: 3xx with a Location, but not 304 (Not Modified: no
    redirect, whatever it carries, as browsers read it)."""
    return 300 <= reply.status < 400 and reply.status != 304 and bool(reply.location)


def judge(reply: Reply, image: bool, accept: tuple[int, ...], seen: list[str]) -> Verdict:
    """The verdict on a final answer (no redirect left to follow)."""
    status = reply.status
    if reply.failure:
        return _failed(reply, seen)
    if status in accept:
        if image and is_page(reply) and not raster(reply.body):  # a page, not an image served as one
            return _verdict(Status.BROKEN, reply, seen, f"serves a web page ({reply.content_type}), not an image")
        if image and _untyped(reply) and reply.body.lstrip()[:1] == b"<":  # browsers sniff it: markup, no image
            return _verdict(Status.BROKEN, reply, seen, "serves markup (a web page?) with no image type, not an "
                            "image")
        return _verdict(Status.OK, reply, seen)
    if status in _ODD_ANSWERS or 300 <= status < 400:
        why = _ODD_ANSWERS.get(status, f"a {status} redirect with no Location")
        return _verdict(Status.UNVERIFIED, reply, seen, f"{why}; check it in a browser")
    if status in _UNVERIFIED_STATUSES:
        why = reply.detail or _UNVERIFIED_STATUSES[status]
        return _verdict(Status.UNVERIFIED, reply, seen, f"{status}: {why}; check it in a browser")
    if 400 <= status < 500:
        return _verdict(Status.BROKEN, reply, seen, _BROKEN_HINTS.get(status, f"the server answers {status}; "
                                                                     "fix or remove the link"))
    why = f" and {reply.detail}" if reply.detail else ""
    return _verdict(Status.UNVERIFIED, reply, seen, f"the server answers {status}{why}; try again later")


def _signin(reply: Reply, image: bool, seen: list[str], wall: str, url: str) -> Verdict:
    """A redirect to a sign-in page: a link readers may not see (a warning), an image
    they will not see (an error: what loads is a login form, not an image)."""
    what = "image" if image else "page"
    hint = (f"redirects to a sign-in page ({wall}): readers who are not signed in cannot see the {what}; "
            + ("put the image in the site repository and link that" if image else
               "share it publicly, or link a public copy"))
    status = Status.BROKEN if image else Status.UNVERIFIED
    return Verdict(status, reply.status or None, url, " -> ".join(seen), hint)


def _failed(reply: Reply, seen: list[str]) -> Verdict:
    broken = {"dns": reply.detail, "refused": "connection refused: nothing listens there",
              "invalid": f"not a valid URL: {reply.detail}", "tls": f"TLS (https) failed: {reply.detail}"}
    if reply.failure == "excluded" and len(seen) > 1:  # the link's page sends readers there: say which link
        return _verdict(Status.UNVERIFIED, reply, seen, f"redirects to {reply.url}, and {reply.detail}")
    if reply.failure == "excluded":
        return _verdict(Status.SKIPPED, reply, seen, reply.detail)
    if reply.failure in broken:
        return _verdict(Status.BROKEN, reply, seen, broken[reply.failure])
    if reply.failure == "malformed":
        return _verdict(Status.UNVERIFIED, reply, seen, f"the server's answer is not valid HTTP ({reply.detail}); "
                                                        "check it in a browser")
    why = {"timeout": "no answer in time", "reset": "the connection was reset",
           "restarting": "connection refused, though the host answered or timed out earlier in this run "
                         "(restarting?)",
           "dns-temporary": reply.detail}.get(reply.failure, reply.detail)
    return _verdict(Status.UNVERIFIED, reply, seen, f"{why}; try again later")


def _verdict(status: Status, reply: Reply, seen: list[str], hint: str = "") -> Verdict:
    redirected = len(seen) > 1
    return Verdict(status, reply.status or None, reply.url if redirected else None, " -> ".join(seen), hint)


_SNIFF = 16  # bytes of an image's body kept, for its signature
# The signatures browsers sniff an <img> by, whatever the Content-Type says (WHATWG MIME Sniffing,
# "image type pattern matching"): an image script that never sets its header still shows.
_RASTER = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"BM", b"\x00\x00\x01\x00",
           b"\x00\x00\x02\x00")


def raster(body: bytes) -> bool:
    """`body` starts like a PNG, JPEG, GIF, WebP, BMP, ICO or CUR image."""
    return body.startswith(_RASTER) or (body[:4] == b"RIFF" and body[8:14] == b"WEBPVP")


def is_page(reply: Reply) -> bool:
    """The answer is a web page (HTML), by its Content-Type."""
    return reply.content_type.split(";")[0].strip().lower() in ("text/html", "application/xhtml+xml")


def _untyped(reply: Reply) -> bool:
    """No Content-Type, or one that names no kind: the browser sniffs the body."""
    return reply.content_type.split(";")[0].strip().lower() in ("", "application/octet-stream", "binary/octet-stream")


def _key(url: str) -> str:
    try:
        return normalise(url)
    except ValueError:
        return url
