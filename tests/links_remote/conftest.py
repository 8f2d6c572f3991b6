"""Fixtures for the remote-link tests: a loopback farm, and no user cache."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # remote_server, remote_support

from remote_server import Farm


@pytest.fixture
def farm() -> Iterator[Farm]:
    with Farm() as running:
        yield running


@pytest.fixture(autouse=True)
def _no_user_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A test that forgets `no_cache` writes under tmp_path, never in ~/.cache."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
