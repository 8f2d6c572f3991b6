"""Files without front matter inside a collection Jekyll writes out are copied as
static files, at a URL made from the collection's permalink (StaticFile#url): with
`permalink: /work/:name/`, `_projects/imgs/d.png` is `/work/d.png`. Real Jekyll builds
a site with several such collections; every file it writes must be a file of
blogcheck's site index, and the folder paths it does not write must not be."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from blogcheck.checks import Context
from blogcheck.checks.urls import url_of
from blogcheck.cli import main
from blogcheck.config import Config
from blogcheck.jekyll.site import load_site
from blogcheck.links.local import SiteIndex
from blogcheck.post import Post, load

COLLECTIONS = {
    "projects": {"output": True, "permalink": "/work/:name/"},
    "docs": {"output": True},  # the default, /:collection/:path:output_ext
    "notes": {"output": True, "permalink": "/:collection/:path/"},
    "items": {"output": True, "permalink": "/i/:title.html"},
    "drafts_kept": {"output": False, "permalink": "/kept/:name/"},  # not written: its files neither
}
FILES = ["imgs/d.png", "e.tar.gz", "space name.png", "plain.md", "a..b.png", "deep/er/f.svg"]


def _site(root: Path) -> Path:
    (root / "_posts").mkdir(parents=True)
    (root / "_posts" / "2024-01-01-a.md").write_text("---\ntitle: A\n---\nText.\n")
    for name in COLLECTIONS:
        for rel in FILES:
            path = root / f"_{name}" / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(b"not a page\n")
        (root / f"_{name}" / "doc.md").write_text("---\ntitle: D\n---\nA document.\n")
    (root / "_config.yml").write_text(yaml.safe_dump({"title": "t", "collections": COLLECTIONS}))
    return root


def _built(root: Path) -> set[str]:
    assert shutil.which("jekyll"), ".ci/run installs jekyll"
    build = subprocess.run(["jekyll", "build", "--quiet"], cwd=root, capture_output=True, text=True, timeout=300,
                           check=False)
    assert build.returncode == 0, build.stderr
    out = root / "_site"
    return {"/" + p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}


def test_every_static_file_of_a_collection_is_where_jekyll_writes_it(tmp_path: Path) -> None:
    root = _site(tmp_path / "site")
    built = {p for p in _built(root) if not p.endswith(".html")}  # the documents' and the post's pages aside
    assert "/work/d.png" in built and "/docs/imgs/d.png" in built  # the premise: permalinks move static files
    site = load_site(root)
    post = load(root / "_posts" / "2024-01-01-a.md", "_posts/2024-01-01-a.md", site, 10**6)
    assert isinstance(post, Post)
    ctx = Context(site, Config(), [post])
    index = SiteIndex.build(site, [post], lambda post: url_of(post, ctx))
    assert {p for p in built if not index.exists(p)} == set()
    naive = {f"/{name}/{rel}" for name in ("projects", "notes", "items", "drafts_kept") for rel in FILES}
    assert {p for p in naive if index.exists(p)} == naive & built


@pytest.mark.parametrize(("link", "found"), [("/work/d.png", ""), ("/work/space%20name.png", ""),
                                             ("/projects/imgs/d.png", "is no image"),
                                             ("/kept/d.png", "is no image")])
def test_a_post_linking_a_collections_file(tmp_path: Path, capsys: pytest.CaptureFixture[str], link: str,
                                           found: str) -> None:
    root = _site(tmp_path / "site")
    (root / "_posts" / "2024-01-01-a.md").write_text(f"---\ntitle: A\n---\n![x]({link})\n")
    code = main(["check", "--offline", "--no-cache", "--select", "links", str(root / "_posts")])
    out = capsys.readouterr().out
    assert (code, found in out if found else "BC303" not in out) == (1 if found else 0, True), out
