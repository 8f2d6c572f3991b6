"""Fixtures for the integration tests: a pinned git identity and HOME, small
Jekyll sites in real git repositories, and a snapshot of this repository that
pre-commit and the action install from (a commit of the working tree, so what
is tested is what is on disk)."""

from __future__ import annotations

import http.server
import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from integration_support import IDENTITY, REPO, LinkServer, git


@pytest.fixture(autouse=True)
def _pinned_git(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """The same git identity and an empty HOME for every git call, in-process or not."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(home / ".gitconfig"))
    for name, value in IDENTITY.items():
        monkeypatch.setenv(name, value)


@pytest.fixture(scope="session")
def snapshot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """This repository's files as on disk (tracked and untracked, not ignored),
    committed in a repository of their own."""
    target = tmp_path_factory.mktemp("blogcheck-snapshot")
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=REPO,
                            capture_output=True, check=True, timeout=60).stdout.decode().split("\0")
    for rel in filter(None, listed):
        source, copy = REPO / rel, target / rel
        if not source.exists() and not source.is_symlink():
            continue  # deleted in the working tree
        copy.parent.mkdir(parents=True, exist_ok=True)
        if source.is_symlink():
            copy.symlink_to(os.readlink(source))
        else:
            shutil.copy2(source, copy)
    env = {**os.environ, **IDENTITY, "HOME": str(target)}
    git("init", "-q", "-b", "main", cwd=target, env=env)
    git("add", "-A", cwd=target, env=env)
    git("commit", "-q", "-m", "snapshot", cwd=target, env=env)
    yield target


@pytest.fixture
def link_server() -> Iterator[str]:
    """A threaded HTTP server on 127.0.0.1 (see LinkServer); its base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), LinkServer)
    LinkServer.hits = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
