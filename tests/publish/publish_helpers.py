"""Helpers for the publish tests: a bare git remote holding a small Jekyll
site, a source site (a copy of examples/), and ways to read the remote.
(A module with its own name: test folders have no __init__.py, and every
folder's conftest.py is called `conftest`.)"""

from __future__ import annotations

import shutil
import subprocess
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
