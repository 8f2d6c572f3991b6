"""A link to this site written with its full address (`url:` in _config.yml):
a page or file the checkout has is found there, with no request (a post not yet
published is no broken link); one it does not have (a page another repository
serves under the same host) is asked for as any remote link."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from remote_server import Farm
from remote_support import one_post_site

from blogcheck.cli import main


def _site(tmp_path: Path, farm: Farm) -> Path:
    own = farm.url("")
    site = one_post_site(tmp_path, "## Part one\n"
                         f"[this post]({own}/2024/01/01/a.html) [its part]({own}/2024/01/01/a.html#part-one)\n"
                         f"[the next one](https://127.0.0.1:{farm.port}/2024/01/02/b.html) "
                         f"![its chart]({own}/assets/chart.png)\n"
                         f"[a missing part]({own}/2024/01/01/a.html#part-two) "
                         f"[a project page]({own}/missing/other-repo/)\n")
    (site / "_config.yml").write_text(f"title: t\nurl: {own}\n")
    (site / "_posts" / "2024-01-02-b.md").write_text("---\ntitle: B, not yet published\n---\nHi.\n")
    (site / "assets").mkdir()
    (site / "assets" / "chart.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    return site


def test_own_pages_are_found_in_the_checkout(tmp_path: Path, farm: Farm, capsys: pytest.CaptureFixture[str]) -> None:
    site = _site(tmp_path, farm)
    main(["check", "--select", "links", "--no-cache", "--format", "json", str(site / "_posts" / "2024-01-01-a.md")])
    found = json.loads(capsys.readouterr().out)["diagnostics"]
    assert [(d["code"], d["line"]) for d in found] == [("BC203", 7), ("BC201", 7)]
    assert found[1]["url"] == farm.url("/missing/other-repo/")
    assert [e.path for e in farm.hits()] == ["/missing/other-repo/"] * 2  # HEAD 404, then GET: nothing else asked


def test_offline_own_pages_are_checked_and_the_rest_counted(tmp_path: Path, farm: Farm,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    site = _site(tmp_path, farm)
    main(["check", "--select", "links", "--offline", "--format", "json", str(site / "_posts" / "2024-01-01-a.md")])
    report = json.loads(capsys.readouterr().out)
    assert [d["code"] for d in report["diagnostics"]] == ["BC203"]
    assert "1 remote link (1 distinct URL) not checked: offline" in report["summary"]["notes"]
    assert farm.hits() == []
