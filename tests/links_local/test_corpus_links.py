"""The links check over the real-post corpus (../shared/corpus), offline.

Each blog becomes a site in tmp_path: its _config.yml, its real _posts, and an
empty file for every other path of the repository (tree.txt), so local links
resolve as on the real site. Empty stand-ins hide what the real files say
(a page's `permalink:`, Netlify `_redirects` rules); where a post links through
such a file, the stand-in gets the line the real file has, cited below. Every
error left is a real defect of the blog, each explained. Skipped only where
the corpus is absent (CI always has it)."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from blogcheck.checks import Context
from blogcheck.checks.links import NOT_CHECKED, Unchecked, check
from blogcheck.config import Config
from blogcheck.jekyll.site import load_site
from blogcheck.links import anchors, extract
from blogcheck.links.front import front_links
from blogcheck.post import Post, load
from blogcheck.run import run

BLOGS = ["daattali__daattali.github.io", "ivanstudyblog__ivanstudyblog.github.io", "jekyll__jekyll",
         "mmistakes__made-mistakes-jekyll"]
# The folder of the repository that is the Jekyll source (where _posts is).
SOURCE = {"jekyll__jekyll": "docs/", "mmistakes__made-mistakes-jekyll": "src/"}

STAND_INS = {
    "mmistakes__made-mistakes-jekyll": {
        # src/_work/paperfaces.md starts `permalink: /paperfaces/` (commit 0086549); 21 posts link there.
        "_work/paperfaces.md": "---\npermalink: /paperfaces/\n---\n",
        # Two rules of src/_redirects (Netlify), as in commit 02f6baa, the one stored version.
        "_redirects": "/articles/typography-urban-outfitters/ /notes/typography-urban-outfitters/ 301\n"
                      "/tag/paper-by-53 /tag/paper-for-ios/ 301\n",
    },
}

# made-mistakes keeps its images in a git submodule (mmistakes/made-mistakes-images)
# that tree.txt does not list, so its 8,000 /assets/images/ links cannot be resolved.
EXCLUDE = {"mmistakes__made-mistakes-jekyll": ["^/assets/images/"]}

# Every error on the corpus: (blog, post, line, column, code, url), each a real defect.
ERRORS = {
    # No search page in the repository (tree.txt has no search.*); the 2015 post
    # links a page the site no longer has.
    ("daattali__daattali.github.io", "_posts/2015-03-12-beautiful-jekyll-how-to-build-a-site-in-minutes.md",
     70, 109, "BC204", "/search"),
    # The talk page `/colourpicker-user2017/` is in no file of the repository.
    ("daattali__daattali.github.io", "_posts/2017-08-02-user2017.md", 60, 43, "BC204", "/colourpicker-user2017/"),
    ("daattali__daattali.github.io", "_posts/2017-08-02-user2017.md", 291, 44, "BC204", "/colourpicker-user2017/"),
    # The image is at /assets/img/blog/shinydisconnect/...; the link misses the /assets/img/blog prefix
    # (the <img> beside it has the right path).
    ("daattali__daattali.github.io", "_posts/2020-07-28-shinydisconnect-package.md", 14, 110, "BC204",
     "/shinydisconnect/shinydisconnect-default-message.png"),
    # No page answers /help/: docs/_docs/support.md has `permalink: /docs/support/` and no redirect_from.
    ("jekyll__jekyll", "_posts/2016-02-08-jekyll-3-0-3-released.markdown", 23, 33, "BC204", "/help/"),
    # Tag pages come from jekyll-paginate-v2 autopages (`/tag/:tag`) for tags some post has;
    # no post is tagged `blend` or `eye` any more, and no redirect covers them.
    ("mmistakes__made-mistakes-jekyll", "_posts/mastering-paper/2013-11-20-pencil-first-look.md", 17, 449, "BC204",
     "/tag/blend/"),
    ("mmistakes__made-mistakes-jekyll", "_posts/paperfaces/2015-02-16-kapi-m-portrait.md", 17, 38, "BC204",
     "/tag/eye/"),
}

# Remote links of each blog, not checked offline: (occurrences, distinct URLs).
UNCHECKED = {
    "daattali__daattali.github.io": (556, 338),  # 1 Instagram `<script src>`, 3 PayPal `<input type="image" src>`
    # links written with the site's own address (`url:`) to a page it has are checked here, not counted:
    # 5 in ivanstudyblog (`https://ivanstudyblog.github.io/day-7/`...), 5 in jekyll (`https://jekyllrb.com/docs/...`)
    "ivanstudyblog__ivanstudyblog.github.io": (5012, 4844),
    # 2 of them `({{ site.repository` / `}}/issues/1338)`, a tag that the wrapped paragraph breaks (wrapped.py)
    "jekyll__jekyll": (140, 116),
    # 20 of them in `{% figure caption:"..." %}`, 105 videos and playlists embedded with `{% youtube %}`/`{% vimeo %}`,
    # 12 `<script src>` of Twitter's widget (two spellings)
    "mmistakes__made-mistakes-jekyll": (1639, 1455),  # the playlist is also linked; 1 own page
}


def build_site(corpus: Path, blog: str, into: Path) -> Path:
    source = corpus / blog
    site = into / blog
    prefix = SOURCE.get(blog, "")
    for line in (source / "tree.txt").read_text(encoding="utf-8").splitlines():
        rel = line[len(prefix):] if line.startswith(prefix) else ""
        if rel and "_posts/" not in f"/{rel}":
            (site / rel).parent.mkdir(parents=True, exist_ok=True)
            (site / rel).touch()
    for rel, text in STAND_INS.get(blog, {}).items():
        (site / rel).write_text(text, encoding="utf-8")
    shutil.copytree(source / "_posts", site / "_posts")
    shutil.copy(source / "_config.yml", site / "_config.yml")
    return site


@pytest.fixture(scope="module")
def sites(corpus_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    into = tmp_path_factory.mktemp("corpus-sites")
    return {blog: build_site(corpus_dir, blog, into) for blog in BLOGS}


def _config(blog: str) -> Config:
    config = Config(select=("links",), offline=True)
    return config.with_section("links", exclude=EXCLUDE[blog]) if blog in EXCLUDE else config


@pytest.mark.parametrize("blog", BLOGS)
def test_corpus_errors_are_the_real_defects(sites: dict[str, Path], blog: str) -> None:
    site = sites[blog]
    result = run([site / "_posts"], load_site(site), _config(blog))
    found = {(blog, str(Path(d.path).relative_to(site)), d.line, d.column, d.code, d.extras["url"])
             for d in result.diagnostics}
    assert found == {e for e in ERRORS if e[0] == blog}
    assert all(d.severity.value == "error" for d in result.diagnostics)
    for d in result.diagnostics:  # the one error whose file is elsewhere in the site is told where
        if d.extras["url"] == "/shinydisconnect/shinydisconnect-default-message.png":
            assert d.hint == "did you mean `/assets/img/blog/shinydisconnect/shinydisconnect-default-message.png`?"


@pytest.mark.parametrize("blog", BLOGS)
def test_remote_links_are_counted_as_not_checked(sites: dict[str, Path], blog: str) -> None:
    site = sites[blog]
    loaded = load_site(site)
    posts = [p for p in (load(path, str(path), loaded, 5_000_000) for path in sorted((site / "_posts").rglob("*.*")))
             if isinstance(p, Post)]
    ctx = Context(loaded, _config(blog), posts)
    list(check(posts, ctx))
    assert ctx.cache[NOT_CHECKED] == Unchecked(*UNCHECKED[blog])


def test_every_corpus_post_extracts(corpus_dir: Path) -> None:
    """No exception on any of the 1,512 posts, and the links found, by kind."""
    kinds: Counter[str] = Counter()
    posts = 0
    for blog in BLOGS:
        site = load_site(corpus_dir / blog)
        dialect = anchors.Dialect(site.config)
        for path in sorted((corpus_dir / blog / "_posts").rglob("*.*")):
            post = load(path, str(path), site, 5_000_000)
            assert isinstance(post, Post)
            parsed = extract.parse(post)
            kinds.update(link.kind.value for link in extract.links(parsed, lambda raw: raw))
            lines = post.text.split("\n")
            for link in front_links(post, lambda raw: raw):
                kinds[link.kind.value + " (front matter)"] += 1
                assert lines[link.line - 1][link.column - 1 :].startswith(link.raw), (path, link)
            kinds.update("{% " + ref.name + " %}" for ref in extract.tag_refs(parsed))
            anchors.ids(parsed, dialect, lambda raw: raw)
            posts += 1
    assert posts == 1512
    # `{% post_url %}` and `{% link %}` appear 205 and 10 times (one `{% link` has its path on the next
    # line); one of each is inside {% raw %}.
    # 990 front-matter images of made-mistakes are YAML aliases (`feature: *image`) of another key: not counted.
    # 8 images with spaces in their paths, each also a link to itself (daattali), are links to kramdown;
    # 26 links are in the captions of made-mistakes' `{% figure caption:"..." %}` tag, and 105 embeds
    # are its `{% youtube ID %}` and `{% vimeo ID %}` videos (2 of them playlists); 13 are `<script src>` widgets.
    # 3 images are PayPal buttons (`<input type="image" src>`, daattali).
    # 3 links have a Liquid tag that the wrapped paragraph breaks across lines (jekyll's release notes), and
    # made-mistakes' paperfaces retrospective defines two references by `{% post_url %}` tags of one length.
    assert dict(kinds) == {"link": 6362, "image": 6972, "embed": 122, "image (front matter)": 1994,
                           "link (front matter)": 47, "{% post_url %}": 204, "{% link %}": 9}
