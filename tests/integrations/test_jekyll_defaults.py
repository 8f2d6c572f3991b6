"""`defaults:` merged as Jekyll 4 merges them, against a real build: the more specific
scope wins whatever the order of the list (a front-matter audit found blogcheck taking
the later entry, so a `type: posts` scope listed first lost to a general one)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from blogcheck.config import Config
from blogcheck.jekyll.site import load_site
from blogcheck.run import run

CONFIG = """\
title: t
defaults:
  - scope: {path: "", type: posts}
    values: {layout: psot, permalink: "/p/:title/"}
  - scope: {path: ""}
    values: {layout: page, permalink: "/x/:title/"}
"""


def test_a_typed_scope_listed_first_still_wins(tmp_path: Path) -> None:
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_layouts").mkdir()
    (tmp_path / "_config.yml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "_layouts" / "page.html").write_text("PAGE {{ content }}", encoding="utf-8")
    (tmp_path / "_layouts" / "post.html").write_text("POST {{ content }}", encoding="utf-8")
    post = tmp_path / "_posts" / "2024-03-06-a.md"
    post.write_text("---\ntitle: A\n---\nHi\n", encoding="utf-8")
    built = subprocess.run(["jekyll", "build"], cwd=tmp_path, capture_output=True, text=True, timeout=300,
                           check=False)
    assert "Layout 'psot' requested in _posts/2024-03-06-a.md does not exist" in built.stdout + built.stderr
    assert (tmp_path / "_site" / "p" / "a" / "index.html").is_file()  # the posts scope's permalink
    result = run([post], load_site(tmp_path), Config(offline=True))
    assert [(d.code, d.message.split(" (")[0]) for d in result.diagnostics] == [("BC130", "layout `psot`")]
