"""The Jekyll site around the posts: root, `_config.yml`, layouts, time zone."""

from __future__ import annotations

import datetime as dt
import fnmatch
import functools
import os
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from blogcheck import files
from blogcheck.jekyll.encoding import Encoding, site_encoding
from blogcheck.jekyll.folders import MAX_FOLDERS, document_path, listed

if TYPE_CHECKING:
    from blogcheck.parse.frontmatter import FrontMatter

CONFIG_NAMES = ("_config.yml", "_config.yaml")
MAX_CONFIG = 4 << 20  # bytes of _config.yml read at most


@dataclass(frozen=True)
class Site:
    root: Path
    config: dict[str, Any] = field(default_factory=dict)
    config_path: Path | None = None
    config_error: str = ""
    config_error_line: int = 1
    config_error_hint: str = ""  # the fix, for the usual YAML mistakes (parse/yaml_hints.py)
    config_error_column: int = 1
    layouts: frozenset[str] | None = None  # None: the site has no layouts folder
    layouts_dir: str = "_layouts"  # `layouts_dir:`, below the root
    config_symbols: tuple[tuple[int, int, str], ...] = ()  # Ruby symbols in the config: Jekyll 4 stops (BC108)
    config_note: str = ""  # about the config, not wrong (a second YAML document, which Jekyll ignores)
    config_read: bool = True  # False: too large to read (whether Jekyll builds with it is not known)
    config_kinds: tuple[tuple[int, int, str, str], ...] = ()  # values of a kind that stops the build (BC107)

    @property
    def encoding(self) -> Encoding:
        """The encoding Jekyll reads the posts in (`encoding:`; UTF-8 by default)."""
        return site_encoding(self.config)

    @property
    def timezone(self) -> dt.tzinfo:
        """The site's `timezone:`; UTC when unset, as on GitHub Pages and in CI. Jekyll sets
        it as the TZ variable, so the C library reads it: a zone of the tz database, else a
        POSIX rule (`GMT+8` is UTC-8, `JST-9` is UTC+9; the sign is west of Greenwich), else
        UTC (`Asia/Nowhere`)."""
        name = self.config.get("timezone")
        if isinstance(name, str) and name:
            try:
                from zoneinfo import ZoneInfo

                return ZoneInfo(name)
            except (ValueError, LookupError, OSError):
                return _posix_zone(name) or dt.timezone.utc
        return dt.timezone.utc

    @property
    def kramdown(self) -> bool:
        """Jekyll converts Markdown with kramdown: `markdown:` is unset or says so (any case),
        as on GitHub Pages by default; not with `CommonMarkGhPages` and the like."""
        engine = self.config.get("markdown")
        return not isinstance(engine, str) or engine.strip().lower() in ("", "kramdown")

    @property
    def raw_html_blocks(self) -> bool:
        """kramdown keeps the inside of an HTML block raw: `kramdown: parse_block_html:` is
        not set true in _config.yml (Jekyll's default leaves it off)."""
        options = self.config.get("kramdown")
        return not (isinstance(options, dict) and options.get("parse_block_html") is True)

    @property
    def typographic(self) -> bool:
        """kramdown makes `--` an en dash and `<<` a guillemet: not when the GFM parser (Jekyll's
        default input) is told `gfm_quirks: no_auto_typographic` in `kramdown:` of _config.yml."""
        options = self.config.get("kramdown")
        if not self.kramdown or not isinstance(options, dict):
            return self.kramdown
        if self.markdown_input.lower() != "gfm":
            return True
        quirks = options.get("gfm_quirks")
        named = quirks if isinstance(quirks, list) else str(quirks or "").split(",")
        return "no_auto_typographic" not in {str(q).strip().lstrip(":") for q in named}

    @property
    def markdown_input(self) -> str:
        """The parser kramdown reads the posts with: `kramdown: input:` in _config.yml, GFM
        (Jekyll's default) when unset; `kramdown` (its own) knows no backtick fences."""
        options = self.config.get("kramdown")
        given = options.get("input") if isinstance(options, dict) else None
        return str(given or "GFM").strip() or "GFM"

    def converts_markdown(self, path: Path) -> bool:
        """Jekyll converts the file from Markdown: its extension is one of `markdown_ext`."""
        configured = self.config.get("markdown_ext")
        extensions = configured if isinstance(configured, str) and configured else "markdown,mkdown,mkdn,mkd,md"
        return path.suffix.lower().lstrip(".") in {e.strip().lower() for e in extensions.split(",")}

    @property
    def has_theme(self) -> bool:
        return bool(self.config.get("theme") or self.config.get("remote_theme"))

    def defaults_for(self, rel_path: str, kind: str = "posts") -> dict[str, Any]:
        """Front-matter values that `defaults:` in `_config.yml` gives this file, merged as
        Jekyll's FrontmatterDefaults#all does: a scope with a longer path wins, and at equal
        paths one that names a type (or a later one, when neither or both do); a value that
        is a mapping is merged key by key."""
        merged: dict[str, Any] = {}
        last: _Scope | None = None
        for scope in self._scopes:
            if scope.type not in (None, "", kind) or not _applies(scope.path, rel_path):
                continue
            if last is None or scope.precedes(last):
                merged, last = deep_merge(merged, scope.values), scope
            else:
                merged = deep_merge(scope.values, merged)
        return merged

    @functools.cached_property
    def _scopes(self) -> list[_Scope]:
        """Each usable `defaults:` entry, read once per run, not once per post."""
        entries = self.config.get("defaults")
        found = []
        for entry in entries if isinstance(entries, list) else []:
            if not isinstance(entry, dict) or not isinstance(entry.get("values"), dict):
                continue
            given = entry.get("scope")
            scope: dict[str, Any] = given if isinstance(given, dict) else {}
            written = str(scope.get("path") or "")
            kind = scope.get("type")
            kind = _OLD_TYPES.get(kind, kind) if isinstance(kind, str) else kind  # `post`: Jekyll 4 reads `posts`
            found.append(_Scope(kind, "type" in scope, document_path(written.strip("/"), self.config),
                                len(re.sub(r"([^/])/+$", r"\1", written.lstrip("/"))), entry["values"]))
        return found


_OLD_TYPES = {"post": "posts", "page": "pages", "draft": "drafts"}  # Jekyll's deprecated scope types


@dataclass(frozen=True)
class _Scope:
    type: Any  # the scope's `type:` (None when it names none)
    typed: bool  # the scope has a `type:` key
    path: str  # below `collections_dir`, for matching
    length: int  # of the path as written (Jekyll's sanitize_path), for precedence
    values: dict[str, Any]

    def precedes(self, last: _Scope) -> bool:
        """Jekyll's has_precedence?: this scope's values win over those of `last`."""
        if self.length != last.length:
            return self.length > last.length
        return self.typed or not last.typed


def deep_merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """`over` merged into `base` (Jekyll's Utils.deep_merge_hashes): mappings key by key."""
    merged = dict(base)
    for key, value in over.items():
        old = merged.get(key)
        merged[key] = deep_merge(old, value) if isinstance(old, dict) and isinstance(value, dict) else value
    return merged


def _applies(scope_path: str, rel_path: str) -> bool:
    """`rel_path` is a document's path below `collections_dir` (a page's from the
    root); a scope's path may name that folder or not, as in Jekyll."""
    if not scope_path:
        return True
    if "*" in scope_path:
        return fnmatch.fnmatch(rel_path, scope_path) or fnmatch.fnmatch(rel_path, scope_path + "/*")
    return rel_path == scope_path or rel_path.startswith(scope_path + "/")


def find_root(start: Path) -> Path | None:
    """The nearest folder at or above `start` that holds a Jekyll `_config.yml`."""
    try:
        here = start if start.is_dir() else start.parent
    except OSError:  # a name too long: looked for from the folder that would hold it
        here = start.parent
    for folder in (here, *here.parents):
        if any(_is_file(folder / name) for name in CONFIG_NAMES):
            return folder
    return None


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:  # in a folder that cannot be read: no config of ours
        return False


def load_site(root: Path) -> Site:
    """Read `_config.yml` and the layouts; a broken config is recorded, not raised."""
    from blogcheck.parse.frontmatter import FrontMatterError, parse

    config_path = next((root / n for n in CONFIG_NAMES if (root / n).is_file()), None)
    if config_path is None:
        return Site(root, layouts=layout_names(root, {}))
    try:
        raw = files.read_bytes(config_path, MAX_CONFIG + 1)
        if len(raw) > MAX_CONFIG:  # (YAML reads 2 s a MB: a site's config is a few KB; Jekyll builds with it)
            return Site(root, {}, config_path, config_read=False, layouts=layout_names(root, {}),
                        config_note=f"{config_path.name} is over {MAX_CONFIG >> 20} MB: not read, so the checks "
                        "assume Jekyll's default settings (a site's settings take a few KB: move data into `_data/`)")
        text = raw.decode("utf-8-sig")
        front = parse(text, start_line=1, first_document=True)
        config = front.data
    except (OSError, UnicodeDecodeError) as exc:
        return Site(root, {}, config_path, f"cannot read {config_path.name}: {exc}", 1,
                    layouts=layout_names(root, {}))
    except FrontMatterError as exc:
        if exc.code == "BC103":  # a list or a single value: Jekyll says "(INVALID)" and builds with its defaults
            kind = exc.message.split(" is ", 1)[-1].split(",", 1)[0].strip()  # "a list", "a string"...
            return Site(root, {}, config_path, f"{config_path.name} is {kind}, not a mapping of settings: Jekyll "
                        "ignores it (\"Configuration file: (INVALID)\") and builds with its defaults", exc.line,
                        config_error_hint="write each setting as `key: value` on a line of its own",
                        config_read=False, layouts=layout_names(root, {}))
        return Site(root, {}, config_path, exc.message, exc.line, config_error_hint=exc.hint,
                    config_error_column=exc.column, layouts=layout_names(root, {}))
    from blogcheck.checks.symbols import config_symbols
    from blogcheck.jekyll import config_types

    problem = _bom_problem(config_path.name, raw.startswith(b"\xef\xbb\xbf"), text, config)
    return Site(root, config, config_path, problem, config_error_hint=_BOM_HINT if problem else "",
                layouts=layout_names(root, config), layouts_dir=layouts_dir(config),
                # (with a byte-order mark Jekyll keeps the first key only, or stops: BC107 says which)
                config_symbols=() if problem else tuple(config_symbols(front.text, front.node)),
                config_note=_second_document(config_path.name, text, front.node) or site_encoding(config).note,
                config_kinds=tuple(config_types.problems(front)) + _encoding_problem(front))


def _encoding_problem(front: FrontMatter) -> tuple[tuple[int, int, str, str], ...]:
    """`encoding:` that Jekyll ignores, or cannot read any file in (BC107, at the value)."""
    problem = site_encoding(front.data).problem
    if not problem:
        return ()
    where = front.locate(("encoding",))
    return ((where.line, where.column, problem, "write a name Ruby knows, e.g. `encoding: utf-8` or "
             "`encoding: ISO-8859-1`, or remove the line (UTF-8)"),)


def _second_document(name: str, text: str, node: Any) -> str:
    """A note when `_config.yml` goes on past its first YAML document (a `---` line after
    settings): Jekyll reads the first only, and drops the rest in silence."""
    end = node.end_mark.index if node is not None and node.end_mark is not None else 0
    after = re.search(r"^(?:---|\.\.\.)(?:[ \t].*)?$", text[end:], re.M)
    if after is None or not text[end + after.end():].strip():
        return ""
    line = text[: end + after.start()].count("\n") + 1
    return (f"{name} goes on after the `{after[0][:3]}` of line {line}, a new YAML document: Jekyll reads the "
            "first document only, so the settings after it are ignored (remove the line to keep them)")


_BOM_HINT = 'save it as UTF-8 without a byte-order mark (in most editors "UTF-8", not "UTF-8 with BOM")'


def _bom_problem(name: str, bom: bool, text: str, config: dict[str, Any]) -> str:
    """Jekyll reads `_config.yml` without taking a byte-order mark off (posts lose it),
    and its YAML reader (libyaml 0.2.5, Debian's Jekyll 4.3) then keeps only the
    first key, or stops at a `---` first line; a comment first reads it all (asked)."""
    if not bom:
        return ""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if first.startswith("---"):
        return f"{name} starts with a byte-order mark and `---`: Jekyll's YAML reader stops the build on it"
    if first.startswith("#") or len(config) < 2:
        return ""
    lost = ", ".join(f"`{key}`" for key in list(config)[1:4]) + (", ..." if len(config) > 4 else "")
    return (f"{name} starts with a byte-order mark: Jekyll's YAML reader then keeps only its first key, "
            f"`{next(iter(config))}`; every other setting ({lost}) is lost")


def layouts_dir(config: dict[str, Any]) -> str:
    """`layouts_dir:` below the site root, as Site#in_source_dir keeps it there."""
    value = config.get("layouts_dir")
    folder = posixpath.normpath("/" + value).lstrip("/") if isinstance(value, str) and value.strip() else ""
    return folder or "_layouts"


def layout_names(root: Path, config: dict[str, Any]) -> frozenset[str] | None:
    """The names Jekyll's LayoutReader gives the files of the layouts folder (None when
    there is none): `Dir["**/*.*"]` there (nothing hidden, subfolders too) through the
    entry filter, each named by its path less the last extension (`blog/post`)."""
    folder = root / layouts_dir(config)
    if not folder.is_dir():
        return None
    names = set()
    for walked, (here, dirs, found) in enumerate(os.walk(folder)):
        if walked >= MAX_FOLDERS:
            break
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        rel = os.path.relpath(here, folder).replace(os.sep, "/")
        for name in found:
            entry = name if rel == "." else f"{rel}/{name}"
            if "." in name and not name.startswith(".") and listed(entry, entry, config) \
                    and os.path.isfile(os.path.join(here, name)):
                names.add(entry.rsplit(".", 1)[0])
    return frozenset(names)


# A POSIX TZ rule with a standard time only: a name of three letters or more (or `<+08>`), then the offset
_POSIX_TZ = re.compile(r"(?:[A-Za-z]{3,}|<[A-Za-z0-9+-]{3,}>)([+-]?)(\d{1,2})(?::(\d{2})(?::(\d{2}))?)?", re.ASCII)


def _posix_zone(rule: str) -> dt.tzinfo | None:
    """The fixed zone of a POSIX TZ rule without summer time (`GMT+8`: UTC-8, as glibc
    reads it, checked with jekyll build); None for anything else (glibc's UTC)."""
    found = _POSIX_TZ.fullmatch(rule)
    if found is None or int(found[2]) > 23 or int(found[3] or 0) > 59 or int(found[4] or 0) > 59:
        return None  # (glibc takes up to 24 hours; a day's offset is no zone Python has, and no site's)
    west = dt.timedelta(hours=int(found[2]), minutes=int(found[3] or 0), seconds=int(found[4] or 0))
    return dt.timezone(west if found[1] == "-" else -west, rule)
