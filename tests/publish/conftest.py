"""A sandbox for publish tests: a bare git remote holding a small Jekyll site,
a source site (a copy of examples/), a pinned git identity and HOME, and
temporary clones kept under tmp_path."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from blogcheck.cli import main

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
IDENTITY = {"GIT_AUTHOR_NAME": "Ada", "GIT_AUTHOR_EMAIL": "ada@example.org",
            "GIT_COMMITTER_NAME": "Ada", "GIT_COMMITTER_EMAIL": "ada@example.org"}


def git(*args: str, cwd: Path | None = None) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True, timeout=60)
    return done.stdout


@dataclass
class Sandbox:
    root: Path
    remote: Path  # bare repository: the target site
    source: Path  # the site the posts are written in
    capture: pytest.CaptureFixture[str]  # capsys, or capfd to see child processes too

    def publish(self, *args: str, to: str | None = None) -> tuple[int, str, str]:
        code = main(["publish", "--to", to or str(self.remote), "--offline", *args])
        out, err = self.capture.readouterr()
        return code, out, err

    def approve(self, rel: str, line: str = "status: approved") -> Path:
        """Add `line` right after the opening `---` of a source post."""
        path = self.source / rel
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("---\n", f"---\n{line}\n", 1), encoding="utf-8")
        return path

    def unapproved(self, rel: str) -> bytes:
        return (self.source / rel).read_bytes().replace(b"status: approved\n", b"", 1)

    def show(self, path: str, branch: str = "main") -> bytes:
        return subprocess.run(["git", "--git-dir", str(self.remote), "show", f"{branch}:{path}"],
                              capture_output=True, check=True, timeout=60).stdout

    def has(self, path: str, branch: str = "main") -> bool:
        done = subprocess.run(["git", "--git-dir", str(self.remote), "cat-file", "-e", f"{branch}:{path}"],
                              capture_output=True, timeout=60)
        return done.returncode == 0

    def subjects(self, branch: str = "main") -> list[str]:
        return git("--git-dir", str(self.remote), "log", "--format=%s", branch).splitlines()

    def message(self, ref: str = "main") -> str:
        return git("--git-dir", str(self.remote), "log", "-1", "--format=%B", ref)

    def refs(self) -> str:
        return git("--git-dir", str(self.remote), "for-each-ref")

    def commit_to_remote(self, files: dict[str, bytes], subject: str, branch: str = "main") -> None:
        """A commit by someone else, pushed the ordinary way."""
        work = self.root / f"human-{len(list(self.root.glob('human-*')))}"
        git("clone", "-q", "--branch", branch, str(self.remote), str(work))
        for rel, data in files.items():
            (work / rel).parent.mkdir(parents=True, exist_ok=True)
            (work / rel).write_bytes(data)
        git("add", "-A", cwd=work)
        git("commit", "-q", "-m", subject, cwd=work)
        git("push", "-q", "origin", branch, cwd=work)

    def hook(self, name: str, script: str) -> None:
        path = self.remote / "hooks" / name
        path.write_text("#!/bin/sh\n" + script + "\n", encoding="utf-8")
        path.chmod(0o755)


def make_remote(root: Path) -> Path:
    remote = root / "site.git"
    git("init", "-q", "--bare", "-b", "main", str(remote))
    seed = root / "seed"
    git("init", "-q", "-b", "main", str(seed))
    shutil.copy(EXAMPLES / "_config.yml", seed / "_config.yml")
    shutil.copytree(EXAMPLES / "_layouts", seed / "_layouts")
    shutil.copy(EXAMPLES / "index.md", seed / "index.md")
    git("add", "-A", cwd=seed)
    git("commit", "-q", "-m", "site", cwd=seed)
    git("push", "-q", str(remote), "main", cwd=seed)
    return remote


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
