"""Write the planned files into the clone of the target site.

A file that is already there with the same bytes is left alone. One with other
bytes is replaced only when blogcheck wrote it last (its last commit carries
the `Published-by: blogcheck` trailer) or with `--force`; otherwise nothing is
written and the publish stops with the list of conflicts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from blogcheck import __version__
from blogcheck.jekyll.dates import POST_NAME
from blogcheck.jekyll.folders import collections_dir, unread_reason
from blogcheck.jekyll.site import load_site
from blogcheck.publish.git import Git
from blogcheck.publish.names import safe_rel
from blogcheck.publish.plan import Action, Entry
from blogcheck.publish.source import CHANGED, FROM, ORIGIN, Source, older, recorded, recorded_origin, same_origin

TRAILER = "Published-by: blogcheck"


class PublishError(Exception):
    """The publish cannot complete; the target is left as it was."""


@dataclass(frozen=True)
class Change:
    path: str  # in the target, POSIX
    state: str  # "new", "updated" or "replaced" (--force over a file blogcheck did not write)
    post: str  # the post it belongs to, as a path in the source site
    is_post: bool


def wanted_files(entries: list[Entry]) -> dict[str, tuple[bytes, str, bool]]:
    """Target path -> (bytes, post, is the post itself) for every published entry."""
    files: dict[str, tuple[bytes, str, bool]] = {}
    sources: dict[str, Path] = {}
    for entry in entries:
        if entry.action is not Action.PUBLISH:
            continue
        files[entry.target] = (entry.content, entry.rel or entry.source, True)
        for asset in entry.assets:
            if sources.get(asset.rel) == asset.source:
                continue  # the same file, linked again
            try:
                content = asset.source.read_bytes()
            except OSError as exc:
                raise PublishError(f"cannot read {asset.source}: {exc.strerror or exc}") from None
            if asset.rel not in files:
                files[asset.rel], sources[asset.rel] = (content, entry.rel or entry.source, False), asset.source
            elif not files[asset.rel][2] and files[asset.rel][0] != content:
                # posts of two sites link `/assets/a.png`, and the two sites' files differ:
                # whichever were copied, one post would show the other's picture
                raise PublishError(f"`{asset.rel}` would be two different files: {sources[asset.rel]} (for "
                                   f"{files[asset.rel][1]}) and {asset.source} (for {entry.rel or entry.source}); "
                                   "nothing was changed: rename one of them")
    return files


def placed(files: dict[str, tuple[bytes, str, bool]],
           clone: Path) -> tuple[dict[str, tuple[bytes, str, bool]], str]:
    """The planned files with each post (`_posts/...`) moved below the target's
    `collections_dir`, where its Jekyll reads posts, and that folder ("" for the root).
    PublishError when that Jekyll would read no post from there (a `collections_dir`
    it cannot use)."""
    config = load_site(clone).config
    folder = collections_dir(config).strip("/")
    moved = {}
    for rel, value in files.items():
        if value[2] and folder:
            rel = f"{folder}/{rel}"
        why = unread_reason(rel, config) if value[2] else ""
        if why:
            raise PublishError(f"the target's Jekyll would never read `{rel}`: {why}; nothing was changed")
        moved[rel] = value
    return moved, folder


def apply(git: Git, clone: Path, files: dict[str, tuple[bytes, str, bool]], force: bool,
          roots: dict[str, Path] | None = None, source: Source | None = None) -> list[Change]:
    """Write what differs; raise PublishError on conflicts before writing anything.
    `roots`: each post's source site folder (see _copies_elsewhere); `source`: the
    commit published from (an update from an older one is refused)."""
    changes, conflicts, stale, foreign = [], [], [], []
    for rel, (data, post, is_post) in sorted(files.items()):
        path = _inside(clone, rel)
        if path.exists() and not path.is_file():
            conflicts.append(f"{rel} (a folder in the target)")
            continue
        if path.is_file() and path.read_bytes() == data:
            continue
        state = "new"
        if path.is_file():
            last = _last_message(git, rel)  # one git log: who wrote it, and from which source
            ours = _by_us(last)
            if not ours and not force:
                conflicts.append(rel)
                continue
            state = "updated" if ours else "replaced"
            mine = source.origin if source is not None else ""
            other = recorded_origin(last) if ours and not force and mine else ""
            if other and not same_origin(other, mine):  # another writing repository's post or image
                foreign.append(f"  {rel} was published from {other}")
                continue
            newer = _newer_source(last, source) if ours and not force else ""
            if newer:
                stale.append(f"  {rel} was published from {newer}")
                continue
        changes.append(Change(rel, state, post, is_post))
    if stale and source is not None:
        listed = "\n".join(stale)
        raise PublishError(f"this checkout ({source.sha[:12]}) is older than the one the target's copies came "
                           f"from:\n{listed}\nnothing was changed: publish from the newer commit (a re-run of an old "
                           "job?), or with --force to put the older version back")
    if foreign and source is not None:
        listed = "\n".join(foreign)
        raise PublishError(f"the target's copies of these were published by blogcheck from another repository, not "
                           f"{source.origin}:\n{listed}\nnothing was changed: give the post or file another name, or "
                           "publish with --force to replace them")
    if conflicts:
        listed = "\n".join(f"  {c}" for c in conflicts)
        raise PublishError("the target already has other content, which blogcheck did not publish, at:\n"
                           f"{listed}\nnothing was changed; publish with --force to overwrite")
    copies = _copies_elsewhere(git, clone, [(c, files[c.path][0]) for c in changes if c.is_post and c.state == "new"],
                               roots or {})
    if copies:
        listed = "\n".join(f"  {post} was published as {old}; now it would be {new} too"
                           for post, old, new in copies)
        raise PublishError(f"a post would be in the target twice (its date or name changed?):\n{listed}\nnothing "
                           "was changed: remove the older copy from the target if it is the same post, or give "
                           "the other post another file name")
    for change in changes:
        path = clone / change.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(files[change.path][0])
    return changes


def _inside(clone: Path, rel: str) -> Path:
    """`clone/rel`, refusing paths that leave the clone or pass through a symlink."""
    if not safe_rel(rel):
        raise PublishError(f"refusing to write `{rel}`: it would leave the site folder")
    here = clone
    for part in rel.split("/"):
        here = here / part
        if here.is_symlink():
            raise PublishError(f"refusing to write `{rel}`: `{here.relative_to(clone)}` is a symlink in the target")
    return here


def _copies_elsewhere(git: Git, clone: Path, new: list[tuple[Change, bytes]],
                      roots: dict[str, Path]) -> list[tuple[str, str, str]]:
    """(source post, its earlier copy, the new one) for each new post file that is a post
    blogcheck published before under another name still in the target, which would be
    live twice, at two URLs: a draft whose `date:` changed (the same source), or a post
    file renamed in the source (`git mv` to re-date it): the earlier source is gone from
    its site (`roots`: each post's site folder) and its copy is the same post
    (`_same_post`)."""
    if not new:
        return []
    log = git.run("log", "--format=%B", f"--grep={TRAILER}", "--fixed-strings", check=False).stdout
    earlier: dict[str, list[str]] = {}
    for line in log.splitlines():
        match = _LISTED.match(line)
        if match and match[2] != "removed":
            earlier.setdefault(match[3], []).append(match[1])
    found = []
    for change, content in new:
        root = roots.get(change.post)
        for source, olds in earlier.items():
            moved = source != change.post and root is not None and not (root / source).exists()
            if source != change.post and not moved:
                continue
            for old in dict.fromkeys(olds):
                if old == change.path or not (clone / old).is_file():
                    continue
                if moved and not _same_post(old, (clone / old).read_bytes(), change.path, content):
                    continue  # before asking git: a site's deleted posts may be many
                if _published_by_us(git, old):
                    found.append((change.post, old, change.path))
    return found


def _same_post(old: str, before: bytes, new: str, after: bytes) -> bool:
    """The same bytes, or the same slug and at least half the text the same (as git's
    rename detection judges a renamed file): not another post that reuses a slug. The
    text is the body: front matter lines (`---`, `layout: post`, `tags:`) are much alike
    across a blog's posts, and made a new `year-in-review` the old one (a publish audit)."""
    if before == after:
        return True
    if _slug(old) != _slug(new):
        return False
    import difflib

    from blogcheck.parse.split import split

    def body(data: bytes) -> list[str]:
        return split(data.decode("utf-8", errors="replace")).body.splitlines()

    lines = difflib.SequenceMatcher(None, body(before), body(after), autojunk=False)
    return lines.ratio() >= _SIMILAR


_SIMILAR = 0.5


def _slug(rel: str) -> str:
    """`first.md` of `_posts/2021-01-09-first.md`: the name without its date."""
    name = rel.rsplit("/", 1)[-1]
    match = POST_NAME.match(name)
    return f"{match[2]}{match[3]}" if match else name


_LISTED = re.compile(r"^- (.+) \((new|updated|replaced|removed), from (.+)\)$")  # a post's line in commit_message


def _newer_source(message: str, source: Source | None) -> str:
    """The source commit a copy came from (named in `message`, the last commit that
    touched it), when `source` is older than it; else ""."""
    if source is None:
        return ""
    found = recorded(message)
    if found is None or not older(source, *found):
        return ""
    when = datetime.fromtimestamp(found[1], timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return f"{found[0][:12]}{' with changes not committed' if found[2] else ''} (committed {when})"


def _published_by_us(git: Git, rel: str) -> bool:
    return _by_us(_last_message(git, rel))


def _last_message(git: Git, rel: str) -> str:
    """The message of the last commit that touched `rel` in the target."""
    return git.run("log", "-1", "--format=%B", "--", rel).stdout


def _by_us(message: str) -> bool:
    return any(line.startswith(TRAILER) for line in message.splitlines())


def commit_message(changes: list[Change], subject: str, source: Source | None = None) -> str:
    posts = sorted({c.post for c in changes})
    count = f"{len(posts)} post{'s' if len(posts) != 1 else ''}"
    lines = [subject.strip() or f"Publish {count}", ""]
    for change in changes:
        kind = "from" if change.is_post else "for"
        lines.append(f"- {change.path} ({change.state}, {kind} {change.post})")
    changed = f" {CHANGED}" if source and source.changed else ""
    trailers = [f"{TRAILER} {__version__}", *([f"{FROM} {source.sha} {source.time}{changed}"] if source else []),
                *([f"{ORIGIN} {source.origin}"] if source and source.origin else [])]
    return "\n".join([*lines, "", *trailers, ""])
