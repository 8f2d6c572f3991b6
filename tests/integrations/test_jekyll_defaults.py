"""`defaults:` merged as Jekyll 4 merges them, against a real build: the more specific
scope wins whatever the order of the list (a front-matter audit found blogcheck taking
the later entry, so a `type: posts` scope listed first lost to a general one)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

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


@pytest.mark.parametrize(("written", "dropped"), [("2020-01-01", True), ("2020-1-1", True), ('"2020-1-1"', False),
                                                  ("2020-01-01 10:00:00", False)])
def test_a_date_without_a_time_in_defaults_leaves_every_post_of_the_scope_out(tmp_path: Path, written: str,
                                                                               dropped: bool) -> None:
    """Psych reads `2020-01-01` and, unlike YAML 1.1, the unquoted `2020-1-1` as a Date, which
    Jekyll cannot take from a default: it leaves out every post of the scope, one with its own
    `date:` too (an audit: blogcheck took `2020-1-1` for a string, said where the post was
    published and exited 0, and said nothing of the post with its own date)."""
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_layouts").mkdir()
    (tmp_path / "_layouts" / "post.html").write_text("{{ content }}", encoding="utf-8")
    config = f"title: t\ndefaults:\n  - scope: {{path: \"\"}}\n    values: {{date: {written}}}\n"
    (tmp_path / "_config.yml").write_text(config, encoding="utf-8")
    plain = tmp_path / "_posts" / "2024-01-01-a.md"
    plain.write_text("---\ntitle: A\nlayout: post\n---\nx\n", encoding="utf-8")
    own = tmp_path / "_posts" / "2024-01-02-b.md"
    own.write_text("---\ntitle: B\nlayout: post\ndate: 2024-01-02 10:00:00 +0000\n---\nx\n", encoding="utf-8")
    built = subprocess.run(["jekyll", "build"], cwd=tmp_path, capture_output=True, text=True, timeout=300,
                           check=False)
    pages = sorted(p.name for p in (tmp_path / "_site").rglob("*.html"))
    assert (pages == []) is dropped, built.stdout + built.stderr
    result = run([plain, own], load_site(tmp_path), Config(offline=True, select=("BC12",)))
    errors = sorted(Path(d.path).name for d in result.diagnostics if d.code == "BC120")
    assert errors == (["2024-01-01-a.md", "2024-01-02-b.md"] if dropped else [])
