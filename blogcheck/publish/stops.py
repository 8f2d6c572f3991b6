"""What would stop the target's build once the published posts are in it.

The checks that approve a post read the source site. A post can be fine there and
stop the target's Jekyll: a `{% post_url %}` of a post that is not approved (so not
published) and not in the target, a `{% link %}` of a file the target lacks, an
`{% include %}` of a file only the source has; and a link or an image that breaks
there only (the target's `baseurl:` or `permalink:` differ). Before anything is
committed, the published posts are checked again inside the clone of the target,
for these only (offline, no request): without `--build`, this is what keeps a
publish from breaking the live site's build or its pages."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from blogcheck.config import Config

# Links and images of a published post that break in the target though they worked in the
# source: another `baseurl:` or `permalink:`, a page the target lacks (a publish audit).
TARGET_LINKS = frozenset({"BC203", "BC204", "BC303"})
# a post the target's Jekyll cannot read (the target has another `encoding:`): never goes live
TARGET_READS = frozenset({"BC100"})


def build_stops(clone: Path, posts: list[str], codes: tuple[str, ...], source: Config | None = None) -> list[str]:
    """One line per finding of `codes` that would stop the target's build, in the posts
    at `posts` (paths in the clone). `source`: the settings the posts were checked with,
    whose `[severity]`, `per_file_ignores` and `[links] exclude` hold here too (an old
    post's lost image the user accepts there stops nothing here either)."""
    from blogcheck.diagnostic import Severity
    from blogcheck.jekyll.site import load_site
    from blogcheck.run import run

    if not posts or not codes:
        return []
    config = dataclasses.replace(source or Config(), select=codes, offline=True, exclude=())
    result = run([clone / rel for rel in posts], load_site(clone), config)
    stops = [d for d in result.diagnostics
             if d.severity is Severity.ERROR and ("stops" in d.message or d.code in TARGET_LINKS | TARGET_READS)]
    return [f"  {_inside(d.path, clone)}:{d.line}:{d.column}: {d.code} {d.message}" for d in stops]


def _inside(path: str, clone: Path) -> str:
    """A finding's path as a path of the target."""
    try:
        return Path(path).resolve().relative_to(clone.resolve()).as_posix()
    except ValueError:
        return path
