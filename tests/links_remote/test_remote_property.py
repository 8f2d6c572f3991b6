"""Whatever a post or a server writes, the pieces that read URLs and answers for the
remote check return a value and never raise: a fragment to look for (or none), the
Location a browser would follow, a verdict's https upgrade, an exception's kind."""

from __future__ import annotations

import http.client

from hypothesis import given, settings
from hypothesis import strategies as st

from blogcheck.links import fragments
from blogcheck.links.addresses import written_local
from blogcheck.links.github_paths import plan
from blogcheck.links.model import Status, Verdict
from blogcheck.links.replies import detail, failure, location_text
from blogcheck.links.upgrade import to_https

_URLISH = st.text(alphabet="htpsfHTPS:/#?&=%[]@.!~-_ \u00e9\u0000\x1bLabc0123456789", max_size=60)
_URLS = st.builds(lambda s: s, _URLISH) | st.builds(lambda s: "http://" + s, _URLISH) | \
    st.builds(lambda s: "https://github.com/a/b#" + s, _URLISH) | \
    st.builds(lambda s: "https://github.com/" + s, _URLISH)


@settings(max_examples=400, deadline=None)
@given(_URLS, st.text(max_size=40))
def test_url_readers_never_raise(url: str, final: str) -> None:
    fragment = fragments.wanted(url)
    assert fragment == "" or fragment in url
    for image in (False, True):
        found = plan(url, image)  # a GitHub API path stays below its repository or account
        assert found is None or all(p.startswith(("/repos/", "/users/", "/gists/")) and "/../" not in p
                                    for p in found.paths)
    assert isinstance(written_local(url), str)
    for status in Status:
        assert isinstance(to_https(url, Verdict(status, 200, final or None, "HEAD 301 -> HEAD 200"), ()), bool)


@settings(max_examples=400, deadline=None)
@given(st.binary(max_size=40))
def test_any_location_bytes_become_a_printable_ascii_or_unicode_url(raw: bytes) -> None:
    text = location_text(raw.decode("latin-1"))
    assert isinstance(text, str)
    if not raw.decode("latin-1").isascii():
        assert text.isascii() or raw.decode("utf-8", "strict") == text


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=80))
def test_a_garbled_status_line_of_any_bytes_is_malformed_and_printable(line: bytes) -> None:
    error = http.client.BadStatusLine(line.decode("latin-1"))
    assert failure(error) == "malformed"
    assert detail(error).isprintable()


_SEGMENTS = st.sampled_from(["o", "r", "r.git", "blob", "tree", "raw", "blame", "issues", "pull", "commit", "releases",
                             "tag", "main", "feature", "x", "1", "a.md", ".", "..", "%2e%2e", "%2F", "%00", "", " ",
                             "user-attachments", "caf\u00e9", "a?b", "#c"])


@settings(max_examples=600, deadline=None)
@given(st.sampled_from(["https://github.com/", "https://raw.githubusercontent.com/", "https://gist.github.com/"]),
       st.lists(_SEGMENTS, max_size=8), st.booleans())
def test_github_api_paths_stay_inside_their_repository(base: str, segments: list[str], image: bool) -> None:
    """Whatever a github.com link's path, the API path asked (with the token) is a
    resource of the same repository, account or gist: no dot segment, no NUL."""
    found = plan(base + "/".join(segments), image)
    if found is None:
        return
    for path in found.paths:
        route = path.split("?", 1)[0]
        assert route.startswith(("/repos/", "/users/", "/gists/"))
        assert not any(part in (".", "..", "%2e%2e", "%2E%2E") for part in route.split("/")), path
        assert "\x00" not in path and " " not in route
