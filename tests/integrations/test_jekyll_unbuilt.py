"""A Liquid error in a post Jekyll does not build (`published: false`, dated ahead) does
not stop the build: a real Jekyll 4.3 build succeeds, and blogcheck reports the error as
a warning that says so. Published, the same post stops the build, and the finding is an
error again."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from blogcheck.cli import main


def _build(site: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["jekyll", "build"], cwd=site, capture_output=True, text=True, timeout=300, check=False)


def _found(capsys: pytest.CaptureFixture[str]) -> dict[str, tuple[str, str]]:
    main(["check", "--offline", "--select", "BC505,BC506,BC205", "--format", "json"])
    return {Path(d["path"]).name: (d["code"], d["severity"])
            for d in json.loads(capsys.readouterr().out)["diagnostics"]}


def test_liquid_errors_of_posts_left_out_are_warnings_until_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    (site / "_config.yml").write_text("title: t\n", encoding="utf-8")
    hidden = site / "_posts" / "2024-01-05-hidden.md"
    hidden.write_text("---\ntitle: T\npublished: false\n---\nHi {% foo %}\n", encoding="utf-8")
    (site / "_posts" / "2999-01-05-ahead.md").write_text("---\ntitle: T\n---\n[a]({% post_url nope %})\n",
                                                         encoding="utf-8")
    (site / "_posts" / "2024-01-01-ok.md").write_text("---\ntitle: T\n---\nFine.\n", encoding="utf-8")
    assert _build(site).returncode == 0
    monkeypatch.chdir(site)
    assert _found(capsys) == {"2024-01-05-hidden.md": ("BC506", "warning"),
                              "2999-01-05-ahead.md": ("BC205", "warning")}
    hidden.write_text("---\ntitle: T\npublished: true\n---\nHi {% foo %}\n", encoding="utf-8")
    stopped = _build(site)
    assert stopped.returncode != 0 and "Unknown tag 'foo'" in stopped.stdout + stopped.stderr
    assert _found(capsys)["2024-01-05-hidden.md"] == ("BC506", "error")
