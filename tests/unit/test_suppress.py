"""Inline suppression comments, in Markdown and in front matter."""

from __future__ import annotations

from pathlib import Path

from blogcheck.config import Config
from blogcheck.jekyll.site import load_site
from blogcheck.run import run
from blogcheck.suppress import ALL, silenced, suppressions


def test_comment_on_a_line_and_alone_before_a_line() -> None:
    table = suppressions(
        "a <!-- blogcheck: ignore BC201, BC4 -->\n<!-- blogcheck: ignore -->\nc\nkey: x  # blogcheck: ignore BC131\n"
    )
    assert table == {1: frozenset({"BC201", "BC4"}), 3: frozenset({ALL}), 4: frozenset({"BC131"})}
    assert silenced("BC402", 1, table) and not silenced("BC301", 1, table)
    assert silenced("BC999", 3, table) and not silenced("BC131", 2, table)


def test_suppression_applies_to_front_matter_findings(tmp_path: Path) -> None:
    (tmp_path / "_config.yml").write_text("title: t\n")
    posts = tmp_path / "_posts"
    posts.mkdir()
    (posts / "2024-01-01-a.md").write_text(
        "---\ntitle: a\n# blogcheck: ignore BC121\ndate: 2024-02-02\ntag: [x]\n---\n"
    )
    (posts / "2024-01-02-b.md").write_text("---\ntitle: b\ndate: 2024-02-02  # blogcheck: ignore BC110\n---\n")
    result = run([posts], load_site(tmp_path), Config())
    assert [(Path(d.path).name, d.code) for d in result.diagnostics] == [("2024-01-02-b.md", "BC121")]
