"""What is never requested: excluded patterns, link-local and metadata
addresses, private or loopback ones when asked, and everything when offline."""

from __future__ import annotations

from remote_server import Farm
from remote_support import quick, verdicts

from blogcheck.links.model import Status, Target
from blogcheck.links.remote import check_targets, is_remote


def test_exclude_patterns_are_skipped_without_a_request(farm: Farm) -> None:
    found = verdicts([farm.url("/ok/private/a"), farm.url("/ok/b")], exclude=("/private/",))
    assert found[farm.url("/ok/private/a")].status is Status.SKIPPED
    assert "`exclude` pattern '/private/'" in found[farm.url("/ok/private/a")].hint
    assert [e.path for e in farm.hits()] == ["/ok/b"]


def test_link_local_and_metadata_addresses_are_never_requested() -> None:
    urls = ["http://169.254.169.254/latest/meta-data/", "http://169.254.10.1/", "http://[fe80::1]/",
            "http://metadata.google.internal/computeMetadata/v1/"]
    found = verdicts(urls)
    assert {v.status for v in found.values()} == {Status.SKIPPED}
    assert {v.seen for v in found.values()} == {"not requested"}
    assert "cloud metadata" in found[urls[0]].hint
    assert "link-local" in found[urls[1]].hint


def test_a_redirect_to_a_metadata_address_is_not_followed_and_is_a_warning(farm: Farm) -> None:
    """Not requested, and reported on the link (it was only counted in a note, as if an
    `exclude` pattern had left it out): a page that sends readers there is broken or hostile."""
    url = farm.url("/to?u=http://169.254.169.254/latest/")
    verdict = verdicts([url])[url]
    assert verdict.status is Status.UNVERIFIED
    assert verdict.seen == "HEAD 302 -> not requested"
    assert verdict.hint == ("redirects to http://169.254.169.254/latest/, and 169.254.169.254 is a cloud metadata "
                            "address: never requested")
    assert [e.path for e in farm.hits()] == ["/to?u=http://169.254.169.254/latest/"]


def test_a_redirect_to_localhost_is_broken_and_not_requested(farm: Farm) -> None:
    """A page redirecting to `localhost` sends every reader to their own computer; it was
    asked of the author's (an ok verdict whenever `jekyll serve` ran there)."""
    local = farm.url("/ok/a").replace("127.0.0.1", "localhost")
    url = farm.url(f"/to?u={local}")
    verdict = verdicts([url])[url]
    assert verdict.status is Status.BROKEN and verdict.hint.startswith(f"redirects to {local}, on the reader's own")
    assert [e.path for e in farm.hits()] == [f"/to?u={local}"]  # and never /ok/a


def test_loopback_and_private_addresses_when_asked(farm: Farm) -> None:
    found = verdicts([farm.url("/ok/a"), "http://10.1.2.3/", "http://192.168.0.1/"],
                     exclude_loopback=True, exclude_private=True)
    assert {v.status for v in found.values()} == {Status.SKIPPED}
    assert "loopback" in found[farm.url("/ok/a")].hint and "private" in found["http://10.1.2.3/"].hint
    assert farm.hits() == []
    assert verdicts([farm.url("/ok/a")])[farm.url("/ok/a")].status is Status.OK  # loopback is allowed by default


def test_offline_requests_nothing(farm: Farm) -> None:
    targets = [Target(farm.url("/ok/a")), Target(farm.url("/missing/b"), image=True)]
    found = check_targets(targets, quick(offline=True))
    assert {v.seen for v in found.values()} == {"offline: not checked"}
    assert {v.status for v in found.values()} == {Status.SKIPPED}
    assert (farm.hits(), found.requests) == ([], 0)


def test_what_is_not_a_remote_url() -> None:
    assert is_remote("https://x.org/") and is_remote("HTTP://x.org") and is_remote("//cdn.x.org/a.js")
    assert not any(map(is_remote, ["/about/", "mailto:a@b.c", "#top", "ftp://x.org/", "///x", "{{ site.url }}"]))
    found = verdicts(["mailto:a@b.c", "http://[::1/", "http://x.org:99999/", "http:///nohost"])
    assert found["mailto:a@b.c"].status is Status.SKIPPED
    assert {found[u].status for u in ["http://[::1/", "http://x.org:99999/", "http:///nohost"]} == {Status.BROKEN}
    assert "not a valid URL" in found["http://x.org:99999/"].hint
