"""A byte-order mark at the start of `_config.yml`: Jekyll reads the file without
taking it off (it does for posts), and its YAML reader then keeps only the first key
(Debian's Jekyll 4.3 with libyaml 0.2.5, asked here by a real build); with a comment
as the first line it reads every key."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from blogcheck.cli import main

BOM = "\ufeff"


def _site(root: Path, config: str) -> Path:
    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text(config, encoding="utf-8")
    (root / "_posts" / "2024-01-06-a.md").write_text("---\ntitle: a\n---\nHello.\n", encoding="utf-8")
    return root


def _built(root: Path) -> list[str]:
    assert shutil.which("jekyll"), ".ci/run installs jekyll"
    done = subprocess.run(["jekyll", "build", "--quiet"], cwd=root, capture_output=True, text=True, timeout=300,
                          check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return sorted(p.relative_to(root / "_site").as_posix() for p in (root / "_site").rglob("*.html"))


def _findings(root: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    main(["check", "--offline", "--select", "BC107", "--format", "json", str(root)])
    found: list[dict[str, object]] = json.loads(capsys.readouterr().out)["diagnostics"]
    return found


def test_a_bom_loses_every_key_but_the_first(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _site(tmp_path / "bom", f"{BOM}title: Notes\npermalink: /:title/\n")
    assert _built(root) == ["2024/01/06/a.html"]  # `permalink:` was lost: Jekyll's own default
    [found] = _findings(root, capsys)
    assert (found["code"], found["line"], found["column"]) == ("BC107", 1, 1)
    assert "keeps only its first key, `title`; every other setting (`permalink`) is lost" in str(found["message"])
    assert "cannot build" not in str(found["hint"])


def test_a_bom_before_a_comment_loses_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _site(tmp_path / "comment", f"{BOM}# the site\ntitle: Notes\npermalink: /:title/\n")
    assert _built(root) == ["a/index.html"]  # `permalink:` read
    assert _findings(root, capsys) == []
