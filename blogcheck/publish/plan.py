"""Which posts to publish, under which target names, and why the others are not.

A post is published when its front matter approves it and the checks found no
error in it. Its copy goes to `_posts/` under Jekyll's file name (`blog/_posts/`
for a post in a category folder, `_posts/2024/` for one in a subfolder, below the
target's `collections_dir`), without
the pipeline-only keys, together with the local files it links."""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from blogcheck.codes import diagnostic
from blogcheck.config import Config
from blogcheck.diagnostic import Diagnostic, Severity
from blogcheck.jekyll import folders
from blogcheck.jekyll.site import Site
from blogcheck.post import LoadError, Post, load
from blogcheck.publish.assets import Asset, local_files
from blogcheck.publish.frontmatter_edit import EditError, strip_keys
from blogcheck.publish.link_names import padded_links
from blogcheck.publish.names import TargetNameError, post_name, safe_rel
from blogcheck.run import display

POSTS_DIR = "_posts"


class Action(str, enum.Enum):
    PUBLISH = "publish"
    SKIP = "skip"  # not approved: listed, not an error
    REFUSE = "refuse"  # approved, but the checks or the publish rules refuse it


@dataclass(frozen=True)
class Rules:
    approve_key: str = "status"
    approve_value: str = "approved"
    strip_keys: tuple[str, ...] = ("status",)


@dataclass(frozen=True)
class Entry:
    source: str  # the post as findings show it
    action: Action
    reason: str = ""
    target: str = ""  # e.g. `_posts/2024-03-06-day-65.md`
    content: bytes = b""
    rel: str = ""  # the post's path in the source site, for commit messages
    assets: tuple[Asset, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = field(default=())
    root: Path | None = None  # the source site's folder


def make_plan(
    files: Sequence[Path], site: Site, config: Config, found: Sequence[Diagnostic], rules: Rules
) -> list[Entry]:
    """One Entry per file, in the order given; `found` is what the checks reported."""
    shown = {display(path) for path in files}
    errors = [d for d in found if d.severity is Severity.ERROR]
    site_wide = tuple(d for d in errors if d.path not in shown)
    entries = []
    for path in files:
        own = tuple(d for d in errors if d.path == display(path)) + site_wide
        entries.append(_entry(path, site, config, own, rules))
    return refuse_duplicates(entries)


def _entry(path: Path, site: Site, config: Config, errors: tuple[Diagnostic, ...], rules: Rules) -> Entry:
    post = load(path, display(path), site, config.max_file_size)
    if isinstance(post, LoadError):
        return Entry(display(path), Action.REFUSE, f"cannot be read: {post.message}", diagnostics=errors)
    approval = post.front.data.get(rules.approve_key)
    if not _approves(approval, rules.approve_value):
        said = "no" if approval is None else f"`{rules.approve_key}: {approval}`, not"
        return Entry(post.display, Action.SKIP, f"not approved ({said} `{rules.approve_key}: {rules.approve_value}`)")
    if errors:
        count = f"{len(errors)} error{'s' if len(errors) != 1 else ''}"
        return Entry(post.display, Action.REFUSE, f"approved, but the checks found {count}", diagnostics=errors)
    return _publishable(post, site, config, rules)


def _approves(value: object, wanted: str) -> bool:
    """Case-insensitive; `yes`/`on` and `true` are one value to YAML 1.1 (and Jekyll)."""
    wanted = wanted.strip().casefold()
    if isinstance(value, bool):
        return wanted in (("true", "yes", "on") if value else ("false", "no", "off"))
    return value is not None and str(value).strip().casefold() == wanted


def _publishable(post: Post, site: Site, config: Config, rules: Rules) -> Entry:
    from blogcheck.checks import Context
    from blogcheck.checks.urls import url_of

    if not post.path.resolve().is_relative_to(site.root.resolve()):
        return _refuse(post, "BC902", f"the post file is outside the site folder {site.root} (a symlink?)", 1)
    try:
        name = post_name(post, site)
    except TargetNameError as exc:
        return _refuse(post, exc.code, exc.message, exc.line)
    rel = post.doc or post.rel
    found = folders.split(rel)  # `blog/_posts/x.md` goes to `blog/_posts/` too
    above = found[0] if found else []
    # the folders inside `_posts/` or `_drafts/` are kept (`_posts/2024/x.md`): a `{% link %}` names them
    inside = rel.split("/")[len(above) + 1:-1] if found else []
    target = "/".join([*above, POSTS_DIR, *inside, name])
    if not safe_rel(target):
        return _refuse(post, "BC902", f"target `{target}` would leave `{POSTS_DIR}/`", 1)
    # read and written in the site's `encoding:` (UTF-8 by default, a BOM kept as it is): the target's
    # Jekyll reads it in the target's, and the re-check there tells a post it cannot read (BC100)
    codec = "utf-8" if site.encoding.codec == "utf-8-sig" else site.encoding.codec
    try:
        text = strip_keys(post.path.read_bytes().decode(codec), rules.strip_keys)
        content = padded_links(text, site).encode(codec)  # `{% link %}` of a post publish renames
    except (OSError, UnicodeError, EditError) as exc:
        return _refuse(post, "BC904", f"cannot remove {', '.join(rules.strip_keys)}: {exc}", 1)
    assets, unsafe = local_files(post, site, url_of(post, Context(site, config)))
    if unsafe:
        first = unsafe[0]
        return _refuse(post, "BC902", f"`{first.url}` {first.reason}", first.line,
                       more=[diagnostic("BC902", post.display, u.line, 1, f"`{u.url}` {u.reason}") for u in unsafe[1:]])
    return Entry(post.display, Action.PUBLISH, target=target, content=content, rel=post.rel, assets=tuple(assets),
                 root=site.root)


def _refuse(post: Post, code: str, message: str, line: int, more: Sequence[Diagnostic] = ()) -> Entry:
    found = (diagnostic(code, post.display, line, 1, message), *more)
    return Entry(post.display, Action.REFUSE, message, diagnostics=found)


def refuse_duplicates(entries: list[Entry]) -> list[Entry]:
    """Two posts with one target file: neither is published (which one wins is a guess)."""
    counts = Counter(e.target for e in entries if e.action is Action.PUBLISH)
    out = []
    for entry in entries:
        if entry.action is Action.PUBLISH and counts[entry.target] > 1:
            others = [e.source for e in entries if e.target == entry.target and e is not entry]
            message = f"publishes to `{entry.target}`, as {', '.join(others)} does"
            entry = Entry(entry.source, Action.REFUSE, message,
                          diagnostics=(diagnostic("BC903", entry.source, 1, 1, message),))
        out.append(entry)
    return out

