"""github.com links that github.com refuses (429) are asked of GitHub's REST API,
with the token from the environment. github.com and api.github.com are remapped to
a loopback mirror (github_mirror.py): nothing leaves the machine."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from github_mirror import HOSTILE, SPENT, TOKEN, GitHubMirror
from remote_support import one_post_site, verdicts

from blogcheck.cli import main
from blogcheck.config import Config, ConfigError, load_config
from blogcheck.links.github_api import may_carry_token, token_from
from blogcheck.links.github_paths import plan
from blogcheck.links.model import Status
from blogcheck.links.settings import LinkSettings


@pytest.fixture
def mirror() -> Iterator[GitHubMirror]:
    with GitHubMirror() as running:
        yield running


def _check(mirror: GitHubMirror, urls: list[str], token: str = TOKEN, **more: object) -> dict[str, Status]:
    found = verdicts(urls, remap=mirror.remap(), retries=0, github_token=token, **more)
    return {url: verdict.status for url, verdict in found.items()}


def test_refused_links_get_the_apis_verdict(mirror: GitHubMirror) -> None:
    ok = ["https://github.com/octo/site", "https://github.com/octo/site/blob/main/docs/a.md",
          "https://github.com/octo/site/tree/main/docs", "https://github.com/octo/site/tree/main",
          "https://github.com/octo/site/issues/1", "https://github.com/octo/site/pull/1",
          "https://github.com/octo/site/releases/tag/v1.0", "https://github.com/octo",
          "https://raw.githubusercontent.com/octo/site/main/docs/a.md",
          "https://gist.github.com/octo/0123456789abcdef0123",
          "https://gist.github.com/octo/0123456789abcdef0123.js"]  # the script that embeds it
    broken = ["https://github.com/octo/gone", "https://gist.github.com/octo/fedcba9876543210fedc.js", "https://github.com/octo/site/blob/main/docs/missing.md",
              "https://github.com/octo/site/issues/5",
              "https://github.com/octo/site/tree/nope", "https://github.com/octo/site/releases/tag/v9"]
    found = _check(mirror, ok + broken)
    assert {url: found[url] for url in ok} == dict.fromkeys(ok, Status.OK)
    assert {url: found[url] for url in broken} == dict.fromkeys(broken, Status.BROKEN)
    assert all(s.authorization == f"Bearer {TOKEN}" for s in mirror.log if s.path.startswith("/api/"))
    assert not any(s.authorization for s in mirror.log if s.path.startswith("/web/"))  # github.com: never


def test_a_name_with_no_account_may_be_a_page_of_githubs_own_site(mirror: GitHubMirror) -> None:
    """`github.com/resources/articles/...` and `github.com/<name>` may be GitHub's own
    pages, which no account holds: without the account, a 404 proves nothing."""
    urls = ["https://github.com/ghost-user", "https://github.com/ghost-user/articles/ai"]
    found = verdicts(urls, remap=mirror.remap(), retries=0, github_token=TOKEN)
    assert {u: v.status for u, v in found.items()} == dict.fromkeys(urls, Status.UNVERIFIED)
    assert "/users/ghost-user HEAD 404" in found[urls[1]].seen  # asked: the repository's account is not there
    assert plan("https://github.com/resources/articles/ai/what-is-rag") is None  # a section of github.com


def test_where_github_shows_more_than_the_api_a_404_proves_nothing(mirror: GitHubMirror) -> None:
    """github.com redirects `/issues/N` of a discussion (or of an issue made one) to
    `/discussions/N`, which the REST API does not serve, and shows a fork's commits at
    the parent's address: the API's 404 or 422 proves nothing there. A deleted issue
    (410) is broken; a file at a hash the API knows is ok."""
    unproved = ["https://github.com/octo/site/issues/999", "https://github.com/octo/site/commit/deadbeef",
                "https://github.com/octo/site/blob/deadbeef/a.md"]
    found = verdicts([*unproved, "https://github.com/octo/site/issues/5", "https://github.com/octo/site/blob/abc1234/a.md"],
                     remap=mirror.remap(), retries=0, github_token=TOKEN)
    assert {url: found[url].status for url in unproved} == dict.fromkeys(unproved, Status.UNVERIFIED)
    assert all("shows more than the API" in found[url].hint for url in unproved)
    assert found["https://github.com/octo/site/issues/5"].status is Status.BROKEN
    assert found["https://github.com/octo/site/blob/abc1234/a.md"].status is Status.OK


def test_a_branch_with_a_slash_is_found_by_trying_each_split(mirror: GitHubMirror) -> None:
    url = "https://github.com/octo/site/blob/feature/x/a.py"
    assert _check(mirror, [url]) == {url: Status.OK}
    asked = [p for p in mirror.api_paths() if "/contents/" in p]
    assert asked[-1] == "HEAD /repos/octo/site/contents/a.py?ref=feature%2Fx"
    assert "GET /repos/octo/site/contents/x/a.py?ref=feature" in asked  # read to learn the ref was wrong


def test_a_private_repository_is_broken_for_readers(mirror: GitHubMirror) -> None:
    urls = ["https://github.com/octo/notes", "https://github.com/octo/notes/blob/main/x.md"]
    found = verdicts(urls, remap=mirror.remap(), retries=0, github_token=TOKEN)
    assert {u: v.status for u, v in found.items()} == dict.fromkeys(urls, Status.BROKEN)
    assert "private repository" in found[urls[0]].hint
    assert mirror.api_paths().count("GET /repos/octo/notes") == 1  # asked once for both links


def test_a_renamed_repository_is_followed_with_the_token(mirror: GitHubMirror) -> None:
    assert _check(mirror, ["https://github.com/octo/old"]) == {"https://github.com/octo/old": Status.OK}
    assert mirror.api_paths() == ["GET /repos/octo/old", "GET /repositories/42"]


def test_another_page_of_a_repository_is_proved_broken_but_never_ok(mirror: GitHubMirror) -> None:
    urls = ["https://github.com/octo/site/wiki", "https://github.com/octo/gone/wiki"]
    found = verdicts(urls, remap=mirror.remap(), retries=0, github_token=TOKEN)
    assert found[urls[0]].status is Status.UNVERIFIED
    assert "the repository octo/site exists" in found[urls[0]].hint
    assert found[urls[1]].status is Status.BROKEN


def test_without_a_token_or_turned_off_nothing_is_asked(mirror: GitHubMirror) -> None:
    url = "https://github.com/octo/gone"
    assert _check(mirror, [url], token="") == {url: Status.UNVERIFIED}
    assert _check(mirror, [url], github_api=False) == {url: Status.UNVERIFIED}
    assert mirror.api_paths() == []


def test_a_refused_token_leaves_the_links_unverified_and_is_not_sent_again(mirror: GitHubMirror) -> None:
    urls = [f"https://github.com/octo/repo{n}" for n in range(6)]
    found = verdicts(urls, remap=mirror.remap(), retries=0, github_token="expired", max_per_host=1)
    assert {u: v.status for u, v in found.items()} == dict.fromkeys(urls, Status.UNVERIFIED)
    assert all("refused the token (401 Bad credentials)" in v.hint for v in found.values())
    assert len(mirror.api_paths()) <= 2


def test_once_the_rate_limit_is_spent_nothing_more_is_asked(mirror: GitHubMirror) -> None:
    urls = [f"https://github.com/octo/repo{n}" for n in range(6)]
    found = verdicts(urls, remap=mirror.remap(), retries=0, github_token=SPENT, max_per_host=1)
    assert {u: v.status for u, v in found.items()} == dict.fromkeys(urls, Status.UNVERIFIED)
    assert all("rate limit" in v.hint for v in found.values())
    # the first answer says so; a request already waiting for its slot may still go, the rest do not
    assert len(mirror.api_paths()) <= 2


def test_a_hostile_answer_is_read_without_a_crash(mirror: GitHubMirror) -> None:
    url = "https://github.com/octo/site/blob/main/hostile.md"
    found = verdicts([url], remap=mirror.remap(), retries=0, github_token=TOKEN)
    assert found[url].status is Status.BROKEN and "internal error" not in found[url].seen
    assert f"GET {HOSTILE}" in mirror.api_paths()


def test_links_outside_the_apis_reach_are_not_asked(mirror: GitHubMirror) -> None:
    urls = ["https://github.com/topics/jekyll", "https://github.com/octo/site/blob/main/a.png"]
    found = verdicts(urls[:1], remap=mirror.remap(), retries=0, github_token=TOKEN)
    found.update(verdicts(urls[1:], image=True, remap=mirror.remap(), retries=0, github_token=TOKEN))
    assert {u: v.status for u, v in found.items()} == dict.fromkeys(urls, Status.UNVERIFIED)
    assert mirror.api_paths() == []


def test_the_token_goes_to_the_api_or_loopback_only() -> None:
    assert may_carry_token("https://api.github.com/repos/o/r")
    assert may_carry_token("http://127.0.0.5:8000/api/repos/o/r") and may_carry_token("http://localhost/x")
    for url in ("http://api.github.com/repos/o/r", "https://api.github.com.evil.example/x",
                "https://evil.example/api/", "https://api.github.com:8443/x", "https://[::ffff:1.2.3.4]/"):
        assert not may_carry_token(url), url


def test_a_remap_to_another_host_gets_no_token(mirror: GitHubMirror) -> None:
    url = "https://github.com/octo/gone"
    rules = (mirror.remap()[0], (r"^https://api\.github\.com/", "https://evil.invalid/"))
    found = verdicts([url], remap=rules, retries=0, github_token=TOKEN)
    assert found[url].status is Status.UNVERIFIED
    assert "may not have the token" in found[url].hint


def test_the_token_comes_from_the_environment_never_from_a_file(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    assert token_from({"GH_TOKEN": "b"}) == "b" and token_from({"GITHUB_TOKEN": " a ", "GH_TOKEN": "b"}) == "a"
    assert token_from({"GITHUB_TOKEN": "  "}) == ""
    monkeypatch.setenv("GITHUB_TOKEN", "from-env")
    assert LinkSettings.from_config(Config()).github_token == "from-env"
    assert "from-env" not in repr(LinkSettings.from_config(Config()))
    assert LinkSettings.from_config(Config(sections={"links": {"github_api": False}})).github_token == ""
    (tmp_path / "blogcheck.toml").write_text('[links]\ngithub_token = "ghp_x"\n')
    with pytest.raises(ConfigError, match="never read from a config file"):
        load_config(tmp_path / "blogcheck.toml")


def test_the_cli_reports_the_apis_verdict(mirror: GitHubMirror, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    site = one_post_site(tmp_path, "[ok](https://github.com/octo/site) and [gone](https://github.com/octo/gone)\n")
    monkeypatch.setenv("GITHUB_TOKEN", TOKEN)
    rules = [f"--remap={pattern} {replacement}" for pattern, replacement in mirror.remap()]
    (site / "blogcheck.toml").write_text("[links]\nretries = 0\n")
    code = main(["check", "--select", "links", "--no-cache", *rules, str(site / "_posts")])
    out = capsys.readouterr().out
    assert code == 1
    assert "BC201" in out and "octo/gone" in out and "GitHub API" in out
    assert "octo/site" not in out and TOKEN not in out


def test_which_api_resource_proves_which_link() -> None:
    def paths(url: str, image: bool = False) -> tuple[str, ...] | None:
        found = plan(url, image)
        return found.paths if found else None

    assert paths("https://github.com/o/r.git") == ("/repos/o/r",)
    assert paths("https://github.com/o/r/pull/12/files") == ("/repos/o/r/issues/12",)
    assert paths("https://github.com/o/r/blob/main/a%20b.md") == ("/repos/o/r/contents/a%20b.md?ref=main",)
    assert paths("https://github.com/o/r/tree/v1") == ("/repos/o/r/commits/v1",)
    assert paths("https://github.com/o/r/blob/a/b/c/d/f.py") == tuple(
        f"/repos/o/r/contents/{p}?ref={r}" for r, p in
        (("a", "b/c/d/f.py"), ("a%2Fb", "c/d/f.py"), ("a%2Fb%2Fc", "d/f.py"), ("a%2Fb%2Fc%2Fd", "f.py")))
    long = plan("https://github.com/o/r/blob/a/b/c/d/e/f/g/h.py")  # more splits than are tried: no proof
    assert long is not None and len(long.paths) == 6 and not long.not_found_proves
    assert paths("https://github.com/o/r/raw/main/a.png", image=True) == ("/repos/o/r/contents/a.png?ref=main",)
    for outside in ("https://github.com/topics/x", "https://github.com/o/r/blob/main/a.png",
                    "https://github.com/user-attachments/assets/1", "https://github.com/-bad/r",
                    "https://example.com/o/r", "https://github.com/o/..", "https://github.com/"):
        assert paths(outside, image="png" in outside) is None, outside
    found = plan("https://github.com/o/r/wiki/Home")
    assert found is not None and not found.exact and found.paths == ("/repos/o/r",)


def test_dot_segments_never_reach_the_api() -> None:
    assert plan("https://github.com/o/r/blob/main/../../x/y") is None
    assert plan("https://raw.githubusercontent.com/o/r/main/./a.md") is None
    assert plan("https://raw.githubusercontent.com/o/./main/a.md") is None  # found by the property test
    for dotted in ("https://github.com/o/r/commit/.", "https://github.com/o/r/commit/..",  # found by the property test
                   "https://github.com/o/r/releases/tag/../../../x"):
        found = plan(dotted)  # the repository only, as for its other pages
        assert found is not None and found.paths == ("/repos/o/r",) and not found.exact, dotted
