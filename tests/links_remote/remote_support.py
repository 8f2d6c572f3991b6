"""Helpers for the remote-link tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from blogcheck.links.model import Target, Verdict
from blogcheck.links.remote import check_targets
from blogcheck.links.settings import LinkSettings


def quick(**overrides: Any) -> LinkSettings:
    """Settings for tests: no user cache, short timeouts."""
    values: dict[str, Any] = {"no_cache": True, "timeout": 3.0}
    return LinkSettings(**{**values, **overrides})


def verdicts(urls: list[str], image: bool = False, **overrides: Any) -> dict[str, Verdict]:
    """url -> Verdict for plain targets."""
    found = check_targets([Target(u, image) for u in urls], quick(**overrides))
    return {t.url: v for t, v in found.items()}


def one_post_site(tmp_path: Path, body: str, name: str = "2024-01-01-a.md", newline: str | None = None) -> Path:
    """tmp_path/site: a `_config.yml` and one post, `body` after `title: A` front matter."""
    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    (site / "_config.yml").write_text("title: t\n")
    (site / "_posts" / name).write_text(f"---\ntitle: A\n---\n{body}", newline=newline)
    return site
