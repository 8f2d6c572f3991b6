"""Shared fixtures: where the real-post corpus is, and a pinned git identity."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def find_corpus() -> Path | None:
    """The shared corpus of real posts: `$BLOGCHECK_CORPUS`, else `../shared/corpus`
    beside the repository (where CI puts it). A user's clone has none."""
    env = os.environ.get("BLOGCHECK_CORPUS")
    for candidate in ([Path(env)] if env else []) + [REPO.parent / "shared" / "corpus"]:
        if candidate.is_dir():
            return candidate
    return None


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    found = find_corpus()
    if found is None:
        pytest.skip("the real-post corpus (../shared/corpus) is not here; CI always has it")
    return found


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files from current output")


@pytest.fixture(autouse=True)
def _plain_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests see neither the CI's GitHub variables nor a colour preference."""
    for name in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "NO_COLOR", "BLOGCHECK_TOKEN", "GITHUB_TOKEN", "GH_TOKEN"):
        monkeypatch.delenv(name, raising=False)
