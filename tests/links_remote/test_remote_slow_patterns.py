"""A user's `exclude` or `remap` pattern that backtracks without end stops after
`regexes.TIMEOUT` with a message naming it: a usage error, never a hung run.

`^https://x/(a|aa)+$` against `https://x/` and sixty `a`s and a `!` takes Python's
`re` hours; each case here is bounded by the time limit."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from remote_server import Farm
from remote_support import one_post_site, verdicts

from blogcheck.links.model import Status
from blogcheck.links.remap import parse_rule
from blogcheck.regexes import TIMEOUT

_SLOW_TAIL = "a" * 60 + "!"


def _run(site: Path, *flags: str) -> tuple[int, str]:
    """The CLI in a process of its own, killed after a minute (`re` would take hours)."""
    done = subprocess.run([sys.executable, "-m", "blogcheck", "check", "--select", "links", "--no-cache", *flags,
                           str(site)], capture_output=True, text=True, timeout=60)
    return done.returncode, done.stderr


def test_a_slow_exclude_pattern_is_a_usage_error_naming_it(tmp_path: Path) -> None:
    site = one_post_site(tmp_path, f"[x](https://example.test/{_SLOW_TAIL})\n")
    (site / "blogcheck.toml").write_text("[links]\nexclude = ['^https://example\\.test/(a|aa)+$']\n")
    code, err = _run(site, "--offline")  # exclude is read for every link, offline too: nothing is sent
    assert code == 2
    assert "the `exclude` pattern '^https://example\\\\.test/(a|aa)+$' took more than" in err
    assert "backtracks" in err and "Traceback" not in err


def test_a_slow_exclude_pattern_met_in_a_forked_reader_is_the_same_usage_error(tmp_path: Path) -> None:
    """Seventy posts: the links are read by worker processes, which hand the error back."""
    site = one_post_site(tmp_path, "Text.\n")
    for n in range(70):
        (site / "_posts" / f"2024-02-{n % 28 + 1:02d}-p{n}.md").write_text(
            f"---\ntitle: P{n}\n---\n[x](https://example.test/{n}{_SLOW_TAIL})\n")
    (site / "blogcheck.toml").write_text("[links]\nexclude = ['^https://example\\.test/\\d+(a|aa)+$']\n")
    code, err = _run(site, "--offline")
    assert code == 2
    assert "took more than" in err and "Traceback" not in err


def test_a_slow_remap_pattern_on_a_links_url_stops_before_any_request(tmp_path: Path, farm: Farm) -> None:
    site = one_post_site(tmp_path, f"[x]({farm.url('/ok/' + _SLOW_TAIL)})\n")
    code, err = _run(site, "--remap", r"^http://127\.0\.0\.1:\d+/ok/(a|aa)+$ http://127.0.0.1:1/")
    assert code == 2
    assert "the `remap` pattern" in err and "Traceback" not in err
    assert farm.hits() == []


def test_a_slow_remap_pattern_on_a_redirect_target_leaves_that_link_unverified(farm: Farm) -> None:
    """Met in a worker thread, after the link's own URL passed: that link is a warning that says
    why, and the other links are checked as usual."""
    url = farm.url(f"/to?u=http://127.0.0.2:1/{_SLOW_TAIL}")
    rules = (parse_rule(r"^http://127\.0\.0\.2:1/(a|aa)+$ http://127.0.0.1:1/"),)
    started = time.monotonic()
    found = verdicts([url, farm.url("/ok/b")], remap=rules, retries=0)
    assert time.monotonic() - started < 10 * TIMEOUT
    assert found[url].status is Status.UNVERIFIED
    assert found[url].seen.startswith("not requested: the `remap` pattern ")
    assert found[farm.url("/ok/b")].status is Status.OK
    assert sorted(e.path for e in farm.hits()) == ["/ok/b", f"/to?u=http://127.0.0.2:1/{_SLOW_TAIL}"]


@pytest.mark.parametrize(("rule", "message"), [
    (r"a(b) \2", r"the replacement '\\2': no such group"),
    (r"(?P<n>a) \g<m>", r"the replacement '\\g<m>': unknown group"),
    (r"a \q", r"bad escape \q"),
    (r"a{99999999999} x", "repeat count too big"),
])
def test_remap_rules_are_checked_whole_before_any_work(rule: str, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_rule(rule)
    assert message in str(caught.value)
    assert parse_rule(r"(?P<n>a)(b) \g<n>\2") == (r"(?P<n>a)(b)", r"\g<n>\2")
