"""Liquid that the site's own `liquid:` settings turn into a build error (BC509).

`_config.yml` may ask Jekyll to render strictly:

    liquid:
      strict_variables: true   # a name the page or the site does not have stops the build
      strict_filters: true     # so does a filter no one defines

Then `{{ page.autor }}`, `{% if site.github_user %}`, `{{ page.x | default: "y" }}` (the
default filter comes too late) and `| slugifyy` end the build ("Liquid error: undefined
variable autor"), where Jekyll's default settings print nothing. Checked against Jekyll
4.3 by building each case.

What a page has: its front matter over `defaults:`, and what Jekyll gives every post
(`title`, `date`, `url`, `tags`...; `layout` only when set). What the site has: the keys
of `_config.yml` and Jekyll's default configuration (`site.url` is not one: a plain
`jekyll build` has none), Jekyll's own (`posts`, `data`, `time`...), its collections,
the data files of `_data/`. Keys inside a mapping of the front matter or the
configuration are followed (`page.meta.a`); other values (a post of a loop, a date) are
not judged. Plugins can add names: a site with `_plugins/`, or a gem not listed here,
or a theme (its own `_config.yml` adds keys to `site`) is not judged where that matters.

`settings` also reads `error_mode: strict`, under which Liquid's strict parser decides
what parses (`liquid_syntax.first_error`, BC505)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from blogcheck.jekyll import plugins
from blogcheck.jekyll.liquid_render import FILTERS
from blogcheck.jekyll.site import Site
from blogcheck.links.liquid import Tag
from blogcheck.post import Post

# What Jekyll 4.3's DocumentDrop gives a post besides its front matter (`drop.keys`).
PAGE_KEYS = frozenset({"categories", "collection", "content", "date", "draft", "excerpt", "ext", "id", "name", "next",
                       "output", "path", "previous", "relative_path", "slug", "tags", "title", "url"})
# What a page (not a post) has besides its front matter (Jekyll 4.3's Page#to_liquid).
PAGES_KEYS = frozenset({"content", "dir", "excerpt", "name", "path", "url"})
# SiteDrop's own names, and the keys of Jekyll 4.3's default configuration (`site.keys`).
SITE_KEYS = frozenset({
    "categories", "collections", "config", "data", "documents", "html_pages", "pages", "posts", "related_posts",
    "static_files", "tags", "time", "serving",
    "baseurl", "cache_dir", "collections_dir", "data_dir", "defaults", "destination", "detach", "encoding",
    "excerpt_separator", "exclude", "future", "highlighter", "host", "include", "includes_dir", "incremental",
    "keep_files", "kramdown", "layouts_dir", "limit_posts", "liquid", "lsi", "markdown", "markdown_ext",
    "paginate_path", "permalink", "plugins", "plugins_dir", "port", "quiet", "safe", "show_dir_listing",
    "show_drafts", "source", "strict_front_matter", "timezone", "unpublished", "verbose", "whitelist"})
# Values Jekyll makes itself, whatever the front matter says: not followed.
_MADE = frozenset({"categories", "tags", "date", "title", "slug", "excerpt", "content", "url", "next", "previous"})
# Names that gems add to the page or the site; a gem missing here (and in FILTERLESS) is not judged.
PAGE_PLUGIN_KEYS = {"jekyll-default-layout": frozenset({"layout"}),
                    "jekyll-last-modified-at": frozenset({"last_modified_at"})}
SITE_PLUGIN_KEYS = {"jekyll-github-metadata": frozenset({"github"})}
GEM_FILTERS = {"jemoji": frozenset({"emojify"}), "jekyll-mentions": frozenset({"mentionify"}),
               "jekyll-toc": frozenset({"toc_only", "inject_anchors", "toc"}),
               "jekyll-email-protect": frozenset({"encode_email"})}
# Gems that add no filter and no name to a post or the site (read in their lib/).
QUIET_GEMS = frozenset({
    *plugins.PAGES_PLUGINS, "jekyll-sitemap", "jekyll-feed", "jekyll-seo-tag", "jekyll-paginate", "jekyll-archives",
    "jekyll-include-cache", "jekyll-mermaid", "jekyll-youtube", "jekyll-twitter-plugin", "jekyll-target-blank",
    "jekyll-minifier", "jekyll-loading-lazy", "jekyll-compose", "jekyll-admin", "jekyll-postcss", "jekyll-spaceship",
    "github-pages"}) - set(PAGE_PLUGIN_KEYS) - set(SITE_PLUGIN_KEYS) - set(GEM_FILTERS)
# Liquid 5's filters beyond Liquid 4's (the Jekyll of Debian and of Ruby 3.x sites runs Liquid 5).
_LIQUID5_FILTERS = frozenset({"base64_decode", "base64_encode", "base64_url_safe_decode", "base64_url_safe_encode",
                              "remove_last", "replace_last", "sort_natural"})
_KEYWORDS = frozenset({"and", "or", "contains", "true", "false", "nil", "null", "empty", "blank", "reversed",
                       "in", "with", "for", "as"})
_QUOTED = re.compile(r"\"[^\"]*\"|'[^']*'")
_PATH = re.compile(r"(?<![\w.\-\]])([A-Za-z_][\w-]*)((?:\.[\w-]+\??|\[(?:\"[^\"]*\"|'[^']*'|[^\]]*)\])*)", re.ASCII)
_STEP = re.compile(r"\.([\w-]+\??)|\[(?:\"([^\"]*)\"|'([^']*)'|[^\]]*)\]", re.ASCII)
_FILTER = re.compile(r"\|\s*([\w-]+)", re.ASCII)
_INCLUDE_PARAM = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"\\]*(?:\\.[^"\\]*)*)"|'([^'\\]*(?:\\.[^'\\]*)*)'|([\w.-]+))""",
                            re.ASCII)  # Jekyll's IncludeTag::VALID_SYNTAX
_FOR = re.compile(r"\s*[\w-]+\s+in\s+(.*)", re.S | re.ASCII)
_MARKUP_MAX = 2_000
_DATA_FILES = frozenset({".yaml", ".yml", ".json", ".csv", ".tsv"})  # DataReader's glob: in lower case
_DROPPED = re.compile(r"[^\w\s-]+|(?:^|(?<=\b\s))\s+(?=$|\s?\b)", re.ASCII)  # Jekyll's sanitize_filename
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Strict:
    variables: bool = False
    filters: bool = False
    syntax: bool = False  # `error_mode: strict`: what "warn" mode warns about stops the build

    def __bool__(self) -> bool:
        """Whether names or filters are judged (BC509)."""
        return self.variables or self.filters


def settings(config: Mapping[str, Any]) -> Strict:
    """The `liquid:` strictness of `_config.yml` (Ruby reads any value but nil and false as true)."""
    liquid = config.get("liquid")
    if not isinstance(liquid, dict):
        return Strict()
    return Strict(_truthy(liquid.get("strict_variables")), _truthy(liquid.get("strict_filters")),
                  str(liquid.get("error_mode")) == "strict")


def _truthy(value: object) -> bool:
    return value is not None and value is not False  # `0` too: Ruby reads it as true


@dataclass(frozen=True)
class Names:
    """What the site defines; None where plugins or a theme may add to it."""

    site: frozenset[str] | None
    page_extra: frozenset[str] | None  # names gems add to every post
    filters: frozenset[str] | None
    data: frozenset[str] | None  # `site.data.<name>`: files and folders of `_data/`
    config: Mapping[str, Any]


def names(site: Site) -> Names:
    """What the site's build defines: nothing judged when `_plugins/` or a gem outside
    these tables may add names; the site's own names not when a theme may."""
    own = next(Path(site.root, "_plugins").rglob("*.rb"), None) is not None
    loaded = [gem.removesuffix(".rb") for gem in plugins.loaded(site)]
    known = not own and all(gem in QUIET_GEMS or gem in PAGE_PLUGIN_KEYS or gem in SITE_PLUGIN_KEYS
                            or gem in GEM_FILTERS for gem in loaded)
    if not known:
        return Names(None, None, None, None, site.config)
    page_extra = frozenset().union(*(PAGE_PLUGIN_KEYS.get(gem, frozenset()) for gem in loaded))
    site_keys = SITE_KEYS | {str(key) for key in site.config} | _collections(site.config)
    site_keys |= frozenset().union(*(SITE_PLUGIN_KEYS.get(gem, frozenset()) for gem in loaded))
    filters = frozenset(FILTERS) | _LIQUID5_FILTERS | frozenset().union(*(GEM_FILTERS.get(g, frozenset())
                                                                          for g in loaded))
    if site.has_theme:  # a theme's own `_config.yml` and `_data/` add to the site
        return Names(None, page_extra, filters, None, site.config)
    return Names(frozenset(site_keys), page_extra, filters, _data_names(site), site.config)


def _collections(config: Mapping[str, Any]) -> frozenset[str]:
    found = config.get("collections")
    if isinstance(found, dict):
        return frozenset(str(key) for key in found)
    if isinstance(found, list):
        return frozenset(str(key) for key in found if isinstance(key, str | int))
    return frozenset()


def _data_names(site: Site) -> frozenset[str] | None:
    """`site.data`'s keys as Jekyll's DataReader makes them: the folders and the
    `.yml`/`.yaml`/`.json`/`.csv`/`.tsv` files of `_data/` (not hidden ones), named by
    its `sanitize_filename` (`my.file.yml` is `myfile`, `my file.yml` is `my_file`)."""
    folder = site.root / str(site.config.get("data_dir") or "_data")
    try:
        entries = list(folder.iterdir())[:10_000] if folder.is_dir() else []
        kept = [entry.name if entry.is_dir() else entry.name.rsplit(".", 1)[0] for entry in entries
                if not entry.name.startswith(".") and (entry.is_dir() or entry.suffix in _DATA_FILES)]
    except OSError:
        return None
    return frozenset(_SPACES.sub("_", _DROPPED.sub("", name)) for name in kept)


@dataclass(frozen=True)
class Problem:
    tag: Tag
    message: str
    hint: str


def problems(tag: Tag, post: Post, known: Names, strict: Strict, assigned: set[str], in_text: bool) -> list[Problem]:
    """What the strict settings make of one live tag: at most one problem for each."""
    found: list[Problem] = []
    for expression in _expressions(tag):
        blank = _QUOTED.sub(lambda m: " " * len(m[0]), expression).replace("..", "  ")
        if strict.filters and known.filters is not None and (tag.output or tag.name in ("assign", "echo")):
            for name in filter_names(expression):
                if name not in known.filters:
                    close = difflib.get_close_matches(name, sorted(known.filters), n=1)
                    found.append(Problem(tag, f"no filter `{name}` is defined (by Liquid, Jekyll or the site's "
                                         "plugins): `_config.yml` sets `liquid: strict_filters`, so the build stops "
                                         f"(`Liquid error: undefined filter {name}`)",
                                         f"did you mean `{close[0]}`?" if close else "remove the filter"))
                    return found
        if not strict.variables:
            continue
        for root, steps in _paths(blank, expression):
            if tag.output and root not in ("page", "site", "jekyll"):
                continue  # BC502 says it
            missing = _missing(root, steps, post, known, assigned, in_text)
            if missing:
                what, name = missing
                hint = ("assign it before this tag, or mend the name" if root not in ("page", "site") else
                        "set the value in the front matter or `_config.yml`, or mend the name")
                found.append(Problem(tag, f"{what}: `_config.yml` sets `liquid: strict_variables`, so the build "
                                     f"stops (`Liquid error: undefined variable {name}`)", hint))
                return found
    return found


def filter_names(expression: str) -> list[str]:
    """The names of the filters an expression applies (`| upcase`), quoted text left out."""
    return _FILTER.findall(_QUOTED.sub(lambda m: " " * len(m[0]), expression))


def _expressions(tag: Tag) -> list[str]:
    """The parts of a tag's markup where Liquid looks names up."""
    markup = tag.markup if len(tag.markup) <= _MARKUP_MAX else ""
    if tag.output or tag.name in ("echo", "if", "elsif", "unless", "case", "when"):
        return [markup]
    if tag.name == "assign" and "=" in markup:
        return [markup.split("=", 1)[1]]
    if tag.name in ("for", "tablerow") and (found := _FOR.match(markup)):
        return [found[1]]
    if tag.name in ("include", "include_relative"):  # `p=page.x`: Jekyll looks the unquoted value up
        return [param[4] for param in _INCLUDE_PARAM.finditer(markup) if param[4]]
    return []


def _paths(blank: str, expression: str) -> Iterator[tuple[str, list[str | None]]]:
    """Each name looked up: its root and the keys after it (None: a key Liquid computes)."""
    for found in _PATH.finditer(blank):
        root = found[1]
        before = blank[:found.start()].rstrip()
        after = blank[found.end():].lstrip()
        if root in _KEYWORDS or before.endswith("|") or after.startswith(":"):
            continue  # a keyword, a filter's name, a named argument
        written = expression[found.start(2):found.end(2)]
        yield root, [step[1] or step[2] or step[3] or None for step in _STEP.finditer(written)]


def _missing(root: str, steps: list[str | None], post: Post, known: Names, assigned: set[str],
             in_text: bool) -> tuple[str, str] | None:
    """What the lookup names that is not there, and that name (None when it is, or cannot be known)."""
    if root == "page":
        if not steps or steps[0] is None or known.page_extra is None:
            return None
        key, post_like = steps[0], post.kind in ("posts", "drafts")
        if not post_like and any(part.startswith("_") for part in post.rel.split("/")[:-1]):
            return None  # a collection's document: its names and `defaults:` by type are not modelled here
        if key in post.data:
            made = key in _MADE and post_like
            return None if made else _inside(post.data[key], steps[1:], f"page.{key}", "the page's")
        if key in (PAGE_KEYS if post_like else PAGES_KEYS) or key in known.page_extra:
            return None
        return f"the page has no `{key}`", key
    if root == "site":
        if not steps or steps[0] is None or known.site is None:
            return None
        key = steps[0]
        if key == "data" and len(steps) > 1 and steps[1] is not None and known.data is not None \
                and steps[1] not in known.data:
            return f"the site has no data file `{steps[1]}` in `_data/`", steps[1]
        if key in known.config:
            return _inside(known.config[key], steps[1:], f"site.{key}", "the site's")
        return None if key in known.site else (f"the site has no `{key}` (not in `_config.yml`)", key)
    if root == "jekyll" and steps and steps[0] is not None and steps[0] not in ("version", "environment"):
        return f"Jekyll's `jekyll` has no `{steps[0]}` (only `version` and `environment`)", steps[0]
    if not in_text or root in assigned or root in _ROOTS:
        return None
    return f"Jekyll has no variable `{root}`, and the post assigns none", root


_ROOTS = frozenset({"layout", "include", "content", "paginator", "jekyll", "theme", "forloop", "tablerowloop"})


def _inside(value: object, steps: list[str | None], written: str, whose: str) -> tuple[str, str] | None:
    """Follow keys into a mapping of the front matter or the configuration (other
    values are not judged: a list's `first` is a value of its own)."""
    for step in steps:
        if step is None or not isinstance(value, dict):
            return None
        if step not in value:
            return f"{whose} `{written}` has no `{step}`", step
        value, written = value[step], f"{written}.{step}"
    return None
