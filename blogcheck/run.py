"""The pipeline: discover -> load -> checks -> filtered, sorted Diagnostics.
No printing and no exit codes here; the CLI does that."""

from __future__ import annotations

import dataclasses
import functools
import os
from dataclasses import dataclass
from pathlib import Path

from blogcheck import parallel
from blogcheck.checks import Context, PostCheck, post_checks, site_checks
from blogcheck.codes import CODES, diagnostic
from blogcheck.config import Config
from blogcheck.diagnostic import Diagnostic, Severity
from blogcheck.discover import discover, matches, stray
from blogcheck.jekyll import folders
from blogcheck.jekyll.site import Site
from blogcheck.post import LoadError, Post, load, read_text, site_relative
from blogcheck.select import check_wanted, wanted
from blogcheck.suppress import silenced, suppressions
from blogcheck.unbuilt_codes import AT_RENDER


@dataclass(frozen=True)
class Result:
    diagnostics: list[Diagnostic]
    files: int
    notes: tuple[str, ...] = ()  # about the run as a whole, e.g. links not checked offline


def run(paths: list[Path], site: Site, config: Config) -> Result:
    unreadable: list[OSError] = []
    files = _discover(paths, site, config, unreadable)
    loaded: dict[Path, Post | LoadError] = {}
    found = [diagnostic("BC100", display(Path(exc.filename)), 1, 1, f"cannot read: {exc.strerror or exc}; no post "
                        "in it is checked", "let the user running blogcheck read it (`chmod a+rx` for a folder), or "
                        "leave it out with `exclude`") for exc in unreadable]
    if files and site.config_error and site.config_path is not None:
        either = "" if site.config or not site.config_read else "; Jekyll cannot build the site either"  # (a BOM:
        # it builds, wrongly)
        found.append(diagnostic("BC107", display(site.config_path), site.config_error_line, site.config_error_column,
                                site.config_error, f"{site.config_error_hint or 'fix _config.yml'}{either}"))
    if files and site.config_path is not None:
        found.extend(_config_symbols(site, site.config_path))
        found.extend(diagnostic("BC107", display(site.config_path), line, column, message, hint)
                     for line, column, message, hint in site.config_kinds)
    site_files = functools.cache(lambda: _site_files(site, config))  # walked once, for posts and texts alike
    ctx = Context(site, config, lambda: _site_posts(site_files(), site, config, loaded),
                  texts=lambda: _site_texts(site_files(), site, config, loaded))
    per_post = [fn for _, fn in post_checks(lambda name: _selected(name, config))]
    # the checks of the text alone, for a post whose front matter Jekyll could not take
    per_body = [fn for _, fn in post_checks(lambda name: name != "frontmatter" and _selected(name, config))]
    posts, bodies = [], []
    unread: list[Diagnostic] = []  # files no check reads at all (binary, too large, empty...)
    for path in files:
        post = _load(path, site, config, loaded)
        if isinstance(post, LoadError):
            found.append(diagnostic(post.code, display(path), post.line, post.column, post.message, post.hint))
            if post.body is None:
                unread.append(found[-1])
            if post.body is not None and not post.body.unread:
                bodies.append(post.body)
            continue
        posts.append(post)
    found.extend(_each_post(posts, per_post, ctx))
    found.extend(_each_post(bodies, per_body, ctx))
    for name, site_check in site_checks(lambda name: _selected(name, config)):
        found.extend(site_check(posts if name == "frontmatter" else posts + bodies, ctx))
    if any(d.code in AT_RENDER for d in found):  # (the rest of unbuilt.py, dates included, loads only then)
        from blogcheck.unbuilt import soften

        found = soften(found, posts + bodies, site)
    texts = {p.display: p.text for p in posts + bodies}
    ignores = per_file_ignores(files, site, config)
    diagnostics = sorted(_finish(found, config, texts, ignores), key=Diagnostic.sort_key)
    notes = [site.config_note] if files and site.config_note else []
    hidden = [d for d in unread if not wanted(d, config.select, config.ignore)]
    if hidden:  # `--select spelling` on a binary post: "no problems found" said nothing of it
        many = len(hidden) != 1
        codes = ", ".join(sorted({d.code for d in hidden}))
        notes.append(f"{len(hidden)} file{'s' * many} not checked: {'they' if many else 'it'} cannot be read as "
                     f"{'posts' if many else 'a post'} ({codes}, left out by --select/--ignore; "
                     f"first: {hidden[0].path})")
    return Result(diagnostics, len(files), tuple(notes + ctx.notes))


def _config_symbols(site: Site, path: Path) -> list[Diagnostic]:
    """BC108 for each Ruby symbol of `_config.yml`: Jekyll 4's build stops at it."""
    found = []
    for line, column, value in site.config_symbols:
        hint = (f"write `{value[1:]}` (settings such as `sass: style:` take the name without its colon) or quote "
                f'it: `"{value}"`' if value[1:].isidentifier() else f'quote it: `"{value}"`')
        found.append(diagnostic("BC108", display(path), line, column,
                                f"`{value}` is a Ruby symbol to Jekyll 4's YAML reader, which then refuses the whole "
                                "configuration: `jekyll build` stops (GitHub Pages' Jekyll 3.10 reads it as text)",
                                hint))
    return found


def _discover(paths: list[Path], site: Site, config: Config, unreadable: list[OSError]) -> list[Path]:
    """The post files under `paths`. A symbolic link that loops or points to nothing
    among them was met by a walk (`--changed-since` lists what changed; a PATH named
    so is refused before the run): it is a file the run reports (BC100), not a usage error."""
    broken = [p for p in paths if p.is_symlink() and not p.exists()]
    if not broken:
        return _read_strays(discover(paths, site.root, config.exclude, unreadable), site)
    found = _read_strays(discover([p for p in paths if p not in broken], site.root, config.exclude, unreadable), site)
    return sorted({*found, *(p.absolute() for p in broken if not matches(p, site.root, config.exclude))})


def _read_strays(found: list[Path], site: Site) -> list[Path]:
    """`found` without the stray files of `_posts/` (see discover.stray) that Jekyll
    never reads either (in an `exclude:`d or `_` folder): those it would publish stay."""
    return [p for p in found
            if not stray(p.name) or not folders.unread_reason(site_relative(p, site.root), site.config)]


def _each_post(posts: list[Post], checks: list[PostCheck], ctx: Context) -> list[Diagnostic]:
    """The per-post checks over every post; over many posts, spread over the CPUs
    (parallel.py). The first post is checked here first: what the checks read once
    per run (the schema, the site's keys and tags) is then read before the workers
    fork, and shared, instead of once in each."""
    def work(post: Post) -> list[Diagnostic]:
        return [d for check in checks for d in check(post, ctx)]

    if not checks or not posts:
        return []
    first = work(posts[0])
    spread = parallel.map_items(work, posts[1:])
    rest = spread if spread is not None else [work(post) for post in posts[1:]]
    return first + [d for found in rest for d in found]


def _selected(check: str, config: Config) -> bool:
    """Whether any code of `check` survives --select/--ignore: a check none of
    whose codes can be reported is not run at all (no wasted work, no requests)."""
    codes = [code for code, entry in CODES.items() if entry.check == check]
    return check_wanted(check, codes, config.select, config.ignore)


def _load(path: Path, site: Site, config: Config, loaded: dict[Path, Post | LoadError]) -> Post | LoadError:
    if path not in loaded:
        loaded[path] = load(path, display(path), site, config.max_file_size)
    return loaded[path]


def _site_files(site: Site, config: Config) -> list[Path]:
    """The site's posts: in every `_posts/` Jekyll reads (`blog/_posts/`, below `collections_dir`)."""
    return _read_strays(discover(folders.post_folders(site.root, site.config, ("_posts",)), site.root,
                                 config.exclude, unreadable=[]), site)  # (the run reports those it checks)


def _site_posts(files: list[Path], site: Site, config: Config, loaded: dict[Path, Post | LoadError]) -> list[Post]:
    """Every readable post of the site, for rules across posts."""
    every = (_load(p, site, config, loaded) for p in files)
    return [p for p in every if isinstance(p, Post)]


def _site_texts(files: list[Path], site: Site, config: Config, loaded: dict[Path, Post | LoadError]) -> list[str]:
    """The text of every readable, non-empty post file of the site (front matter
    unparsed, valid or not): what site-wide word usage counts."""
    texts = []
    for path in files:
        post = loaded.get(path)
        text = post.text if isinstance(post, Post) else read_text(path, config.max_file_size, site.encoding)
        if isinstance(text, str) and text.strip():
            texts.append(text)
    return texts


def per_file_ignores(files: list[Path], site: Site, config: Config) -> dict[str, tuple[str, ...]]:
    """Displayed path -> the `per_file_ignores` words of every glob its site path matches."""
    if not config.per_file_ignores:
        return {}
    found = {}
    for path in files:
        words = [w for glob, ws in config.per_file_ignores.items() if matches(path, site.root, (glob,)) for w in ws]
        if words:
            found[display(path)] = tuple(words)
    return found


def _finish(found: list[Diagnostic], config: Config, texts: dict[str, str],
            ignores: dict[str, tuple[str, ...]]) -> list[Diagnostic]:
    """Severity overrides, then --select/--ignore and per-file ignores, then inline suppressions."""
    tables = {path: suppressions(text) for path, text in texts.items()}
    kept = []
    for diag in found:
        if diag.code in config.severity:
            diag = dataclasses.replace(diag, severity=Severity(config.severity[diag.code]))
        if not wanted(diag, config.select, config.ignore) or not wanted(diag, (), ignores.get(diag.path, ())):
            continue
        if silenced(diag.code, diag.line, tables.get(diag.path, {})):
            continue
        kept.append(diag)
    return kept


def display(path: Path) -> str:
    """The path as findings show it: relative to the working folder when inside it."""
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return os.fspath(path)
