"""`check --new-links-only`: link errors on links that were already written at
the base of `--changed-since` become warnings, so that a pull request fails
only on the links it added. A link is new when its text as written is not
among the links of the file at the base."""

from __future__ import annotations

import dataclasses
import tempfile
from dataclasses import dataclass
from pathlib import Path

from blogcheck.changes import Changes
from blogcheck.diagnostic import Diagnostic, Severity
from blogcheck.jekyll.site import Site
from blogcheck.post import Post


@dataclass(frozen=True)
class _Versions:
    now: dict[tuple[int, int], str]  # (line, column) -> the link as written in the file now
    before: set[str]  # the links as written at the base
    old_text: str  # the file at the base


def new_links_only(diagnostics: list[Diagnostic], changes: Changes, sites: list[Site],
                   max_size: int) -> list[Diagnostic]:
    """Link errors (BC2xx, BC3xx) on links already written at the base become warnings."""
    versions: dict[str, _Versions] = {}
    kept = []
    for diag in diagnostics:
        if diag.check == "links" and diag.severity is Severity.ERROR:
            if diag.path not in versions:
                path = Path(diag.path).resolve()
                versions[diag.path] = _versions(path, changes, _site_of(path, sites), max_size)
            if not _is_new(diag, versions[diag.path]) and not changes.names_gone(_written(diag, versions[diag.path])):
                hint = f"it was there before {changes.ref}; --new-links-only reports it as a warning"
                diag = dataclasses.replace(diag, severity=Severity.WARNING,
                                           hint=f"{diag.hint} ({hint})" if diag.hint else hint)
        kept.append(diag)
    return kept


_INCLUDES = frozenset({"BC503", "BC504"})  # an `{% include %}` or `{% include_relative %}` of no file


def about_gone(diagnostics: list[Diagnostic], changes: Changes, sites: list[Site],
               max_size: int) -> list[Diagnostic]:
    """Of the posts checked only because they name a file deleted or renamed since the
    base (Changes.naming), the findings of links that name such a file, and of includes of
    one (the build stops there); the others are not this change's."""
    if not changes.naming:
        return diagnostics
    naming = {str(path) for path in changes.naming}
    versions: dict[str, _Versions] = {}
    kept = []
    for diag in diagnostics:
        path = Path(diag.path).absolute()
        if str(path.parent.resolve() / path.name) in naming:  # as `discover` names a post: its link kept
            if diag.code in _INCLUDES and changes.names_gone(diag.message):
                kept.append(diag)  # `{% include note.html %}` of a deleted include: Jekyll's build stops
                continue
            if diag.check != "links":
                continue
            if diag.path not in versions:
                path = Path(diag.path).resolve()
                versions[diag.path] = _versions(path, changes, _site_of(path, sites), max_size)
            if not changes.names_gone(_written(diag, versions[diag.path])):
                continue
        kept.append(diag)
    return kept


def _written(diag: Diagnostic, versions: _Versions) -> str:
    """The link of the finding as written, or its URL."""
    return versions.now.get((diag.line, diag.column)) or str(diag.extras.get("url", ""))


def _is_new(diag: Diagnostic, versions: _Versions) -> bool:
    written = versions.now.get((diag.line, diag.column))
    if written is None:  # no link starts there: look for its URL in the old file
        url = str(diag.extras.get("url", ""))
        return not url or url not in versions.old_text
    return written not in versions.before


def _versions(path: Path, changes: Changes, site: Site, max_size: int) -> _Versions:
    """The post now and at the base, both read in the site's `encoding:`, as `check` reads posts."""
    try:
        current = path.read_bytes().decode(site.encoding.codec)
    except (OSError, UnicodeDecodeError):
        current = ""
    post = _load(path, current, site, max_size)
    now = {(line, column): raw for raw, line, column in written_links(post)} if post else {}
    old_text = changes.old_text(path, site.encoding) or ""
    old_post = _load(path, old_text, site, max_size) if old_text else None
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


def _load(path: Path, text: str, site: Site, max_size: int) -> Post | None:
    """`text` read as the post at `path`. It goes through a temporary file so
    that it is read exactly as `blogcheck check` reads posts: in the site's `encoding:`."""
    from blogcheck.post import load

    try:
        data = text.encode(site.encoding.codec)  # bytes: CRLF stays CRLF
    except UnicodeEncodeError:  # (text decoded in that codec; should one not write it back)
        return None
    with tempfile.TemporaryDirectory(prefix="blogcheck-") as folder:
        copy = Path(folder) / path.name
        copy.write_bytes(data)
        post = load(copy, str(path), site, max_size)
    return post if isinstance(post, Post) else None


def _site_of(path: Path, sites: list[Site]) -> Site:
    """The innermost of `sites` that holds `path`."""
    holding = [s for s in sites if path.is_relative_to(s.root.resolve())]
    return max(holding, key=lambda s: len(s.root.resolve().parts)) if holding else sites[0]
