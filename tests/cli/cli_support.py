"""Helpers for the CLI tests (a module name of its own, so that it cannot be taken
for another folder's): a site with one post, and the real CLI run in-process."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from blogcheck.cli import main


def one_post_site(root: Path, post: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A Jekyll site at `root` whose only post is `post`; the working folder."""
    (root / "_config.yml").write_text("title: t\n")
    (root / "_posts").mkdir()
    (root / "_posts" / "2024-01-01-p.md").write_text(post)
    monkeypatch.chdir(root)
    return root


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """`blogcheck ARGV...`: the exit code, stdout and stderr."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def on_a_tty(argv: list[str], cwd: Path, environ: dict[str, str]) -> str:
    """What `blogcheck ARGV...` prints to a terminal (a pty), with `environ` over this
    process's environment less NO_COLOR."""
    leader, follower = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"} | environ
    subprocess.run([sys.executable, "-m", "blogcheck", *argv], stdout=follower, stderr=subprocess.DEVNULL, cwd=cwd,
                   env=env, check=False, timeout=60)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    return b"".join(chunks).decode()
