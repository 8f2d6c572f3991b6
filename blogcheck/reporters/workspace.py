"""Paths as GitHub needs them in annotations and code scanning: relative to
$GITHUB_WORKSPACE (the repository root) when the file is inside it, wherever
blogcheck runs from (`cd /tmp/x && blogcheck check ws/blog/_posts/p.md` names
`blog/_posts/p.md` when the workspace is /tmp/x/ws)."""

from __future__ import annotations

import functools
import os
from pathlib import Path


def from_workspace(path: str) -> str:
    """`path` (relative to the working folder, or absolute) relative to the workspace
    when the file is in it, else as it is."""
    workspace = os.environ.get("GITHUB_WORKSPACE")
    if not workspace:
        return path
    try:
        root, here = _folders(workspace, os.getcwd())
    except OSError:  # the working folder was removed
        return path
    full = Path(os.path.normpath(here / path))
    for inside in (full, _real_folder(full)):
        if inside.is_relative_to(root):
            return inside.relative_to(root).as_posix()
    return path


@functools.lru_cache(maxsize=4)
def _folders(workspace: str, cwd: str) -> tuple[Path, Path]:
    """The workspace and the working folder, resolved once a report, not once a finding."""
    return Path(workspace).resolve(), Path(cwd).resolve()


def _real_folder(full: Path) -> Path:
    """`full` in its folder's real place (a workspace reached through a symbolic link);
    the file itself is not followed, as a post that is a link is annotated where it is."""
    try:
        return full.parent.resolve() / full.name
    except OSError:
        return full
