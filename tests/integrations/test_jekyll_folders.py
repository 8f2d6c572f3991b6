"""Which post and draft files Jekyll reads, and each post's URL, as real Jekyll 4
builds them: `_posts/` in category folders, `collections_dir` (right, with a slash
Jekyll keeps, or a folder Jekyll skips), `include:`/`exclude:` and `defaults:`
scoped by path. blogcheck must agree file for file: a post it thinks unread gets
BC124, and the URL of every post it thinks read is Jekyll's."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from blogcheck.checks import Context
from blogcheck.checks.urls import url_of
from blogcheck.config import Config
from blogcheck.discover import default_paths, discover
from blogcheck.jekyll.site import load_site
from blogcheck.post import Post, load

# A site hook, written into the test site only: every post and draft Jekyll read, with its URL.
REPORT = """require "json"
Jekyll::Hooks.register :site, :post_write do |site|
  urls = site.posts.docs.map { |doc| [doc.relative_path, doc.url] }.to_h
  File.write(File.join(site.source, "read.json"), JSON.dump(urls))
end
"""
FILES = ["_posts/2024-01-01-root.md", "blog/_posts/2024-01-02-cat.md", "a/b/_posts/2024-01-03-deep.md",
         "_old/_posts/2024-01-04-old.md", "notes/_posts/2024-01-05-notes.md", "node_modules/x/_posts/2024-01-06-nm.md",
         "coll/_posts/2024-01-07-in.md", "coll/blog/_posts/2024-01-08-in-cat.md", "coll/_x/_posts/2024-01-09-x.md",
         "_coll/_posts/2024-01-10-under.md", "_coll/blog/_posts/2024-01-11-under-cat.md",
         "_drafts/draft-root.md", "coll/_drafts/draft-coll.md", "coll/_posts/sub/2024-01-12-sub.md"]
DEFAULTS = [{"scope": {"path": "coll/blog"}, "values": {"permalink": "/from-defaults/:title/"}},
            {"scope": {"path": "_posts/sub"}, "values": {"categories": ["scoped"]}}]
CONFIGS = {
    "no collections_dir": {"exclude": ["notes"], "include": ["_old"]},
    "collections_dir": {"collections_dir": "coll", "defaults": DEFAULTS},
    "collections_dir with a slash": {"collections_dir": "coll/"},
    "collections_dir Jekyll skips": {"collections_dir": "_coll"},
}
READ = {"no collections_dir": 9, "collections_dir": 4, "collections_dir with a slash": 1,
        "collections_dir Jekyll skips": 0}  # how many of FILES Jekyll reads (checked in agreement above)


@pytest.mark.parametrize("name", CONFIGS)
def test_the_posts_jekyll_reads_and_their_urls(tmp_path: Path, name: str) -> None:
    assert shutil.which("jekyll"), ".ci/run installs jekyll"
    root = tmp_path / "site"
    for rel in FILES:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"---\ntitle: {path.stem}\n---\nText.\n", encoding="utf-8")
    config = {"permalink": "/:categories/:year/:title/", **CONFIGS[name]}
    config["exclude"] = [*config.get("exclude", []), "read.json"]
    (root / "_config.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (root / "_plugins").mkdir()
    (root / "_plugins" / "report.rb").write_text(REPORT, encoding="utf-8")
    build = subprocess.run(["jekyll", "build", "--quiet", "--drafts"], cwd=root, capture_output=True, text=True,
                           timeout=300, check=False)
    assert build.returncode == 0, build.stderr[-2000:]
    jekyll: dict[str, str] = json.loads((root / "read.json").read_text(encoding="utf-8"))

    site = load_site(root)
    posts = [p for p in (load(root / rel, rel, site, 10**6) for rel in FILES) if isinstance(p, Post)]
    assert len(posts) == len(FILES)
    read = {p.doc: p for p in posts if not p.unread}
    assert sorted(read) == sorted(jekyll), {p.rel: p.unread for p in posts}
    ctx = Context(site, Config(), posts)
    urls = {doc: url_of(post, ctx) for doc, post in read.items() if post.kind == "posts"}
    assert urls == {doc: url for doc, url in jekyll.items() if "_drafts/" not in doc}
    # Checked with no paths, blogcheck reads every post Jekyll reads (and the root's, read or not).
    found = {p.relative_to(root).as_posix() for p in discover(default_paths(root, site.config), root)}
    assert {p.rel for p in read.values()} <= found
    assert len(jekyll) == READ[name]
