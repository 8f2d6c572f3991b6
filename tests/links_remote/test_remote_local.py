"""A link the post writes to `localhost` ("open http://localhost:4000") names the
reader's own computer: it is an instruction, not a page, so it is never requested
nor reported broken. Loopback numbers stay checked (mirrors and test servers)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from remote_server import Farm
from remote_support import one_post_site, verdicts

from blogcheck.cli import main
from blogcheck.links.model import Status


def test_links_written_to_localhost_are_not_requested(farm: Farm) -> None:
    urls = [farm.url("/missing/a").replace("127.0.0.1", name) for name in ("localhost", "LocalHost", "app.localhost",
                                                                           "0.0.0.0")]
    found = verdicts(urls)
    assert {v.status for v in found.values()} == {Status.SKIPPED}
    assert "the reader's own computer" in found[urls[0]].hint
    assert farm.hits() == []


def test_loopback_numbers_and_remapped_urls_are_still_checked(farm: Farm) -> None:
    url, mirrored = farm.url("/missing/b"), "https://mirror.test/missing/c"
    mirror = farm.url("/").replace("127.0.0.1", "localhost")
    found = verdicts([url, mirrored], remap=((r"^https://mirror\.test/", mirror),))
    assert found[url].status is Status.BROKEN and found[mirrored].status is Status.BROKEN
    assert sorted(e.path for e in farm.hits()) == ["/missing/b", "/missing/b", "/missing/c", "/missing/c"]


def test_a_mirror_remapped_to_localhost_may_redirect_within_itself(farm: Farm) -> None:
    """A redirect to localhost is a broken link, unless the link was sent to a local mirror
    (`--remap`): then the mirror's own redirects are followed."""
    mirrored = "https://mirror.test/redirect/2/x"
    mirror = farm.url("/").replace("127.0.0.1", "localhost")
    found = verdicts([mirrored], remap=((r"^https://mirror\.test/", mirror),))
    assert found[mirrored].status is Status.OK, found[mirrored]
    assert [e.path for e in farm.hits()] == ["/redirect/2/x", "/redirect/1/x", "/ok/x"]


def test_the_run_counts_them_as_not_checked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = one_post_site(tmp_path, "Then open [http://localhost:9000/help](http://localhost:9000/help).\n")
    code = main(["check", "--select", "links", "--no-cache", "--format", "json", str(site)])
    report = json.loads(capsys.readouterr().out)
    assert (code, report["diagnostics"]) == (0, [])
    assert report["summary"]["notes"] == ["1 remote link (1 distinct URL) not checked: "
                                          "excluded by `exclude` or by address"]
