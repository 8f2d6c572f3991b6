"""blogcheck works out each post's URL, the ids of its page and its links without
building the site (for local links, `{% post_url %}`, `#fragment`s, BC121 and
BC140). Here real Jekyll builds each corpus blog and reports the URL it gave every
post; the URLs, the ids in each built page and, for posts without Liquid, the
links and images of the page must agree with blogcheck's, post for post, and the
words the spelling check reads must be words the page shows.

The build keeps the blog's settings that shape post URLs (permalink, time zone,
collections, defaults, future...) and drops its plugins (not installed here) and
Liquid (its includes are not in the corpus): neither changes a post's URL."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from blogcheck.checks import Context
from blogcheck.checks.urls import url_of
from blogcheck.config import Config
from blogcheck.jekyll.site import load_site
from blogcheck.links import anchors, extract
from blogcheck.post import Post, load
from blogcheck.spelling.prose import spans

BLOGS = ["daattali__daattali.github.io", "ivanstudyblog__ivanstudyblog.github.io", "jekyll__jekyll",
         "mmistakes__made-mistakes-jekyll"]
KEPT = ("permalink", "timezone", "baseurl", "collections", "defaults", "future", "unpublished", "markdown")
# A site hook, written into the test site only: the URL Jekyll gave each post it published.
REPORT_URLS = """require "json"
Jekyll::Hooks.register :site, :post_write do |site|
  urls = site.posts.docs.map { |doc| [doc.relative_path, doc.url] }.to_h
  File.write(File.join(site.source, "urls.json"), JSON.dump(urls))
end
"""


# kramdown's GFM parser reads this list item, whose link text holds a `|`, as a table row: no link.
KRAMDOWN_TABLE_QUIRK = {("ivanstudyblog__ivanstudyblog.github.io", "_posts/2024-08-15-day-227.md")}
_LINKS = {("a", "href"): "link", ("img", "src"): "image", ("input", "src"): "image", ("iframe", "src"): "embed",
          ("source", "src"): "embed",
          ("video", "src"): "embed", ("video", "poster"): "image", ("audio", "src"): "embed", ("track", "src"): "embed",
          ("embed", "src"): "embed", ("object", "data"): "embed", ("script", "src"): "embed"}


_CODE = frozenset({"code", "pre", "script", "style", "kbd", "samp", "var", "tt", "math", "svg", "textarea"})


class _Page(HTMLParser):
    """What a #fragment can point at in a page (ids, names of `<a>`), its links, and
    the words a reader sees (text outside code, and image alt texts)."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: set[tuple[str, str]] = set()
        self.words: Counter[str] = Counter()
        self._code = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.ids.update(v for k, v in values.items() if v is not None and (k == "id" or (tag, k) == ("a", "name")))
        for (element, attribute), kind in _LINKS.items():
            url = values.get(attribute)
            if tag == element and url is not None and not url.startswith(("#fn:", "#fnref:")):
                self.links.add((kind, url))
        self._code += tag in _CODE
        if tag in ("img", "area") or (tag == "input" and (values.get("type") or "").lower() == "image"):
            self.handle_data(values.get("alt") or "")  # shown in the image's place, and said by screen readers

    def handle_endtag(self, tag: str) -> None:
        self._code = max(self._code - (tag in _CODE), 0)

    def handle_data(self, data: str) -> None:
        if not self._code:
            self.words.update(_words(data))


def _words(text: str) -> list[str]:
    """Words, the way kramdown's typographic quotes do not change them."""
    from blogcheck.spelling.tokens import WORD

    return [w.lower() for w in WORD.findall(text.replace("\u2019", "'").replace("\u2018", "'"))]


def _site(corpus: Path, blog: str, root: Path) -> Path:
    shutil.copytree(corpus / blog / "_posts", root / "_posts")
    config = yaml.safe_load((corpus / blog / "_config.yml").read_text(encoding="utf-8")) or {}
    kept = {key: value for key, value in config.items() if key in KEPT}
    no_liquid = {"scope": {"path": ""}, "values": {"render_with_liquid": False}}
    kept["defaults"] = [*(kept.get("defaults") or []), no_liquid]
    kept["exclude"] = ["urls.json"]
    (root / "_config.yml").write_text(yaml.safe_dump(kept), encoding="utf-8")
    (root / "_plugins").mkdir()
    (root / "_plugins" / "report_urls.rb").write_text(REPORT_URLS, encoding="utf-8")
    return root


@pytest.mark.parametrize("blog", BLOGS)
def test_every_post_url_is_the_one_jekyll_gives(corpus_dir: Path, tmp_path: Path, blog: str) -> None:
    assert shutil.which("jekyll"), ".ci/run installs jekyll"
    site_dir = _site(corpus_dir, blog, tmp_path / "site")
    build = subprocess.run(["jekyll", "build", "--quiet"], cwd=site_dir, capture_output=True, text=True,
                           timeout=600, check=False)
    assert build.returncode == 0, build.stderr[-2000:]
    jekyll: dict[str, str] = json.loads((site_dir / "urls.json").read_text(encoding="utf-8"))
    site = load_site(site_dir)
    files = sorted((site_dir / "_posts").rglob("*.*"))
    posts = [p for p in (load(f, f.name, site, 10**7) for f in files) if isinstance(p, Post)]
    ctx = Context(site, Config(), posts)
    ours = {p.rel: url for p in posts if (url := url_of(p, ctx)) is not None}
    assert len(jekyll) >= 30
    assert ours == jekyll
    dialect = anchors.Dialect(site.config)
    compared, words, unseen = 0, 0, Counter[str]()
    for post in posts:
        if post.rel not in jekyll:
            continue
        page = site_dir / "_site" / jekyll[post.rel].lstrip("/")
        reader = _Page()
        reader.feed((page / "index.html" if jekyll[post.rel].endswith("/") else page).read_text(encoding="utf-8"))
        parsed = extract.parse(post)
        assert anchors.ids(parsed, dialect, lambda raw: raw) == reader.ids, post.rel
        if "{%" in post.text or "{{" in post.text or (blog, post.rel) in KRAMDOWN_TABLE_QUIRK:
            continue  # Liquid is not rendered in this build: its links are not the site's
        ours = {(link.kind.value, link.url) for link in extract.links(parsed, lambda raw: raw)}
        assert ours == reader.links, post.rel
        read = Counter(w for span in spans(post) if span.where == "body" for w in _words(span.text))
        unseen += read - reader.words
        words += read.total()
        compared += 1
    assert compared >= 5
    # The spelling check reads what readers see: of 442,889 words read on the 477 posts compared,
    # 17 are not on the pages, measured: 9 in kramdown abbreviation definitions (shown on hover), 8 the
    # numbers of numbered lists.
    assert unseen.total() <= max(10, words // 10_000), unseen.most_common(20)
