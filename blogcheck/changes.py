"""What changed since a git ref, for `check --changed-since REF`.

"Since REF" is since the merge base of REF and HEAD, as a pull request's diff
is, and counts uncommitted and untracked files too."""

from __future__ import annotations

import dataclasses
import functools
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from blogcheck.jekyll.encoding import UTF8, Encoding
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
    gone: tuple[str, ...] = ()  # repo paths at `base` of the files deleted or renamed since
    naming: frozenset[Path] = frozenset()  # unchanged posts checked only for links to `gone` files

    @functools.cached_property
    def _gone(self) -> re.Pattern[str] | None:
        from blogcheck.gone import pattern

        return pattern(self.gone)

    def names_gone(self, text: str) -> bool:
        """Whether `text` names a file deleted or renamed since `base`."""
        return self._gone is not None and self._gone.search(text) is not None

    def old_text(self, path: Path, encoding: Encoding = UTF8) -> str | None:
        """The file as it was at `base`, or None (new, binary or not in `encoding`, the
        site's `encoding:`)."""
        old = self.files.get(path)
        if old is None:
            return None
        try:
            return run_git(self.top, "cat-file", "blob", f"{self.base}:{old}").decode(encoding.codec)
        except (ChangesError, UnicodeDecodeError):
            return None


Group = tuple[Site, list[Path]]  # a site and the paths to check in it


def narrow(groups: list[Group], exclude: Callable[[Site], tuple[str, ...]], ref: str | None,
           new_links: bool, naming: bool = True) -> tuple[list[Group], Changes | None]:
    """With a ref, the same groups holding only the posts changed since it (`exclude`:
    each site's own `exclude` globs), and, with `naming`, the posts whose text names a
    file deleted or renamed since (Changes.naming)."""
    from blogcheck.discover import discover

    if new_links and not ref:
        raise ChangesError("--new-links-only needs --changed-since REF")
    if not ref:
        return groups, None
    changes = changed_since(ref, groups[0][0].root)
    for site, _ in groups[1:]:
        _same_repository(changes, site.root)
    narrowed: list[Group] = []
    also: set[Path] = set()
    for site, paths in groups:
        # A post that is a symbolic link is walked to under its own name, and git names its target.
        every = discover(paths, site.root, exclude(site))
        kept = [p for p in every if _absolute(p) in changes.files]
        if naming and changes.gone:
            named = _naming(every, set(changes.files), changes, site.encoding)
            also.update(named)
            kept = sorted([*kept, *named])
        narrowed.append((site, kept))
    return narrowed, dataclasses.replace(changes, naming=frozenset(also)) if also else changes


def staged(groups: list[Group], exclude: Callable[[Site], tuple[str, ...]]) -> tuple[list[Group], Changes | None]:
    """Under pre-commit, which passes the files a commit adds or changes and not those it
    deletes: the groups with the posts of each site that name a file the commit deletes
    or renames (a re-dated post breaks every `{% post_url %}` of it) added, in
    Changes.naming. No change when there is none, or no git."""
    from blogcheck.discover import discover

    root = groups[0][0].root
    try:  # one git run (a hook's start-up counts): no commit yet, or no repository, is no deletion
        fields = _names(run_git(root, "diff", "--cached", "--name-status", "-z", "-M", "-l0", "--no-ext-diff", "HEAD"))
    except ChangesError:
        return groups, None
    gone = tuple(old for status, old, new in _entries(fields) if status.startswith("D")
                 or (status.startswith("R") and old != new))
    if not gone:
        return groups, None
    changes = Changes("HEAD", root, "HEAD", {}, gone)  # names only: no file is read at the base
    narrowed: list[Group] = []
    also: set[Path] = set()
    for site, paths in [*groups, *_sites_of(gone, root, {site.root for site, _ in groups})]:
        given = {_absolute(p) for p in discover(paths, site.root, exclude(site))}
        named = _naming(discover([site.root], site.root, exclude(site)), given, changes, site.encoding)
        also.update(named)
        narrowed.append((site, [*paths, *named]))
    return narrowed, dataclasses.replace(changes, naming=frozenset(also)) if also else None


def _sites_of(gone: tuple[str, ...], root: Path, known: set[Path]) -> list[Group]:
    """The sites of the repository holding a deleted file that are not among `known`
    (a commit that deletes a post of one site and edits a post of another passes the
    hook the edited one only), each with no path of its own."""
    from blogcheck.jekyll.site import find_root, load_site

    try:
        top = Path(os.fsdecode(run_git(root, "rev-parse", "--show-toplevel").strip()))
    except ChangesError:
        return []
    found: list[Group] = []
    for old in gone:
        site_root = find_root(top / old)
        if site_root is not None and site_root not in known:
            known.add(site_root)
            found.append((load_site(site_root), []))
    return found


def _within(folder: Path) -> list[Path]:
    """Every file below `folder`, as new files (no `.git`)."""
    found: list[Path] = []
    for here, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if d != ".git"]
        found.extend(_absolute(Path(here, name)) for name in names)
    return found


def _naming(posts: list[Path], skip: set[Path], changes: Changes, encoding: Encoding) -> list[Path]:
    """The `posts` not in `skip` whose text (in the site's `encoding:`) names a file deleted
    or renamed since the base."""
    return [p for p in posts if _absolute(p) not in skip and changes.names_gone(_text(p, encoding))]


def _text(path: Path, encoding: Encoding, most: int = 10_000_000) -> str:
    """A post's text for a search; "" when it cannot be read (a named pipe is not opened)."""
    from blogcheck.jekyll.encoding import read_text

    try:
        return read_text(path, most, encoding)
    except OSError:
        return ""


def _same_repository(changes: Changes, root: Path) -> None:
    """Sites of other repositories (or of none) would be left out without a word."""
    try:
        top = Path(os.fsdecode(_line(run_git(root, "rev-parse", "--show-toplevel")))).resolve()
    except ChangesError as exc:
        raise ChangesError(f"--changed-since: {root}: {exc}") from None
    if top != changes.top:
        raise ChangesError(f"--changed-since: {root} is in another git repository ({top}) than {changes.top}; "
                           "run blogcheck once in each")


def changed_since(ref: str, where: Path) -> Changes:
    """Files added, changed or renamed since the merge base of `ref` and HEAD."""
    if not ref or ref.startswith("-"):
        raise ChangesError(f"--changed-since: `{ref}` is not a git ref")
    top = Path(os.fsdecode(_line(run_git(where, "rev-parse", "--show-toplevel")))).resolve()
    try:
        run_git(top, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}", what=f"unknown git ref `{ref}`")
    except ChangesError as exc:
        raise ChangesError(f"{exc}{_shallow_hint(top)}") from None
    try:
        run_git(top, "rev-parse", "--verify", "--quiet", "HEAD^{commit}", what="HEAD has no commit yet")
        base = run_git(top, "merge-base", ref, "HEAD", what=f"no common history between `{ref}` and HEAD")
    except ChangesError as exc:
        raise ChangesError(f"{exc}{_shallow_hint(top)}") from None
    base_sha = base.decode().strip()
    untracked = [name for name in _names(run_git(top, "ls-files", "-z", "--others", "--exclude-standard")) if name]
    entries = _entries(_diff(top, base_sha))
    if untracked and any(status.startswith("D") for status, _, _ in entries):
        entries = _entries(_diff(top, base_sha, untracked))  # a post moved without `git add` is a rename
    files: dict[Path, str | None] = {_absolute(top / name): None for name in untracked}
    gone = []
    for status, old, new in entries:
        if not status.startswith("D") and (top / new).is_dir():  # a submodule (`_posts/` of its own repository)
            files.update(dict.fromkeys(_within(top / new)))  # whose own diff git does not list: all of it
        elif not status.startswith("D"):
            files[_absolute(top / new)] = None if status.startswith(("A", "C")) else old
        if status.startswith("D") or (status.startswith("R") and old != new):
            gone.append(old)
    return Changes(ref, top, base_sha, files, tuple(gone))


def _line(output: bytes) -> bytes:
    """git's one line of output without its line end (a folder name may end in a space)."""
    return output[:-1] if output.endswith(b"\n") else output


def _shallow_hint(top: Path) -> str:
    """A shallow clone (actions/checkout's default) knows few refs: say so."""
    try:
        shallow = run_git(top, "rev-parse", "--is-shallow-repository").strip() == b"true"
    except ChangesError:
        return ""
    return (" in this shallow clone (fetch it, or the whole history: `git fetch --unshallow`, "
            "or `fetch-depth: 0` in actions/checkout)") if shallow else ""


def _entries(fields: list[str]) -> list[tuple[str, str, str]]:
    """(status, old name, new name) of each file of `git diff --name-status -z`."""
    entries = []
    index = 0
    while index < len(fields) - 1:
        status = fields[index]
        if status.startswith(("R", "C")):
            entries.append((status, fields[index + 1], fields[index + 2]))
            index += 3
        else:
            entries.append((status, fields[index + 1], fields[index + 1]))
            index += 2
    return entries


def _names(output: bytes) -> list[str]:
    """git's NUL-separated names as the file system's (a name need not be UTF-8)."""
    return [os.fsdecode(name) for name in output.split(b"\0")]


def _diff(top: Path, base: str, untracked: list[str] | None = None) -> list[str]:
    """`git diff --name-status -z` of the working tree against `base`, renames found
    however many files moved (-l0: no diff.renameLimit). `untracked` files count as
    added (intent-to-add, in a copy of the index: the real one is left alone), so that
    a file moved without `git add` is a rename too; when git cannot add them, they stay
    new files."""
    args = ("diff", "--name-status", "-z", "-M", "-l0", "--no-ext-diff", base)
    if untracked:
        index = Path(top, os.fsdecode(_line(run_git(top, "rev-parse", "--git-path", "index"))))
        with tempfile.TemporaryDirectory(prefix="blogcheck-") as folder:
            copy, listed = Path(folder, "index"), Path(folder, "untracked")
            if index.is_file():
                copy.write_bytes(index.read_bytes())
            listed.write_bytes(b"\0".join(os.fsencode(name) for name in untracked))
            env = {"GIT_INDEX_FILE": str(copy), "GIT_LITERAL_PATHSPECS": "1"}
            try:
                run_git(top, "add", "--intent-to-add", f"--pathspec-from-file={listed}", "--pathspec-file-nul",
                     env=env)
                return _names(run_git(top, *args, env=env))
            except ChangesError:
                pass
    return _names(run_git(top, *args))


def _absolute(path: Path) -> Path:
    """The path with symbolic links followed, as `discover` gives it; a link that
    loops stays as it is (the check reports it, BC100)."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):  # a loop: RuntimeError before Python 3.13, OSError after
        return path


def run_git(where: Path, *args: str, what: str = "", env: dict[str, str] | None = None) -> bytes:
    """git's output; ChangesError when git cannot run or fails (`what`: the message then)."""
    import subprocess  # only with --changed-since: not at every run's start-up

    try:
        done = subprocess.run(["git", "-C", str(where), *args], capture_output=True, timeout=_GIT_TIMEOUT,
                              env={**os.environ, **env} if env else None)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ChangesError(f"cannot run git: {exc}") from None
    if done.returncode != 0:
        said = done.stderr.decode(errors="replace").strip().splitlines()
        raise ChangesError(what or (said[-1] if said else f"git {args[0]} failed"))
    return done.stdout
