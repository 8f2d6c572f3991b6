"""Ids of layouts and includes, the variables an include sets, and a page's front matter
are read in the site's `encoding:`, as `jekyll build` reads those files. Read as UTF-8, a
Latin-1 `id="café"` was `caf\ufffd` (a false BC203), a Shift_JIS `ボ` (b"\\x83{") opened an
output tag that swallowed an include's `{% assign %}` (a false BC502), and a Latin-1 page's
front matter was not read at all (its `permalink:` lost: a false BC204)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from blogcheck.cli import main


def _site(root: Path, files: dict[str, str], encoding: str) -> Path:
    root.mkdir(parents=True)
    (root / "_config.yml").write_text(f"title: t\nencoding: {encoding}\n", encoding="utf-8")
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(text.encode(encoding))
    subprocess.run(["jekyll", "build", "--quiet"], cwd=root, capture_output=True, timeout=300, check=True)
    return root


def _findings(site: Path, capsys: pytest.CaptureFixture[str]) -> list[tuple[str, str, int]]:
    main(["check", "--offline", "--no-cache", "--format", "json", str(site)])
    return [(Path(d["path"]).name, d["code"], d["line"]) for d in json.loads(capsys.readouterr().out)["diagnostics"]]


def _page(site: Path, rel: str, encoding: str = "latin-1") -> str:
    return (site / "_site" / rel).read_bytes().decode(encoding)


def test_ids_of_layouts_and_includes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert shutil.which("jekyll"), ".ci/run installs jekyll"
    site = _site(tmp_path / "site", {
        "_layouts/post.html": '<main>{{ content }}</main><div id="café"></div>{% include foot.html %}\n',
        "_includes/foot.html": '<footer id="pied-à-terre"></footer>\n',
        "_posts/2024-01-01-a.md": "---\nlayout: post\ntitle: a\n---\n[A](#café) and [b](#pied-à-terre).\n"},
        "ISO-8859-1")
    page = _page(site, "2024/01/01/a.html")
    assert '<div id="café">' in page and '<footer id="pied-à-terre">' in page
    assert _findings(site, capsys) == []


def test_variables_an_include_sets(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = _site(tmp_path / "site", {
        "_includes/greet.html": 'ボ{% assign greeting = "やあ" %}{{ greeting }}\n',
        "_posts/2024-01-01-a.md": "---\ntitle: a\n---\n{% include greet.html %}\n\nSay {{ greeting }} again.\n"},
        "Shift_JIS")
    assert "<p>Say やあ again.</p>" in _page(site, "2024/01/01/a.html", "shift_jis")
    assert _findings(site, capsys) == []


def test_a_pages_front_matter(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = _site(tmp_path / "site", {
        "about.md": "---\ntitle: À propos\npermalink: /about-us/\n---\n## Le café\n\nDéjà.\n",
        "menu.md": "---\ntitle: Carte\npermalink: /carte-à-la-française/\n---\nCafé.\n",
        "_posts/2024-01-01-a.md": "---\ntitle: a\n---\n[Us](/about-us/#le-café), [the menu](/carte-à-la-française/)."
                                  "\n\n[Not there](/about/#le-café).\n"},
        "ISO-8859-1")
    assert '<h2 id="le-café">' in _page(site, "about-us/index.html")
    assert (site / "_site" / "carte-à-la-française" / "index.html").is_file()  # the folder's name in UTF-8
    assert _findings(site, capsys) == [("2024-01-01-a.md", "BC204", 6)]
