"""YouTube: ask the oEmbed API, never the watch page.

Watch pages answer 200 even for removed videos, and fetching them invites bot
walls. `https://www.youtube.com/oembed?url=<watch URL>&format=json` answers
200 for a video anyone can embed, 400/404 for one removed or never there, and
401/403 for one that is private or not embeddable. A `list=` playlist is
checked the same way, beside its video. The oEmbed URL is built from the real
youtube.com URL and then remapped like any request."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlencode, urlsplit

from blogcheck.links import oembed
from blogcheck.links.http import Client
from blogcheck.links.model import Status, Verdict

NAME = "youtube"
_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "music.youtube.com", "youtube-nocookie.com",
          "www.youtube-nocookie.com", "youtu.be", "www.youtu.be"}
_PATH_ID = re.compile(r"^/(?:embed|shorts|live|v|e)/([^/?#]+)")
_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
_API = oembed.Api("https://www.youtube.com/oembed?", NAME, frozenset({400, 404}), frozenset({401, 403}),
                  "{what} removed or does not exist", "{what} is private or not embeddable")


def _ids(url: str) -> tuple[str, str]:
    """(video id, playlist id), either may be ""."""
    parts = urlsplit(url)
    if (parts.hostname or "") not in _HOSTS:
        return "", ""
    query = parse_qs(parts.query)
    playlist = query.get("list", [""])[0]
    if parts.hostname in ("youtu.be", "www.youtu.be"):
        return parts.path.strip("/").split("/")[0], playlist
    if parts.path in ("/watch", "/watch/"):
        return query.get("v", [""])[0], playlist
    found = _PATH_ID.match(parts.path)
    if found and found[1] == "videoseries":  # a playlist's own embed code: `/embed/videoseries?list=PL...`
        return "", playlist
    return (found[1] if found else ""), playlist


def match(url: str) -> bool:
    return any(_ids(url))


def canonical(url: str) -> str:
    video, playlist = _ids(url)
    if not video:
        return "https://www.youtube.com/playlist?" + urlencode({"list": playlist})
    return "https://www.youtube.com/watch?" + urlencode({"v": video, **({"list": playlist} if playlist else {})})


def known(url: str) -> Verdict | None:
    """A malformed video id (a paste cut short) is broken, with no request."""
    video, _ = _ids(url)
    if video and not _ID.match(video):
        return Verdict(Status.BROKEN, None, None, f"video id {video!r} is malformed",
                       "a YouTube video id has 11 letters, digits, - or _; copy the link again", NAME)
    return None


def check(url: str, image: bool, client: Client) -> Verdict:
    malformed = known(url)
    if malformed is not None:
        return malformed
    video, playlist = _ids(url)
    verdicts = []
    if video:
        page = "https://www.youtube.com/watch?" + urlencode({"v": video})
        verdicts.append(oembed.ask(_API, client, page, "video", format="json"))
    if playlist:
        page = "https://www.youtube.com/playlist?" + urlencode({"list": playlist})
        verdicts.append(oembed.ask(_API, client, page, "playlist", format="json"))
    order = [Status.BROKEN, Status.UNVERIFIED, Status.SKIPPED, Status.OK]
    worst = min(verdicts, key=lambda v: order.index(v.status))
    return Verdict(worst.status, worst.http_status, worst.final_url, "; ".join(v.seen for v in verdicts),
                   worst.hint, worst.provider)
