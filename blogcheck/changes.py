"""What changed since a git ref, for `check --changed-since REF`.

"Since REF" is since the merge base of REF and HEAD, as a pull request's diff
is, and counts uncommitted and untracked files too."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from blogcheck.jekyll.site import Site

_GIT_TIMEOUT = 60


class ChangesError(Exception):
    """Not a git repository, or an unknown ref: a usage error."""


@dataclass(frozen=True)
class Changes:
    ref: str
    top: Path  # the repository's root
    base: str  # the merge-base commit
    files: dict[Path, str | None]  # absolute path now -> its repo path at `base` (None: new file)

    def old_text(self, path: Path) -> str | None:
        """The file as it was at `base`, or None (new, binary or not UTF-8)."""
        old = self.files.get(path)
        if old is None:
            return None
        try:
            return _git(self.top, "cat-file", "blob", f"{self.base}:{old}").decode("utf-8-sig")
        except (ChangesError, UnicodeDecodeError):
            return None


Group = tuple[Site, list[Path]]  # a site and the paths to check in it


def narrow(groups: list[Group], exclude: Callable[[Site], tuple[str, ...]], ref: str | None,
           new_links: bool) -> tuple[list[Group], Changes | None]:
    """With a ref, the same groups holding only the posts changed since it (`exclude`:
    each site's own `exclude` globs)."""
    from blogcheck.discover import discover

    if new_links and not ref:
        raise ChangesError("--new-links-only needs --changed-since REF")
    if not ref:
        return groups, None
    changes = changed_since(ref, groups[0][0].root)
    return [(site, [p for p in discover(paths, site.root, exclude(site)) if p in changes.files])
            for site, paths in groups], changes


def changed_since(ref: str, where: Path) -> Changes:
    """Files added, changed or renamed since the merge base of `ref` and HEAD."""
    if not ref or ref.startswith("-"):
        raise ChangesError(f"--changed-since: `{ref}` is not a git ref")
    top = Path(os.fsdecode(_git(where, "rev-parse", "--show-toplevel").strip())).resolve()
    _git(top, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}", what=f"unknown git ref `{ref}`")
    base = _git(top, "merge-base", ref, "HEAD",
                what=f"no common history between `{ref}` and HEAD (a shallow clone? `git fetch --unshallow`, "
                "or `fetch-depth: 0` in actions/checkout)")
    base_sha = base.decode().strip()
    # -l0: renames found however many files moved (no diff.renameLimit, 1000 by default)
    fields = _names(_git(top, "diff", "--name-status", "-z", "-M", "-l0", "--no-ext-diff", base_sha))
    files: dict[Path, str | None] = {}
    index = 0
    while index < len(fields) - 1:
        status = fields[index]
        if status.startswith(("R", "C")):
            old, new, index = fields[index + 1], fields[index + 2], index + 3
        else:
            old, new, index = fields[index + 1], fields[index + 1], index + 2
        if not status.startswith("D"):
            files[_absolute(top / new)] = None if status.startswith(("A", "C")) else old
    untracked = _names(_git(top, "ls-files", "-z", "--others", "--exclude-standard"))
    files.update({_absolute(top / name): None for name in untracked if name})
    return Changes(ref, top, base_sha, files)


def _names(output: bytes) -> list[str]:
    """git's NUL-separated names as the file system's (a name need not be UTF-8)."""
    return [os.fsdecode(name) for name in output.split(b"\0")]


def _absolute(path: Path) -> Path:
    """The path with symbolic links followed, as `discover` gives it; a link that
    loops stays as it is (the check reports it, BC100)."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):  # a loop: RuntimeError before Python 3.13, OSError after
        return path


def _git(where: Path, *args: str, what: str = "") -> bytes:
    import subprocess  # only with --changed-since: not at every run's start-up

    try:
        done = subprocess.run(["git", "-C", str(where), *args], capture_output=True, timeout=_GIT_TIMEOUT)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ChangesError(f"cannot run git: {exc}") from None
    if done.returncode != 0:
        said = done.stderr.decode(errors="replace").strip().splitlines()
        raise ChangesError(what or (said[-1] if said else f"git {args[0]} failed"))
    return done.stdout
