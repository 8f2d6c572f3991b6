"""Discovered fixtures: every post in good/ passes; every post in bad/ raises the
code in its name (and nothing but codes of its own kind)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from blogcheck.config import Config
from blogcheck.jekyll.site import load_site
from blogcheck.run import run

SITE = Path(__file__).resolve().parents[1] / "fixtures" / "site"
GOOD = sorted((SITE / "_posts" / "good").iterdir()) + sorted((SITE / "_drafts").iterdir())
BAD = sorted((SITE / "_posts" / "bad").iterdir())
FRONTMATTER_ONLY = Config(select=("frontmatter",))


def _codes(path: Path) -> list[str]:
    result = run([path], load_site(SITE), FRONTMATTER_ONLY)
    return [d.code for d in result.diagnostics]


@pytest.mark.parametrize("path", GOOD, ids=lambda p: p.name)
def test_good_post_has_no_findings(path: Path) -> None:
    assert _codes(path) == []


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.name)
def test_bad_post_raises_its_code(path: Path) -> None:
    match = re.search(r"BC\d{3}", path.name)
    assert match, f"bad fixture {path.name} must be named after its code"
    codes = _codes(path)
    assert match[0] in codes
    assert set(codes) == {match[0]}, f"unexpected extra findings: {codes}"


def test_every_frontmatter_code_has_a_bad_fixture() -> None:
    from blogcheck.codes import CODES

    named = {m[0] for p in BAD if (m := re.search(r"BC\d{3}", p.name))}
    wanted = {c for c, entry in CODES.items() if entry.check == "frontmatter"}
    # BC105 (file too large) and BC107 (broken _config.yml) need a whole file or
    # site of their own; tests/unit/test_loading.py covers them. BC124 (a post Jekyll
    # never reads) needs a `collections_dir`: tests/unit/test_post_folders.py.
    assert wanted - named == {"BC105", "BC107", "BC124"}
