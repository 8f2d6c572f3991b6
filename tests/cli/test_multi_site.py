"""Several sites on one command line: each site's posts are checked with the config
file (and word list) at that site's root, whatever the order of the PATHs; flags
win over every site's file, and `--config PATH` applies to all."""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from blogcheck.cli import main

TYPO = "---\ntitle: Post\n---\n\nI use teh sturd tools daily.\n"


@pytest.fixture
def sites(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """`a/` and `b/`, two Jekyll sites with one post each holding `teh` (BC401) and
    `sturd` (BC402); `b/blogcheck.toml` ignores BC401."""
    for name in ("a", "b"):
        (tmp_path / name / "_posts").mkdir(parents=True)
        (tmp_path / name / "_config.yml").write_text("title: t\n")
        (tmp_path / name / "_posts" / "2024-01-01-p.md").write_text(TYPO)
    (tmp_path / "b" / "blogcheck.toml").write_text('ignore = ["BC401"]\n')
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _found(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[tuple[str, str, str]]]:
    code = main(["check", "--offline", "--format", "json", *argv])
    out = capsys.readouterr().out
    return code, [(d["path"].split("/")[0], d["code"], d["severity"]) for d in json.loads(out)["diagnostics"]]


@pytest.mark.parametrize("order", [["a", "b"], ["b", "a"]])
def test_each_site_is_checked_with_its_own_config_in_any_order(sites: Path, capsys: pytest.CaptureFixture[str],
                                                               order: list[str]) -> None:
    code, found = _found(capsys, "--select", "BC401,BC402", *order)
    assert code == 1
    assert sorted(found) == [("a", "BC401", "error"), ("a", "BC402", "warning"), ("b", "BC402", "warning")]
    # `--config PATH` given is every site's settings
    assert _found(capsys, "--select", "BC401", "--config", "b/blogcheck.toml", *order) == (0, [])


@pytest.mark.parametrize("order", [["a", "b"], ["b", "a"]])
def test_exclude_per_file_ignores_and_severity_come_from_each_site(sites: Path, capsys: pytest.CaptureFixture[str],
                                                                   order: list[str]) -> None:
    (sites / "a" / "_posts" / "2024-01-02-q.md").write_text(TYPO)
    (sites / "a" / "blogcheck.toml").write_text('exclude = ["_posts/2024-01-02-*"]\n[severity]\nBC401 = "warning"\n')
    (sites / "b" / "blogcheck.toml").write_text('[per_file_ignores]\n"_posts/*" = ["BC402"]\n')
    code, found = _found(capsys, "--select", "BC401,BC402", *order)
    assert code == 1  # b's BC401 is an error still
    assert sorted(found) == [("a", "BC401", "warning"), ("a", "BC402", "warning"), ("b", "BC401", "error")]


@pytest.mark.parametrize("order", [["a", "b"], ["b", "a"]])
def test_flags_win_over_every_sites_file(sites: Path, capsys: pytest.CaptureFixture[str], order: list[str]) -> None:
    (sites / "a" / "blogcheck.toml").write_text('select = ["frontmatter"]\n')
    (sites / "b" / "blogcheck.toml").write_text('ignore = ["BC401"]\n[severity]\nBC402 = "error"\n')
    code, found = _found(capsys, "--select", "BC401,BC402", "--ignore", "BC403", *order)  # a's select, b's ignore
    assert (code, sorted(found)) == (1, [("a", "BC401", "error"), ("a", "BC402", "warning"),
                                         ("b", "BC401", "error"), ("b", "BC402", "error")])


def test_a_bad_config_in_any_site_is_a_usage_error_before_any_work(sites: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    (sites / "b" / "blogcheck.toml").write_text('ignore = ["BC999x"]\n')
    assert main(["check", "--offline", "a", "b"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "`BC999x` is neither a check name nor a code prefix" in err


class _Links(http.server.BaseHTTPRequestHandler):
    """Every path is 404; `hits` records the requests."""

    hits: ClassVar[list[str]] = []

    def do_HEAD(self) -> None:
        self.hits.append(self.path)
        self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_GET = do_HEAD

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Links)
    _Links.hits = []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_links_settings_come_from_each_site(sites: Path, server: str, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("a", "b"):
        (sites / name / "_posts" / "2024-01-01-p.md").write_text(f"---\ntitle: P\n---\n\n[x]({server}/{name})\n")
    (sites / "b" / "blogcheck.toml").write_text("[links]\nexclude_loopback = true\n")
    code = main(["check", "--select", "links", "--no-cache", "--format", "json", "b", "a"])
    report = json.loads(capsys.readouterr().out)
    assert code == 1
    assert [(d["path"], d["code"]) for d in report["diagnostics"]] == [("a/_posts/2024-01-01-p.md", "BC201")]
    assert _Links.hits.count("/a") >= 1 and "/b" not in _Links.hits
    assert report["summary"]["notes"] == ["1 remote link (1 distinct URL) not checked: excluded by `exclude` or by "
                                          "address"]


@pytest.mark.parametrize("order", [["a", "b"], ["b", "a"]])
def test_words_reads_each_sites_word_list(sites: Path, capsys: pytest.CaptureFixture[str],
                                          order: list[str]) -> None:
    (sites / "b" / ".blogcheck-words.txt").write_text("sturd\n")
    assert main(["words", *order]) == 0
    out = capsys.readouterr().out
    assert out.splitlines() == ["     1  sturd  a/_posts/2024-01-01-p.md:5:11  (sturdy?)",
                                "1 unknown word; add the right ones: blogcheck words --add WORD ..."]


def test_words_add_with_several_sites_is_refused(sites: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["words", "a", "b", "--add", "sturd"]) == 2
    err = capsys.readouterr().err
    assert "--add: the posts given are in 2 sites (a, b)" in err
    assert not (sites / "a" / ".blogcheck-words.txt").exists() and not (sites / "b" / ".blogcheck-words.txt").exists()
    assert main(["words", "b", "--add", "sturd"]) == 0
    assert (sites / "b" / ".blogcheck-words.txt").read_text() == "sturd\n"
