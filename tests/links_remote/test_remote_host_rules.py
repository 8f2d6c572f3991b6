"""`[links.hosts."NAME"]`: max_per_host and request_interval for some hosts, and the
global `request_interval`; measured on real loopback servers (their own clocks)."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from remote_server import Farm
from remote_support import verdicts

from blogcheck.cli import main
from blogcheck.config import ConfigError, load_config
from blogcheck.links.host_rules import HostRule, parse, rule_for
from blogcheck.links.settings import LinkSettings


def _settings(text: str, tmp_path: Path) -> LinkSettings:
    path = tmp_path / "blogcheck.toml"
    path.write_text(text, encoding="utf-8")
    return LinkSettings.from_config(load_config(path))


def test_the_most_specific_rule_wins() -> None:
    rules = parse({"Example.com": {"max_per_host": 2}, "example.com:8080": {"max_per_host": 1},
                   "*.example.com": {"request_interval": 0.5}, "*.cdn.example.com": {"max_per_host": 7}})
    assert rule_for(rules, "example.com:443") == HostRule("example.com", None, 2, None)
    assert rule_for(rules, "example.com:8080") == HostRule("example.com", 8080, 1, None)
    assert rule_for(rules, "img.example.com:443") == HostRule("*.example.com", None, None, 0.5)
    assert rule_for(rules, "a.cdn.example.com:443") == HostRule("*.cdn.example.com", None, 7, None)
    assert rule_for(rules, "notexample.com:443") is None  # a suffix of the name is no subdomain
    assert rule_for(rules, "other.org:443") is None


def test_a_rule_sets_only_what_it_names(tmp_path: Path) -> None:
    settings = _settings('[links]\nmax_per_host = 6\nrequest_interval = 0.1\n'
                         '[links.hosts."github.com"]\nmax_per_host = 2\n'
                         '[links.hosts."[::1]:8080"]\nrequest_interval = 1\n', tmp_path)
    assert settings.for_host("github.com:443") == (2, 0.1)
    assert settings.for_host("::1:8080") == (6, 1.0)
    assert settings.for_host("gitlab.com:443") == (6, 0.1)


@pytest.mark.parametrize(("text", "message"), [
    ('[links.hosts."a.com"]\nmax_per_hots = 2\n', "'a.com': unknown key `max_per_hots`"),
    ('[links.hosts."a.com"]\nmax_per_host = 0\n', "'a.com': `max_per_host` must be an integer from 1 to 1024"),
    ('[links.hosts."a.com"]\nmax_per_host = 2.5\n', "must be an integer from 1 to 1024, not 2.5"),
    ('[links.hosts."a.com"]\nrequest_interval = true\n', "`request_interval` must be seconds from 0.0 to 60.0"),
    ('[links.hosts."a.com"]\nrequest_interval = nan\n', "`request_interval` must be seconds from 0.0 to 60.0"),
    ('[links.hosts."a.com"]\nrequest_interval = -1\n', "not -1"),
    ('[links.hosts]\n"a.com" = 3\n', "'a.com': must be a table"),
    ('[links.hosts."a b.com"]\nmax_per_host = 1\n', "'a b.com' is not a host name, `host:port` or `*.domain`"),
    ('[links.hosts."*.a.com:80"]\nmax_per_host = 1\n', "is not a host name"),
    ('[links.hosts."https://a.com/"]\nmax_per_host = 1\n', "is not a host name"),
    ('[links.hosts."a.com:99999"]\nmax_per_host = 1\n', "is not a host name"),
    ("[links]\nhosts = 3\n", "`hosts` must be a table"),
    ("[links]\nrequest_interval = 61\n", "must be between 0.0 and 60.0"),
])
def test_bad_rules_are_config_errors_that_name_the_host_and_key(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError, match="links") as caught:
        _settings(text, tmp_path)
    assert message in str(caught.value)


def test_a_bad_rule_exits_2_from_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_config.yml").write_text("title: t\n")
    (tmp_path / "_posts" / "2024-01-01-a.md").write_text("---\ntitle: A\n---\n[x](https://a.com/)\n")
    (tmp_path / "blogcheck.toml").write_text('[links.hosts."a.com"]\nmax_per_host = -2\n')
    assert main(["check", "--offline", str(tmp_path / "_posts")]) == 2
    assert "`max_per_host` must be an integer from 1 to 1024, not -2" in capsys.readouterr().err


def test_a_host_s_own_limit_holds_while_the_others_keep_theirs() -> None:
    with Farm(latency=0.15) as strict, Farm(latency=0.15, tracker=strict.tracker) as other:
        urls = [farm.url(f"/ok/{i}") for farm in (strict, other) for i in range(16)]
        rules = parse({f"127.0.0.1:{strict.port}": {"max_per_host": 2}})
        found = verdicts(urls, max_per_host=6, hosts=rules)
        assert {v.status.value for v in found.values()} == {"ok"}
        assert strict.tracker.peak == {f"127.0.0.1:{strict.port}": 2, f"127.0.0.1:{other.port}": 6}


def test_requests_to_a_host_with_an_interval_start_that_far_apart() -> None:
    with Farm() as spaced, Farm() as free:
        urls = [farm.url(f"/ok/{i}") for farm in (spaced, free) for i in range(6)]
        rules = parse({f"127.0.0.1:{spaced.port}": {"request_interval": 0.2}})
        verdicts(urls, hosts=rules)
        starts = sorted(e.start for e in spaced.hits())
        gaps = [later - earlier for earlier, later in itertools.pairwise(starts)]
        assert len(starts) == 6 and min(gaps) >= 0.19, gaps
        unspaced = sorted(e.start for e in free.hits())
        assert unspaced[-1] - unspaced[0] < 0.5  # the other host is not held back: six at once


def test_the_global_interval_spaces_every_host() -> None:
    with Farm() as one, Farm() as two:
        verdicts([farm.url(f"/ok/{i}") for farm in (one, two) for i in range(4)], request_interval=0.15)
        for farm in (one, two):
            starts = sorted(e.start for e in farm.hits())
            assert min(later - earlier for earlier, later in itertools.pairwise(starts)) >= 0.14
