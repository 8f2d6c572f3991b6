"""Post URLs from every placeholder Jekyll 4.3's UrlDrop offers a post (drops/url_drop.rb),
`category:` and `categories:` merged as Document#populate_categories merges them, and
placeholders read as URL#generate_url_from_drop reads them (the whole `[a-z_]` run, or
it less one trailing `_`). Real Jekyll builds a small site; blogcheck's URL of every post
must be Jekyll's, and two posts Jekyll gives two URLs are no BC140."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

import pytest
import yaml

from blogcheck.checks import Context
from blogcheck.checks.urls import url_of
from blogcheck.cli import main
from blogcheck.config import Config
from blogcheck.jekyll import dates
from blogcheck.jekyll.site import load_site
from blogcheck.jekyll.url import post_url, unknown_placeholders
from blogcheck.post import Post, load

REPORT = """require "json"
Jekyll::Hooks.register :site, :post_write do |site|
  urls = site.posts.docs.map { |doc| [doc.relative_path, doc.url] }.to_h
  File.write(File.join(site.source, "urls.json"), JSON.dump(urls))
end
"""
EVERY = ("/:year/:short_year/:month/:i_month/:short_month/:long_month/:day/:i_day/:y_day/:w_year/:week/:w_day/"
         ":short_day/:long_day/:hour/:minute/:second/:title/:slug/:name/:path/:collection/:categories/"
         ":slugified_categories:output_ext")
POSTS = {  # the site's permalink is `/blog/:name/`
    "_posts/2024-01-01-weekly.md": {},
    "_posts/2024-01-08-weekly.md": {},
    "_posts/2024-01-04-My_Post.md": {},
    "_posts/2024-01-02-p1.md": {"categories": ["Foo Bar", "Baz"], "permalink": "/:slugified_categories/:title/"},
    "blog/_posts/2024-01-03-c1.md": {"categories": ["Foo", "bar"], "category": "Baz",
                                     "permalink": "/:categories/:title/"},
    "_posts/2024-01-09-c2.md": {"categories": "Foo  bar", "category": ["Baz", "foo"],
                                "permalink": "/:categories/:slugified_categories/:title/"},
    "_posts/2024-01-10-c3.md": {"categories": ["a", None, "b"], "permalink": "/:categories/:title/"},
    "_posts/2021-01-02-all_the_things.md": {"date": "2021-01-02 03:04:05 +0000", "permalink": EVERY,
                                            "categories": ["Ünïcode Cat", "x_y", "X_Y"]},
    "_posts/2024-01-11-under.md": {"permalink": "/:year/:month_:day/:title/"},
    "_posts/2024-01-12-dots.md": {"slug": "a..b", "permalink": "/:title/"},
    # A folder inside `_posts/`, a file name's date that is not the post's: only the file
    # gives `:name` and `:path`.
    "_posts/sub/2024-01-05-in-sub.md": {"permalink": "/p/:path/"},
    "_posts/2024-1-6-unpadded.md": {"permalink": "/n/:name/"},
    "_posts/2024-01-07-moved.md": {"date": "2024-02-01", "permalink": "/m/:name/:path/"},
    # `categories:` of `defaults:` and of the post are joined (Document#merge_categories!)
    "_posts/2024-01-13-d1.md": {"categories": ["Tech", "News"], "permalink": "/:categories/:title/"},
    "_posts/2024-01-14-d2.md": {"categories": "tech", "permalink": "/:categories/:title/"},
}
DEFAULTS = [{"scope": {"path": "_posts/2024-01-13-d1.md"}, "values": {"categories": ["News", "Daily"]}},
            {"scope": {"path": "_posts/2024-01-14-d2.md"}, "values": {"categories": "news"}}]


def _site(root: Path) -> Path:
    for rel, front in POSTS.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("---\n" + yaml.safe_dump({"title": "t", **front}, allow_unicode=True) + "---\nText.\n",
                        encoding="utf-8")
    config = {"title": "t", "permalink": "/blog/:name/", "exclude": ["urls.json"], "defaults": DEFAULTS}
    (root / "_config.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return root


def test_every_placeholder_gives_jekylls_url(tmp_path: Path) -> None:
    assert shutil.which("jekyll"), ".ci/run installs jekyll"
    root = _site(tmp_path / "site")
    (root / "_plugins").mkdir()
    (root / "_plugins" / "report.rb").write_text(REPORT, encoding="utf-8")
    build = subprocess.run(["jekyll", "build", "--quiet"], cwd=root, capture_output=True, text=True, timeout=300,
                           check=False)
    assert build.returncode == 0, build.stderr[-2000:]
    # blogcheck's URLs are unescaped, as links are compared once unquoted (`%20` is a space).
    jekyll = {rel: unquote(url) for rel, url in json.loads((root / "urls.json").read_text(encoding="utf-8")).items()}
    assert sorted(jekyll) == sorted(POSTS)
    site = load_site(root)
    posts = [p for p in (load(root / rel, rel, site, 10**6) for rel in POSTS) if isinstance(p, Post)]
    ctx = Context(site, Config(), posts)
    assert {p.rel: url_of(p, ctx) for p in posts} == jekyll
    for post in posts:  # given the file, every post's URL
        name = PurePosixPath(post.rel).name
        match = dates.POST_NAME.match(name)
        moment = dates.post_moment(post.data, name)
        assert match is not None and moment is not None
        url = post_url(post.data, match[2], dates.in_zone(moment, site.timezone), post.path_categories,
                       site.config, match[3], file=post.doc or post.rel)
        assert url == jekyll[post.rel], post.rel


def test_posts_jekyll_gives_two_urls_are_no_bc140(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _site(tmp_path / "site")
    main(["check", "--offline", "--select", "BC140", "--format", "json", str(root)])
    assert json.loads(capsys.readouterr().out)["diagnostics"] == []


@pytest.mark.parametrize(("config", "front", "where"), [
    ("title: t\npermalink: /:yaer/:title/\n", "", ("_config.yml", 2, 12)),
    ("title: t\ncollections:\n  posts:\n    permalink: /:titel/\n", "", ("_config.yml", 4, 16)),
    ("title: t\n", "permalink: /x/:title:output_ext:foo\n", ("_posts/2024-01-01-a.md", 3, 12)),
])
def test_a_placeholder_jekyll_does_not_know_stops_its_build_and_is_bc141(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], config: str, front: str,
        where: tuple[str, int, int]) -> None:
    root = tmp_path / "site"
    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text(config, encoding="utf-8")
    for day in (1, 2):  # a site-wide template is reported once, not once a post
        (root / "_posts" / f"2024-01-0{day}-a.md").write_text(f"---\ntitle: a\n{front if day == 1 else ''}---\nx\n")
    build = subprocess.run(["jekyll", "build", "--quiet"], cwd=root, capture_output=True, text=True, timeout=300,
                           check=False)
    assert build.returncode != 0 and "Check your permalink template" in build.stderr
    main(["check", "--offline", "--select", "BC141", "--format", "json", str(root)])
    [found] = json.loads(capsys.readouterr().out)["diagnostics"]
    assert (Path(found["path"]).relative_to(root).as_posix(), found["line"], found["column"]) == where


def test_jekylls_placeholders_are_all_known() -> None:
    assert unknown_placeholders(EVERY + ":month_:day") == []


def test_an_htm_post_keeps_its_extension_and_a_post_dated_ahead_overwrites_only_later(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A front-matter audit: Jekyll 4.3 writes `a.htm` and `a.html` for two posts of one
    name (blogcheck took both for `.html`: a false BC140), and builds a post dated ahead
    only from its date, so a shared permalink overwrites from then on; `future: "true"`
    (a string) is true to Ruby."""
    root = tmp_path / "site"
    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text("title: t\n", encoding="utf-8")
    (root / "_posts" / "2024-03-06-a.htm").write_text("---\ntitle: A\n---\n<p>x</p>\n", encoding="utf-8")
    (root / "_posts" / "2024-03-06-a.md").write_text("---\ntitle: A\n---\nx\n", encoding="utf-8")
    (root / "_posts" / "2024-03-07-b.md").write_text("---\ntitle: B\npermalink: /same/\n---\nx\n", encoding="utf-8")
    (root / "_posts" / "2999-01-01-c.md").write_text("---\ntitle: C\npermalink: /same/\n---\nx\n", encoding="utf-8")
    built = subprocess.run(["jekyll", "build"], cwd=root, capture_output=True, text=True, timeout=300, check=False)
    assert built.returncode == 0 and "Skipping: _posts/2999-01-01-c.md has a future date" in built.stdout + built.stderr
    assert (root / "_site/2024/03/06/a.htm").is_file() and (root / "_site/2024/03/06/a.html").is_file()
    main(["check", "--offline", "--select", "BC140", "--format", "json", str(root)])
    found = [d["message"] for d in json.loads(capsys.readouterr().out)["diagnostics"]]
    assert found == [f"publishes to /same/, as _posts/{other}.md does; one overwrites the other from 2999-01-01 "
                     "00:00 on (a post dated ahead is built then)" for other in ("2999-01-01-c", "2024-03-07-b")]
    (root / "_config.yml").write_text("title: t\nfuture: 'true'\n", encoding="utf-8")
    built = subprocess.run(["jekyll", "build"], cwd=root, capture_output=True, text=True, timeout=300, check=False)
    assert "Skipping" not in built.stdout + built.stderr
    main(["check", "--offline", "--select", "BC123,BC140", "--format", "json", str(root)])
    found = [(d["code"], d["message"]) for d in json.loads(capsys.readouterr().out)["diagnostics"]]
    assert [code for code, _ in found] == ["BC140", "BC140"] and "dated ahead" not in str(found)


def test_an_empty_title_for_the_url_is_bc127_where_jekyll_warns_empty_slug(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`2024-03-07-.md` is a post to Jekyll 4.3 (its name matches), whose `:title` is
    empty: Jekyll warns "Empty `slug`" and writes `/2024/03/07/.html`, a hidden file. So
    does `slug: "!!"` under `:slug` (the default mode keeps no `!`); a `slug:` with a
    letter saves an empty file name title."""
    root = tmp_path / "site"
    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text("title: t\n", encoding="utf-8")
    posts = {"2024-03-07-.md": "", "2024-03-08--.md": "", "2024-03-09-ok.md": "slug: '!!'\npermalink: /:year/:slug/\n",
             "2024-03-10-.md": "slug: saved\n", "2024-03-11-fine.md": ""}
    for name, front in posts.items():
        (root / "_posts" / name).write_text(f"---\ntitle: A\n{front}---\nx\n", encoding="utf-8")
    built = subprocess.run(["jekyll", "build"], cwd=root, capture_output=True, text=True, timeout=300, check=False)
    warned = built.stdout + built.stderr
    assert built.returncode == 0 and warned.count("Empty `slug`") == 3
    assert (root / "_site/2024/03/07/.html").is_file() and (root / "_site/2024/index.html").is_file()
    main(["check", "--offline", "--select", "BC127", "--format", "json", str(root)])
    report = json.loads(capsys.readouterr().out)["diagnostics"]
    found = {(PurePosixPath(d["path"]).name, d["line"], d["url"]) for d in report}
    assert found == {("2024-03-07-.md", 1, "/2024/03/07/.html"), ("2024-03-08--.md", 1, "/2024/03/08/.html"),
                     ("2024-03-09-ok.md", 3, "/2024/")}


@pytest.mark.parametrize(("value", "built", "code"), [
    ("2020-01-01", [], "BC120"),  # a Date object: Jekyll cannot read it in a default, and drops each post
    ("2020-01-01 10:00:00 +0000", ["2020/01/01/a.html", "2020/01/01/b.html"], "BC121"),
    ('"2020-01-01"', ["2020/01/01/a.html", "2020/01/01/b.html"], "BC121"),
])
def test_a_date_in_defaults_overrides_every_file_name_or_drops_every_post(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], value: str, built: list[str], code: str) -> None:
    """`date:` in `defaults:` of _config.yml: Jekyll 4.3 dates each post of the scope by it
    (its file name's date no longer counts), and an unquoted date without a time makes it
    leave every such post out ("no implicit conversion of Date into String"). No finding
    said either (blogcheck read only a `date:` in the front matter)."""
    root = tmp_path / "site"
    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text(f"title: t\ndefaults:\n  - scope: {{path: '', type: posts}}\n"
                                      f"    values: {{date: {value}}}\n", encoding="utf-8")
    for day, name in ((5, "a"), (6, "b")):
        (root / "_posts" / f"2024-03-0{day}-{name}.md").write_text("---\ntitle: T\n---\nx\n", encoding="utf-8")
    subprocess.run(["jekyll", "build"], cwd=root, capture_output=True, text=True, timeout=300, check=False)
    pages = sorted(p.relative_to(root / "_site").as_posix() for p in (root / "_site").rglob("*.html")) \
        if (root / "_site").exists() else []
    assert pages == built
    main(["check", "--offline", "--select", "BC120,BC121", "--format", "json", str(root)])
    found = json.loads(capsys.readouterr().out)["diagnostics"]
    assert [(PurePosixPath(d["path"]).name, d["code"]) for d in found] == [("2024-03-05-a.md", code),
                                                                          ("2024-03-06-b.md", code)]
    assert all(d.get("url", "/2020/01/01/").startswith("/2020/01/01/") for d in found)
