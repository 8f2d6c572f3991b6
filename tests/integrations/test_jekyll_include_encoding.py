"""Layouts and includes are read in the site's `encoding:`, as `jekyll build` reads them
(`File.read(path, **site.file_read_opts)`): in Shift_JIS, `ボ` is b"\\x83{", and read as
UTF-8 its `{` made `ボ{% endif %}` a variable that swallowed the tag. Posts that `--changed-since`
searches for a deleted file's name are read in it too."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from integration_support import git

from blogcheck.cli import main


def _write(root: Path, files: dict[str, str], encoding: str) -> Path:
    (root / "_config.yml").parent.mkdir(parents=True, exist_ok=True)
    (root / "_config.yml").write_text(f"title: t\nencoding: {encoding}\n", encoding="utf-8")
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(text.encode(encoding))
    return root


def _findings(site: Path, capsys: pytest.CaptureFixture[str], *args: str) -> list[tuple[str, str, int]]:
    main(["check", "--offline", "--no-cache", "--format", "json", *args, str(site)])
    return [(Path(d["path"]).name, d["code"], d["line"]) for d in json.loads(capsys.readouterr().out)["diagnostics"]]


def test_layouts_and_includes_are_read_in_the_sites_encoding(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert shutil.which("jekyll"), ".ci/run installs jekyll"
    site = _write(tmp_path / "site", {
        "_includes/note.html": "<p>{% if true %}ジャンボ{% endif %}</p>\n",
        "_layouts/post.html": "<main>ジャンボ{% include gone.html %}{{ content }}</main>\n",
        "_posts/2024-01-01-a.md": "---\nlayout: post\ntitle: a\n---\n{% include note.html %}\n"}, "Shift_JIS")
    built = subprocess.run(["jekyll", "build"], cwd=site, capture_output=True, text=True, timeout=300, check=False)
    assert "Could not locate the included file 'gone.html'" in built.stderr  # and nothing of note.html
    assert _findings(site, capsys) == [("2024-01-01-a.md", "BC503", 2)]  # at `layout: post`
    (site / "_includes" / "gone.html").write_text("x\n")
    subprocess.run(["jekyll", "build"], cwd=site, capture_output=True, timeout=300, check=True)
    page = (site / "_site" / "2024" / "01" / "01" / "a.html").read_bytes()
    assert "<p>ジャンボ</p>".encode("shift_jis") in page
    assert _findings(site, capsys) == []


def test_changed_since_finds_a_deleted_files_name_in_the_sites_encoding(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = _write(tmp_path / "site", {"_posts/2024-01-01-a.md": "---\ntitle: Déjà\n---\n![A café](/café.png)\n"},
                  "ISO-8859-1")
    (site / "café.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    git("init", "-q", "-b", "main", cwd=site)
    git("add", "-A", cwd=site)
    git("commit", "-q", "-m", "start", cwd=site)
    git("rm", "-q", "café.png", cwd=site)
    git("commit", "-q", "-m", "delete the picture", cwd=site)
    assert _findings(site, capsys, "--ignore", "spelling", "--changed-since", "HEAD~1") == [
        ("2024-01-01-a.md", "BC303", 4)]
