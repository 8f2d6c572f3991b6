"""The link cache: ok links cost no request on the next run, failures are
always checked again, and a bad or shared cache file never breaks a run."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from remote_server import Farm
from remote_support import quick

from blogcheck.links.cache import default_path
from blogcheck.links.model import Status, Target
from blogcheck.links.remote import Results, check_targets

REPO = Path(__file__).resolve().parents[2]


def _run(targets: list[Target], cache: Path, **overrides: Any) -> Results:
    return check_targets(targets, quick(**{"no_cache": False, "cache": str(cache), **overrides}))


def test_a_second_run_asks_only_for_what_was_not_ok(farm: Farm, tmp_path: Path) -> None:
    targets = [Target(farm.url("/ok/a")), Target(farm.url("/redirect/1/b")), Target(farm.url("/missing/c"))]
    first = _run(targets, tmp_path / "links.sqlite")
    farm.log.clear()
    second = _run(targets, tmp_path / "links.sqlite")
    assert [e.path for e in farm.hits()] == ["/missing/c", "/missing/c"]  # HEAD then GET, again
    assert second[targets[0]].seen == "HEAD 200 (cached)"
    assert second[targets[1]].final_url == first[targets[1]].final_url == farm.url("/ok/b")
    assert second[targets[2]].status is Status.BROKEN
    assert (first.warnings, second.warnings) == ([], [])


def test_entries_expire_and_no_cache_bypasses(farm: Farm, tmp_path: Path) -> None:
    targets = [Target(farm.url("/ok/a"))]
    runs = [_run(targets, tmp_path / "links.sqlite"), _run(targets, tmp_path / "links.sqlite"),
            _run(targets, tmp_path / "links.sqlite", cache_ttl=0.0),
            _run(targets, tmp_path / "links.sqlite", no_cache=True),
            _run(targets, tmp_path / "other.sqlite", no_cache=True)]
    assert [r.requests for r in runs] == [1, 0, 1, 1, 1]
    assert not (tmp_path / "other.sqlite").exists()


def test_a_status_accept_no_longer_lists_is_asked_again(farm: Farm, tmp_path: Path) -> None:
    """A 403 cached as ok while `accept` listed it is not ok once the list drops it: the
    cache keeps the status, and each run judges it with its own `accept`."""
    targets = [Target(farm.url("/status/403/a")), Target(farm.url("/ok/b"))]
    accepting = (*range(200, 300), 403)
    runs = [_run(targets, tmp_path / "links.sqlite", accept=accepting),
            _run(targets, tmp_path / "links.sqlite", accept=accepting),
            _run(targets, tmp_path / "links.sqlite")]
    assert [r.requests for r in runs] == [2, 0, 2]  # HEAD, then GET for the 403 that is no longer ok
    assert [r[targets[0]].status for r in runs] == [Status.OK, Status.OK, Status.UNVERIFIED]
    assert runs[2][targets[1]].seen == "HEAD 200 (cached)"


def test_an_image_is_cached_apart_from_a_link_to_the_same_url(farm: Farm, tmp_path: Path) -> None:
    _run([Target(farm.url("/page/a.png"))], tmp_path / "links.sqlite")
    found = _run([Target(farm.url("/page/a.png"), image=True)], tmp_path / "links.sqlite")
    assert found[Target(farm.url("/page/a.png"), image=True)].status is Status.BROKEN


def test_the_default_cache_is_in_the_users_cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    if sys.platform.startswith("linux"):
        assert default_path() == tmp_path / "xdg" / "blogcheck" / "links.sqlite"
    assert default_path().name == "links.sqlite"


def test_a_corrupt_cache_file_is_rebuilt_with_a_warning(farm: Farm, tmp_path: Path) -> None:
    path = tmp_path / "links.sqlite"
    path.write_bytes(os.urandom(8192))
    first = _run([Target(farm.url("/ok/a"))], path)
    assert first[Target(farm.url("/ok/a"))].status is Status.OK
    assert len(first.warnings) == 1
    assert "unreadable" in first.warnings[0] and "links.sqlite.corrupt" in first.warnings[0]
    second = _run([Target(farm.url("/ok/a"))], path)
    assert (second.warnings, second.requests) == ([], 0)


def test_a_file_damaged_where_only_a_look_up_reads_is_rebuilt(farm: Farm, tmp_path: Path) -> None:
    """The file opens and its first rows read well, but the index every look-up walks is
    garbage: the run went on without the cache and left the file as it was, so every
    later run warned and asked every link again (and the action saved it each time)."""
    path = tmp_path / "links.sqlite"
    _run([Target(farm.url("/ok/a"))], path)
    db = sqlite3.connect(path, isolation_level=None)
    db.executemany("INSERT INTO ok_links VALUES (?, 200, '', 'HEAD 200', '', ?)",
                   [(f"link https://example.invalid/{n}", time.time()) for n in range(5000)])
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    [(root,)] = db.execute("SELECT rootpage FROM sqlite_master WHERE type = 'index' AND tbl_name = 'ok_links'")
    size = db.execute("PRAGMA page_size").fetchone()[0]
    db.close()
    with open(path, "r+b") as damaged:
        damaged.seek((root - 1) * size)
        damaged.write(b"\xff" * size)
    farm.log.clear()
    first = _run([Target(farm.url("/ok/a"))], path)
    assert first[Target(farm.url("/ok/a"))].status is Status.OK and first.requests == 1
    assert len(first.warnings) == 1 and "links.sqlite.corrupt" in first.warnings[0], first.warnings
    second = _run([Target(farm.url("/ok/a"))], path)
    assert (second.warnings, second.requests) == ([], 0)


def test_a_database_of_another_shape_is_rebuilt(farm: Farm, tmp_path: Path) -> None:
    path = tmp_path / "links.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE ok_links (something_else TEXT)")
    found = _run([Target(farm.url("/ok/a"))], path)
    assert found[Target(farm.url("/ok/a"))].status is Status.OK
    assert "unreadable" in found.warnings[0]


@pytest.mark.parametrize("shape", ["folder", "under-a-file"])
def test_an_unusable_cache_path_is_bypassed_with_a_warning(farm: Farm, tmp_path: Path, shape: str) -> None:
    if shape == "folder":
        path = tmp_path / "links.sqlite"
        path.mkdir()
    else:
        (tmp_path / "plain").write_text("not a folder")
        path = tmp_path / "plain" / "links.sqlite"
    found = _run([Target(farm.url("/ok/a"))], path)
    assert found[Target(farm.url("/ok/a"))].status is Status.OK
    assert len(found.warnings) == 1 and "cannot be used" in found.warnings[0]
    assert found.requests == 1


@contextlib.contextmanager
def _read_only(path: Path) -> Iterator[None]:
    """The file cannot be written, even by root (who ignores modes: chattr +i then)."""
    as_root = os.geteuid() == 0
    if as_root:
        subprocess.run(["chattr", "+i", str(path)], check=True)
    else:
        path.chmod(0o444)
    try:
        yield
    finally:
        if as_root:
            subprocess.run(["chattr", "-i", str(path)], check=True)
        else:
            path.chmod(0o644)


@pytest.mark.skipif(os.name != "posix", reason="file modes and chattr are POSIX")
def test_a_read_only_cache_is_read_and_a_failed_write_is_a_warning(farm: Farm, tmp_path: Path) -> None:
    path = tmp_path / "links.sqlite"
    _run([Target(farm.url("/ok/a"))], path)
    with _read_only(path):
        found = _run([Target(farm.url("/ok/a")), Target(farm.url("/ok/new"))], path)
    assert {v.status for v in found.values()} == {Status.OK}
    assert found.requests == 1  # /ok/a came from the cache
    assert len(found.warnings) == 1 and "cannot be used" in found.warnings[0]
    assert "readonly" in found.warnings[0]


_WRITER = """
import sys
from blogcheck.links.model import Target
from blogcheck.links.remote import check_targets
from blogcheck.links.settings import LinkSettings
port, cache, start = sys.argv[1], sys.argv[2], int(sys.argv[3])
targets = [Target(f"http://127.0.0.1:{port}/ok/{i}") for i in range(start, start + 200)]
found = check_targets(targets, LinkSettings(cache=cache, timeout=10))
bad = [t.url for t, v in found.items() if v.status.value != "ok"]
print(len(found), len(bad), found.warnings)
"""


def test_several_processes_share_one_cache(farm: Farm, tmp_path: Path) -> None:
    path = tmp_path / "links.sqlite"
    starts = [0, 100, 200, 300, 0, 150]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    procs = [subprocess.Popen([sys.executable, "-c", _WRITER, str(farm.port), str(path), str(s)], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for s in starts]
    outputs = [p.communicate(timeout=120) for p in procs]
    results = [(p.returncode, out.strip(), err) for p, (out, err) in zip(procs, outputs, strict=True)]
    assert results == [(0, "200 0 []", "")] * 6  # every link ok, no cache warning, no traceback
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("SELECT count(*) FROM ok_links").fetchone() == (500,)
    again = _run([Target(farm.url(f"/ok/{i}")) for i in range(500)], path)
    assert again.requests == 0
    assert {v.status for v in again.values()} == {Status.OK}


def _age(cache: Path, days: float) -> None:
    """Make every cached ok verdict `days` old."""
    with contextlib.closing(sqlite3.connect(cache)) as db, db:
        db.execute("UPDATE ok_links SET checked = ?", [time.time() - days * 86400])


def _refusing(farm: Farm) -> None:
    farm.busy_for, farm.retry_after = 600.0, "90"  # every answer 429, asking for 90 s: the host closes the run


def test_a_host_that_refuses_the_run_keeps_its_links_ok_within_max_stale(farm: Farm, tmp_path: Path) -> None:
    cache = tmp_path / "links.sqlite"
    urls = [farm.url(f"/ok/{n}") for n in range(12)]
    _run([Target(u) for u in urls[:10]], cache)  # ten ok, two never seen
    _age(cache, 10)  # older than cache_ttl (3 days), within max_stale (30 days)
    _refusing(farm)
    found = _run([Target(u) for u in urls], cache, max_retry_wait=5.0, max_per_host=2)
    assert [found[Target(u)].status for u in urls] == [Status.OK] * 10 + [Status.UNVERIFIED] * 2
    day = time.strftime("%Y-%m-%d", time.localtime(time.time() - 10 * 86400))
    assert found[Target(urls[0])].seen == f"HEAD 200 on {day} (cached; 127.0.0.1:{farm.port} refused this run)"
    assert found.warnings[-1] == (f"10 links to 127.0.0.1:{farm.port} that it did not answer stay ok: they were ok "
                                  "within the last 30 days (max_stale)")
    # the old verdicts were not written back as fresh: past max_stale they no longer stand in
    with contextlib.closing(sqlite3.connect(cache)) as db:
        newest = db.execute("SELECT max(checked) FROM ok_links").fetchone()[0]
    assert newest < time.time() - 9 * 86400
    _age(cache, 31)
    again = _run([Target(u) for u in urls], cache, max_retry_wait=5.0, max_per_host=2)
    assert [again[Target(u)].status for u in urls] == [Status.UNVERIFIED] * 12


def test_max_stale_zero_or_a_host_that_did_not_refuse_the_run_uses_no_old_verdict(farm: Farm, tmp_path: Path) -> None:
    cache = tmp_path / "links.sqlite"
    url = farm.url("/ok/a")
    _run([Target(url)], cache)
    _age(cache, 10)
    _refusing(farm)
    assert _run([Target(url)], cache, max_retry_wait=5.0, max_stale=0.0)[Target(url)].status is Status.UNVERIFIED
    farm.retry_after = "1"  # a 429 for this page alone (no four in a row): the host is not closed
    found = _run([Target(url)], cache, max_retry_wait=5.0, retries=0)
    assert (found[Target(url)].status, found[Target(url)].seen, found.warnings) == (Status.UNVERIFIED, "HEAD 429", [])
