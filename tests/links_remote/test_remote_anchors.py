"""Remote anchors (BC209): `page#section` needs that id on the page. One GET per
page however many anchors point into it; fragments that hold page state, GitHub's
and `#top` are never looked for; an ok anchor is cached, a missing one asked again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from remote_server import Farm
from remote_support import one_post_site, quick

from blogcheck.cli import main
from blogcheck.links import fragments
from blogcheck.links.model import Status, Target
from blogcheck.links.remote import check_targets


def _anchors(farm: Farm, *fragments_: str, page: str = "/doc/a", **settings: object) -> dict[str, Status]:
    targets = [Target(farm.url(f"{page}#{f}" if f else page)) for f in fragments_]
    found = check_targets(targets, quick(**settings))
    return {t.url.partition("#")[2]: v.status for t, v in found.items()}


def test_anchors_written_every_way_a_page_writes_them_are_found(farm: Farm) -> None:
    found = _anchors(farm, "intro", "setup-steps", "legacy", "caf%C3%A9-et-th%C3%A9", "user-content-usage", "gone")
    assert found == {"intro": Status.OK, "setup-steps": Status.OK, "legacy": Status.OK,
                     "caf%C3%A9-et-th%C3%A9": Status.OK, "user-content-usage": Status.OK, "gone": Status.BROKEN}


def test_one_get_per_page_for_all_its_anchors_beside_the_head_of_the_page(farm: Farm) -> None:
    _anchors(farm, "", "intro", "legacy", "gone", "other")
    assert sorted(e.method for e in farm.hits("/doc/a")) == ["GET", "HEAD"]


def test_a_missing_anchor_names_the_closest_one(farm: Farm) -> None:
    target = Target(farm.url("/doc/a#setup-step"))
    verdict = check_targets([target], quick())[target]
    assert (verdict.status, verdict.provider, verdict.http_status) == (Status.BROKEN, "anchor", 200)
    assert verdict.hint == ("the page has no element with id `setup-step`: its section was renamed or moved; "
                            "did you mean `#setup-steps`?")


def test_fragments_that_are_page_state_are_not_looked_for(farm: Farm) -> None:
    found = _anchors(farm, "top", "scrollTo=x1", "/route", "!/route", ":~:text=Intro", "gid=0")
    assert set(found.values()) == {Status.OK}
    assert [e.method for e in farm.hits("/doc/a")] == ["HEAD"]


def test_github_readme_headings_are_user_content_ids_and_scripted_anchors_are_not_looked_for(farm: Farm) -> None:
    fragments_ = ["usage", "gone", "L10-L20", "readme", "issuecomment-12", "diff-0a1b"]
    targets = [Target(f"https://github.com/owner/repo#{f}") for f in fragments_]
    targets.append(Target("https://gist.github.com/someone/1a2b#file-gone-py"))
    found = check_targets(targets, quick(remap=((r"^https://(gist\.)?github\.com/[^#]*", farm.url("/doc/a")),)))
    assert {t.url.rpartition("#")[2]: v.status for t, v in found.items()} == {
        "usage": Status.OK, "gone": Status.BROKEN, "L10-L20": Status.OK, "readme": Status.OK,
        "issuecomment-12": Status.OK, "diff-0a1b": Status.OK, "file-gone-py": Status.OK}
    # two pages (the repo, the gist) asked once each; only the repo's read, once
    assert sorted(e.method for e in farm.hits("/doc/a")) == ["GET", "HEAD", "HEAD"]


def test_ids_are_read_in_the_charset_the_page_names(farm: Farm) -> None:
    assert _anchors(farm, "caf%C3%A9", "cafe", page="/doc/latin1") == {"caf%C3%A9": Status.OK, "cafe": Status.BROKEN}


def test_a_page_compressed_anyway_is_read(farm: Farm) -> None:
    assert _anchors(farm, "intro", "gone", page="/doc/gzip") == {"intro": Status.OK, "gone": Status.BROKEN}
    assert {e.method: e.path for e in farm.hits("/doc/")}["GET"] == "/doc/gzip"


def test_a_page_after_redirects_is_read_where_they_end(farm: Farm) -> None:
    target = Target(farm.url("/to?u=/doc/moved#gone"))
    verdict = check_targets([target], quick())[target]
    assert verdict.status is Status.BROKEN
    assert verdict.final_url == farm.url("/doc/moved")
    assert verdict.seen == "GET 302 -> GET 200"


def test_no_finding_when_the_page_cannot_be_read_whole(farm: Farm, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fragments, "PAGE_LIMIT", 100)  # the page is longer: its end is not known
    assert _anchors(farm, "gone") == {"gone": Status.OK}
    assert _anchors(farm, "gone", page="/img/x.png") == {"gone": Status.OK}  # not a page
    assert _anchors(farm, "gone", page="/missing/x") == {"gone": Status.BROKEN}  # the page itself: BC201


def test_a_page_of_too_many_ids_is_not_judged(farm: Farm) -> None:
    assert _anchors(farm, "s7", "gone", page="/doc/many") == {"s7": Status.OK, "gone": Status.OK}
    assert [e.method for e in farm.hits("/doc/many") if e.method == "GET"] == ["GET"]


def test_no_suggestion_is_looked_for_among_too_many_ids(farm: Farm, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fragments, "MAX_IDS", 200_000)  # judged, but too many to pick the closest from
    target = Target(farm.url("/doc/many#s7x"))
    verdict = check_targets([target], quick())[target]
    assert verdict.status is Status.BROKEN
    assert verdict.hint.endswith("link the section's new anchor, or the page alone")


def test_anchors_off(farm: Farm) -> None:
    assert _anchors(farm, "gone", remote_anchors=False) == {"gone": Status.OK}
    assert [e.method for e in farm.hits("/doc/a")] == ["HEAD"]


def _site(tmp_path: Path, farm: Farm) -> Path:
    return one_post_site(tmp_path, f"See [intro]({farm.url('/doc/a#intro')}) and "
                                   f"[usage]({farm.url('/doc/a#usage')}).\n")


def _check(site: Path, capsys: pytest.CaptureFixture[str], *flags: str) -> tuple[int, list[dict[str, object]]]:
    code = main(["check", "--select", "links", "--format", "json", *flags, str(site)])
    return code, json.loads(capsys.readouterr().out)["diagnostics"]


def test_a_missing_anchor_is_a_warning_at_its_link(tmp_path: Path, farm: Farm,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    site = _site(tmp_path, farm)
    code, found = _check(site, capsys, "--no-cache")
    assert code == 0  # a warning: the page is there
    line = (site / "_posts" / "2024-01-01-a.md").read_text().splitlines()[3]
    assert [(d["code"], d["severity"], d["line"], d["column"], d["url"], d["http_status"]) for d in found] == [
        ("BC209", "warning", 4, line.index(farm.url("/doc/a#usage")) + 1, farm.url("/doc/a#usage"), 200)]
    assert str(found[0]["message"]).startswith(f"missing anchor: {farm.url('/doc/a#usage')} (GET 200)")


def test_ok_anchors_are_cached_and_missing_ones_asked_again(tmp_path: Path, farm: Farm,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    site, cache = _site(tmp_path, farm), tmp_path / "links.sqlite"
    _check(site, capsys, "--cache", str(cache))
    farm.log.clear()
    _, found = _check(site, capsys, "--cache", str(cache))
    assert [d["code"] for d in found] == ["BC209"]
    assert [e.method for e in farm.hits()] == ["GET"]  # the page for #usage; the page and #intro are known ok
    farm.log.clear()
    _check(site, capsys, "--cache", str(cache), "--ignore", "BC209")
    assert farm.hits() == []  # not wanted: no page fetched
