"""`--suggest-archive`: a broken link's finding names the Wayback Machine's copy,
asked once per broken URL (none for ok links), dated by the post that writes it.
The availability API is remapped to the loopback farm (its `/wayback/available`)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st
from remote_server import Farm
from remote_support import one_post_site

from blogcheck.cli import main
from blogcheck.links.archive import NO_COPY, Snapshot, read_answer


def _check(site: Path, farm: Farm, capsys: pytest.CaptureFixture[str], *flags: str) -> dict[str, Any]:
    """The JSON report, and the exit code under "exit"."""
    code = main(["check", "--select", "links", "--format", "json", "--remap",
                 rf"^https://archive\.org/ {farm.url('/')}", *flags, str(site)])
    report: dict[str, Any] = json.loads(capsys.readouterr().out)
    report["exit"] = code
    return report


def _asked(farm: Farm) -> list[dict[str, list[str]]]:
    return sorted((parse_qs(urlsplit(e.path).query) for e in farm.hits("/wayback/")), key=str)


def test_a_broken_link_and_image_name_their_archived_copy(tmp_path: Path, farm: Farm,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    page, image, none = farm.url("/missing/page"), farm.url("/missing/chart.png"), farm.url("/gone/nocopy")
    site = one_post_site(tmp_path, f"Read [the notes]({page}#part-2), ![a chart]({image}),\n"
                                   f"[the slides]({none}) and [a live page]({farm.url('/ok/live')}).\n",
                         name="2024-03-06-day-65.md")
    report = _check(site, farm, capsys, "--no-cache", "--suggest-archive")
    found = {d["url"]: d for d in report["diagnostics"]}
    assert [(d["code"], d.get("archive")) for d in found.values()] == [
        ("BC201", f"https://web.archive.org/web/20240306093000/{page}"),
        ("BC301", f"https://web.archive.org/web/20240306093000/{image}"),
        ("BC201", None)]
    assert found[f"{page}#part-2"]["hint"].endswith(
        f"the Wayback Machine has a copy from 2024-03-06: https://web.archive.org/web/20240306093000/{page}")
    assert "Wayback" not in found[none]["hint"]
    # one lookup per broken URL, the fragment left out, dated by the post; none for the live page
    assert _asked(farm) == sorted(({"url": [u], "timestamp": ["20240306"]} for u in (page, image, none)), key=str)
    assert report["exit"] == 1


def test_without_the_flag_the_archive_is_not_asked(tmp_path: Path, farm: Farm,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    site = one_post_site(tmp_path, f"[gone]({farm.url('/missing/page')})\n")
    report = _check(site, farm, capsys, "--no-cache")
    assert [("archive" in d, d["code"]) for d in report["diagnostics"]] == [(False, "BC201")]
    assert farm.hits("/wayback/") == []
    (site / "blogcheck.toml").write_text("[links]\nsuggest_archive = true\n")  # the key does what the flag does
    report = _check(site, farm, capsys, "--no-cache")
    assert [d["code"] for d in report["diagnostics"] if "archive" in d] == ["BC201"]


def test_one_lookup_per_url_dated_by_the_earliest_post(tmp_path: Path, farm: Farm,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    url = farm.url("/missing/shared")
    site = one_post_site(tmp_path, f"[a]({url})\n", name="2024-03-06-late.md")
    # `date:` overrides the file name, as in Jekyll
    early = f"---\ntitle: B\ndate: 2023-01-02\n---\n[b]({url}) [c]({url})\n"
    (site / "_posts" / "2024-05-01-early.md").write_text(early)
    report = _check(site, farm, capsys, "--no-cache", "--suggest-archive")
    archives = {d["archive"] for d in report["diagnostics"]}
    assert archives == {f"https://web.archive.org/web/20230102093000/{url}"}
    assert len(report["diagnostics"]) == 3
    assert _asked(farm) == [{"url": [url], "timestamp": ["20230102"]}]


def test_answers_that_cannot_be_used_add_nothing_and_are_counted(tmp_path: Path, farm: Farm,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    names = ("error-copy", "elsewhere", "garbled", "down", "fine")
    site = one_post_site(tmp_path, "".join(f"[{n}]({farm.url('/missing/' + n)})\n" for n in names))
    (site / "blogcheck.toml").write_text("[links]\nretries = 0\n")
    report = _check(site, farm, capsys, "--no-cache", "--suggest-archive")
    found = {d["url"].rsplit("/", 1)[1]: d for d in report["diagnostics"]}
    assert sorted(found) == sorted(names)
    assert [n for n in names if "archive" in found[n]] == ["fine"]
    # a copy of an error page is no copy (an answer); a foreign host, bad JSON or a 503 are failures
    summary = report["summary"]
    assert ("the Wayback Machine could not be asked about 3 of 5 broken URLs (GET 503): no archived copy is named "
            "for them" in summary["notes"])


def test_an_answer_too_long_to_be_the_apis_is_not_read_to_its_end(tmp_path: Path, farm: Farm,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    site = one_post_site(tmp_path, f"[a]({farm.url('/missing/huge')})\n")
    report = _check(site, farm, capsys, "--no-cache", "--suggest-archive")
    assert "archive" not in report["diagnostics"][0]
    assert ("the Wayback Machine could not be asked about 1 of 1 broken URL (an answer longer than 64 KB): no "
            "archived copy is named for it") in report["summary"]["notes"]


def test_answers_are_cached_copy_or_none(tmp_path: Path, farm: Farm, capsys: pytest.CaptureFixture[str]) -> None:
    site = one_post_site(tmp_path, f"[a]({farm.url('/missing/a')}) [b]({farm.url('/missing/nocopy')})\n"
                                   f"[c]({farm.url('/missing/down')})\n")
    (site / "blogcheck.toml").write_text("[links]\nretries = 0\n")
    cache = tmp_path / "links.sqlite"
    first = _check(site, farm, capsys, "--cache", str(cache), "--suggest-archive")
    assert len(farm.hits("/wayback/")) == 3
    second = _check(site, farm, capsys, "--cache", str(cache), "--suggest-archive")
    assert first["diagnostics"] == second["diagnostics"]
    # the copy and the "no copy" answer come from the cache; the failed lookup is asked again
    assert len(farm.hits("/wayback/")) == 4
    assert farm.hits("/wayback/")[-1].path.startswith("/wayback/available?url=" + "http%3A%2F%2F127.0.0.1")
    assert "down" in farm.hits("/wayback/")[-1].path
    assert [e.method for e in farm.hits("/missing/")].count("HEAD") == 6  # broken links: checked again every run


def test_a_url_with_a_password_is_not_sent_to_the_archive(tmp_path: Path, farm: Farm,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    site = one_post_site(tmp_path, f"[a]({farm.url('/missing/a').replace('://', '://me:secret@')})\n")
    report = _check(site, farm, capsys, "--no-cache", "--suggest-archive")
    assert [d["code"] for d in report["diagnostics"]] == ["BC201"]
    assert farm.hits("/wayback/") == []


def test_a_bad_key_value_is_a_usage_error(tmp_path: Path, farm: Farm, capsys: pytest.CaptureFixture[str]) -> None:
    site = one_post_site(tmp_path, "text\n")
    (site / "blogcheck.toml").write_text('[links]\nsuggest_archive = "yes"\n')
    assert main(["check", str(site)]) == 2
    assert "suggest_archive" in capsys.readouterr().err


@pytest.mark.parametrize(("body", "expected"), [
    (b'{"archived_snapshots": {"closest": {"available": true, "status": "200", "timestamp": "20130919044612",'
     b' "url": "http://web.archive.org/web/20130919044612/http://example.com/"}}}',
     Snapshot("https://web.archive.org/web/20130919044612/http://example.com/", "2013-09-19")),
    (b'{"archived_snapshots": {}}', NO_COPY),
    (b'{"archived_snapshots": {"closest": {"available": false, "status": "200", "url": "x"}}}', NO_COPY),
    (b'{"archived_snapshots": {"closest": {"available": true, "status": "200", "timestamp": 5,'
     b' "url": "https://web.archive.org:443/web/2013/http://e.com/"}}}',
     Snapshot("https://web.archive.org/web/2013/http://e.com/", "")),
    (b'{"archived_snapshots": {"closest": {"available": true, "status": "200",'
     b' "url": "http://web.archive.org/web/1/x y"}}}', None),
    (b'{"archived_snapshots": {"closest": {"available": true, "status": "200", "url": "http://web.archive.org/x"}}}',
     None),
    (b'{"archived_snapshots": {"closest": {"available": true, "status": "200", "url": "http://[::1/web/"}}}', None),
    (b'{"archived_snapshots": []}', None),
    (b'[1, 2]', None),
    (b'\xff\xfe', None),
    (b'[' * 100_000, None),
])
def test_reading_an_answer(body: bytes, expected: Snapshot | None) -> None:
    assert read_answer(body) == expected


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(),
                    lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner), max_leaves=20))
def test_any_json_answer_is_read_without_raising(value: object) -> None:
    answer = read_answer(json.dumps({"archived_snapshots": {"closest": value}}).encode())
    assert answer is None or answer == NO_COPY or answer.url.startswith("https://web.archive.org/web/")


def test_a_cache_file_from_before_the_archive_table_keeps_its_links(tmp_path: Path) -> None:
    import sqlite3
    import time

    from blogcheck.links.cache import Cache

    path = tmp_path / "old.sqlite"
    with sqlite3.connect(path) as db:  # the schema of blogcheck's first versions
        db.execute("CREATE TABLE ok_links (key TEXT PRIMARY KEY, http_status INTEGER, final_url TEXT,"
                   " seen TEXT NOT NULL, provider TEXT NOT NULL, checked REAL NOT NULL)")
        db.execute("INSERT INTO ok_links VALUES ('link https://a.test/', 200, NULL, 'HEAD 200', '', ?)", [time.time()])
    db.close()
    cache = Cache.open(path, 3600)
    assert list(cache.get(["link https://a.test/"], range(200, 300))) == ["link https://a.test/"]
    cache.put_archived({"archive x": ("https://web.archive.org/web/1/x", "2020-01-01"), "archive y": ("", "")})
    assert cache.archived(["archive x", "archive y", "archive z"]) == {
        "archive x": ("https://web.archive.org/web/1/x", "2020-01-01"), "archive y": ("", "")}
    assert cache.warnings == []
    cache.close()
