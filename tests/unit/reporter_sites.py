"""A small site for the reporter tests: a layout, a config and the given posts, with
the working folder moved into it. (A module with its own name: test folders have no
__init__.py.)"""

from __future__ import annotations

from pathlib import Path

import pytest


def make_site(root: Path, posts: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    (root / "_layouts").mkdir(parents=True)
    (root / "_layouts" / "post.html").write_text("{{ content }}\n")
    (root / "_config.yml").write_text("title: t\n")
    (root / "_posts").mkdir()
    for name, text in posts.items():
        (root / "_posts" / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(root)
