"""Which commit of the source repository a publish comes from, so that an older
checkout (a CI run re-run, a job that ran late) never puts back what a newer one
published. Each publish commit names its source commit in a trailer."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

FROM = "Published-from:"  # trailer: `Published-from: <sha> <committer time>`


@dataclass(frozen=True)
class Source:
    sha: str
    time: int  # the commit's committer time (seconds since the epoch)
    top: Path  # the repository's root


def source_commit(roots: Iterable[Path]) -> Source | None:
    """HEAD of the one git repository that holds every root; None for no repository,
    several, or no commit yet."""
    found = {_head(root) for root in set(roots)}
    return found.pop() if len(found) == 1 else None


def recorded(message: str) -> tuple[str, int] | None:
    """(sha, time) from a publish commit's message, or None."""
    for line in message.splitlines():
        if line.startswith(FROM):
            parts = line[len(FROM):].split()
            if len(parts) == 2 and parts[1].isdigit():
                return parts[0], int(parts[1])
    return None


def older(source: Source, sha: str, time: int) -> bool:
    """Whether `source` is older than the commit `sha` (committed at `time`) an earlier
    publish came from: its ancestor, or, when this clone lacks `sha` (a shallow
    checkout), committed before it."""
    if sha == source.sha:
        return False
    if _git(source.top, "cat-file", "-e", f"{sha}^{{commit}}") is not None:
        return _git(source.top, "merge-base", "--is-ancestor", source.sha, sha) is not None
    return source.time < time


def _head(root: Path) -> Source | None:
    line = _git(root, "log", "-1", "--format=%H %ct")
    top = _git(root, "rev-parse", "--show-toplevel")
    if not line or top is None:
        return None
    sha, time = line.split()
    return Source(sha, int(time), Path(top.rstrip("\n")).resolve())


def _git(where: Path, *args: str) -> str | None:
    """git's output, or None when it fails (not a repository, an unknown commit)."""
    from blogcheck.changes import ChangesError, run_git

    try:
        return run_git(where, *args).decode("utf-8", errors="replace").strip()
    except ChangesError:
        return None
