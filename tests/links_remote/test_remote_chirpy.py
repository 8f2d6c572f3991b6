"""A Chirpy site's `cdn:` puts a post's images on the CDN (links/media.py): they
are asked for there, as images, and not looked for in the site. The CDN host is
sent to the loopback farm with --remap."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from remote_server import Farm
from remote_support import one_post_site

from blogcheck.cli import main


def test_images_on_a_chirpy_cdn_are_asked_for_there(tmp_path: Path, farm: Farm,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    site = one_post_site(tmp_path, "![a](shot.png) ![b](/missing/b.png) ![c](page.png)\n")
    (site / "_config.yml").write_text("theme: jekyll-theme-chirpy\ncdn: https://cdn.example.com\n")
    post = site / "_posts" / "2024-01-01-a.md"
    post.write_text(post.read_text().replace("title: A\n", "title: A\nmedia_subpath: /img\n"))
    main(["check", "--select", "links", "--no-cache", "--format", "json",
          "--remap", rf"^https://cdn\.example\.com/ {farm.url('/')}", str(site)])
    found = json.loads(capsys.readouterr().out)["diagnostics"]
    # /img/... answers a PNG; the media folder is put before an absolute path too: /img/missing/b.png is there
    assert found == []
    assert sorted(e.path for e in farm.hits()) == ["/img/missing/b.png", "/img/page.png", "/img/shot.png"]
    post.write_text(post.read_text().replace("media_subpath: /img", "media_subpath: /missing"))
    main(["check", "--select", "links", "--no-cache", "--format", "json",
          "--remap", rf"^https://cdn\.example\.com/ {farm.url('/')}", str(site)])
    found = json.loads(capsys.readouterr().out)["diagnostics"]
    assert [(d["code"], d["url"]) for d in found] == [
        ("BC301", "https://cdn.example.com/missing/shot.png"), ("BC301", "https://cdn.example.com/missing/missing/b.png"),
        ("BC301", "https://cdn.example.com/missing/page.png")]
