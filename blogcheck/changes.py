"""What changed since a git ref, for `check --changed-since REF --new-links-only`.

"Since REF" is since the merge base of REF and HEAD, as a pull request's diff
is, and counts uncommitted and untracked files too. A link is new when the
text written for it does not appear among the links of the file at the base."""

from __future__ import annotations

import dataclasses
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from blogcheck.diagnostic import Diagnostic, Severity
from blogcheck.jekyll.site import Site
from blogcheck.post import Post

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


def narrow(groups: list[Group], exclude: tuple[str, ...], ref: str | None,
           new_links: bool) -> tuple[list[Group], Changes | None]:
    """With a ref, the same groups holding only the posts changed since it."""
    from blogcheck.discover import discover

    if new_links and not ref:
        raise ChangesError("--new-links-only needs --changed-since REF")
    if not ref:
        return groups, None
    changes = changed_since(ref, groups[0][0].root)
    return [(site, [p for p in discover(paths, site.root, exclude) if p in changes.files])
            for site, paths in groups], changes


def changed_since(ref: str, where: Path) -> Changes:
    """Files added, changed or renamed since the merge base of `ref` and HEAD."""
    if not ref or ref.startswith("-"):
        raise ChangesError(f"--changed-since: `{ref}` is not a git ref")
    top = Path(_git(where, "rev-parse", "--show-toplevel").decode().strip()).resolve()
    _git(top, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}", what=f"unknown git ref `{ref}`")
    base = _git(top, "merge-base", ref, "HEAD",
                what=f"no common history between `{ref}` and HEAD (a shallow clone? fetch with depth 0)")
    base_sha = base.decode().strip()
    fields = _git(top, "diff", "--name-status", "-z", "-M", "--no-ext-diff", base_sha).decode().split("\0")
    files: dict[Path, str | None] = {}
    index = 0
    while index < len(fields) - 1:
        status = fields[index]
        if status.startswith(("R", "C")):
            old, new, index = fields[index + 1], fields[index + 2], index + 3
        else:
            old, new, index = fields[index + 1], fields[index + 1], index + 2
        if not status.startswith("D"):
            files[(top / new).resolve()] = None if status.startswith(("A", "C")) else old
    untracked = _git(top, "ls-files", "-z", "--others", "--exclude-standard").decode().split("\0")
    files.update({(top / name).resolve(): None for name in untracked if name})
    return Changes(ref, top, base_sha, files)


def _git(where: Path, *args: str, what: str = "") -> bytes:
    try:
        done = subprocess.run(["git", "-C", str(where), *args], capture_output=True, timeout=_GIT_TIMEOUT)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ChangesError(f"cannot run git: {exc}") from None
    if done.returncode != 0:
        said = done.stderr.decode(errors="replace").strip().splitlines()
        raise ChangesError(what or (said[-1] if said else f"git {args[0]} failed"))
    return done.stdout


Loader = Callable[[Path, str], "Post | None"]  # (path, text) -> the post, or None when it is no post


@dataclass(frozen=True)
class _Versions:
    now: dict[tuple[int, int], str]  # (line, column) -> the link as written in the file now
    before: set[str]  # the links as written at the base
    old_text: str  # the file at the base


def new_links_only(diagnostics: list[Diagnostic], changes: Changes, sites: list[Site],
                   max_size: int) -> list[Diagnostic]:
    """Link errors (BC2xx, BC3xx) on links already written at the base become warnings."""
    load = post_loader(sites, max_size)
    versions: dict[str, _Versions] = {}
    kept = []
    for diag in diagnostics:
        if diag.check == "links" and diag.severity is Severity.ERROR:
            if diag.path not in versions:
                versions[diag.path] = _versions(Path(diag.path).resolve(), changes, load)
            if not _is_new(diag, versions[diag.path]):
                hint = f"it was there before {changes.ref}; --new-links-only reports it as a warning"
                diag = dataclasses.replace(diag, severity=Severity.WARNING,
                                           hint=f"{diag.hint} ({hint})" if diag.hint else hint)
        kept.append(diag)
    return kept


def _is_new(diag: Diagnostic, versions: _Versions) -> bool:
    written = versions.now.get((diag.line, diag.column))
    if written is None:  # no link starts there: look for its URL in the old file
        url = str(diag.extras.get("url", ""))
        return not url or url not in versions.old_text
    return written not in versions.before


def _versions(path: Path, changes: Changes, load: Loader) -> _Versions:
    try:
        current = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        current = ""
    post = load(path, current)
    now = {(line, column): raw for raw, line, column in written_links(post)} if post else {}
    old_text = changes.old_text(path) or ""
    old_post = load(path, old_text) if old_text else None
    if old_post is not None:
        before = {raw for raw, _, _ in written_links(old_post)}
    else:  # the base version is no post (say, broken front matter): links written anywhere in it
        before = {raw for raw in now.values() if raw in old_text}
    return _Versions(now, before, old_text)


def written_links(post: Post) -> list[tuple[str, int, int]]:
    """(text as written, line, column) of every link the links check reads."""
    from blogcheck.links import extract
    from blogcheck.links.front import front_links

    def as_written(raw: str) -> str:
        return raw

    parsed = extract.parse(post)
    found = [(ref.raw, ref.line, ref.column) for ref in extract.tag_refs(parsed)]
    links = [*front_links(post, as_written), *extract.links(parsed, as_written)]
    return found + [(link.raw, link.line, link.column) for link in links]


def post_loader(sites: list[Site], max_size: int) -> Loader:
    """Reads a text as the post at `path` in its site. The text goes through a
    temporary file so that it is read exactly as `blogcheck check` reads posts."""
    from blogcheck.post import load

    def loader(path: Path, text: str) -> Post | None:
        with tempfile.TemporaryDirectory(prefix="blogcheck-") as folder:
            copy = Path(folder) / path.name
            copy.write_bytes(text.encode("utf-8"))  # bytes: CRLF stays CRLF
            post = load(copy, str(path), _site_of(path, sites), max_size)
        return post if isinstance(post, Post) else None

    return loader


def _site_of(path: Path, sites: list[Site]) -> Site:
    """The innermost of `sites` that holds `path`."""
    holding = [s for s in sites if path.is_relative_to(s.root.resolve())]
    return max(holding, key=lambda s: len(s.root.resolve().parts)) if holding else sites[0]
