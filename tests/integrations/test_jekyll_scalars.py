"""Plain values Jekyll's YAML reader types otherwise than YAML 1.1, against a real `jekyll build`:
`title: yEs` is the boolean true, `published: oFF` keeps the post out, `tags: 1,000` is the
number 1000 (no tags), not the text `1,000`."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from blogcheck.cli import main

POSTS = {"2024-01-01-a.md": "---\ntitle: yEs\n---\nHi\n",
         "2024-01-02-b.md": "---\ntitle: B\npublished: oFF\n---\nHi\n",
         "2024-01-03-c.md": "---\ntitle: C\ntags: 1,000\n---\nHi\n"}


def test_jekyll_and_blogcheck_read_the_same_values(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    assert shutil.which("jekyll"), ".ci/run installs jekyll"
    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    (site / "_layouts").mkdir()
    (site / "_config.yml").write_text("title: t\ndefaults: [{scope: {path: ''}, values: {layout: p}}]\n")
    (site / "_layouts" / "p.html").write_text("{{ page.title }}|{{ page.tags | size }}")
    for name, text in POSTS.items():
        (site / "_posts" / name).write_text(text, encoding="utf-8")
    subprocess.run(["jekyll", "build"], cwd=site, capture_output=True, timeout=300, check=True)
    built = site / "_site" / "2024" / "01"
    assert (built / "01" / "a.html").read_text() == "true|0"
    assert not (built / "02").exists()
    assert (built / "03" / "c.html").read_text() == "C|0"
    monkeypatch.chdir(site)
    main(["check", "--offline", "--no-cache", "--select", "frontmatter", "--format", "json"])
    found = {(Path(d["path"]).name, d["code"], d["line"]) for d in json.loads(capsys.readouterr().out)["diagnostics"]}
    assert found == {("2024-01-01-a.md", "BC110", 2), ("2024-01-03-c.md", "BC110", 3)}
