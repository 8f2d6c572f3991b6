"""Publish approved posts into the Jekyll site repository, safely.

The work happens in a temporary clone. One commit per run; a push rejected
because someone else pushed first is retried on the new tip (the plan is
applied again, which is a rebase that re-checks every file), a bounded number
of times. Nothing reaches the target unless the final push succeeds."""

from __future__ import annotations

import random
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from blogcheck.config import Config
from blogcheck.publish.build import build
from blogcheck.publish.collide import collisions
from blogcheck.publish.git import Git, GitError, environment
from blogcheck.publish.plan import Entry
from blogcheck.publish.remote import Remote, TargetError, remote_for
from blogcheck.publish.scrub import Scrubber, url_passwords
from blogcheck.publish.source import source_commit, unreadable
from blogcheck.publish.stops import TARGET_LINKS, TARGET_READS, build_stops
from blogcheck.publish.target import Change, PublishError, apply, commit_message, placed, wanted_files
from blogcheck.unbuilt_codes import AT_RENDER

__all__ = ["Outcome", "PublishError", "Settings", "publish", "scrubber"]

# Push rejections that mean "the branch moved under you": retry on the new tip.
_RACES = ("[rejected]", "failed to update ref", "cannot lock ref", "incorrect old value", "failed to lock")


@dataclass(frozen=True)
class Settings:
    to: str
    branch: str = ""  # "" = the target's default branch
    message: str = ""  # commit subject; "" = "Publish N posts"
    dry_run: bool = False
    build: bool = False
    build_command: str = "jekyll build"
    force: bool = False
    max_push_retries: int = 5
    # what would stop the target's build, checked in it before the commit (see stops.py):
    # the render-time codes the user's --select/--ignore keep
    stop_codes: tuple[str, ...] = tuple(sorted(AT_RENDER | TARGET_LINKS | TARGET_READS))
    checks: Config | None = None  # the settings the posts were checked with (their severity, per_file_ignores...)


@dataclass(frozen=True)
class Outcome:
    shown_target: str
    branch: str
    changes: list[Change]
    commit: str = ""  # "" when nothing was committed
    attempts: int = 1
    diff: str = ""  # the dry run's diff
    pages: list[str] = field(default_factory=list)  # with --build: the URLs of the published posts
    note: str = ""  # about the publish, not wrong: the source repository git could not read
    posts_folder: str = ""  # the target's `collections_dir`, where its posts went (the plan says `_posts/`)


def _unnamed(broken: str) -> str:
    return (f"{broken}: this publish names no source commit, so a later publish from an older checkout is not "
            "kept from replacing it; repair the repository (`git fsck`)") if broken else ""


def scrubber(target: str, environ: Mapping[str, str]) -> Scrubber:
    """Masks the token variables and any password written in the target URL."""
    return Scrubber.of(dict(environ), extra=url_passwords(target))


def publish(entries: list[Entry], settings: Settings, environ: Mapping[str, str]) -> Outcome:
    """Apply the plan to the target; raise PublishError (scrubbed) on any failure."""
    scrub = scrubber(settings.to, environ)
    try:
        remote = remote_for(settings.to, environ)
        with tempfile.TemporaryDirectory(prefix="blogcheck-publish-") as work:
            git = Git(Path(work), environment(environ, Path(work), remote.username, remote.token), scrub)
            return _publish(git, Path(work), remote, entries, settings, environ)
    except (GitError, TargetError) as exc:
        raise PublishError(scrub(str(exc))) from None
    except PublishError as exc:
        raise PublishError(scrub(str(exc))) from None
    except OSError as exc:
        raise PublishError(scrub(f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": "))) from None


def _publish(git: Git, work: Path, remote: Remote, entries: list[Entry], settings: Settings,
             environ: Mapping[str, str]) -> Outcome:
    clone = work / "site"
    branch = _clone(git, remote, settings.branch, clone)
    if not settings.force:
        _a_jekyll_site(clone, remote, branch)
    git = git.with_cwd(clone)
    wanted = wanted_files(entries)
    roots = {entry.rel: entry.root for entry in entries if entry.rel and entry.root is not None}
    source = source_commit(roots.values())
    broken = unreadable(roots.values()) if source is None else ""
    pages: list[str] = []
    for attempt in range(1, settings.max_push_retries + 2):
        files, folder = placed(wanted, clone)  # below the target's `collections_dir`, read again after a refresh
        posts = sorted(rel for rel, (_, _, is_post) in files.items() if is_post)
        changes = apply(git, clone, files, settings.force, roots, source)
        clashes = collisions(clone, posts) if changes else []
        if clashes:
            raise PublishError("files of the target would replace each other's pages; nothing was changed:\n"
                               + "\n".join(clashes))
        stops = build_stops(clone, posts, settings.stop_codes, settings.checks) if changes else []
        if stops:
            raise PublishError("in the target, these would stop the Jekyll build or break on the page; nothing was "
                               "changed:\n" + "\n".join(stops) + "\nfix them in the post or in the target (a "
                               "code the target's build does not mind can be left out with --ignore)")
        if changes:
            git.run("add", "--", *(c.path for c in changes))
        if not changes or git.run("diff", "--cached", "--quiet", check=False).code == 0:
            return Outcome(remote.shown, branch, [], attempts=attempt)
        if settings.build:
            pages = build(clone, work / "_site", settings.build_command, environ, git.scrub, posts)
        if settings.dry_run:
            diff = git.run("-c", "core.quotepath=off", "diff", "--cached", "--stat", "--no-color").stdout + "\n"
            diff += git.run("-c", "core.quotepath=off", "diff", "--cached", "--no-color").stdout
            return Outcome(remote.shown, branch, changes, diff=diff, pages=pages, note=_unnamed(broken),
                           posts_folder=folder)
        git.run(*_identity(git), "commit", "-q", "--no-verify", "-m", commit_message(changes, settings.message, source))
        pushed = git.run("push", "--porcelain", "origin", f"HEAD:refs/heads/{branch}", check=False)
        if pushed.code == 0:
            return Outcome(remote.shown, branch, changes, git.out("rev-parse", "HEAD"), attempt, pages=pages,
                           note=_unnamed(broken), posts_folder=folder)
        if not any(race in pushed.stdout + pushed.stderr for race in _RACES) or "hook declined" in pushed.stdout:
            raise PublishError(f"push to {remote.shown} failed: {_reason(pushed.stdout, pushed.stderr)}")
        if attempt <= settings.max_push_retries:
            time.sleep(min(0.1 * 2**attempt, 2.0) * random.uniform(0.5, 1.5))  # jitter spreads racing publishers
            _refresh(git, branch)
    raise PublishError(f"push to {remote.shown} still rejected after {settings.max_push_retries} retries: others "
                       "may keep pushing (run again), or the remote cannot take the update; git said:\n"
                       f"{_reason(pushed.stdout, pushed.stderr)}")


def _a_jekyll_site(clone: Path, remote: Remote, branch: str) -> None:
    """Refuse a target branch that holds files but no `_config.yml` and no `_posts/`: a
    mistyped `--to` or a wrong secret would put posts into another project. An empty
    target is fine (a site's first publish)."""
    names = [p.name for p in clone.iterdir() if p.name != ".git"]
    if names and not any((clone / name).exists() for name in ("_config.yml", "_config.yaml", "_posts")):
        shown = ", ".join(sorted(names)[:5]) + (", ..." if len(names) > 5 else "")
        raise PublishError(f"{remote.shown} ({branch}) is no Jekyll site: it has no _config.yml and no _posts/ "
                           f"({shown}); nothing was changed: check --to and --branch, or publish with --force")


def _clone(git: Git, remote: Remote, branch: str, clone: Path) -> str:
    picked = ["--branch", branch] if branch else []
    git.run("clone", "--quiet", "--no-tags", "--single-branch", *picked, "--", remote.url, str(clone))
    here = git.with_cwd(clone)
    if branch:
        return branch
    default = here.out("symbolic-ref", "--short", "HEAD")
    if here.run("rev-parse", "--verify", "--quiet", "HEAD", check=False).code == 0:
        return default
    # HEAD names no commit: the target is empty (its first publish starts HEAD's
    # branch), or HEAD names a branch it lacks, and a commit there would be an
    # unrelated root holding only the posts.
    heads = here.out("ls-remote", "--heads", "origin").splitlines()
    names = sorted(line.split("\t", 1)[-1].removeprefix("refs/heads/") for line in heads if "\t" in line)
    if names:
        shown = ", ".join(names[:10]) + (f" and {len(names) - 10} more" if len(names) > 10 else "")
        raise PublishError(f"the default branch of {remote.shown} (its HEAD) is `{default}`, which does not exist; "
                           f"its branches: {shown}. Choose one with --branch (or `branch` in [publish])")
    return default


def _refresh(git: Git, branch: str) -> None:
    """Our clone onto the branch's new tip; the plan is then applied again."""
    git.run("fetch", "--quiet", "--no-tags", "origin", f"+refs/heads/{branch}:refs/remotes/origin/{branch}")
    git.run("reset", "--quiet", "--hard", f"refs/remotes/origin/{branch}")
    git.run("clean", "-q", "-fdx")


def _identity(git: Git) -> list[str]:
    """A name and an e-mail address for git when none is configured (a fresh CI runner):
    git needs both for the author and for the committer. Configured ones, and the
    GIT_AUTHOR_*, GIT_COMMITTER_* and EMAIL variables, which git reads first, are kept."""
    found = []
    if not git.run("config", "user.name", check=False).stdout.strip():
        found += ["-c", "user.name=blogcheck"]
    if not git.run("config", "user.email", check=False).stdout.strip() and not git.env.get("EMAIL"):
        found += ["-c", "user.email=blogcheck@localhost"]
    return found


def _reason(stdout: str, stderr: str) -> str:
    rejected = [line.split("\t")[-1] for line in stdout.splitlines() if line.startswith("!")]
    remote = [line for line in stderr.splitlines() if line.startswith("remote:")]
    other = [line for line in stderr.splitlines() if line and not line.startswith(("hint:", "remote:", "To "))]
    return "\n".join([*rejected, *remote, *other][-15:]) or "(no message)"
