"""The sites a command's PATH arguments lie in, each with its own settings.

Every PATH is looked up first (a symbolic link loop or a name too long is a usage
error, said before any work), grouped by the Jekyll site that holds it, and each
site gets the config file at its root; `--config PATH` given explicitly applies to
every site, and command-line flags win over every file."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from blogcheck.discover import DiscoverError

_LOOP = "a symbolic link loop (it points back to itself)"

if TYPE_CHECKING:
    from blogcheck.config import Config
    from blogcheck.jekyll.site import Site


def look_up(path: Path) -> Path:
    """`path` made absolute, symbolic links followed; a DiscoverError when the system
    cannot look it up (a missing path is left to `discover`, which names it)."""
    try:
        resolved = path.resolve()
        os.stat(path)
    except RuntimeError:  # Python before 3.13: a symbolic link loop
        raise DiscoverError(f"{path}: {_LOOP}") from None
    except (FileNotFoundError, NotADirectoryError):
        if path.is_symlink():
            raise DiscoverError(f"{path}: a symbolic link to nothing ({os.readlink(path)})") from None
        return path.resolve()  # (did not fail above: only the stat did)
    except OSError as exc:
        raise DiscoverError(f"{_short(path)}: {_LOOP if exc.errno == errno.ELOOP else exc.strerror or exc}") from None
    except ValueError as exc:  # a NUL in the name
        raise DiscoverError(f"{_short(path)}: {exc}") from None
    return resolved


def _short(path: Path) -> str:
    text = str(path)
    return text if len(text) <= 80 else f"{text[:40]}...{text[-30:]} ({len(text)} characters)"


def start_root(paths: list[Path]) -> Path:
    """The site of the first PATH (or of the working folder): its settings are the run's
    report settings (format, output, quiet)."""
    from blogcheck.jekyll.site import find_root

    start = look_up(paths[0]) if paths else Path.cwd().resolve()
    return find_root(start) or (start if start.is_dir() else start.parent)


def by_site(paths: list[Path], root: Path) -> dict[Path, list[Path]]:
    """Site root -> the paths in that site, in the order given; a path in no site goes
    with `root`, the first one's."""
    from blogcheck.jekyll.site import find_root

    groups: dict[Path, list[Path]] = {root: []}
    for path in paths:
        groups.setdefault(find_root(look_up(path)) or root, []).append(path)
    return {site_root: group for site_root, group in groups.items() if group}


def require_posts(paths: list[Path], groups: dict[Path, list[Path]]) -> None:
    """A folder named on the command line must hold a post: a mistyped folder that
    exists (or a site with no post yet) would pass in silence. Files are taken as
    given (pre-commit names files; `exclude` may leave none of them)."""
    from blogcheck.discover import discover

    for root, group in groups.items():
        for path in group:
            if path.is_dir() and not discover([path], root):
                raise DiscoverError(f"{path}: no post in this folder (no Markdown or HTML file in its _posts/ "
                                    "or _drafts/, or in it when it has neither); give the posts to check")


def configs(roots: list[Path], explicit: Path | None, finish: Callable[[Config], Config]) -> dict[Path, Config]:
    """Site root -> its settings: `--config PATH` for all when given, else the config
    file at each root, each with the command-line flags on top (`finish`). Sites with
    the same file share one Config (and so one speller and link setup's settings)."""
    from blogcheck.config import find_config, load_config, load_explicit

    made: dict[Path | None, Config] = {}
    if explicit is not None:
        made[explicit] = finish(load_explicit(explicit))
    found = {}
    for root in dict.fromkeys(roots):
        source = explicit if explicit is not None else find_config(root)
        if source not in made:
            made[source] = finish(load_config(source))
        found[root] = made[source]
    return found


def gather(given: list[Path], explicit: Path | None, finish: Callable[[Config], Config],
           validate: Callable[[Path, dict[Path, Config]], None]) -> list[tuple[Site, Config, list[Path]]]:
    """The sites of a command's PATHs (or of the working folder's site), each with its
    settings (`configs`) and its paths, first site first. Every usage error comes before
    any work: a path the system cannot look up, no post folder, `validate(root,
    configs)` (the command's own settings), a PATH folder with no post."""
    from blogcheck.discover import DiscoverError, default_paths
    from blogcheck.jekyll.site import load_site

    root = start_root(given)
    first = None if given else load_site(root)
    paths = given or default_paths(root, first.config if first else {})
    groups = by_site(paths, root)
    settings = configs([root, *groups], explicit, finish)
    if not paths:
        raise DiscoverError(f"no _posts/ or _drafts/ folder in {root}; give the posts to check{_other_case(root)}")
    validate(root, settings)
    if given:
        require_posts(paths, groups)
    loaded = load_sites(list(groups), first)
    return [(loaded[site_root], settings[site_root], group) for site_root, group in groups.items()]


def load_sites(roots: list[Path], first: Site | None = None) -> dict[Path, Site]:
    """Each root's Site (`first`: one already loaded)."""
    from blogcheck.jekyll.site import load_site

    return {root: first if first is not None and first.root == root else load_site(root) for root in roots}


def _other_case(root: Path) -> str:
    """A note for a `_Posts/` (or `_DRAFTS/`) folder: Jekyll looks for its folders in lower
    case, so a Mac's disk finds it and the server's (GitHub Pages, CI) does not."""
    try:
        names = sorted(p.name for p in root.iterdir() if p.is_dir() and p.name.lower() in ("_posts", "_drafts"))
    except OSError:
        return ""
    if not names:
        return ""
    return (f" (`{names[0]}/` is there: Jekyll reads `{names[0].lower()}/`, in lower case; a Mac's disk does not "
            "mind the case, GitHub Pages and CI do: rename it)")
