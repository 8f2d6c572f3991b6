"""The Chirpy theme's image paths (blogcheck/links/media.py): a post's images are
`[cdn/][media_subpath/]path`, its preview `image:` too, a bare name included;
with neither, a relative image path is read from the site root. Chirpy documents
the rule as `[site.cdn/][page.media_subpath/]file.ext` ("Writing a New Post")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from blogcheck.cli import main

POST = """---
title: A
{front}
---
![a](shot.png) ![b](/b.png) <img src="c.png"> ![gone](missing.png) ![web](https://example.com/x.png)
[a download, not an image](shot.png)
"""


def _site(tmp_path: Path, config: str, front: str, files: list[str]) -> Path:
    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    (site / "_config.yml").write_text(config, encoding="utf-8")
    (site / "_posts" / "2024-01-01-a.md").write_text(POST.format(front=front), encoding="utf-8")
    for rel in files:
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_bytes(b"\x89PNG\r\n\x1a\n")
    return site


def _found(capsys: pytest.CaptureFixture[str], site: Path) -> list[tuple[str, str, str]]:
    main(["check", "--select", "links", "--offline", "--format", "json", str(site / "_posts")])
    return [(d["code"], d["message"], d.get("hint", "")) for d in json.loads(capsys.readouterr().out)["diagnostics"]]


FOLDER = ["assets/p1/shot.png", "assets/p1/b.png", "assets/p1/c.png", "assets/p1/cover.png"]


@pytest.mark.parametrize("front", [
    "media_subpath: /assets/p1\nimage:\n  path: cover.png",
    "img_path: /assets/p1/\nimage: cover.png",  # Chirpy before 7
])
def test_media_subpath_places_every_image_and_the_preview(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                          front: str) -> None:
    found = _found(capsys, _site(tmp_path, "title: t\n", front, FOLDER))
    assert [(code, message) for code, message, _ in found] == [
        ("BC303", "`/assets/p1/missing.png` is no image of this site"),
        ("BC204", "`/2024/01/01/shot.png` is no file or page of this site"),  # a link is not placed
    ]
    assert found[0][2].startswith(f"`{front.split(':')[0]}: /assets/p1")
    assert "put `missing.png` there" in found[0][2]


def test_a_missing_preview_image_is_reported_below_the_folder(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    front = "media_subpath: /assets/p1\nimage:\n  path: cover.png\n  lqip: cover-lqip.webp"
    found = [(c, m) for c, m, _ in _found(capsys, _site(tmp_path, "title: t\n", front, FOLDER[:3]))]
    assert ("BC303", "`/assets/p1/cover.png` is no image of this site") in found
    assert ("BC303", "`/assets/p1/cover-lqip.webp` is no image of this site") in found
    front = "media_subpath: /assets/p1\nimage:\n  path: cover.png\n  lqip: data:image/webp;base64,UklGRpoAAAB"
    found = [(c, m) for c, m, _ in _found(capsys, _site(tmp_path / "b", "title: t\n", front, FOLDER))]
    assert [c for c, _ in found] == ["BC303", "BC204"]  # missing.png and the link: a data: URI is no file


def test_defaults_give_the_folder_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = "title: t\ndefaults:\n  - scope: {path: '', type: posts}\n    values: {media_subpath: /assets/p1}\n"
    found = _found(capsys, _site(tmp_path, config, "image: cover.png", FOLDER))
    assert [code for code, _, _ in found] == ["BC303", "BC204"]


def test_a_chirpy_site_reads_relative_images_from_the_root(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = ["shot.png", "b.png", "c.png", "cover.png"]
    found = _found(capsys, _site(tmp_path, "theme: jekyll-theme-chirpy\n", "image: cover.png", root))
    assert [(code, message) for code, message, _ in found] == [
        ("BC303", "`/missing.png` is no image of this site"), ("BC204", "`/2024/01/01/shot.png` is no file or page "
                                                                        "of this site")]
    assert found[0][2].startswith("Chirpy writes `missing.png` from the site root")
    # the same files next to the post's URL, on a site of another theme: relative to the post, as Jekyll writes them
    other = _found(capsys, _site(tmp_path / "other", "title: t\n", "", [f"2024/01/01/{n}" for n in root]))
    assert [(code, message) for code, message, _ in other] == [
        ("BC303", "`/b.png` is no image of this site"), ("BC303", "`/2024/01/01/missing.png` is no image of this site")]


def test_chirpy_puts_the_baseurl_before_every_image_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`{{ site.baseurl }}/assets/a.png` comes out as `/blog/blog/assets/a.png` (media-url.html
    adds the baseurl to every path off the CDN); `/assets/a.png` is right."""
    site = _site(tmp_path, "theme: jekyll-theme-chirpy\nbaseurl: /blog\n", "", ["assets/a.png"])
    (site / "_posts" / "2024-01-01-a.md").write_text(
        "---\ntitle: A\n---\n![ok](/assets/a.png) ![twice]({{ site.baseurl }}/assets/a.png) ![gone](/assets/b.png)\n",
        encoding="utf-8")
    found = _found(capsys, site)
    assert [(code, message) for code, message, _ in found] == [
        ("BC303", "`/blog/blog/assets/a.png` is no image of this site"),
        ("BC303", "`/blog/assets/b.png` is no image of this site")]
    assert found[0][2].startswith("Chirpy puts `baseurl` (/blog) before `/blog/assets/a.png`, which has it already")
    assert found[1][2] == "check the path and the file name (case matters on the server)"  # written as it is read


def test_a_chirpy_cdn_moves_the_images_off_the_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = _site(tmp_path, "remote_theme: cotes2020/jekyll-theme-chirpy\ncdn: https://cdn.example.com/\n",
                 "media_subpath: /p1", [])
    main(["check", "--select", "links", "--offline", "--format", "json", str(site / "_posts")])
    report = json.loads(capsys.readouterr().out)
    assert [d["code"] for d in report["diagnostics"]] == ["BC204"]  # the download link only
    # the five images are remote now: cdn/p1/shot.png, cdn/p1/b.png, ... and the page's own remote image
    assert "5 remote links (5 distinct URLs) not checked: offline" in report["summary"]["notes"]
