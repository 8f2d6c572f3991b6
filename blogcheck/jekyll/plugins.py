"""Which Liquid tags a site's Jekyll defines: Liquid's and Jekyll's own, those its
`_plugins/` register, and those of the plugin gems it loads (`plugins:` or `gems:`
in `_config.yml`, the Gemfile's `jekyll_plugins` group, and GitHub Pages' defaults
unless the site is built another way). A tag outside them stops the build ("Unknown
tag"). When that cannot be known (a gem not in the table below, a plugin that
registers a tag under a computed name), there is no answer.

Built another way: a CI file next to the site (GitHub Actions workflows, Netlify,
GitLab CI...) runs `jekyll build` itself, so the Gemfile's plugins are all it has;
with none (or with `actions/jekyll-build-pages`), GitHub Pages is taken to build it."""

from __future__ import annotations

import re
from pathlib import Path

from blogcheck import files
from blogcheck.jekyll.site import Site
from blogcheck.links.plugins import as_list

# Liquid 4.0's tags (Jekyll 3.10 and 4.3 run it) with their inner tags, Jekyll's own, and
# Liquid 5's `echo`, `liquid` and `render`: a site on Liquid 5 has them, and they are not guessed at.
CORE = frozenset({
    "assign", "break", "capture", "case", "comment", "continue", "cycle", "decrement", "for", "if", "ifchanged",
    "increment", "raw", "tablerow", "unless", "else", "elsif", "when", "highlight", "include", "include_relative",
    "link", "post_url", "echo", "liquid", "render"})
# Gem (or the name `plugins:` requires) -> the tags it registers, read in each gem's lib/
# (2026-11, every version the public code index holds; a gem missing here: no answer).
_NONE: frozenset[str] = frozenset()
GEM_TAGS: dict[str, frozenset[str]] = {
    "jekyll-feed": frozenset({"feed_meta"}), "jekyll-seo-tag": frozenset({"seo"}), "jekyll-sitemap": _NONE,
    "jekyll-paginate": _NONE, "jekyll-paginate-v2": _NONE, "jekyll-gist": frozenset({"gist"}),
    "jekyll-avatar": frozenset({"avatar"}), "jekyll-mentions": _NONE, "jemoji": _NONE, "jekyll-redirect-from": _NONE,
    "jekyll-github-metadata": frozenset({"github_edit_link"}), "jekyll-include-cache": frozenset({"include_cached"}),
    "jekyll-remote-theme": _NONE, "jekyll-relative-links": _NONE, "jekyll-optional-front-matter": _NONE,
    "jekyll-readme-index": _NONE, "jekyll-default-layout": _NONE, "jekyll-titles-from-headings": _NONE,
    "jekyll-coffeescript": _NONE, "jekyll-commonmark-ghpages": _NONE, "jekyll-commonmark": _NONE,
    "jekyll-sass-converter": _NONE, "jekyll-archives": _NONE,
    "jekyll-twitter-plugin": frozenset({"twitter", "twitternocache"}), "jekyll-figure": frozenset({"figure", "figref"}),
    "jekyll-last-modified-at": frozenset({"last_modified_at"}), "jekyll-toc": frozenset({"toc"}),
    "jekyll-algolia": _NONE, "jekyll-spaceship": _NONE, "jekyll-admin": _NONE, "jekyll-compose": _NONE,
    "jekyll-tagging": _NONE, "jekyll/tagging": _NONE, "jekyll-typogrify": _NONE, "jekyll-target-blank": _NONE,
    "jekyll-postcss": _NONE, "jekyll-email-protect": _NONE, "jekyll-minifier": _NONE, "jekyll-loading-lazy": _NONE,
    "jekyll-youtube": frozenset({"youtube"}), "jekyll-mermaid": frozenset({"mermaid"}),
    "jekyll-katex": frozenset({"katex", "katexmm"}),
    "jekyll-polyglot": frozenset({"I18n_Headers", "i18n_headers", "Static_Href", "static_href", "Unrelativized_Link"}),
    "jekyll-scholar": frozenset({"bibliography", "bibliography_count", "bibtex", "cite", "cite_details",
                                 "details_link", "nocite", "quote", "reference", "bibliographyKey",
                                 "bibliographyKeyword", "bibgroupindex", "print_cite"}),
}
GEM_TAGS["jekyll/scholar"] = GEM_TAGS["jekyll-scholar"]
# Always on at GitHub Pages, listed or not (its documentation's "enabled by default").
PAGES_DEFAULTS = ("jekyll-coffeescript", "jekyll-default-layout", "jekyll-gist", "jekyll-github-metadata",
                  "jekyll-optional-front-matter", "jekyll-paginate", "jekyll-readme-index",
                  "jekyll-titles-from-headings", "jekyll-relative-links")
# The plugins the github-pages gem brings (its dependencies; whether each runs depends on
# `plugins:`, so all of them count as defined).
PAGES_PLUGINS = ("jekyll-avatar", "jekyll-coffeescript", "jekyll-commonmark-ghpages", "jekyll-default-layout",
                 "jekyll-feed", "jekyll-gist", "jekyll-github-metadata", "jekyll-include-cache", "jekyll-mentions",
                 "jekyll-optional-front-matter", "jekyll-paginate", "jekyll-readme-index", "jekyll-redirect-from",
                 "jekyll-relative-links", "jekyll-remote-theme", "jekyll-sass-converter", "jekyll-seo-tag",
                 "jekyll-sitemap", "jekyll-titles-from-headings", "jemoji")
_REGISTER = re.compile(r"""register_tag[\s(]+(?:['"]([\w-]+)['"]|:([\w]+)\b)?""")
_GROUP = re.compile(r"^\s*group\b[^\n]*:jekyll_plugins[^\n]*\bdo\b(.*?)^\s*end\b", re.M | re.S)
_GEM = re.compile(r"""^\s*gem\s+['"]([\w.-]+)['"]([^\n]*)""", re.M)
_PLUGIN_BYTES = 1_000_000  # of each _plugins/*.rb file and the Gemfile
_OWN_BUILD = re.compile(r"\bjekyll\s+(?:build|b)\b|\bhelaili/jekyll-action\b")  # a build with the Gemfile
_NOT_A_STEP = re.compile(r"\s*(?:#|-?\s*name\s*:)")  # a comment, a step's or workflow's name
_BLOGCHECK_OPTION = re.compile(r"build[-_]command")  # blogcheck's own `--build-command "jekyll build"`
_PAGES_BUILD = "actions/jekyll-build-pages"  # builds with the github-pages gem
_CI_FILES = ("netlify.toml", ".gitlab-ci.yml", "vercel.json", ".travis.yml", ".circleci/config.yml", "amplify.yml")
_UP = 6  # folders above the site searched for `.github/workflows` (a site in `docs/`), up to the repository


def site_tags(root: Path) -> tuple[frozenset[str], bool]:
    """Tags `_plugins/*.rb` register, and whether each is registered by a written name."""
    names: set[str] = set()
    literal = True
    for path in sorted(Path(root, "_plugins").rglob("*.rb"))[:200]:
        try:
            text = files.read_text(path, _PLUGIN_BYTES, errors="replace")
        except OSError:
            literal = False
            continue
        for found in _REGISTER.finditer(text):
            name = found[1] or found[2]
            if name:
                names.add(name)
            else:
                literal = False
    return frozenset(names), literal


def gems(site: Site) -> list[str]:
    """The plugin gems the site loads: `plugins:` (or the old `gems:`) and the
    Gemfile's `jekyll_plugins` group."""
    listed = as_list(site.config.get("plugins")) + as_list(site.config.get("gems"))
    try:
        gemfile = files.read_text(site.root / "Gemfile", _PLUGIN_BYTES, errors="replace")
    except OSError:
        return listed
    for group in _GROUP.finditer(gemfile):
        listed.extend(m[1] for m in _GEM.finditer(group[1]))
    listed.extend(m[1] for m in _GEM.finditer(gemfile) if "jekyll_plugins" in m[2])
    return listed


def loaded(site: Site) -> list[str]:
    """The plugin gems the site's build loads: its own, and GitHub Pages' defaults when
    GitHub Pages builds it."""
    return [*gems(site), *(PAGES_DEFAULTS if built_by_pages(site.root) else ())]


def built_by_pages(root: Path) -> bool:
    """Whether GitHub Pages builds the site: no CI file next to it runs `jekyll build`
    itself (one that does, in a line that is no comment, no step's name and not
    blogcheck's own `--build-command`, builds with the Gemfile; so does
    helaili/jekyll-action), or one uses `actions/jekyll-build-pages`."""
    own = False
    for path in _ci_files(root):
        try:
            text = files.read_text(path, _PLUGIN_BYTES, errors="replace")
        except OSError:
            continue
        lines = [line for line in text.splitlines() if not _NOT_A_STEP.match(line)]
        if any(_PAGES_BUILD in line for line in lines):
            return True
        own = own or any(_OWN_BUILD.search(line) and not _BLOGCHECK_OPTION.search(line) for line in lines)
    return not own


def _ci_files(root: Path) -> list[Path]:
    """The CI files of the site's folder and those above it, up to its repository's root
    (a folder that cannot be read is passed over)."""
    found: list[Path] = []
    try:
        folder = root.resolve()
    except (OSError, RuntimeError):  # a symbolic link loop
        return found
    for _ in range(_UP + 1):
        try:
            found.extend(path for name in _CI_FILES if (path := folder / name).is_file())
            workflows = folder / ".github" / "workflows"
            if workflows.is_dir():
                found.extend(sorted([*workflows.glob("*.yml"), *workflows.glob("*.yaml")])[:50])
            if (folder / ".git").exists():
                break
        except OSError:
            pass
        if folder.parent == folder:
            break
        folder = folder.parent
    return found


def known_tags(site: Site) -> frozenset[str] | None:
    """Every tag the site's build defines, or None when that cannot be known."""
    own, literal = site_tags(site.root)
    if not literal:
        return None
    names = set(CORE) | own
    loaded_gems = loaded(site)
    if "github-pages" in loaded_gems:
        loaded_gems.extend(PAGES_PLUGINS)
    for gem in loaded_gems:
        if gem == "github-pages":
            continue
        tags = GEM_TAGS.get(gem.removesuffix(".rb"))
        if tags is None:
            return None
        names |= tags
    return frozenset(names)
