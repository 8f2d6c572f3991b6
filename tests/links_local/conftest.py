"""Helpers for the links tests: a small Jekyll site in tmp_path and its posts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from blogcheck.jekyll.site import load_site
from blogcheck.post import Post, load

MakePost = Callable[..., Post]


@pytest.fixture
def make_post(tmp_path: Path) -> MakePost:
    """`make_post(body, front="title: t", name=..., config=...)`: write a post into
    a site in tmp_path (with `_config.yml`) and load it as the CLI would."""

    def make(body: str, front: str = "title: t", name: str = "2024-01-02-post.md", config: str = "title: s\n",
             files: tuple[str, ...] = ()) -> Post:
        (tmp_path / "_config.yml").write_text(config, encoding="utf-8")
        for rel in files:
            (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / rel).write_bytes(b"x")
        path = tmp_path / "_posts" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"---\n{front}\n---\n{body}", encoding="utf-8")
        post = load(path, path.name, load_site(tmp_path), 1_000_000)
        assert isinstance(post, Post)
        return post

    return make
