"""The remote checker through the CLI: `blogcheck check --select links` on a
site whose posts repeat links to the loopback farm, with and without the cache."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from remote_server import Farm
from remote_support import one_post_site

from blogcheck.cli import main


def _site(tmp_path: Path, farm: Farm) -> Path:
    posts = tmp_path / "site" / "_posts"
    posts.mkdir(parents=True)
    (tmp_path / "site" / "_config.yml").write_text("title: t\n")
    for day in range(1, 4):
        (posts / f"2024-01-0{day}-p{day}.md").write_text(
            f"---\ntitle: Post {day}\n---\n"
            f"[ok]({farm.url('/ok/a')}) [again]({farm.url('/ok/a#part')}) [moved]({farm.url('/redirect/2/b')})\n"
            f"![pic]({farm.url('/img/c.png')}) [limited]({farm.url('/ratelimit/d')}) [gone]({farm.url('/missing/e')})\n"
            f"[video](https://youtu.be/okVideo0001?t=3)\n")
    return tmp_path / "site"


def _check(site: Path, farm: Farm, *flags: str,
           capsys: pytest.CaptureFixture[str]) -> tuple[int, list[dict[str, object]]]:
    code = main(["check", "--select", "links", "--format", "json", "--remap",
                 rf"^https://www\.youtube\.com/ {farm.url('/yt/')}", *flags, str(site)])
    return code, json.loads(capsys.readouterr().out)["diagnostics"]


def test_each_distinct_url_is_asked_once_for_the_whole_site(tmp_path: Path, farm: Farm,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    site = _site(tmp_path, farm)
    code, found = _check(site, farm, "--no-cache", capsys=capsys)
    assert code == 1
    assert sorted((d["code"], d["url"], d["line"]) for d in found) == [
        ("BC201", farm.url("/missing/e"), 5)] * 3 + [("BC209", farm.url("/ok/a#part"), 4)] * 3
    asked = sorted((e.method, e.path.split("?")[0]) for e in farm.hits())
    assert asked == sorted([("HEAD", "/ok/a"), ("HEAD", "/redirect/2/b"), ("HEAD", "/redirect/1/b"), ("HEAD", "/ok/b"),
                            ("HEAD", "/img/c.png"), ("HEAD", "/ratelimit/d"), ("HEAD", "/ratelimit/d"),
                            ("HEAD", "/missing/e"), ("GET", "/missing/e"), ("GET", "/yt/oembed"),
                            ("GET", "/ok/a")])  # the page read once for `#part` (test_remote_anchors.py)


def test_a_second_run_with_the_cache_asks_only_for_the_broken_link(tmp_path: Path, farm: Farm,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    site, cache = _site(tmp_path, farm), tmp_path / "cache" / "links.sqlite"
    first, _ = _check(site, farm, "--cache", str(cache), capsys=capsys)
    farm.log.clear()
    second, found = _check(site, farm, "--cache", str(cache), capsys=capsys)
    assert (first, second) == (1, 1)
    # a broken link and a missing anchor are asked again; what was ok is not
    assert sorted(e.path for e in farm.hits()) == ["/missing/e", "/missing/e", "/ok/a"]
    assert {d["url"] for d in found} == {farm.url("/missing/e"), farm.url("/ok/a#part")}
    farm.log.clear()
    _check(site, farm, "--cache", str(cache), "--no-cache", capsys=capsys)
    assert len(farm.hits()) == 10  # --no-cache asks everything again (the farm no longer rate-limits d)


def test_videos_embedded_with_liquid_tags_are_asked_through_oembed(tmp_path: Path, farm: Farm,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """`{% youtube ID %}` and minimal-mistakes' `{% include video %}` embed lecture videos
    without a link; a removed one is reported at its id, a private one is a warning."""
    site = one_post_site(tmp_path, "{% youtube okVideo0001 %}\n"
                         '{% include video id="goneVideo01" provider="youtube" %}\n'
                         "{% include youtube.html id='privVideo01' %} {% youtube page.video %}\n"
                         "{% raw %}{% youtube goneVideo02 %}{% endraw %}\n")
    code, found = _check(site, farm, "--no-cache", capsys=capsys)
    assert code == 1
    assert sorted((d["code"], d["line"], d["column"], d["url"]) for d in found) == [
        ("BC206", 5, 22, "https://www.youtube.com/watch?v=goneVideo01"),
        ("BC207", 6, 29, "https://www.youtube.com/watch?v=privVideo01")]
    assert len(farm.hits()) == 3 and all(e.path.startswith("/yt/oembed?") for e in farm.hits())


def test_a_gist_embedded_with_jekyll_gist_is_checked_at_its_id(tmp_path: Path, farm: Farm,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    """`{% gist ID %}` shows nothing once the gist is deleted: its page is asked."""
    site = one_post_site(tmp_path, "{% gist someone/0123456789abcdef0123 %}\n{% gist 5555251 notes.md %}\n")
    code = main(["check", "--select", "links", "--format", "json", "--no-cache",
                 "--remap", rf"^https://gist\.github\.com/someone/ {farm.url('/missing/')}",
                 "--remap", rf"^https://gist\.github\.com/ {farm.url('/ok/')}", str(site)])
    found = json.loads(capsys.readouterr().out)["diagnostics"]
    assert code == 1
    assert [(d["code"], d["line"], d["column"], d["url"]) for d in found] == [
        ("BC201", 4, 9, "https://gist.github.com/someone/0123456789abcdef0123")]
    assert sorted(e.path for e in farm.hits()) == ["/missing/0123456789abcdef0123", "/missing/0123456789abcdef0123",
                                                   "/ok/5555251"]


def test_an_international_host_in_capitals_is_asked_as_browsers_ask_it(
        tmp_path: Path, farm: Farm, capsys: pytest.CaptureFixture[str]) -> None:
    """markdown-it punycodes a host without the case mapping browsers apply: `MÜNCHEN`
    became `xn--MNCHEN-psa`, another domain (a false "no such host", at column 1, for a
    URL the post does not write). The URL is checked as written, `xn--mnchen-3ya`."""
    body = "Intro.\n\nSee [it](http://MÜNCHEN.invalid/missing/m) and [b](http://bücher.invalid/x).\n"
    site = one_post_site(tmp_path, body)
    code = main(["check", "--select", "links", "--no-cache", "--format", "json", "--remap",
                 rf"^http://xn--mnchen-3ya\.invalid/ {farm.url('/')}", str(site)])
    found = [(d["line"], d["column"], d["url"]) for d in json.loads(capsys.readouterr().out)["diagnostics"]]
    assert code == 1
    assert found == [(6, 10, "http://MÜNCHEN.invalid/missing/m"), (6, 52, "http://bücher.invalid/x")]
    assert [e.path for e in farm.hits()] == ["/missing/m", "/missing/m"]  # HEAD, GET: asked of the farm


def test_accept_adds_statuses_to_2xx(tmp_path: Path, farm: Farm, capsys: pytest.CaptureFixture[str]) -> None:
    """`accept = [403]` means "403 is ok too": every 200 link was a "could not verify" warning
    when the list replaced 2xx, and a 403 in no list stays a warning."""
    body = f"[a]({farm.url('/ok/a')}) [b]({farm.url('/status/403/b')}) [c]({farm.url('/status/401/c')})\n"
    site = one_post_site(tmp_path, body)
    (site / "blogcheck.toml").write_text("[links]\naccept = [403]\n")
    code = main(["check", "--select", "links", "--no-cache", "--format", "json", str(site)])
    found = [(d["code"], d["url"]) for d in json.loads(capsys.readouterr().out)["diagnostics"]]
    assert (code, found) == (0, [("BC202", farm.url("/status/401/c"))])


def test_a_broken_redirect_names_the_page_it_ends_at(tmp_path: Path, farm: Farm,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """The text report says where the redirects led, the page to mend or to link instead
    (only the JSON's `final_url` said it)."""
    moved = farm.url("/to/a") + "?u=" + farm.url("/missing/final")
    site = one_post_site(tmp_path, f"[moved]({moved})\n")
    assert main(["check", "--select", "links", "--no-cache", str(site)]) == 1
    out = capsys.readouterr().out
    assert f"broken link: {moved} (HEAD 302 -> HEAD 404 then GET 404; ends at {farm.url('/missing/final')})" in out


def test_exclude_never_reads_the_fragment_and_every_excluded_link_is_counted(
        tmp_path: Path, farm: Farm, capsys: pytest.CaptureFixture[str]) -> None:
    """The docs: `exclude` patterns are searched in each URL without its #fragment. A
    pattern found only in the fragment left the link unchecked, and a link left out for
    a pattern found in the URL as written (not in its normal form) was in no count."""
    body = (f"[a]({farm.url('/missing/a')}#skipme) [b]({farm.url('/missing/b?u=skipq')}) "
            f"[c]({farm.url('/missing/C')}) [local](/nothing/skipq) [d]({farm.url('/missing/d')})\n")
    site = one_post_site(tmp_path, body)
    (site / "blogcheck.toml").write_text('[links]\nexclude = ["skipme", "skipq", "/missing/C$"]\n')
    code = main(["check", "--select", "links", "--no-cache", str(site)])
    out = capsys.readouterr().out
    found = re.findall(r"BC\d+ .*", out)
    assert code == 1 and [f.split(" (")[0] for f in found] == [
        f"BC201 broken link: {farm.url('/missing/a')}#skipme", f"BC201 broken link: {farm.url('/missing/d')}"]
    assert "2 remote links (2 distinct URLs) not checked: excluded by `exclude` or by address" in out
    assert sorted({e.path for e in farm.hits()}) == ["/missing/a", "/missing/d"]
