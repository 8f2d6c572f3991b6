"""Remote anchors: `https://host/page#section` needs an element with that id on
the page. Docs sites rename and move sections; the link then opens the top of
the page, and the reader never finds what the post pointed at (BC209, a warning).

Only fragments that name an element are looked for: not `#top` (HTML scrolls
any page there), nor ones that hold a page's state (`#scrollTo=x`, `#gid=0`,
`#page=2`, `#/route`, `#!/route`, `#:~:text=...`). On github.com, a heading of a
README or a Markdown file is `user-content-<fragment>` in the page (its script
scrolls `#fragment` there), and the anchors its scripts draw are not looked for:
code lines (`#L10-L20`), `#readme`, diffs, comments and reviews; other GitHub
hosts (gists, docs) are not looked at. The page is fetched once per
run with GET, whatever number of fragments point into it; at most PAGE_LIMIT
bytes are read. A page that does not answer 200 with HTML read to its end is
left alone: the page's own check reports what is wrong with it.

Ids are found by a pattern over the HTML (`id=`, `name=`, after a space, a quote
or a `/` as in `<br/id="x">`, also inside scripts and JSON-escaped), not an HTML
parser: it is fast on megabyte pages, and text that only looks like an id can hide
a missing anchor, never invent one. The page is decoded first as browsers decode
it: by its byte-order mark (a UTF-16 page has one), else by the Content-Type's charset."""

from __future__ import annotations

import codecs
import difflib
import html
import re
import zlib
from dataclasses import dataclass
from urllib.parse import unquote, urljoin, urlsplit

from blogcheck.links.http import Client
from blogcheck.links.model import Status, Verdict
from blogcheck.links.probe import is_page
from blogcheck.links.replies import Reply

PROVIDER = "anchor"
PAGE_LIMIT = 5_000_000
MAX_IDS = 100_000  # a page with more (a hostile one) is not judged: its set would cost too much
_SUGGEST_FROM = 10_000  # ids to pick the closest from (difflib is quadratic in the worst case)
_ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"
_GITHUB = "github.com"
# the anchors github.com's scripts draw, not in the page's HTML
_GITHUB_SCRIPTED = re.compile(r"L\d+(C\d+)?(-L\d+(C\d+)?)?|readme|diff-?.*|(issue|discussion|commit)comment-\d+|"
                              r"pullrequestreview-\d+|r\d+|event-\d+|ref-.*", re.IGNORECASE)
# a `/` before the name too: browsers read `<br/id="x">` as an id (the slash is no self-closing there)
_ID = re.compile(r"""[\s"'/](?:id|name)\s*=\s*(?:"([^"<>]{1,300})"|'([^'<>]{1,300})'|\\"([^"\\<>]{1,300})\\"|"""
                 r"""([^\s"'=<>`]{1,300}))""", re.IGNORECASE)
# the marks browsers decode a page by, whatever its Content-Type says (WHATWG Encoding: BOM sniffing)
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


@dataclass(frozen=True)
class Page:
    ids: frozenset[str] | None  # None: not read (not 200 HTML, cut short, not decodable)
    url: str  # where the redirects ended, after remap
    seen: str


def wanted(url: str) -> str:
    """The fragment of `url` to look for on its page, or "" when there is none to check."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    fragment = parts.fragment
    if not fragment or fragment.lower() == "top" or fragment[0] in "!/" or "=" in fragment:
        return ""
    if fragment.startswith(":~:"):
        return ""
    host = (parts.hostname or "").lower()
    if host.endswith("." + _GITHUB) or (host == _GITHUB and _GITHUB_SCRIPTED.fullmatch(fragment)):
        return ""
    return fragment


def check(client: Client, url: str, fragment: str) -> Verdict:
    """OK when the page has the anchor, BROKEN (BC209) when it has not, SKIPPED
    when the page could not be read."""
    page: Page = client.once(("page", url), lambda: _fetch(client, url))
    if page.ids is None:
        return Verdict(Status.SKIPPED, seen=page.seen)
    final = page.url if " -> " in page.seen else None  # redirected: where to (after remap, as check_url says)
    names = {fragment, unquote(fragment)}
    if (urlsplit(url).hostname or "").lower() == _GITHUB:
        names |= {f"user-content-{name}" for name in names}
    if not names.isdisjoint(page.ids):
        return Verdict(Status.OK, 200, final, page.seen)
    ids = page.ids if len(page.ids) <= _SUGGEST_FROM else ()
    close = difflib.get_close_matches(unquote(fragment), ids, n=1, cutoff=0.75)
    hint = f"the page has no element with id `{unquote(fragment)}`: its section was renamed or moved"
    hint += f"; did you mean `#{close[0]}`?" if close else "; link the section's new anchor, or the page alone"
    return Verdict(Status.BROKEN, 200, final, page.seen, hint, provider=PROVIDER)


def _fetch(client: Client, url: str) -> Page:
    seen: list[str] = []
    current = url
    for _ in range(client.settings.max_redirects + 1):
        reply = client.request("GET", current, _ACCEPT, keep=PAGE_LIMIT)
        seen.append(reply.label)
        if not (300 <= reply.status < 400 and reply.location):
            return Page(_ids(reply), reply.url, " -> ".join(seen))
        try:
            current = urljoin(reply.url, reply.location.strip())
            if urlsplit(current).scheme not in ("http", "https") or urlsplit(current).fragment:
                break  # not a page, or the redirect names its own anchor
        except ValueError:
            break
    return Page(None, current, " -> ".join(seen))


def _ids(reply: Reply) -> frozenset[str] | None:
    if reply.status != 200 or not is_page(reply) or not reply.whole:
        return None
    body = decoded(reply.body, reply.content_encoding.strip().lower())
    if body is None:
        return None
    found = set()
    for match in _ID.finditer(_text(body, reply.content_type)):
        raw = next(group for group in match.groups() if group is not None)
        found.add(html.unescape(raw))
        if len(found) > MAX_IDS:
            return None
    return frozenset(found)


def _text(body: bytes, content_type: str) -> str:
    """The page as a browser decodes it: by its byte-order mark, else in `_charset`."""
    for mark, encoding in _BOMS:
        if body.startswith(mark):
            return body[len(mark) :].decode(encoding, "replace")
    return body.decode(_charset(content_type), "replace")


def _charset(content_type: str) -> str:
    """The charset the Content-Type names, if Python knows it; else UTF-8 (what pages mostly are)."""
    for param in content_type.split(";")[1:]:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            try:
                encoding = codecs.lookup(value.strip().strip('"\'')).name
                return "utf-16-le" if encoding == "utf-16" else encoding  # no mark: little-endian, as browsers
            except LookupError:
                break
    return "utf-8"


def decoded(body: bytes, encoding: str) -> bytes | None:
    """The body as sent before compression (asked for none; some servers compress anyway)."""
    if encoding in ("", "identity"):
        return body
    if encoding not in ("gzip", "x-gzip", "deflate"):
        return None
    inflater = zlib.decompressobj(zlib.MAX_WBITS | 32 if encoding != "deflate" else zlib.MAX_WBITS)
    try:
        out = inflater.decompress(body, PAGE_LIMIT * 4)  # a bound: a small body may inflate to gigabytes
    except zlib.error:
        return None
    return out if not inflater.unconsumed_tail else None
