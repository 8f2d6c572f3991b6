"""BC506: a tag that no Liquid, Jekyll or plugin of the site defines stops the build.
Reported only when the site's plugins are all known (its `_plugins/`, and gems of
`blogcheck.jekyll.plugins.GEM_TAGS`); real Jekyll agrees where it can be built here."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from blogcheck.cli import main
from blogcheck.jekyll import plugins
from blogcheck.jekyll.site import load_site

POST = "Watch {% youtube abc123 %} then {% gist 42 %}.\n\n```text\n{% youtube in-code %}\n```\n"
PLUGIN = """module Video
  class Tag < Liquid::Tag
    def render(_context) = "VIDEO"
  end
end
Liquid::Template.register_tag("youtube", Video::Tag)
Liquid::Template.register_tag('gist', Video::Tag)
"""


def _site(root: Path, config: str = "", body: str = POST) -> Path:
    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text("title: t\nmarkdown: kramdown\n" + config, encoding="utf-8")
    (root / "_posts" / "2024-01-01-p.md").write_text("---\ntitle: t\n---\n" + body, encoding="utf-8")
    return root


def _findings(site: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> list[tuple[int, str]]:
    monkeypatch.chdir(site)
    main(["check", "--select", "liquid", "--format", "json"])
    found = json.loads(capsys.readouterr().out)["diagnostics"]
    return [(d["line"], d["code"]) for d in found if d["code"] in ("BC501", "BC506")]


def test_an_unknown_tag_stops_the_build_and_a_site_plugin_defines_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    site = _site(tmp_path / "site")
    assert _findings(site, monkeypatch, capsys) == [(4, "BC506"), (7, "BC501")]  # gist: on at GitHub Pages
    monkeypatch.chdir(site)
    main(["check", "--select", "liquid"])
    out = capsys.readouterr().out
    assert "Unknown tag 'youtube' (no plugin this site loads defines it)" in out
    assert "`youtube` is no Liquid tag, so the Jekyll build stops" in out  # in code: BC501 says it too
    assert shutil.which("jekyll"), ".ci/run installs jekyll"
    build = subprocess.run(["jekyll", "build"], cwd=site, capture_output=True, text=True, timeout=300, check=False)
    assert build.returncode != 0 and "Unknown tag 'youtube'" in build.stdout + build.stderr
    (site / "_plugins").mkdir()
    (site / "_plugins" / "video.rb").write_text(PLUGIN, encoding="utf-8")
    assert _findings(site, monkeypatch, capsys) == [(7, "BC501")]  # the tag runs: the code shows its output
    build = subprocess.run(["jekyll", "build"], cwd=site, capture_output=True, text=True, timeout=300, check=False)
    assert build.returncode == 0, build.stderr
    assert "VIDEO" in (site / "_site" / "2024" / "01" / "01" / "p.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("config,gemfile,plugin,reported", [
    ("plugins: [jekyll-feed, jekyll-seo-tag]\n", "", "", True),
    ("plugins: [jekyll-youtube]\n", "", "", False),  # the gem defines `youtube`
    ("", 'group :jekyll_plugins do\n  gem "jekyll-youtube", "~> 1.0"\nend\n', "", False),
    ("", 'gem "jekyll-youtube", group: :jekyll_plugins\n', "", False),
    ("", 'gem "jekyll-youtube"\n', "", True),  # outside the group, a gem is not a plugin
    ("plugins: [jekyll-made-up]\n", "", "", False),  # a gem not in the table: it may define anything
    ("", "", "NAMES.each { |n| Liquid::Template.register_tag(n, Tag) }\n", False),  # names not written out
    ("", "", "Liquid::Template.register_tag :youtube, Tag\n", False),
])
def test_what_the_site_loads_decides(config: str, gemfile: str, plugin: str, reported: bool, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    site = _site(tmp_path / "site", config, "Watch {% youtube abc123 %}.\n")
    if gemfile:
        (site / "Gemfile").write_text('source "https://rubygems.org"\n' + gemfile, encoding="utf-8")
    if plugin:
        (site / "_plugins").mkdir()
        (site / "_plugins" / "p.rb").write_text(plugin, encoding="utf-8")
    assert (_findings(site, monkeypatch, capsys) == [(4, "BC506")]) is reported


def test_the_corpus_blogs_plugins(corpus_dir: Path) -> None:
    """made-mistakes loads a gem the table lacks (and has `_plugins/`, not in the corpus):
    nothing is judged there. The other three load only known gems."""
    known = {blog.name: plugins.known_tags(load_site(blog)) for blog in sorted(corpus_dir.iterdir())
             if (blog / "_config.yml").is_file()}
    assert known["mmistakes__made-mistakes-jekyll"] is None
    assert known["daattali__daattali.github.io"] == plugins.CORE | {"feed_meta", "gist", "github_edit_link"}
    assert known["ivanstudyblog__ivanstudyblog.github.io"] == known["daattali__daattali.github.io"] | {"seo"}
    assert known["jekyll__jekyll"] == known["ivanstudyblog__ivanstudyblog.github.io"] | {"avatar"}


OWN_BUILD = """name: site
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: ruby/setup-ruby@v1
        with: {bundler-cache: true}
      - run: bundle exec jekyll build
      - run: blogcheck publish --build-command "jekyll build"
"""


@pytest.mark.parametrize(("where", "workflow", "reported"), [
    ("", "", False),  # no CI file: GitHub Pages builds it, jekyll-gist on
    (".github/workflows/site.yml", OWN_BUILD, True),  # the Gemfile's plugins only
    ("../.github/workflows/site.yml", OWN_BUILD, True),  # a site in `docs/` of the repository
    ("netlify.toml", '[build]\n  command = "jekyll build"\n', True),
    (".github/workflows/pages.yml", OWN_BUILD.replace("bundle exec jekyll build", "echo") +
     "      - uses: actions/jekyll-build-pages@v1\n", False),  # GitHub's own Pages action: github-pages gem
    (".github/workflows/lint.yml", "steps:\n  - run: blogcheck check --build-command 'jekyll build'\n", False),
    (".github/workflows/ci.yml", "# we used to run jekyll build here\nsteps:\n  - name: jekyll build check\n"
     "    run: echo ok\n", False),  # a comment, a step's name
    (".github/workflows/ci.yml", "steps:\n  - uses: helaili/jekyll-action@v2\n", True),
    (".github/workflows/ci.yml", "# not actions/jekyll-build-pages\nsteps:\n  - run: jekyll build && blogcheck check\n",
     True),
])
def test_gist_is_a_tag_where_github_pages_builds_the_site(
        where: str, workflow: str, reported: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    site = _site(tmp_path / "repo" / "docs", "", "Code: {% gist 42 %}.\n")
    if where:
        (site / where).parent.mkdir(parents=True, exist_ok=True)
        (site / where).write_text(workflow, encoding="utf-8")
    assert (_findings(site, monkeypatch, capsys) == [(4, "BC506")]) is reported
    if reported:  # the Jekyll here has no jekyll-gist, as a build with such a Gemfile would not
        build = subprocess.run(["jekyll", "build"], cwd=site, capture_output=True, text=True, timeout=300,
                               check=False)
        assert build.returncode != 0 and "Unknown tag 'gist'" in build.stdout + build.stderr
