"""`encoding:` of _config.yml, against a real `jekyll build`: Jekyll reads the posts in it, so a
Latin-1 post under `encoding: ISO-8859-1` is no BC100; a name Ruby does not know is ignored
(the post, read as UTF-8, is dropped), which blogcheck reports at the name."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from blogcheck.cli import main

POST = "---\ntitle: Café\ntags: déjà, vu\n---\nDéjà vu.\n"


def _site(root: Path, encoding: str) -> Path:
    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text(f"title: t\nencoding: {encoding}\n", encoding="utf-8")
    (root / "_posts" / "2024-01-01-a.md").write_bytes(POST.encode("latin-1"))
    return root


def _findings(site: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> set[tuple]:
    monkeypatch.chdir(site)
    main(["check", "--offline", "--no-cache", "--select", "frontmatter", "--format", "json"])
    return {(Path(d["path"]).name, d["code"], d["line"], d["column"])
            for d in json.loads(capsys.readouterr().out)["diagnostics"]}


@pytest.mark.parametrize("encoding", ["ISO-8859-1", "latin1"])
def test_posts_are_read_in_the_encoding_jekyll_reads_them_in(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], encoding: str) -> None:
    assert shutil.which("jekyll"), ".ci/run installs jekyll"
    site = _site(tmp_path / "site", encoding)
    done = subprocess.run(["jekyll", "build"], cwd=site, capture_output=True, text=True, timeout=300, check=True)
    page = site / "_site" / "2024" / "01" / "01" / "a.html"
    found = _findings(site, monkeypatch, capsys)
    if encoding == "ISO-8859-1":
        assert page.read_bytes() == "<p>Déjà vu.</p>\n".encode("latin-1")
        assert found == {("2024-01-01-a.md", "BC111", 3, 7)}  # as in the same post in UTF-8: characters
    else:
        assert "Unsupported encoding latin1 ignored" in done.stderr and not page.exists()
        assert found == {("_config.yml", "BC107", 2, 11), ("2024-01-01-a.md", "BC100", 2, 11)}


def test_the_same_post_in_utf8_has_the_same_findings(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    site = _site(tmp_path / "site", "utf-8")
    (site / "_posts" / "2024-01-01-a.md").write_text(POST, encoding="utf-8")
    assert _findings(site, monkeypatch, capsys) == {("2024-01-01-a.md", "BC111", 3, 7)}


@pytest.mark.parametrize("encoding", ["UTF-16LE", "nonsense", "'[1]'", "BINARY", "''", "[1, 2]"])
def test_a_bad_encoding_is_a_finding_or_a_note_never_a_traceback(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], encoding: str) -> None:
    site = _site(tmp_path / "site", encoding)
    monkeypatch.chdir(site)
    assert main(["check", "--offline", "--no-cache", "--select", "frontmatter"]) in (0, 1)
    out = capsys.readouterr().out
    assert "Traceback" not in out and "BC100 not valid UTF-8" in out
