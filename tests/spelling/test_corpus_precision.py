"""Precision on real posts: the spelling check over every post of ../shared/corpus,
with the default settings and an empty project word list, against the hand labels
of tests/spelling/labelled.tsv (every finding: real typo or false alarm).

A finding without a label fails the test: label it (a line in labelled.tsv) when
the check changes. Skipped only where the corpus is absent (CI always has it)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
SEED = "ivanstudyblog__ivanstudyblog.github.io"
Key = tuple[str, str, int, str, str]  # blog, path, line, code, word


def _labels(name: str) -> list[list[str]]:
    lines = (HERE / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line and not line.startswith("#")]


def blog_findings(blog: Path) -> list[Key]:
    from blogcheck.checks import Context
    from blogcheck.checks.spelling import check
    from blogcheck.config import Config
    from blogcheck.jekyll.site import load_site
    from blogcheck.post import Post, load

    site = load_site(blog)
    files = sorted((blog / "_posts").rglob("*.*"))
    posts = [p for p in (load(f, str(f), site, 5_000_000) for f in files) if isinstance(p, Post)]
    return [(blog.name, Path(d.path).relative_to(blog).as_posix(), d.line, d.code, d.extras["word"])
            for d in check(posts, Context(site, Config(select=("spelling",)), posts))]


@pytest.fixture(scope="module")
def findings(corpus_dir: Path) -> list[Key]:
    return [key for blog in sorted(corpus_dir.iterdir()) if (blog / "_posts").is_dir()
            for key in blog_findings(blog)]


@pytest.fixture(scope="module")
def labels() -> dict[Key, str]:
    return {(b, p, int(n), c, w): label for b, p, n, c, w, label, _ in _labels("labelled.tsv")}


def _precision(keys: list[Key], labels: dict[Key, str]) -> float:
    return sum(labels[k] == "typo" for k in keys) / len(keys)


def test_every_finding_is_labelled(findings: list[Key], labels: dict[Key, str]) -> None:
    assert len(findings) >= 200
    unlabelled = [k for k in findings if k not in labels]
    assert unlabelled == [], "label these findings in tests/spelling/labelled.tsv"


def test_precision_on_the_corpus(findings: list[Key], labels: dict[Key, str]) -> None:
    assert _precision(findings, labels) >= 0.85
    assert _precision([k for k in findings if k[3] == "BC401"], labels) >= 0.95


def test_the_seed_typo_is_found(findings: list[Key]) -> None:
    assert (SEED, "_posts/2024-3-6-day-65.md", 52, "BC402", "sturd") in findings


def test_seed_blog_real_typos_against_codespell(findings: list[Key], labels: dict[Key, str]) -> None:
    """codespell 2.4.3's findings on the seed blog are labelled in codespell_seed.tsv
    (real typos wherever they are, code included, which blogcheck leaves alone)."""
    ours = [k for k in findings if k[0] == SEED]
    real = sum(labels[k] == "typo" for k in ours)
    theirs = Counter(label for _, _, _, label, _ in _labels("codespell_seed.tsv"))
    assert real >= 1.5 * theirs["typo"]
    assert _precision(ours, labels) >= 0.85
