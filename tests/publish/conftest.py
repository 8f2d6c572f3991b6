"""Fixtures for the publish tests: a pinned git identity and HOME, temporary
clones kept under tmp_path, and the sandbox (see publish_helpers)."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from publish_helpers import EXAMPLES, IDENTITY, Sandbox, make_remote


@pytest.fixture(autouse=True)
def _pinned_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Git sees no user config and a fixed identity; temporary clones go under tmp_path."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for name in [n for n in os.environ if n.startswith("GIT_") and n != "GIT_CONFIG_NOSYSTEM"]:
        monkeypatch.delenv(name)
    for name, value in IDENTITY.items():
        monkeypatch.setenv(name, value)
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))


def _sandbox(tmp_path: Path, capture: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Sandbox:
    remote = make_remote(tmp_path)
    source = tmp_path / "src"
    shutil.copytree(EXAMPLES, source)
    monkeypatch.chdir(source)
    return Sandbox(tmp_path, remote, source, capture)


@pytest.fixture
def sandbox(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Sandbox:
    return _sandbox(tmp_path, capsys, monkeypatch)


@pytest.fixture
def fd_sandbox(tmp_path: Path, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Sandbox:
    """The same, capturing file descriptors 1 and 2: output of child processes too."""
    return _sandbox(tmp_path, capfd, monkeypatch)
