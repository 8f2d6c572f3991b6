"""Which commit of the source repository a publish comes from, so that an older
checkout (a CI run re-run, a job that ran late) never puts back what a newer one
published. Each publish commit names its source commit in a trailer."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

FROM = "Published-from:"  # trailer: `Published-from: <sha> <committer time>`
ORIGIN = "Published-source:"  # trailer: `Published-source: <the source repository's origin, as host/path>`


@dataclass(frozen=True)
class Source:
    sha: str
    time: int  # the commit's committer time (seconds since the epoch)
    top: Path  # the repository's root
    origin: str = ""  # its `origin` remote as host/path (`github.com/me/notes`); "" when it has none
    changed: bool = False  # tracked files differ from the commit: a publish of work not committed yet


def source_commit(roots: Iterable[Path]) -> Source | None:
    """HEAD of the one git repository that holds every root; None for no repository,
    several, or no commit yet."""
    found = {_head(root) for root in set(roots)}
    return found.pop() if len(found) == 1 else None


def unreadable(roots: Iterable[Path]) -> str:
    """Why git cannot name the commit of a source folder that is in a repository (a `.git`
    above it that git refuses: a garbage HEAD, lost objects), or "": then a publish
    names no source commit, and an older checkout is no longer kept from replacing it."""
    for root in sorted(set(roots)):
        marker = next((folder / ".git" for folder in (root, *root.parents) if (folder / ".git").exists()), None)
        if marker is None:
            continue
        if _git(root, "rev-parse", "--show-toplevel") is None:
            return f"{marker}: git does not read it as a repository"
        if _git(root, "log", "-1", "--format=%H") is None and _git(root, "for-each-ref", "--count=1") != "":
            return f"{marker}: git cannot read its HEAD commit (objects missing?)"
    return ""


CHANGED = "+changes"  # after the time in FROM: published from that commit with changes not committed


def recorded(message: str) -> tuple[str, int, bool] | None:
    """(sha, time, with changes not committed) from a publish commit's message, or None."""
    for line in message.splitlines():
        if line.startswith(FROM):
            parts = line[len(FROM):].split()
            if len(parts) in (2, 3) and parts[1].isdigit() and parts[2:] in ([], [CHANGED]):
                return parts[0], int(parts[1]), len(parts) == 3
    return None


def recorded_origin(message: str) -> str:
    """The source repository a publish commit names (its ORIGIN trailer), or ""."""
    found = [line[len(ORIGIN):].strip() for line in message.splitlines() if line.startswith(ORIGIN)]
    return found[-1] if found else ""


def same_repository(url: str) -> str:
    """A remote URL as host/path, so that every way to write one repository is one name:
    `git@github.com:me/notes.git`, `https://user@github.com/me/notes`, `ssh://git@github.com/me/notes`."""
    text = url.strip()
    scp = re.match(r"^(?:[^@/\s]+@)?([^:/\s]+):(?!//)(.+)$", text)  # git@host:path
    if scp and "://" not in text:
        host, path = scp[1], scp[2]
    else:
        parts = urlsplit(text)
        if parts.scheme == "file" or not parts.scheme or not parts.hostname:  # a local path
            return (parts.path if parts.scheme == "file" else text).rstrip("/").removesuffix(".git")
        host, path = parts.hostname, parts.path
    return f"{host.lower()}/{path.strip('/').removesuffix('.git')}"


# Hosts whose owner and repository names are the same in any letter case (`JaneDoe/Notes` as
# actions/checkout writes it, `janedoe/notes` in a clone by hand)
_FOLDED_HOSTS = frozenset({"github.com", "gitlab.com", "bitbucket.org", "codeberg.org"})


def same_origin(one: str, other: str) -> bool:
    """Two `same_repository` names of one repository: equal, or on a host that ignores the
    letter case of its paths, equal in any case."""
    if one == other:
        return True
    host = one.split("/", 1)[0]
    return host in _FOLDED_HOSTS and host == other.split("/", 1)[0] and one.lower() == other.lower()


def older(source: Source, sha: str, time: int, changed: bool = False) -> bool:
    """Whether `source` is older than the commit `sha` (committed at `time`) an earlier
    publish came from: its ancestor, or, when this clone lacks `sha` or the history
    between (a shallow checkout), committed before it. The same commit is older than itself with changes
    not committed (`changed`: a fix published by hand, then CI's run of that commit)."""
    if sha == source.sha:
        return changed and not source.changed
    if _git(source.top, "cat-file", "-e", f"{sha}^{{commit}}") is not None:
        if _git(source.top, "merge-base", "--is-ancestor", source.sha, sha) is not None:
            return True
        # a shallow clone may hold `sha` without the history between: no ancestry to read, so the times
        # decide, as when it lacks `sha` (a CI job of an old commit that fetched main at depth 1 too)
        return _git(source.top, "rev-parse", "--is-shallow-repository") == "true" and source.time < time
    return source.time < time


def _head(root: Path) -> Source | None:
    line = _git(root, "log", "-1", "--format=%H %ct")
    top = _git(root, "rev-parse", "--show-toplevel")
    if not line or top is None:
        return None
    sha, time = line.split()
    origin = _git(root, "remote", "get-url", "origin")
    changed = bool(_git(root, "status", "--porcelain", "--untracked-files=no"))
    return Source(sha, int(time), Path(top.rstrip("\n")).resolve(), same_repository(origin) if origin else "",
                  changed)


def _git(where: Path, *args: str) -> str | None:
    """git's output, or None when it fails (not a repository, an unknown commit)."""
    from blogcheck.changes import ChangesError, run_git

    try:
        return run_git(where, *args).decode("utf-8", errors="replace").strip()
    except ChangesError:
        return None
