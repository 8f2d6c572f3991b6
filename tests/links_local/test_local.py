"""Local links against a site built in tmp_path: files, pages, documents,
posts, plugin pages, `{% post_url %}` and `{% link %}`."""

from __future__ import annotations

from pathlib import Path

import pytest

from blogcheck.config import Config
from blogcheck.jekyll.site import load_site
from blogcheck.run import run

CONFIG = """\
baseurl: /blog
permalink: /:categories/:title/
collections:
  recipes:
    output: true
  drafts_box:
    output: false
exclude: [private]
include: [_pages]
plugins: [jekyll-feed, jekyll-sitemap]
paginate_path: /page:num/
jekyll-archives:
  enabled: [tags]
  permalinks:
    tag: /tags/:name/
"""

FILES = {
    "assets/img/photo one.png": "",
    "assets/css/style.scss": "a {}",
    "about.md": "---\npermalink: /me/\nredirect_from: [/old-about/]\n---\n",
    "contact.html": "---\ntitle: c\n---\n",
    "plain.md": "no front matter: copied as it is\n",
    "guide/index.md": "---\n---\n",
    "_pages/terms.md": "---\npermalink: /legal/terms/\n---\n",
    "_recipes/bread.md": "---\ntitle: Bread\n---\n",
    "_drafts_box/secret.md": "---\n---\n",
    "private/notes.md": "---\n---\n",
    "_redirects": "# Netlify\n/gone-page /me/ 301\n/archive/* /blog/:splat 301\n",
    "_posts/2024-01-05-first.md": "---\ntitle: First\ncategories: [news]\ntags: [Big News]\n---\n## Part one\n",
    "_posts/notes/2024-3-6-day-65.md": "---\ntitle: Day 65\n---\nUnpadded.\n",
    "_posts/2024-02-01-second.md": "---\ntitle: Second\nslug: renamed\ndate: 2024-02-02 10:00:00\n---\n",
}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "_config.yml").write_text(CONFIG, encoding="utf-8")
    for rel, text in FILES.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    return tmp_path


def _codes(site: Path, body: str, name: str = "2024-05-05-probe.md") -> list[str]:
    post = site / "_posts" / name
    post.write_text(f"---\ntitle: probe\n---\n{body}\n", encoding="utf-8")
    result = run([post], load_site(site), Config(select=("links",), offline=True))
    return [d.code for d in result.diagnostics]


@pytest.mark.parametrize("url", [
    "/blog/assets/img/photo%20one.png", "/blog/assets/img/photo one.png?x=1#y", "/blog/assets/css/style.css",
    "/blog/me/", "/blog/me", "/blog/me/index.html", "/blog/old-about/", "/blog/contact.html", "/blog/contact/",
    "/blog/plain.md", "/blog/guide/", "/blog/guide", "/blog/guide/index.html", "/blog/legal/terms/",
    "/blog/recipes/bread.html", "/blog/recipes/bread/", "/blog/news/first/", "/blog/news/first/#part-one",
    "/blog/day-65/", "/blog/renamed/", "/blog/feed.xml", "/blog/sitemap.xml", "/blog/page2/", "/blog/page3",
    "/blog/tags/big-news/", "/blog/gone-page", "/blog/archive/2019/x.html", "/blog/", "/blog",
    "/blog//me/", "/blog/news/first", "/blog/news/first/index.html",
    "../../me/", "../probe/", "./",  # relative to /blog/probe/
])
def test_links_that_resolve(site: Path, url: str) -> None:
    assert _codes(site, f"[x]({url.replace(' ', '%20')})") == []


@pytest.mark.parametrize("url,code", [
    ("/blog/about/", "BC204"),  # about.md has `permalink: /me/`
    ("/blog/about.md", "BC204"),  # a page is not copied as it is
    ("/blog/recipes/cake/", "BC204"),
    ("/blog/drafts_box/secret/", "BC204"),  # a collection without output
    ("/blog/private/notes/", "BC204"),  # excluded in _config.yml
    ("/blog/_posts/2024-01-05-first.md", "BC204"),  # sources in `_` folders are not published
    ("/blog/page/2/", "BC204"),
    ("/blog/tags/other/", "BC204"),
    ("/blog/news/first/#part-two", "BC203"),
    ("/blog/Me/", "BC204"),  # case matters on the server
    ("../../nowhere/", "BC204"),
    # a static server answers a file at its own path only (GitHub Pages, jekyll serve: 404s)
    ("/blog/news/first.html", "BC204"),  # the post is news/first/index.html
    ("/blog/assets/img/photo%20one.png/", "BC204"), ("/blog/assets/img/photo%20one.png.html", "BC204"),
])
def test_links_that_do_not(site: Path, url: str, code: str) -> None:
    assert _codes(site, f"[x]({url})") == [code]


def test_links_markdown_it_would_drop_are_read_as_kramdown_keeps_them(site: Path) -> None:
    """markdown-it renders `[x](file:...)` as text (a safety rule); kramdown makes a link of it,
    so a picture pasted from a local editor is reported, and `javascript:` is left alone."""
    body = "![shot](file:///C:/Users/me/shot.png) [a](javascript:void(0)) ![d](data:image/png;base64,AAAA)"
    assert _codes(site, body) == ["BC208"]


def test_missing_image_is_bc303(site: Path) -> None:
    assert _codes(site, "![x](/blog/assets/img/nope.png) <img src='/blog/nope.gif'>") == ["BC303", "BC303"]


@pytest.mark.parametrize("name,found", [
    ("2024-01-05-first", True), ("/2024-01-05-first", True), ("notes/2024-3-6-day-65", True),
    ("2024-03-06-day-65", True),  # Jekyll's deprecated match: slug and date, any folder
    ("2024-02-01-second", True), ("2024-02-02-second", True), ("2024-01-05-renamed", False),
    ("2024-01-06-first", False), ("first", False),
])
def test_post_url(site: Path, name: str, found: bool) -> None:
    assert _codes(site, f"{{% post_url {name} %}}") == ([] if found else ["BC205"])


def test_post_url_hint_names_the_nearest_post(site: Path) -> None:
    post = site / "_posts" / "2024-05-05-probe.md"
    post.write_text("---\ntitle: p\n---\n[a]({% post_url 2024-01-05-frist %})\n", encoding="utf-8")
    [diag] = run([post], load_site(site), Config(select=("links",), offline=True)).diagnostics
    assert (diag.code, diag.line, diag.column) == ("BC205", 4, 5)
    assert diag.hint == "did you mean `2024-01-05-first`?"


@pytest.mark.parametrize("path,found", [
    ("about.md", True), ("_recipes/bread.md", True), ("assets/css/style.scss", True),
    # `/about.md`: Jekyll finds a page by its path as written, with no leading slash (tags/link.rb; a
    # real build stops, tests/integrations/test_jekyll_link_tag.py); a static file has one
    ("_posts/2024-01-05-first.md", True), ("/about.md", False), ("_pages/terms.md", True),
    ("nope.md", False), ("_layouts/post.html", False), ("private/notes.md", False),
])
def test_link_tag(site: Path, path: str, found: bool) -> None:
    assert _codes(site, f"{{% link {path} %}}") == ([] if found else ["BC204"])


def test_exclude_patterns_apply_to_local_links(site: Path) -> None:
    post = site / "_posts" / "2024-05-05-probe.md"
    post.write_text("---\ntitle: p\n---\n![a](/blog/assets/img/submodule/x.png) [b](/blog/nope/)\n",
                    encoding="utf-8")
    config = Config(select=("links",), offline=True).with_section("links", exclude=["/assets/img/submodule/"])
    result = run([post], load_site(site), config)
    assert [d.code for d in result.diagnostics] == ["BC204"]


def test_a_draft_resolves_relative_links_as_if_published_today(site: Path) -> None:
    drafts = site / "_drafts"
    drafts.mkdir()
    (drafts / "idea.md").write_text("---\ntitle: i\n---\n[a](../me/) [b](../gone/) [c](/blog/me/)\n",
                                    encoding="utf-8")
    result = run([drafts / "idea.md"], load_site(site), Config(select=("links",), offline=True))
    assert [(d.code, d.column) for d in result.diagnostics] == [("BC204", 17)]


def test_a_draft_in_a_category_folder_is_read_at_its_category(site: Path) -> None:
    """`notes/_drafts/idea.md` has the category `notes`, as `notes/_posts/` would give
    it (Jekyll 4.3, asked): its relative image is read below `/blog/notes/idea/`."""
    drafts = site / "notes" / "_drafts"
    drafts.mkdir(parents=True)
    (site / "notes" / "idea").mkdir()
    (site / "notes" / "idea" / "pic.png").write_bytes(b"\x89PNG")
    (drafts / "idea.md").write_text("---\ntitle: i\n---\n![a](pic.png) ![b](gone.png)\n", encoding="utf-8")
    result = run([drafts / "idea.md"], load_site(site), Config(select=("links",), offline=True))
    assert [(d.code, d.message) for d in result.diagnostics] == [
        ("BC303", "`/blog/notes/idea/gone.png` is no image of this site")]


def test_a_drafts_name_in_its_permalink_is_its_file_name(tmp_path: Path) -> None:
    """`permalink: /n/:name/`: Jekyll 4.3 builds `_drafts/my-draft.md` (`--drafts`) at
    `/n/my-draft/` (asked), not under today's date: its relative image is read there."""
    (tmp_path / "_config.yml").write_text("title: t\npermalink: /n/:name/\n", encoding="utf-8")
    (tmp_path / "_drafts").mkdir()
    (tmp_path / "n" / "my-draft").mkdir(parents=True)
    (tmp_path / "n" / "my-draft" / "pic.png").write_bytes(b"\x89PNG")
    draft = tmp_path / "_drafts" / "my-draft.md"
    draft.write_text("---\ntitle: d\n---\n![a](pic.png) ![b](gone.png)\n", encoding="utf-8")
    result = run([draft], load_site(tmp_path), Config(select=("links",), offline=True))
    assert [(d.code, d.message) for d in result.diagnostics] == [
        ("BC303", "`/n/my-draft/gone.png` is no image of this site")]


def test_links_in_a_kramdown_comment_are_not_checked(site: Path) -> None:
    """kramdown writes `{::comment} ... {:/}` as an HTML comment: nobody follows its links."""
    body = "[a](/gone-1/) {::comment}[b](/gone-2/){:/comment}\n\n{::comment}\n[c](/gone-3/)\n{:/}\n\n[d](/gone-4/)"
    post = site / "_posts" / "2024-05-05-probe.md"
    post.write_text(f"---\ntitle: p\n---\n{body}\n", encoding="utf-8")
    found = run([post], load_site(site), Config(select=("links",), offline=True)).diagnostics
    assert [d.message.split("`")[1] for d in found] == ["/gone-1/", "/gone-4/"]


def test_a_page_without_front_matter_is_a_copied_file_and_the_hint_says_so(site: Path) -> None:
    (site / "notes.md").write_text("# Notes\n\nNo front matter: Jekyll copies the file.\n", encoding="utf-8")
    post = site / "_posts" / "2024-05-05-probe.md"
    post.write_text("---\ntitle: p\n---\n[a](/blog/notes.html) [b](/blog/notes.md)\n", encoding="utf-8")
    (found,) = run([post], load_site(site), Config(select=("links",), offline=True)).diagnostics
    assert (found.code, found.column) == ("BC204", 5)
    assert found.hint.startswith("`notes.md` has no front matter, so Jekyll copies it as `/notes.md`")


def test_an_ftp_link_is_a_warning_as_a_redirect_to_ftp_is_an_error(site: Path) -> None:
    """No current browser opens ftp: (a redirect to one was BC201); written in the post, it
    was passed over in silence."""
    assert _codes(site, "[a](ftp://ftp.example.org/pub/x.txt) ![b](FTP://x.org/b.png) [c](ftps://x.org/c)") == \
        ["BC202", "BC304", "BC202"]


def test_malformed_urls_are_findings_not_crashes(site: Path) -> None:
    body = ('[a](http://[::1) <a href="http://exa mple.com/">b</a> [c](https:///nohost) [d](http://x.org:99999/)'
            ' [e](%zz%) [f](/blog/%E0%A4%A) <img src="&#0;"> [g](//) [h](' + "/" + "x" * 100_000 + ")")
    codes = _codes(site, body)
    assert codes.count("BC208") == 5 and set(codes) <= {"BC208", "BC204", "BC303"}


def test_a_link_relative_to_the_file_gets_a_hint(site: Path) -> None:
    post = site / "_posts" / "2024-05-05-probe.md"
    post.write_text("---\ntitle: p\ncategories: [news]\n---\n![a](../assets/img/photo%20one.png)\n", encoding="utf-8")
    [diag] = run([post], load_site(site), Config(select=("links",), offline=True)).diagnostics
    assert diag.code == "BC303" and diag.message == "`/blog/news/assets/img/photo one.png` is no image of this site"
    # with the baseurl (`/assets/...` alone is outside it: a finding of its own)
    assert diag.hint == ("relative links resolve against the post's URL (/blog/news/probe/), not its file: "
                         "write `{{ site.baseurl }}/assets/img/photo one.png`")


def test_a_link_to_a_post_source_file(site: Path) -> None:
    """`[x](2024-01-05-first.md)` works in GitHub's preview, not on the site, unless
    jekyll-relative-links converts posts' links (`relative_links: {collections: true}`)."""
    post = site / "_posts" / "2024-05-05-probe.md"
    post.write_text("---\ntitle: p\n---\n[a](2024-01-05-first.md#part-one) [b](notes/2024-3-6-day-65.md) "
                    "[c](2024-01-05-first.md#nope) [d](2024-09-09-none.md)\n", encoding="utf-8")
    config = Config(select=("links",), offline=True)
    found = run([post], load_site(site), config).diagnostics
    assert [(d.code, d.column) for d in found] == [("BC204", 5), ("BC204", 39), ("BC204", 69), ("BC204", 99)]
    assert found[0].hint == ("that is the source file of a post, published at /blog/news/first/: write "
                             "`{% post_url 2024-01-05-first %}` (or set relative_links: {collections: true} "
                             "with jekyll-relative-links)")
    assert "`{% post_url notes/2024-3-6-day-65 %}`" in found[1].hint
    assert found[3].hint == "check the path and the file name (case matters on the server)"
    with (site / "_config.yml").open("a", encoding="utf-8") as handle:
        handle.write("relative_links:\n  collections: true\n")
    found = run([post], load_site(site), config).diagnostics
    assert [(d.code, d.column) for d in found] == [("BC203", 69), ("BC204", 99)]


def test_page_url_in_liquid(site: Path) -> None:
    assert _codes(site, "[self]({{ site.baseurl }}{{ page.url }}) [anchor]({{ page.url }}#nope)") == ["BC203"]


def test_a_broken_anchor_names_the_heading_it_may_mean(site: Path) -> None:
    post = site / "_posts" / "2024-05-05-anchors.md"
    post.write_text("---\ntitle: a\n---\n## Setup on Linux\n## Setup on Mac\n## Results in full\n\n"
                    "[a](#results) [b](#setup) [c](#reslts-in-full) [d](#nothing)\n", encoding="utf-8")
    found = run([post], load_site(site), Config(select=("BC203",))).diagnostics
    assert [d.hint for d in found] == [
        "did you mean `#results-in-full`?",  # the start of one heading's id
        "link to a heading's id (lower case, hyphens)",  # the start of two: no guess
        "did you mean `#results-in-full`?",  # a near miss
        "link to a heading's id (lower case, hyphens)"]


def test_tags_shown_as_code_embed_nothing(site: Path) -> None:
    post = site / "_posts" / "2024-05-05-figures.md"
    post.write_text(
        "---\ntitle: a\n---\n"
        '{% include figure image_path="/assets/img/photo one.png" alt="there" %}\n'
        "{% include figure image_path='/assets/img/gone.png' %}\n\n"  # line 5
        '> quoted `{% include figure image_path="/in-span.png" %}` and {% include figure image_path="/q.png" %}\n\n'
        "    {% include figure image_path=\"/indented.png\" %}\n\n"
        "```\n{% include figure image_path=\"/fenced.png\" %}\n{% youtube dQw4w9WgXcQ %}\n```\n\n"
        "- `{% youtube dQw4w9WgXcQ %}` {% include figure image_path=\"/li.png\" %}\n\n"
        "  - nested\n\n    - deeper `{% include figure image_path=\"/deep.png\" %}`, code\n", encoding="utf-8")
    result = run([post], load_site(site), Config(select=("links",), offline=True))
    assert [(d.code, d.line, d.column, d.extras["url"]) for d in result.diagnostics] == [
        ("BC303", 5, 31, "/blog/assets/img/gone.png"), ("BC303", 7, 93, "/blog/q.png"),
        ("BC303", 16, 61, "/blog/li.png")]
    assert result.notes == ()  # no video left to ask for: both are code


def test_al_folio_figures_are_images_through_relative_url(site: Path) -> None:
    (site / "assets" / "img").mkdir(parents=True, exist_ok=True)
    (site / "assets" / "img" / "9.jpg").touch()
    post = site / "_posts" / "2024-05-05-figures.md"
    post.write_text('---\ntitle: a\n---\n{% include figure.liquid loading="eager" path="assets/img/9.jpg" '
                    'class="img-fluid" %}\n{% include figure.liquid path="assets/img/10.jpg" %}\n'
                    '{% include video.liquid path="assets/video/gone.mp4" controls=true %}\n', encoding="utf-8")
    result = run([post], load_site(site), Config(select=("links",), offline=True))
    assert [(d.code, d.line, d.column, d.extras["url"]) for d in result.diagnostics] == [
        ("BC303", 5, 32, "/blog/assets/img/10.jpg"), ("BC204", 6, 31, "/blog/assets/video/gone.mp4")]


def test_a_missing_file_names_the_file_it_likely_meant(site: Path) -> None:
    for rel in ("assets/img/Chart.PNG", "assets/img/diagram.jpg", "assets/old/only-here.gif",
                "assets/a/twice.png", "assets/b/twice.png"):
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).touch()
    post = site / "_posts" / "2024-05-05-images.md"
    post.write_text("---\ntitle: a\n---\n"
                    "![a](/assets/img/chart.png) ![b](/blog/assets/IMG/Chart.PNG) ![c](/assets/img/diagram.jpeg)\n"
                    "![d](/img/only-here.gif) ![e](/assets/c/twice.png) ![f](/assets/img/unrelated.png)\n",
                    encoding="utf-8")
    found = run([post], load_site(site), Config(select=("links",), offline=True)).diagnostics
    case = " Only the case differs: it matters on the server, not on a Mac or Windows disk."
    assert [d.hint for d in found] == [
        "did you mean `/assets/img/Chart.PNG`?" + case,
        "did you mean `/blog/assets/img/Chart.PNG`?" + case,  # the baseurl kept as written
        "did you mean `/assets/img/diagram.jpg`?",  # a close name in the same folder
        "did you mean `/assets/old/only-here.gif`?",  # the one file of that name
        "check the path; on this site it may need `{{ site.baseurl }}` (/blog)",  # two files of that name: no guess
        "check the path; on this site it may need `{{ site.baseurl }}` (/blog)"]


def test_close_name_guesses_stop_when_their_budget_is_spent(tmp_path: Path) -> None:
    """Each guess compares a name with its whole folder; a run compares at most 100,000
    names, so thousands of broken images in a big folder cannot make the check slow."""
    (tmp_path / "_config.yml").write_text("title: t\n", encoding="utf-8")
    folder = tmp_path / "assets" / "img"
    folder.mkdir(parents=True)
    for i in range(25_001):
        (folder / f"shot-{i:05d}.png").touch()
    post = tmp_path / "_posts" / "2024-01-01-a.md"
    post.parent.mkdir()
    post.write_text("---\ntitle: a\n---\n" + "".join(f"![x](/assets/img/shot-{i:05d}x.png)\n" for i in range(6)),
                    encoding="utf-8")
    found = run([post], load_site(tmp_path), Config(select=("links",), offline=True)).diagnostics
    assert [d.hint for d in found] == [f"did you mean `/assets/img/shot-{i:05d}.png`?" for i in range(3)] + [
        "check the path and the file name (case matters on the server)"] * 3  # 4 x 25,001 > 100,000


def test_a_share_page_pasted_as_an_image_is_broken_offline_and_names_the_image(site: Path) -> None:
    post = site / "_posts" / "2024-05-05-shares.md"
    post.write_text(
        "---\ntitle: a\nimage: https://www.dropbox.com/scl/fi/abc123/plot.png?rlkey=k1&dl=0\n---\n"
        "![plot](https://github.com/me/blog/blob/main/assets/plot.png) ![cat](//imgur.com/aB3dE9x)\n"
        "![raw](https://github.com/me/blog/blob/main/assets/plot.png?raw=true) "
        "[a page is fine as a link](https://github.com/me/blog/blob/main/assets/plot.png)\n", encoding="utf-8")
    result = run([post], load_site(site), Config(select=("links",), offline=True))
    assert [(d.code, d.line, d.hint) for d in result.diagnostics] == [
        ("BC301", 3, "link the image itself: https://www.dropbox.com/scl/fi/abc123/plot.png?rlkey=k1&raw=1"),
        ("BC301", 5, "link the image itself: https://raw.githubusercontent.com/me/blog/main/assets/plot.png"),
        ("BC301", 5, "link the image itself: https://i.imgur.com/aB3dE9x.jpg")]
    assert result.diagnostics[1].message == (
        "`https://github.com/me/blog/blob/main/assets/plot.png` is a page that shows the image, not the image")
    assert result.notes == ("2 remote links (2 distinct URLs) not checked: offline",)  # ?raw=true and the link


def test_share_page_urls_and_their_direct_forms() -> None:
    from blogcheck.links.image_pages import direct

    assert direct("https://imgur.com/aB3dE9x") == "https://i.imgur.com/aB3dE9x.jpg"
    assert direct("https://imgur.com/gallery/aB3dE9x") is None  # an album: no single image
    assert direct("https://github.com/me/blog/tree/main/assets") is None
    assert direct("https://github.com/me/blog/blob/main/x.png?raw=1") is None
    assert direct("https://www.dropbox.com/s/abc/x.png?dl=1") is None  # already the file
    assert direct("https://example.com/blob/x.png") is None


def test_a_malformed_video_id_is_broken_offline(site: Path) -> None:
    """A video link cut short by a paste is known broken from its URL: no request, so
    the offline hook reports it; an excluded URL is left alone."""
    post = site / "_posts" / "2024-05-05-videos.md"
    post.write_text("---\ntitle: a\n---\n[a](https://www.youtube.com/watch?v=dQw4w9WgXc) "
                    "[b](https://youtu.be/dQw4w9WgXcQ) {% youtube dQw4w9WgX %} [c](https://youtu.be/abc)\n",
                    encoding="utf-8")
    result = run([post], load_site(site), Config(select=("links",), offline=True))
    assert [(d.code, d.column, d.extras["url"]) for d in result.diagnostics] == [
        ("BC206", 5, "https://www.youtube.com/watch?v=dQw4w9WgXc"),  # {% youtube %} takes 11-letter ids only
        ("BC206", 111, "https://youtu.be/abc")]
    config = Config(select=("links",), offline=True).with_section("links", exclude=["youtu"])
    assert run([post], load_site(site), config).diagnostics == []


def test_link_findings_end_where_the_target_ends(site: Path, capsys: pytest.CaptureFixture[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    from blogcheck.cli import main

    post = site / "_posts" / "2024-05-05-spans.md"
    post.write_text("---\ntitle: a\n---\nSee ![x](/assets/none.png) and [v](https://youtu.be/abc).\n", encoding="utf-8")
    monkeypatch.chdir(site)
    main(["check", "--offline", "--select", "links", "--format", "json", "_posts/2024-05-05-spans.md"])
    found = [(d["code"], d["line"], d["column"], d["end_line"], d["end_column"])
             for d in json.loads(capsys.readouterr().out)["diagnostics"]]
    assert found == [("BC303", 4, 10, 4, 26), ("BC206", 4, 36, 4, 56)]
    line = post.read_text(encoding="utf-8").splitlines()[3]
    assert line[9:25] == "/assets/none.png" and line[35:55] == "https://youtu.be/abc"


def test_invalid_image_urls_are_findings_not_crashes(site: Path) -> None:
    """The share-page rule reads an image URL's parts; an invalid one must reach BC208."""
    post = site / "_posts" / "2024-05-05-bad-urls.md"
    post.write_text('---\ntitle: a\nimage: "http://[bad"\n---\n'
                    "![y](https://github.com:99999/a/b/blob/main/x.png) ![z](https://imgur.com:x/aB3dE9x)\n",
                    encoding="utf-8")
    found = run([post], load_site(site), Config(select=("links",), offline=True)).diagnostics
    assert [(d.code, d.line, d.column) for d in found] == [("BC208", 3, 9), ("BC208", 5, 6), ("BC208", 5, 57)]


def test_a_bracketed_host_is_placed_where_it_is_written(site: Path) -> None:
    """markdown-it rebuilt `http://[::1` as `http://:1%5B:`, written nowhere: the finding
    fell back to column 1 with a URL the writer never wrote."""
    post = site / "_posts" / "2024-05-05-hosts.md"
    post.write_text("---\ntitle: a\n---\nSee ![x](http://[::1) and [y](http://[::1]:8080/x y).\n", encoding="utf-8")
    found = run([post], load_site(site), Config(select=("links",), offline=True)).diagnostics
    assert [(d.code, d.column, d.extras["url"]) for d in found] == [("BC208", 10, "http://[::1")]


@pytest.mark.parametrize("url,codes", [
    ("{{ site.github.url }}/assets/img/photo%20one.png", []),
    ("{{ site.github.url }}/me/", []),
    ("{{ site.github.url | append: '/guide/' }}", []),
    ("{{ site.github.url }}/assets/img/missing.png", ["BC204"]),
    ("{{ site.github.url }}/about/", ["BC204"]),  # about.md has `permalink: /me/`
])
def test_site_github_url_is_the_site_s_own_address(site: Path, url: str, codes: list[str]) -> None:
    """GitHub Pages sets `site.github.url` (jekyll-github-metadata); it was left unresolved,
    so a missing file behind it was never reported."""
    assert _codes(site, f"[x]({url})") == codes


@pytest.mark.parametrize(("body", "codes"), [
    ("[x](/assets/css/style.css)", ["BC204"]),  # the file is at /blog/assets/css/style.css
    ("![x](/assets/img/photo%20one.png)", ["BC303"]),
    ('<a href="/me/">x</a>', ["BC204"]),
    ("[x]({{ site.baseurl }}/me/) [y]({{ '/me/' | relative_url }}) [z](/blog/me/)", []),
    ("[x]({% link about.md %}) [y]({% post_url 2024-01-05-first %})", []),  # Jekyll 4 adds it, Jekyll 3 not
    ("[x](/nowhere/)", ["BC204"]),  # missing anyway: one finding
])
def test_a_literal_root_path_outside_the_baseurl_is_broken(site: Path, body: str, codes: list[str]) -> None:
    """With `baseurl: /blog` the site is served below /blog/ (a GitHub Pages project
    site): `/assets/x.png` written as it is goes to the server's root, a 404 on the built
    site, though the file exists. Liquid and the link tags are judged as written."""
    assert _codes(site, body) == codes


def test_a_wrong_fragment_after_baseurl_and_post_url_is_a_missing_heading(site: Path) -> None:
    """`{{ site.baseurl }}{% post_url X %}#set-up`: Jekyll 3.10 (GitHub Pages) writes the page's
    URL there, Jekyll 4 the baseurl twice. With a fragment no heading has, both readings
    fail; the one that finds the page says what is wrong (it was "no file or page", with
    the baseurl twice, and following it broke the link on GitHub Pages)."""
    post = site / "_posts" / "2024-05-05-probe.md"
    post.write_text("---\ntitle: p\n---\n[ok]({{ site.baseurl }}{% post_url 2024-01-05-first %}#part-one) "
                    "[typo]({{ site.baseurl }}{% post_url 2024-01-05-first %}#part-1)\n", encoding="utf-8")
    found = run([post], load_site(site), Config(select=("links",), offline=True)).diagnostics
    assert [(d.code, d.message) for d in found] == [
        ("BC203", "`#part-1` matches no heading or id in `/blog/news/first/`")]


def test_outside_the_baseurl_says_where_the_file_is(site: Path) -> None:
    post = site / "_posts" / "2024-05-05-probe.md"
    post.write_text("---\ntitle: probe\nimage: /assets/img/photo%20one.png\n---\n[x](/me/)\n", encoding="utf-8")
    result = run([post], load_site(site), Config(select=("links",), offline=True))
    assert [(d.line, d.message, d.hint) for d in result.diagnostics] == [  # a theme puts baseurl before `image:`
        (5, "`/me/` is outside the site's baseurl (/blog): the built site has it at /blog/me/",
         'write `{{ site.baseurl }}/me/` or `{{ "/me/" | relative_url }}`')]


def test_a_future_post_and_an_unpublished_page_have_no_page_yet(site: Path) -> None:
    """Jekyll builds neither a post dated ahead (no `future: true`) nor a page with
    `published: false`: a link to either is a 404, and `{% link %}` to either stops the
    build ("Could not find document"), as `{% post_url %}` does (BC205)."""
    (site / "_posts" / "2099-01-01-ahead.md").write_text("---\ntitle: Ahead\n---\n", encoding="utf-8")
    (site / "draft-page.md").write_text("---\npublished: false\n---\n", encoding="utf-8")
    post = site / "_posts" / "2024-05-05-probe.md"
    post.write_text("---\ntitle: probe\n---\n[a](/blog/ahead/) [b]({% link _posts/2099-01-01-ahead.md %})\n"
                    "[c](/blog/draft-page.html) [d]({% link draft-page.md %})\n", encoding="utf-8")
    result = run([post], load_site(site), Config(select=("links",), offline=True))
    found = [(d.code, d.line, d.column) for d in result.diagnostics]
    assert found == [("BC204", 4, 5), ("BC204", 4, 23), ("BC204", 5, 5), ("BC204", 5, 32)], result.diagnostics
    hints = [d.hint for d in result.diagnostics]
    assert all("in the future" in hint for hint in hints[:2]) and all("published: false" in hint for hint in hints[2:])
    assert "Jekyll stops the build" in result.diagnostics[1].message
    (site / "_config.yml").write_text(CONFIG + "future: true\nunpublished: true\n", encoding="utf-8")
    assert run([post], load_site(site), Config(select=("links",), offline=True)).diagnostics == []


def test_pages_and_files_are_where_jekyll_writes_them(tmp_path: Path) -> None:
    """Each checked against jekyll 4.3's output: a page's `permalink:` from `defaults:`, its
    placeholders (`:path`, `:basename`, `:output_ext`) filled in; a collection's `:name`
    slugified; a static file named `photo%20x.png` written as `photo x.png`."""
    (tmp_path / "_config.yml").write_text(
        "defaults:\n  - scope: {path: handbook}\n    values: {permalink: /hb/:basename/}\n"
        "collections:\n  guides: {output: true, permalink: /g/:name/}\n", encoding="utf-8")
    files = {"handbook/intro.md": "---\ntitle: Intro\n---\n",
             "docs/guide.md": "---\npermalink: /:path/:basename/\n---\n",
             "_guides/Second Doc.md": "---\ntitle: Second\n---\n", "assets/photo%20x.png": ""}
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    (tmp_path / "_posts").mkdir()
    good = ("[a](/hb/intro/) [b](/docs/guide/) [c](/g/second-doc/) ![d](/assets/photo%20x.png) "
            "![e](</assets/photo x.png>)")
    assert _codes(tmp_path, good) == []
    bad = "[a](/handbook/intro.html) [b](/g/Second%20Doc/) ![c](/assets/photo%2520x.png)"
    assert _codes(tmp_path, bad) == ["BC204", "BC204", "BC303"]


def test_a_reference_definition_whose_url_holds_a_space_is_kramdowns(site: Path) -> None:
    """kramdown takes `[r1]: /files/My Notes.pdf` as a definition (CommonMark makes it
    text, and the definitions under it with it): the three links are on the page
    (checked with kramdown), so they are checked."""
    body = ("## Setup\n\n[L1][r1] [L2][r2] ![L3][r3]\n\n[r1]: /files/My Notes.pdf\n[r2]: #nope\n"
            "[r3]: /blog/assets/b.png\n")
    assert _codes(site, body) == ["BC204", "BC203", "BC303"]


@pytest.mark.parametrize(("written", "hint"), [
    ("2024-01-06-first", "did you mean `2024-01-05-first`?"),  # the date mistyped: the same slug
    ("2024-01-05-frist", "did you mean `2024-01-05-first`?"),  # the slug mistyped: the same day
    ("2024-12-31-day-999", "use the post's file name without extension"),  # no such post: not `2024-1-10-day-9`
])
def test_a_post_url_hint_guesses_only_a_post_of_the_same_slug_or_day(site: Path, written: str, hint: str) -> None:
    (site / "_posts" / "2024-1-10-day-9.md").write_text("---\ntitle: Day 9\n---\n", encoding="utf-8")
    post = site / "_posts" / "2024-05-05-probe.md"
    post.write_text(f"---\ntitle: probe\n---\n[x]({{% post_url {written} %}})\n", encoding="utf-8")
    result = run([post], load_site(site), Config(select=("links",), offline=True))
    assert [(d.code, d.hint) for d in result.diagnostics] == [("BC205", hint)]


def test_a_permalink_that_starts_as_the_baseurl_does(tmp_path: Path) -> None:
    """`permalink: /blog/:title/` under `baseurl: /blog`: a post is served at /blog/blog/b/.
    `{% post_url %}` was taken for a path that already held the baseurl, and reported. Jekyll 4
    writes the tags' URLs under the baseurl, Jekyll 3.10 (GitHub Pages' own build) without it,
    so `{{ site.baseurl }}{% post_url %}` works on one and the bare tag on the other: both pass.
    A literal `/blog/b/` is a 404 (the site's root is /blog/), and the hint says so."""
    (tmp_path / "_config.yml").write_text("baseurl: /blog\npermalink: /blog/:title/\n", encoding="utf-8")
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_posts" / "2024-01-02-b.md").write_text("---\ntitle: B\n---\nhi\n", encoding="utf-8")
    post = tmp_path / "_posts" / "2024-01-01-a.md"
    post.write_text("---\ntitle: A\n---\n"
                    "[1]({% post_url 2024-01-02-b %}) [2]({{ site.baseurl }}{% post_url 2024-01-02-b %})\n"
                    "[3]({{ site.baseurl }}/blog/b/) [4]({{ '/blog/b/' | relative_url }})\n"
                    "[5](/blog/b/) [6]({{ site.baseurl }}/x{% post_url 2024-01-02-b %})\n", encoding="utf-8")
    result = run([post], load_site(tmp_path), Config(select=("links",), offline=True))
    assert [(d.line, d.column, d.code, d.hint) for d in result.diagnostics] == [
        (6, 5, "BC204", "the site is served under its baseurl, so that page is at `/blog/blog/b/`: "
                        "write `{{ site.baseurl }}/blog/b/` or `{{ \"/blog/b/\" | relative_url }}`"),
        (6, 19, "BC204", "check the path and the file name (case matters on the server)")]


def test_markdown_that_kramdown_keeps_as_raw_html_holds_no_link(tmp_path: Path) -> None:
    """`<details>`, a blank line, `[x](/a/)`: kramdown keeps the element's inside as raw
    HTML, so the page shows `[x](/a/)` as typed (BC610 says so) and there is no link to
    check; the raw HTML's own `<a href>` is one. With `markdown="1"` the Markdown is read."""
    (tmp_path / "_config.yml").write_text("title: t\n", encoding="utf-8")
    (tmp_path / "_posts").mkdir()
    post = tmp_path / "_posts" / "2024-01-01-a.md"
    post.write_text("---\ntitle: A\n---\n<details>\n<summary>More</summary>\n\nSee [the guide](/typed/) and "
                    "![i](/typed.png).\n<a href=\"/html-link/\">x</a>\n\n</details>\n\n[after](/after/)\n\n"
                    "<div markdown=\"1\">\n\n[read](/read/)\n\n</div>\n", encoding="utf-8")
    result = run([post], load_site(tmp_path), Config(select=("links",), offline=True))
    assert [(d.line, d.column, d.code) for d in result.diagnostics] == [
        (8, 10, "BC204"), (12, 9, "BC204"), (16, 8, "BC204")]


def test_anchor_guesses_stop_at_the_runs_budget() -> None:
    """A long post whose table of contents went stale took minutes: each broken `#anchor`
    compared its fragment with every id of the post (difflib). The ids a run compares
    are capped; past the cap a guess is only the one id the fragment starts (sorted once)."""
    from blogcheck.links.judge import AnchorLookup

    ids = {f"heading-number-{n}-of-the-post" for n in range(1000)} | {"setup-on-linux"}
    lookup = AnchorLookup(lambda: ids, lambda url: None, budget=[1500])
    first = lookup.problem(None, "heading-number-7-of-the-pots")
    assert first is not None and first.hint == "did you mean `#heading-number-7-of-the-post`?"
    assert lookup.budget == [499]
    spent = lookup.problem(None, "heading-number-8-of-the-pots")  # over the budget: no comparison
    assert spent is not None and spent.hint == "link to a heading's id (lower case, hyphens)"
    prefix = lookup.problem(None, "setup")
    assert prefix is not None and prefix.hint == "did you mean `#setup-on-linux`?"


def test_a_link_inside_kramdown_math_or_nomarkdown_is_text(tmp_path: Path) -> None:
    """kramdown hands `$$ ... $$` to MathJax as written and writes `{::nomarkdown}`
    content as it is: a `[text](url)` there is no link on the page (checked with
    kramdown 2.4: `\\([m](/math/)\\)`), so nothing is requested or reported (a link audit)."""
    (tmp_path / "_config.yml").write_text("title: t\n", encoding="utf-8")
    (tmp_path / "_posts").mkdir()
    post = tmp_path / "_posts" / "2024-01-01-a.md"
    post.write_text("---\ntitle: A\n---\nSee $$[m](/math/)$$ and {::nomarkdown}[n](/nomd/){:/} end [r](/real/).\n\n"
                    "$$\nx = [a](/block-math/)\n$$\n\n`$$` [c](/after-code/) `$$`\n", encoding="utf-8")
    result = run([post], load_site(tmp_path), Config(select=("links",), offline=True))
    assert [(d.line, d.column) for d in result.diagnostics] == [(4, 63), (10, 10)]


def test_a_post_or_file_linked_in_a_form_the_server_does_not_answer_names_the_form_it_does(site: Path) -> None:
    """`/x.html` for a post at `/x/`, `/x/` for one at `/x.html`, a file's path with `/` or
    `.html` after it: 404s on GitHub Pages and `jekyll serve`; the hint names the page's URL."""
    post = site / "_posts" / "2024-05-05-probe.md"
    post.write_text("---\ntitle: p\n---\n[a](/blog/news/first.html) ![b](/blog/assets/img/photo%20one.png/)\n",
                    encoding="utf-8")
    result = run([post], load_site(site), Config(select=("links",), offline=True))
    assert [(d.code, d.hint) for d in result.diagnostics] == [
        ("BC204", "did you mean `/blog/news/first/`?"), ("BC303", "did you mean `/blog/assets/img/photo one.png`?")]


def test_a_backslash_in_a_link_url_is_broken_for_readers(site: Path) -> None:
    """kramdown keeps a backslash in a link's URL (checked with kramdown 2.4 GFM:
    `href=".../Big\\_O\\_notation"`), and browsers read it as `/`: the link as checked (the
    escape dropped, as CommonMark does) worked, the page's did not. Code and `mailto:` are
    left alone."""
    post = site / "_posts" / "2024-05-05-probe.md"
    line = ("[O](https://en.wikipedia.org/wiki/Big\\_O\\_notation) ![i](/blog/assets/img/photo\\_one.png) "
            "[m](mailto:a\\_b@x.org) `[c](/c\\_d)`")
    post.write_text(f"---\ntitle: p\n---\n{line}\n", encoding="utf-8")
    found = run([post], load_site(site), Config(select=("links",), offline=True)).diagnostics
    assert [(d.code, d.column, d.hint) for d in found] == [  # placed where the URL is written
        ("BC208", line.index("https") + 1, "remove the backslash: `https://en.wikipedia.org/wiki/Big_O_notation`"),
        ("BC208", line.index("/blog") + 1, "remove the backslash: `/blog/assets/img/photo_one.png`")]
    assert "readers get `https://en.wikipedia.org/wiki/Big/_O/_notation`" in found[0].message


def test_a_post_url_with_a_dot_is_written_with_html_after_it(tmp_path: Path) -> None:
    """`permalink: /:title` and a post titled `v2.0`: Jekyll writes `v2.0.html` (the URL has
    no `.html` ending, so Document#destination adds it), so `/v2.0.html` and `/v2.0` both
    work; `.0` is no extension (a links audit found the first reported)."""
    (tmp_path / "_config.yml").write_text("title: t\npermalink: /:title\n", encoding="utf-8")
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_posts" / "2024-01-08-v2.0.md").write_text("---\ntitle: v\n---\nx\n", encoding="utf-8")
    post = tmp_path / "_posts" / "2024-01-09-probe.md"
    post.write_text("---\ntitle: p\n---\n[a](/v2.0.html) [b](/v2.0) [c](/v2.0/)\n", encoding="utf-8")
    found = run([post], load_site(tmp_path), Config(select=("links",), offline=True)).diagnostics
    assert [(d.code, d.message) for d in found] == [("BC204", "`/v2.0/` is no file or page of this site")]


def test_backslashes_before_brackets_and_pipes_and_in_liquid_are_said_as_they_are(site: Path) -> None:
    """markdown-it drops the escape of `\\[` and then encodes the bracket, so the URL was not
    found as written and no backslash seen; a backslash after `relative_url` is `%5C`, and
    one in a `#fragment` is no `/` (a second audit)."""
    post = site / "_posts" / "2024-05-05-probe.md"
    line = ('[w](https://en.example.org/wiki/List\\[1\\]) [q](https://e.example/a\\|b) '
            '[l]({{ "/x\\_y/" | relative_url }}) [f](/blog/me/#x\\_y)')
    post.write_text(f"---\ntitle: p\n---\n{line}\n", encoding="utf-8")
    found = run([post], load_site(site), Config(select=("links",), offline=True)).diagnostics
    assert [(d.code, d.column) for d in found] == [("BC208", line.index("https") + 1),
                                                   ("BC208", line.index("https://e.") + 1),
                                                   ("BC208", line.index("{{") + 1), ("BC208", line.index("/blog") + 1)]
    assert "no page or file has it in its path" in found[2].message
    assert found[3].message.endswith("readers get `/blog/me/#x\\_y`")


def test_files_jekyll_never_copies_are_no_files_of_the_site(tmp_path: Path) -> None:
    """Jekyll's EntryFilter leaves out names starting with `.`, `#` or `_`, or ending with `~`
    (`.htaccess` excepted, and what `include:` names): links to them 404 (a second audit)."""
    (tmp_path / "_config.yml").write_text("title: t\ninclude: [.well-known]\n", encoding="utf-8")
    (tmp_path / "assets").mkdir()
    for name in (".hidden.png", "back.png~", "#hash.png", "ok.png", ".htaccess"):
        (tmp_path / "assets" / name).write_bytes(b"x")
    (tmp_path / ".well-known").mkdir()
    (tmp_path / ".well-known" / "security.txt").write_text("x", encoding="utf-8")
    (tmp_path / "_posts").mkdir()
    post = tmp_path / "_posts" / "2024-01-09-probe.md"
    post.write_text("---\ntitle: p\n---\n[a](/assets/.hidden.png) [b](/assets/back.png~) [c](/assets/%23hash.png) "
                    "[d](/assets/ok.png) [e](/assets/.htaccess) [f](/.well-known/security.txt)\n", encoding="utf-8")
    found = run([post], load_site(tmp_path), Config(select=("links",), offline=True)).diagnostics
    assert [d.message.split("`")[1] for d in found] == ["/assets/.hidden.png", "/assets/back.png~", "/assets/#hash.png"]

