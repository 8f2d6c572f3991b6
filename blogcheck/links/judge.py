"""What one link is: a remote URL to request, a local file or anchor to look up
(and whether it is there), a malformed URL, or nothing to check."""

from __future__ import annotations

import bisect
import difflib
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import unquote, urljoin, urlsplit

from blogcheck.links.local import SiteIndex, key
from blogcheck.links.model import Kind, Link
from blogcheck.links.posturl import post_url_name

GUESSES = 100_000  # ids a run compares for BC203's "did you mean", at most (difflib's cost)
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_WEB = ("http", "https")
_TYPO = re.compile(r"^(?:www\.|https?//)", re.I)
_MARKDOWN = frozenset({".md", ".markdown", ".mkdown", ".mkdn", ".mkd"})  # what jekyll-relative-links converts


@dataclass(frozen=True)
class Problem:
    """A finding about a link, before it becomes a Diagnostic."""

    code: str
    message: str
    hint: str = ""


@dataclass(frozen=True)
class Remote:
    url: str  # as written, Liquid resolved


def classify(link: Link, index: SiteIndex, site_url: str, base: str | None,
             anchors: AnchorLookup, folder: str = "") -> Problem | Remote | None:
    """A Problem, a Remote URL for the remote checker, or None (fine or not
    checkable). `base` is the post's URL, `folder` its source folder."""
    url = link.url.strip()
    if not url:
        return Problem("BC208", "empty link target", "write the URL between the parentheses, or remove the link")
    if site_url and link.raw.lstrip().startswith("{{") and url.startswith(site_url + "/"):
        url = url[len(site_url):]  # `{{ site.url }}/x`: a page of this site
    scheme = _SCHEME.match(url)
    if scheme or url.startswith("//"):  # protocol-relative: the remote checker uses https
        outcome = _with_scheme(url, scheme[1].lower() if scheme else "https", link.kind is Kind.IMAGE)
        own = _own_path(outcome.url, site_url) if isinstance(outcome, Remote) else None
        if own is not None:  # a page of this site, written with its address: found here, or asked for
            found = _local(own, link, index, base, anchors, folder)
            if found is None or found.code == "BC203":
                return found
        if isinstance(outcome, Remote) and link.kind is Kind.IMAGE:  # a valid web URL: is it a share page?
            return _share_page(outcome.url) or outcome
        return outcome
    if _TYPO.match(url):
        return Problem("BC208", f"`{url}` is not a valid URL (no `https://`)",
                       "start a web address with `https://`; as written it is a path on this site")
    return _local(url, link, index, base, anchors, folder)


def outside_base(link: Link, index: SiteIndex) -> Problem | None:
    """`/about.html` written as it is on a site whose `baseurl` is `/blog`: the page
    exists, at /blog/about.html; the link, written without Liquid, goes to the
    server's root, outside the site (GitHub Pages serves a project site there)."""
    url = link.url.strip()
    if not index.baseurl or "{" in link.raw or not url.startswith("/") or url.startswith("//"):
        return None
    path = url.partition("#")[0].partition("?")[0]
    if path == index.baseurl or path.startswith(index.baseurl + "/"):
        return None
    code = "BC303" if link.kind is Kind.IMAGE else "BC204"
    return Problem(code, f"`{short(path)}` is outside the site's baseurl ({index.baseurl}): the built site has it at "
                         f"{index.baseurl}{path}",
                   f"write `{{{{ site.baseurl }}}}{path}` or `{{{{ \"{path}\" | relative_url }}}}`")


def _own_path(url: str, site_url: str) -> str | None:
    """The path (query, fragment) of `url` when it is on this site's host (`url:` in
    _config.yml, http or https alike), else None."""
    if not site_url:
        return None
    try:
        mine, there = urlsplit(site_url), urlsplit(url if not url.startswith("//") else "https:" + url)
        same = mine.hostname is not None and mine.hostname == there.hostname and mine.port == there.port
    except ValueError:
        return None
    if not same or there.username is not None:
        return None
    rest = url[url.index(there.netloc) + len(there.netloc):]
    return rest if rest.startswith("/") else "/" + rest


def _local(url: str, link: Link, index: SiteIndex, base: str | None, anchors: AnchorLookup,
           folder: str) -> Problem | None:
    """A link to a file, page or anchor of this site: a Problem, or None when it is there."""
    path, _, fragment = url.partition("#")
    path = path.partition("?")[0]
    if not path:
        return anchors.problem(None, unquote(fragment))
    if base is None and not path.startswith("/"):
        return None  # a relative link in a page whose URL is unknown
    target = urljoin(base or "/", unquote(path))
    source = _source_file(unquote(path), folder, index)
    if source and index.relative_md:
        target = index.by_file[source]  # jekyll-relative-links writes the page's URL instead
    if not index.exists(target):
        code = "BC303" if link.kind is Kind.IMAGE else "BC204"
        what = "image" if link.kind is Kind.IMAGE else "file or page"
        hint = (_source_hint(source, index) if source else _relative_hint(unquote(path), base, folder, index)
                or index.hidden.get(key(index.strip_base(target))) or _missing_hint(link, target, index))
        return Problem(code, f"`{short(target)}` is no {what} of this site", hint)
    if fragment:
        return anchors.problem(target, unquote(fragment))
    return None


def _share_page(url: str) -> Problem | None:
    from blogcheck.links.image_pages import direct

    image = direct(url)
    if image is None:
        return None
    return Problem("BC301", f"`{short(url)}` is a page that shows the image, not the image",
                   f"link the image itself: {image}")


def short(url: str, limit: int = 200) -> str:
    """A URL for a message: long ones cut in the middle (the `url` key keeps it whole)."""
    return url if len(url) <= limit else url[: limit // 2] + "…" + url[-limit // 4 :]


def _with_scheme(url: str, scheme: str, image: bool = False) -> Problem | Remote | None:
    if scheme in _WEB:
        from blogcheck.links.dedupe import normalise

        try:
            normalise(url if not url.startswith("//") else "https:" + url)
        except ValueError as exc:
            return Problem("BC208", f"`{short(url)}` is not a valid URL ({exc})", f"write `{scheme}://host/path`")
        return Remote(url)
    if scheme == "file" or len(scheme) == 1:  # file:///C:/..., C:\\Users\\...
        return Problem("BC208", f"`{url}` points at a file on the author's computer",
                       "copy the file into the site (e.g. assets/) and link to it there")
    if scheme in ("ftp", "ftps"):  # as a redirect to one is broken (probe._UNSAFE), said of the link written too
        return Problem("BC304" if image else "BC202", f"`{short(url)}` is an FTP link, which no current browser "
                       "opens (Chrome and Firefox dropped FTP in 2021): not checked",
                       "link a web (https) copy of the file, or put the file in the site (e.g. assets/)")
    near = difflib.get_close_matches(scheme, _WEB, n=1, cutoff=0.75)
    if near and url[len(scheme) + 1 :].startswith("/"):
        return Problem("BC208", f"`{url}` has an unknown scheme `{scheme}:`", f"did you mean `{near[0]}:`?")
    return None  # mailto:, tel:, javascript:, data: and others are not checked


def _relative_hint(path: str, base: str | None, folder: str, index: SiteIndex) -> str:
    """For `../assets/x.png` written relative to the post's file (as GitHub's
    preview reads it): the site sees it relative to the post's URL."""
    from_file = _from_file(path, folder)
    if not from_file or from_file.startswith("..") or not index.exists("/" + from_file):
        return ""
    root = "{{ site.baseurl }}/" if index.baseurl else "/"  # a root path without it is outside the site
    return f"relative links resolve against the post's URL ({base}), not its file: write `{root}{from_file}`"


def _source_file(path: str, folder: str, index: SiteIndex) -> str:
    """The post or page source file (`2024-01-01-other.md`) a relative link names, as
    GitHub's preview reads it; "" when it names none."""
    from_file = _from_file(path, folder)
    markdown = posixpath.splitext(from_file)[1].lower() in _MARKDOWN
    return from_file if markdown and from_file in index.by_file else ""


def _from_file(path: str, folder: str) -> str:
    """A relative `path` read against the post's source folder; "" for a root path."""
    return "" if path.startswith("/") or not folder else posixpath.normpath(posixpath.join(folder, path))


def _source_hint(source: str, index: SiteIndex) -> str:
    url = index.baseurl + index.by_file[source]
    if "_posts" in source.split("/")[:-1]:
        name = post_url_name(index.document(source))
        return (f"that is the source file of a post, published at {url}: write `{{% post_url {name} %}}` "
                "(or set relative_links: {collections: true} with jekyll-relative-links)")
    return f"that is a source file, published at {url}: link to that URL"


def _missing_hint(link: Link, target: str, index: SiteIndex) -> str:
    if index.baseurl and "{{" not in link.raw and target.startswith("/") and index.exists(index.baseurl + target):
        return (f"the site is served under its baseurl, so that page is at `{index.baseurl + target}`: "
                f"write `{{{{ site.baseurl }}}}{target}` or `{{{{ \"{target}\" | relative_url }}}}`")
    near = index.nearest(target)
    if near is not None:
        path, case_only = near
        return f"did you mean `{path}`?" + (" Only the case differs: it matters on the server, not on a Mac "
                                            "or Windows disk." if case_only else "")
    if index.baseurl and not target.startswith(index.baseurl + "/") and "{{" not in link.raw:
        return f"check the path; on this site it may need `{{{{ site.baseurl }}}}` ({index.baseurl})"
    return "check the path and the file name (case matters on the server)"


class AnchorLookup:
    """Ids of the post being checked, and of other posts a link points into
    (`ids_of(url)` is None for a page whose HTML is unknown). `own()` is asked
    only when a link has a #fragment: most posts never need their ids. `budget`:
    the ids left to compare in the run's guesses (difflib's costs grow with a post's
    ids: a long post whose table of contents went stale took minutes)."""

    def __init__(self, own: Callable[[], set[str]], ids_of: Callable[[str], set[str] | None],
                 budget: list[int] | None = None,
                 as_text: Callable[[str | None], dict[str, str]] | None = None) -> None:
        self.own = own
        self.ids_of = ids_of
        self.as_text = as_text  # of a target (None: this post), the ids its headings shown as text would have
        self.budget = budget if budget is not None else [GUESSES]
        self._sorted: dict[int, tuple[set[str], list[str]]] = {}

    def _ordered(self, ids: set[str]) -> list[str]:
        """`ids` sorted, once per set (a post asks for each of its broken anchors)."""
        kept = self._sorted.get(id(ids))
        if kept is None or kept[0] is not ids:
            kept = self._sorted[id(ids)] = (ids, sorted(ids))
        return kept[1]

    def problem(self, target: str | None, fragment: str) -> Problem | None:
        from blogcheck.links.anchors import ALWAYS

        if fragment in ALWAYS:
            return None
        ids = self.own() if target is None else self.ids_of(target)
        if ids is None or fragment in ids:
            return None
        where = "this post" if target is None else f"`{target}`"
        heading = self.as_text(target).get(fragment) if self.as_text is not None else None
        if heading is not None:
            return Problem("BC203", f"`#{fragment}` matches no heading or id in {where}: {heading} is text to "
                           "kramdown (BC616), so the page has no such id", "make it a heading kramdown reads, as BC616 "
                           "says there; the link then finds it")
        ordered = self._ordered(ids)
        near: list[str] = []
        if len(ordered) <= self.budget[0]:
            self.budget[0] -= len(ordered)
            near = difflib.get_close_matches(fragment, ordered, n=1, cutoff=0.6)
        if not near:  # `#setup` for `#setup-on-linux`: the start of one heading's id (next to each other, sorted)
            prefix = f"{fragment.lower()}-"
            at = bisect.bisect_left(ordered, prefix)
            near = [i for i in ordered[at : at + 2] if i.startswith(prefix)]
            near = near if len(near) == 1 else []
        return Problem("BC203", f"`#{fragment}` matches no heading or id in {where}",
                       f"did you mean `#{near[0]}`?" if near else "link to a heading's id (lower case, hyphens)")
