"""The real posts of ../shared/corpus (1,512 posts of four public Jekyll blogs).

These blogs build with Jekyll, so an error-level finding on them must be a real
defect. Each blog is laid out as a site in a temporary folder: its _config.yml,
its _posts, and an empty `_layouts/NAME` for each name in its layouts.txt, so the
layout rule runs too. Skipped only where the corpus is absent (CI always has it)."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from blogcheck.config import Config
from blogcheck.jekyll.site import load_site
from blogcheck.run import run

BLOGS = ["daattali__daattali.github.io", "ivanstudyblog__ivanstudyblog.github.io", "jekyll__jekyll",
         "mmistakes__made-mistakes-jekyll"]

# Every error on the corpus, each a real defect: none (the blogs build with Jekyll).
ERRORS: set[tuple[str, str, str]] = set()

# Warnings, by code, pinned so a change in the rules shows up here.
WARNINGS = {
    # Posts whose `date:` falls on another day than their file name, in the
    # site's time zone: Jekyll publishes them under the `date:` day.
    "daattali__daattali.github.io": {"BC121": 4},
    # The theme's `sass: style: :expanded` in _config.yml: a Ruby symbol, which stops Jekyll 4's build
    # (GitHub Pages' Jekyll 3.10 takes it).
    "ivanstudyblog__ivanstudyblog.github.io": {"BC108": 1},
    # `date: 2023-01-29 18:30:22 2023 -0800` (a stray year between the time and the
    # offset): Ruby's Time.parse reads it, ignoring the offset; blogcheck cannot tell (BC125).
    "jekyll__jekyll": {"BC121": 10, "BC125": 1},
    "mmistakes__made-mistakes-jekyll": {"BC121": 1},
}


def _site(corpus: Path, blog: str, tmp_path: Path) -> Path:
    source = corpus / blog
    site = tmp_path / blog
    shutil.copytree(source / "_posts", site / "_posts")
    shutil.copy(source / "_config.yml", site / "_config.yml")
    layouts = site / "_layouts"
    layouts.mkdir()
    for line in (source / "layouts.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            (layouts / line.strip()).touch()
    return site


@pytest.mark.parametrize("blog", BLOGS)
def test_corpus_blog(corpus_dir: Path, tmp_path: Path, blog: str) -> None:
    site = _site(corpus_dir, blog, tmp_path)
    result = run([site / "_posts"], load_site(site), Config(select=("frontmatter",)))
    posts = sum(1 for p in (site / "_posts").rglob("*") if p.is_file())
    assert result.files == posts
    errors = {(blog, str(Path(d.path).relative_to(site)), d.code) for d in result.diagnostics
              if d.severity.value == "error"}
    assert errors == {e for e in ERRORS if e[0] == blog}
    warnings = Counter(d.code for d in result.diagnostics if d.severity.value == "warning")
    assert dict(warnings) == WARNINGS[blog]


def test_whole_corpus_parses_without_crash(corpus_dir: Path) -> None:
    from blogcheck.post import Post, load

    loaded = 0
    for blog in BLOGS:
        site = load_site(corpus_dir / blog)
        for path in sorted((corpus_dir / blog / "_posts").rglob("*.*")):
            post = load(path, str(path), site, 5_000_000)
            assert isinstance(post, Post), (path, post)
            loaded += 1
    assert loaded == 1512


@pytest.mark.parametrize("blog", ["daattali__daattali.github.io", "jekyll__jekyll"])
def test_crlf_and_a_bom_change_no_finding(corpus_dir: Path, tmp_path: Path, blog: str) -> None:
    """Every check, offline, gives the same findings at the same places when each
    post is saved with CRLF line endings and a UTF-8 BOM (as Windows editors do)."""
    config = Config(offline=True)

    def findings(site: Path) -> list[tuple[str, int, int, str, str]]:
        result = run([site / "_posts"], load_site(site), config)
        return [(Path(d.path).relative_to(site).as_posix(), d.line, d.column, d.code, d.message)
                for d in result.diagnostics]

    plain = findings(_site(corpus_dir, blog, tmp_path / "lf"))
    windows = _site(corpus_dir, blog, tmp_path / "crlf")
    for path in (windows / "_posts").rglob("*.*"):
        data = path.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
        path.write_bytes(b"\xef\xbb\xbf" + data)
    assert len(plain) > 50 and findings(windows) == plain
