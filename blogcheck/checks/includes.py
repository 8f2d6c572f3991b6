"""BC503 missing-include, BC504 include-syntax: an `{% include %}` that stops the build
(and BC505 at the tag, when the file it includes holds Liquid Jekyll cannot parse).

Jekyll runs every `{% include %}`, `{% include_relative %}` and `{% include_cached %}`
a post holds (in code and HTML comments too; not inside `{% raw %}` or `{% comment %}`),
and stops the build with a Liquid Exception when the file is not there ("Could not
locate the included file"), when its name has characters or sequences Jekyll refuses
(`../x`, a quoted name), or when its arguments do not read as `key="value"` ("Invalid
syntax for include tag"). The rules and the argument grammar are Jekyll 4.3's
(`lib/jekyll/tags/include.rb`); names are matched case by case, as on the Linux
server that builds the site, even where the writer's disk does not care.

`include` looks in the site's `includes_dir` (`_includes/`); a site with a theme
(`theme:`, `remote_theme:`) may get the file from the theme, which is not on disk,
so there only a name that cannot be valid is reported. `include_relative` looks in
the post's own folder. A name built with Liquid is known only when the page is built,
and is left alone, unless it is a value of the post's front matter or of _config.yml
(`{% include {{ page.note }} %}`): that one is checked, and one not set names no file."""

from __future__ import annotations

import dataclasses
import difflib
import os
import posixpath
import re
from collections.abc import Iterator
from pathlib import Path

from blogcheck.checks import Context
from blogcheck.checks.liquid import line_starts, position, short
from blogcheck.codes import diagnostic
from blogcheck.diagnostic import Diagnostic
from blogcheck.links import liquid
from blogcheck.post import Post

CODES = ["BC503", "BC504", "BC505", "BC507"]
_TAGS = frozenset({"include", "include_relative", "include_cached"})
# Jekyll 4.3's grammar (Ruby's \w, \s and \z are ASCII; \Z here is Ruby's \z).
_ARGUMENT = r"""([\w-]+)\s*=\s*(?:"([^"\\]*(?:\\.[^"\\]*)*)"|'([^'\\]*(?:\\.[^'\\]*)*)'|([\w.-]+))"""
_ARGUMENTS = re.compile(rf"\A\s*(?:{_ARGUMENT}(?=\s|\Z)\s*)*\Z", re.ASCII)
_VARIABLE = re.compile(r"[^{]*(\{\{\s*[\w\-.]+\s*(\|.*)?\}\}[^\s{}]*)+", re.ASCII | re.S)
_NAME_CHARS = re.compile(r"[\w/.\-()+~#@]+", re.ASCII)
_BAD_SEQUENCE = re.compile(r"[./]{2,}")
_MARKUP_MAX = 2_000
_LISTED = 5_000  # include files read for a "did you mean" (a folder walk is bounded)


def check(post: Post, ctx: Context) -> Iterator[Diagnostic]:
    body = post.body
    if "include" not in body or post.data.get("render_with_liquid") is False:
        return
    starts: list[int] = []
    for tag in liquid.rendered(body)[1]:
        if tag.output or tag.name not in _TAGS or len(tag.markup) > _MARKUP_MAX:
            continue  # (a markup longer than any include is not matched: the patterns backtrack)
        markup, said = tag.markup, ""
        if _VARIABLE.search(markup):
            named = _named(markup, post, ctx)
            if named is None:
                continue
            markup, said = named
            if not markup.strip():
                said = f"{said} is not set: `{{% {tag.name} %}}` names no file"
        found = problem(tag.name, markup, post, ctx, said, tag.start)
        if found is not None:
            starts = starts or line_starts(body)
            line, column = position(starts, tag.start, post.body_line)
            written = body[tag.start:tag.end].split("\n")[0]
            yield dataclasses.replace(diagnostic(found[0], post.display, line, column, found[1], found[2]),
                                      end_line=line, end_column=column + len(written))


_FROM = re.compile(r"\A\s*\{\{-?\s*(page|site)\.([\w.-]+)\s*-?\}\}(\S*)(\s.*)?\Z", re.ASCII | re.S)
# What Jekyll gives a post besides its front matter: a name built from one of these is known only in the build.
_COMPUTED = frozenset({"url", "date", "id", "categories", "tags", "collection", "content", "excerpt", "path",
                       "relative_path", "slug", "name", "ext", "next", "previous", "dir", "output", "title"})


def _named(markup: str, post: Post, ctx: Context) -> tuple[str, str] | None:
    """An include whose file name comes from the post's front matter or _config.yml
    (`{% include {{ page.note }} %}`): (the markup with the name filled in, what gave
    it), or None when the name is known only in the build."""
    found = _FROM.match(markup)
    if found is None:
        return None
    root, key, after, rest = found[1], found[2], found[3], found[4] or ""
    value: object = post.data if root == "page" else ctx.site.config
    for step in key.split("."):
        value = value.get(step) if isinstance(value, dict) else None
    written = f"`{{{{ {root}.{key} }}}}`"
    if value is None:
        computed = key.split(".")[0] in _COMPUTED if root == "page" else ctx.site.config_path is None
        return None if computed or after else ("", written)  # no name at all: Jekyll refuses the tag
    if not isinstance(value, str):
        return None
    return value + after + rest, f"{written} is `{value}`"


def problem(name: str, markup: str, post: Post, ctx: Context, said: str = "",
             start: int = -1) -> tuple[str, str, str] | None:
    """(code, message, hint) of what stops the build at this tag, or None; `said`: where
    the file's name came from, when Liquid gave it; `start`: the tag's offset in the body."""
    file, arguments = [*re.split(r"\s+", markup.strip(), maxsplit=1), ""][:2]
    tag = f"{{% {name} %}}"
    if not file:
        if said:
            return ("BC504", f"{said} (\"Invalid syntax for include tag\"): Jekyll stops the build",
                    "set it in the front matter, or write the file's name")
        return "BC504", f"`{tag}` names no file", "write the file's name: `{% include file.html %}`"
    if arguments and not _ARGUMENTS.match(arguments):
        return ("BC504", f"Jekyll cannot read the arguments of `{tag}` (\"Invalid syntax for include tag\"): "
                f"`{short(arguments)}`", "write each as key=\"value\" (or key=variable), with no bare words")
    if _BAD_SEQUENCE.search(file) or not _NAME_CHARS.fullmatch(file):
        return ("BC504", f"Jekyll refuses the file name `{short(file)}` of `{tag}`{f' ({said})' if said else ''} "
                "(\"Invalid syntax for include tag\")", "name a file inside the folder, unquoted, without `..`, `./` "
                "or `//`")
    folder = _folder(name, post, ctx)
    if name != "include_relative" and (ctx.site.has_theme or ctx.site.config_path is None):
        return None  # the theme may have it; without a _config.yml the site's root is a guess
    wanted = file.lstrip("/")
    if _exists(folder, wanted, ctx):
        return _unparsable(folder / wanted, tag, ctx) or _looping(folder / wanted, tag, post, ctx, start)
    where = shown(folder, ctx.site.root)
    source = f" ({said})" if said else ""
    return ("BC503", f"`{tag}` names `{wanted}`{source}, which is not in {where}: Jekyll stops the build when it "
            "renders the tag (\"Could not locate the included file\")", _hint(folder, wanted, where))


def _unparsable(path: Path, tag: str, ctx: Context) -> tuple[str, str, str] | None:
    """BC505 when the included file holds Liquid that Jekyll cannot parse: it renders the
    file as a template of its own, and the build stops at its error."""
    from blogcheck.jekyll.encoding import read_text
    from blogcheck.jekyll.liquid_strict import settings
    from blogcheck.jekyll.liquid_syntax import first_error

    known: dict[Path, tuple[str, str, str] | None] = ctx.cache.setdefault("includes.parsed", {})
    if path not in known:
        known[path] = None
        try:
            text = read_text(path, _READ_MAX, ctx.site.encoding)  # as Jekyll reads it
        except OSError:
            return None
        error = first_error(text, settings(ctx.site.config).syntax) if "{" in text else None
        if error is not None:
            name = shown(path.parent, ctx.site.root) + path.name
            line = text.count("\n", 0, error.offset) + 1
            known[path] = ("BC505", f"`{tag}` includes {name}, whose Liquid Jekyll cannot parse (line {line}: "
                           f"{error.message}): the build stops when it renders the tag",
                           f"mend the Liquid on line {line} of {name}")
    return known[path]


_READ_MAX = 1_000_000  # bytes of an included file read for its Liquid
_CONDITIONS = frozenset({"if", "unless", "case", "for", "tablerow"})  # a tag inside one may not run
_CHAIN_MAX = 40  # include files followed from one tag


def always(text: str) -> list[liquid.Tag]:
    """The include tags of a template that run whenever it renders: in no `if`,
    `unless`, `case` or loop (a recursive include under a condition can end)."""
    depth, found = 0, []
    for tag in liquid.rendered(text)[1]:
        if tag.output:
            continue
        if tag.name in _CONDITIONS:
            depth += 1
        elif tag.name.startswith("end") and tag.name[3:] in _CONDITIONS:
            depth = max(depth - 1, 0)
        elif depth == 0 and tag.name in _TAGS:
            found.append(tag)
    return found


def _looping(path: Path, tag: str, post: Post, ctx: Context, start: int) -> tuple[str, str, str] | None:
    """BC507 when the included file always leads, include by include, back to a file on
    the way (itself, or the post through `include_relative`): Liquid renders deeper
    until "Nesting too deep" stops the build. Only for a tag of the post that always runs."""
    runs: dict[Path, set[int]] = ctx.cache.setdefault("includes.always", {})  # per post: its tags read once
    if post.path not in runs:
        runs[post.path] = {t.start for t in always(post.body)}
    if start not in runs[post.path]:
        return None
    loop = include_loop(path, post, ctx)
    if loop is None:
        return None
    return loop_finding(tag, loop, ctx.site.root)


def loop_finding(tag: str, loop: list[Path], root: Path) -> tuple[str, str, str]:
    files = " -> ".join(shown(p.parent, root) + p.name for p in loop)
    return ("BC507", f"`{tag}` starts an include loop ({files}): every file includes the next whatever happens, "
            "and Liquid stops the build with \"Nesting too deep\"", "put the inner include under a condition that "
            "ends, or include another file")


def include_loop(start: Path, post: Post, ctx: Context) -> list[Path] | None:
    """The files of a loop of includes that always run, from `start`, or None."""
    from blogcheck.jekyll.encoding import read_text

    known: dict[object, list[Path] | None] = ctx.cache.setdefault("includes.loops", {})
    chain: list[Path] = [post.path] if start == post.path else []  # `include_relative` of the post itself
    found: list[Path] | None = None

    def walk(path: Path) -> None:
        nonlocal found
        if found is not None or len(chain) > _CHAIN_MAX:
            return
        if path in chain:
            found = [*chain[chain.index(path):], path]
            return
        chain.append(path)
        try:
            text = read_text(path, _READ_MAX, ctx.site.encoding) if path != post.path else post.body
        except OSError:
            text = ""
        for inner in always(text) if "include" in text else []:
            nested = included_file(inner.name, inner.markup, post, ctx) if inner.name != "include_relative" or \
                path == post.path else None  # (a nested file's include_relative: from the page, not followed)
            if nested is not None:
                walk(nested)
        chain.pop()

    # an include file's walk is the same from every post (a nested include_relative is not followed):
    # each file is read once a run, not once a post; the post's own include_relative of itself is its own
    key: object = (start, post.path) if start == post.path else start
    if key not in known:
        walk(start)
        known[key] = found
    return known[key]


def included_file(name: str, markup: str, post: Post, ctx: Context) -> Path | None:
    """The file on disk that an include tag with a literal, valid name reads, or None
    (a name Liquid builds, one Jekyll refuses, a file not there: a theme's, or none)."""
    if len(markup) > _MARKUP_MAX or _VARIABLE.search(markup):
        return None
    file = [*re.split(r"\s+", markup.strip(), maxsplit=1), ""][0]
    if not file or _BAD_SEQUENCE.search(file) or not _NAME_CHARS.fullmatch(file):
        return None
    folder, wanted = _folder(name, post, ctx), file.lstrip("/")
    return folder / wanted if _exists(folder, wanted, ctx) else None


def _folder(name: str, post: Post, ctx: Context) -> Path:
    """Where an include tag looks: the post's folder, or the site's `includes_dir`."""
    if name == "include_relative":
        return post.path.parent
    configured = ctx.site.config.get("includes_dir")
    return _in_site(ctx.site.root, configured if isinstance(configured, str) and configured else "_includes")


def _in_site(root: Path, folder: str) -> Path:
    """`includes_dir` as Jekyll reads it (`sanitized_path`): always inside the site, so
    `/etc` is `<site>/etc` and `../x` goes no higher than the site's root."""
    if Path(folder).is_absolute() and Path(folder).is_relative_to(root):
        return Path(folder)  # already inside the site
    return root / posixpath.normpath("/" + folder.replace("\\", "/")).lstrip("/")  # Ruby's expand_path(p, "/")


def _exists(folder: Path, relative: str, ctx: Context) -> bool:
    """`folder/relative` is a file, each part named with its exact case."""
    current = folder
    for part in relative.split("/"):
        if part not in _names(current, ctx):
            return False
        current = current / part
    return current.is_file()


def _names(folder: Path, ctx: Context) -> frozenset[str]:
    cache: dict[Path, frozenset[str]] = ctx.cache.setdefault("includes.names", {})
    if folder not in cache:
        try:
            cache[folder] = frozenset(os.listdir(folder))
        except OSError:
            cache[folder] = frozenset()
    return cache[folder]


def _hint(folder: Path, wanted: str, where: str) -> str:
    files = _files(folder)
    same = [f for f in files if f.lower() == wanted.lower()]
    if same and same[0] == wanted:  # there by its exact name, but no file: a pipe, a device, a folder
        return f"`{wanted}` in {where} is no regular file (a pipe, a device or a folder): make it the file to include"
    if same:
        return f"the file is `{same[0]}`: the server that builds the site tells upper from lower case"
    close = difflib.get_close_matches(wanted, files, n=1, cutoff=0.6)
    if close:
        return f"did you mean `{close[0]}`?"
    return f"add the file to {where}, or fix the name"


def _files(folder: Path) -> list[str]:
    found: list[str] = []
    for top, dirs, names in os.walk(folder):
        dirs.sort()
        found.extend(Path(top, n).relative_to(folder).as_posix() for n in sorted(names))
        if len(found) >= _LISTED:
            break
    return found


def shown(folder: Path, root: Path) -> str:
    try:
        return folder.relative_to(root).as_posix() + "/"
    except ValueError:
        return str(folder)

