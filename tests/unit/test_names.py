"""BC111: a `tags:` or `categories:` string with commas, which Jekyll splits on spaces only."""

from __future__ import annotations

from pathlib import Path

from blogcheck.config import Config
from blogcheck.jekyll.site import load_site
from blogcheck.run import run


def test_only_plural_keys_holding_a_string_with_commas(tmp_path: Path) -> None:
    (tmp_path / "_config.yml").write_text("title: t\n", encoding="utf-8")
    (tmp_path / "_posts").mkdir()
    post = tmp_path / "_posts" / "2024-01-01-a.md"
    post.write_text("---\ntitle: a\ntags: 'deep learning,  nlp'\ncategories: [a, b]\ncategory: x, y\n"
                    "tag: one, two\n---\n", encoding="utf-8")
    other = tmp_path / "_posts" / "2024-01-02-b.md"
    other.write_text("---\ntitle: b\ntags: deep-learning nlp\ncategories: notes\n---\n", encoding="utf-8")
    [diag] = run([post, other], load_site(tmp_path), Config(select=("BC111",))).diagnostics
    assert (Path(diag.path).name, diag.line, diag.column) == ("2024-01-01-a.md", 3, 7)
    assert diag.message == "Jekyll splits `tags:` on spaces, so the commas stay: `deep`, `learning,`, `nlp`"
    assert diag.hint == "write a list: `tags: [deep learning, nlp]`"
